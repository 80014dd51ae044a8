/**
 * The sums of the secular equation's rational terms as a WebAssembly SIMD kernel: for poles δⱼ (relative to the
 * current origin) and weights rⱼ = ρzⱼ² over j < n, at the point τ, it stores Σ rⱼ/(δⱼ − τ) and Σ rⱼ/(δⱼ − τ)²
 * (the value and derivative parts ψ, ψ′ or φ, φ′ of secular.ts) at pout. Two terms per f64x2 step; an odd last
 * term is added in scalar arithmetic. Parameters (pd, pr, n, τ, pout): byte pointers, a count, and τ as f64.
 */
import { Body, F64, I32, type FuncDef } from './asm.js';

const PD = 0, PR = 1, NN = 2, TAU = 3, POUT = 4;
const FT = 5, FQ = 6, FS = 7, FDS = 8;
const VTAU = 9, VS = 10, VDS = 11, VT = 12, VQ = 13, VONE = 14;

/** f64.const 1.0 (IEEE 754 bits 0x3FF0000000000000, little-endian). */
function one(c: Body): Body {
  return c.op(0x44, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f);
}

export function secularKernel(name: string): FuncDef {
  const c = new Body();
  c.get(TAU).simd(0x14).set(VTAU);
  one(c).simd(0x14).set(VONE);
  c.v128zero().set(VS).v128zero().set(VDS);
  c.block().loop();
  c.get(NN).i32(2).op(0x48).brIf(1); // n < 2 → done with pairs
  c.get(VONE).get(PD).v128load().get(VTAU).f2sub().simd(0xf3).set(VT); // 1/(δ − τ)
  c.get(PR).v128load().get(VT).f2mul().set(VQ);
  c.get(VS).get(VQ).f2add().set(VS);
  c.get(VDS).get(VQ).get(VT).f2mul().f2add().set(VDS);
  c.addConst(PD, 16).addConst(PR, 16).addConst(NN, -2).br(0);
  c.end().end();
  c.get(VS).lane(0).get(VS).lane(1).op(0xa0).set(FS);
  c.get(VDS).lane(0).get(VDS).lane(1).op(0xa0).set(FDS);
  c.get(NN).if_();
  one(c).get(PD).f64load().get(TAU).op(0xa1).op(0xa3).set(FT);
  c.get(PR).f64load().get(FT).op(0xa2).set(FQ);
  c.get(FS).get(FQ).op(0xa0).set(FS);
  c.get(FDS).get(FQ).get(FT).op(0xa2).op(0xa0).set(FDS);
  c.end();
  c.get(POUT).get(FS).f64store(0);
  c.get(POUT).get(FDS).f64store(8);
  return { name, params: 5, types: [I32, I32, I32, F64, I32], body: c.encode(0, 4, 6) };
}

/**
 * The shifted poles of the secular equation: dst[j] = src[j] − o, or (src[j] − o)(src[j] + o) when `squared` ≠ 0
 * (differences of squares to full relative accuracy), for j < n. Parameters (pdst, psrc, n, o, squared).
 */
export function shiftKernel(name: string): FuncDef {
  const DST = 0, SRC = 1, N = 2, O = 3, SQ = 4;
  const FV = 5, VO = 6, VV = 7;
  const c = new Body();
  c.get(O).simd(0x14).set(VO);
  const loop = (squared: boolean): void => {
    c.block().loop();
    c.get(N).i32(2).op(0x48).brIf(1);
    c.get(DST).get(SRC).v128load().set(VV);
    if (squared) c.get(VV).get(VO).f2sub().get(VV).get(VO).f2add().f2mul();
    else c.get(VV).get(VO).f2sub();
    c.v128store();
    c.addConst(DST, 16).addConst(SRC, 16).addConst(N, -2).br(0);
    c.end().end();
    c.get(N).if_();
    c.get(DST).get(SRC).f64load().set(FV);
    if (squared) c.get(FV).get(O).op(0xa1).get(FV).get(O).op(0xa0).op(0xa2);
    else c.get(FV).get(O).op(0xa1);
    c.f64store();
    c.end();
  };
  c.get(SQ).if_();
  loop(true);
  c.op(0x05); // else
  loop(false);
  c.end();
  return { name, params: 5, types: [I32, I32, I32, F64, I32], body: c.encode(0, 1, 2) };
}

/** dst[j·stride] = src[j] − τ for j < n: one root's column of differences. Parameters (pdst, stride, psrc, n, τ). */
export function columnKernel(name: string): FuncDef {
  const DST = 0, STRIDE = 1, SRC = 2, N = 3, TAU = 4;
  const c = new Body();
  c.block().loop();
  c.get(N).op(0x45).brIf(1); // n = 0 → done
  c.get(DST).get(SRC).f64load().get(TAU).op(0xa1).f64store();
  c.addLocal(DST, STRIDE).addConst(SRC, 8).addConst(N, -1).br(0);
  c.end().end();
  return { name, params: 5, types: [I32, I32, I32, I32, F64], body: c.encode(0, 0, 0) };
}
