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
