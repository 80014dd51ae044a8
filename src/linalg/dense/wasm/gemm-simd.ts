/**
 * The update C ← C ∓ A·B (row-major A m×k, B k×n, C m×n with leading dimensions) as a WebAssembly SIMD kernel,
 * emitted byte by byte. It follows the register-blocking idea of K. Goto & R. van de Geijn (2008), "Anatomy of
 * high-performance matrix multiplication", ACM TOMS 34(3): a 4×4 tile of C is held in eight f64x2 registers while
 * q runs over k (per q: two vector loads of a row of B, four broadcasts from A, sixteen multiply-adds); edges
 * use 4×2, 4×1, 1×4, 1×2 and 1×1 tiles, so no padding or packing is needed and C is updated in place.
 * All operands are addressed in bytes (pointers and row strides) inside one linear memory.
 */
import { Body, type FuncDef } from './asm.js';

// Parameters
const M = 0, N = 1, K = 2, PA = 3, LDA = 4, PB = 5, LDB = 6, PC = 7, LDC = 8;
// i32 locals
const I = 9, J = 10, Q = 11, QO = 12, BP = 13, CP = 14, R0 = 15; // R0..R0+3: pointers to rows i..i+3 of A
// f64 locals
const FACC = 19, FA = 23, FB = 24;
// v128 locals
const VACC = 25, VA = 33, VB0 = 34, VB1 = 35;

function tile(c: Body, rows: 1 | 4, cols: 1 | 2 | 4, sub: boolean): void {
  const halves = cols === 4 ? 2 : 1;
  for (let r = 0; r < rows; r++) {
    if (cols === 1) c.f64zero().set(FACC + r);
    else for (let h = 0; h < halves; h++) c.v128zero().set(VACC + 2 * r + h);
  }
  c.i32(0).set(QO);
  c.get(J).i32(3).op(0x74).get(PB).op(0x6a).set(BP);
  c.get(K).set(Q);
  c.loop();
  if (cols === 1) c.get(BP).f64load().set(FB);
  else {
    c.get(BP).v128load(0).set(VB0);
    if (cols === 4) c.get(BP).v128load(16).set(VB1);
  }
  for (let r = 0; r < rows; r++) {
    c.get(R0 + r).get(QO).op(0x6a);
    if (cols === 1) {
      c.f64load().set(FA);
      c.get(FACC + r).get(FA).get(FB).op(0xa2).op(0xa0).set(FACC + r);
    } else {
      c.splatLoad().set(VA);
      for (let h = 0; h < halves; h++) {
        c.get(VACC + 2 * r + h).get(VA).get(h === 0 ? VB0 : VB1).f2mul().f2add().set(VACC + 2 * r + h);
      }
    }
  }
  c.addConst(QO, 8).addLocal(BP, LDB);
  c.get(Q).i32(1).op(0x6b).tee(Q).brIf(0);
  c.end();
  // C tile at row i, column j
  c.get(I).get(LDC).op(0x6c).get(J).i32(3).op(0x74).op(0x6a).get(PC).op(0x6a).set(CP);
  for (let r = 0; r < rows; r++) {
    if (cols === 1) {
      c.get(CP).get(CP).f64load().get(FACC + r).op(sub ? 0xa1 : 0xa0).f64store();
    } else {
      for (let h = 0; h < halves; h++) {
        c.get(CP).get(CP).v128load(16 * h).get(VACC + 2 * r + h);
        if (sub) c.f2sub(); else c.f2add();
        c.v128store(16 * h);
      }
    }
    if (r + 1 < rows) c.addLocal(CP, LDC);
  }
}

function columns(c: Body, rows: 1 | 4, sub: boolean): void {
  c.i32(0).set(J);
  c.block().loop();
  c.get(J).i32(4).op(0x6a).get(N).op(0x4a).brIf(1); // j + 4 > n → done
  tile(c, rows, 4, sub);
  c.addConst(J, 4).br(0);
  c.end().end();
  c.get(J).i32(2).op(0x6a).get(N).op(0x4c).if_(); // j + 2 ≤ n
  tile(c, rows, 2, sub);
  c.addConst(J, 2);
  c.end();
  c.get(J).get(N).op(0x48).if_(); // j < n
  tile(c, rows, 1, sub);
  c.end();
}

/** The kernel `name`(m, n, k, pa, lda, pb, ldb, pc, ldc): C ← C − A·B when `sub`, C ← C + A·B otherwise. k ≥ 1. */
export function gemmKernel(name: string, sub: boolean): FuncDef {
  const c = new Body();
  c.i32(0).set(I);
  c.block().loop();
  c.get(I).i32(4).op(0x6a).get(M).op(0x4a).brIf(1); // i + 4 > m → done with groups of four rows
  for (let r = 0; r < 4; r++) c.get(I).i32(r).op(0x6a).get(LDA).op(0x6c).get(PA).op(0x6a).set(R0 + r);
  columns(c, 4, sub);
  c.addConst(I, 4).br(0);
  c.end().end();
  c.block().loop();
  c.get(I).get(M).op(0x4e).brIf(1); // i ≥ m → done
  c.get(I).get(LDA).op(0x6c).get(PA).op(0x6a).set(R0);
  columns(c, 1, sub);
  c.addConst(I, 1).br(0);
  c.end().end();
  return { name, params: 9, body: c.encode(10, 6, 11) };
}
