/**
 * y ← A·x for a symmetric A of which only the lower triangle is stored, as a WebAssembly SIMD kernel. Each row
 * i of the triangle is read once and used twice (the BLAS dsymv scheme): its dot product with x gives the
 * triangle's share of yᵢ, and the same entries, times xᵢ, are added into y₀…y_{i−1} for the upper triangle.
 */
import { Body, type FuncDef } from './asm.js';

const N = 0, PA = 1, LDA = 2, PX = 3, PY = 4;
const I = 5, J = 6, AP = 7, XP = 8, YP = 9;
const XI = 10, FS = 11, FT = 12;
const VS = 13, VXI = 14, VA = 15;

/** The kernel `name`(n, pa, lda, px, py), pointers and stride in bytes. */
export function symvKernel(name: string): FuncDef {
  const c = new Body();
  // y ← 0
  c.i32(0).set(I);
  c.block().loop();
  c.get(I).get(N).op(0x4e).brIf(1);
  c.get(I).i32(3).op(0x74).get(PY).op(0x6a).f64zero().f64store();
  c.addConst(I, 1).br(0);
  c.end().end();
  c.i32(0).set(I);
  c.block().loop();
  c.get(I).get(N).op(0x4e).brIf(1);
  c.get(I).get(LDA).op(0x6c).get(PA).op(0x6a).set(AP);
  c.get(I).i32(3).op(0x74).get(PX).op(0x6a).f64load().tee(XI).simd(0x14).set(VXI);
  c.v128zero().set(VS).f64zero().set(FS);
  c.get(PX).set(XP).get(PY).set(YP);
  c.i32(0).set(J);
  c.block().loop();
  c.get(J).i32(2).op(0x6a).get(I).op(0x4a).brIf(1); // j + 2 > i
  c.get(AP).v128load().set(VA);
  c.get(VS).get(VA).get(XP).v128load().f2mul().f2add().set(VS);
  c.get(YP).get(YP).v128load().get(VA).get(VXI).f2mul().f2add().v128store();
  c.addConst(AP, 16).addConst(XP, 16).addConst(YP, 16).addConst(J, 2).br(0);
  c.end().end();
  c.get(J).get(I).op(0x48).if_(); // one entry left of the diagonal
  c.get(AP).f64load().set(FT);
  c.get(FS).get(FT).get(XP).f64load().op(0xa2).op(0xa0).set(FS);
  c.get(YP).get(YP).f64load().get(FT).get(XI).op(0xa2).op(0xa0).f64store();
  c.addConst(AP, 8).addConst(YP, 8);
  c.end();
  // yᵢ += Σ (two lanes) + tail + aᵢᵢ·xᵢ
  c.get(YP).get(YP).f64load().get(VS).lane(0).get(VS).lane(1).op(0xa0).get(FS).op(0xa0).op(0xa0);
  c.get(AP).f64load().get(XI).op(0xa2).op(0xa0).f64store();
  c.addConst(I, 1).br(0);
  c.end().end();
  return { name, params: 5, body: c.encode(5, 3, 3) };
}
