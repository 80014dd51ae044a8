/**
 * y ← y ∓ A·x for row-major A (m×k) and contiguous x, y with a row stride: the matrix–vector case of the gemm
 * kernel, where a 4×1 tile would be scalar. Four rows at a time, each row's dot product with x is accumulated in an
 * f64x2 register over pairs of q and summed across lanes at the end.
 */
import { Body, type FuncDef } from './asm.js';

const M = 0, K = 1, PA = 2, LDA = 3, PX = 4, PY = 5, LDY = 6;
const I = 7, Q = 8, QO = 9, R0 = 10; // R0..R0+3 row pointers
const FX = 14, FS = 15;
const VACC = 16, VX = 20;

function rows(c: Body, count: 1 | 4, sub: boolean): void {
  for (let r = 0; r < count; r++) c.v128zero().set(VACC + r);
  c.i32(0).set(QO);
  c.get(K).set(Q);
  c.block().loop();
  c.get(Q).i32(2).op(0x48).brIf(1);
  c.get(PX).get(QO).op(0x6a).v128load().set(VX);
  for (let r = 0; r < count; r++) c.get(VACC + r).get(R0 + r).get(QO).op(0x6a).v128load().get(VX).f2mul().f2add().set(VACC + r);
  c.addConst(QO, 16).addConst(Q, -2).br(0);
  c.end().end();
  // odd k: one more column, in lane 0
  c.get(Q).if_();
  c.get(PX).get(QO).op(0x6a).f64load().set(FX);
  for (let r = 0; r < count; r++) {
    // acc += (a·x, 0)
    c.get(VACC + r).v128zero().get(R0 + r).get(QO).op(0x6a).f64load().get(FX).op(0xa2).simd(0x22, 0);
    c.f2add().set(VACC + r);
  }
  c.end();
  for (let r = 0; r < count; r++) {
    // y[i + r] ∓= lane0 + lane1
    c.get(I).i32(r).op(0x6a).get(LDY).op(0x6c).get(PY).op(0x6a);
    c.get(I).i32(r).op(0x6a).get(LDY).op(0x6c).get(PY).op(0x6a).f64load();
    c.get(VACC + r).lane(0).get(VACC + r).lane(1).op(0xa0).set(FS).get(FS);
    c.op(sub ? 0xa1 : 0xa0).f64store();
  }
}

/** `name`(m, k, pa, lda, px, py, ldy), byte pointers and strides; k ≥ 1. */
export function gemvKernel(name: string, sub: boolean): FuncDef {
  const c = new Body();
  c.i32(0).set(I);
  c.block().loop();
  c.get(I).i32(4).op(0x6a).get(M).op(0x4a).brIf(1);
  for (let r = 0; r < 4; r++) c.get(I).i32(r).op(0x6a).get(LDA).op(0x6c).get(PA).op(0x6a).set(R0 + r);
  rows(c, 4, sub);
  c.addConst(I, 4).br(0);
  c.end().end();
  c.block().loop();
  c.get(I).get(M).op(0x4e).brIf(1);
  c.get(I).get(LDA).op(0x6c).get(PA).op(0x6a).set(R0);
  rows(c, 1, sub);
  c.addConst(I, 1).br(0);
  c.end().end();
  return { name, params: 7, body: c.encode(7, 2, 5) };
}
