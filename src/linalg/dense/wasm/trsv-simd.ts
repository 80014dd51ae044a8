/**
 * Triangular solves with one right-hand side on packed LU factors (unit lower L below the diagonal, U on and
 * above it; row-major), as WebAssembly SIMD kernels. Row-oriented sweeps use dot products of a row with the
 * solved part (L·x = b forward, U·x = b backward); the transposed sweeps use axpy updates with rows
 * (Uᵀ·x = b forward, Lᵀ·x = b backward), so every access is contiguous. Each kernel takes (n, pa, lda, px) in bytes.
 */
import { Body, type FuncDef } from './asm.js';

const N = 0, PA = 1, LDA = 2, PX = 3;
const I = 4, L = 5, AP = 6, XP = 7, K = 8;
const S = 9, T = 10;
const VS = 11, VT = 12;

/** Pushes dot(a[0:L], x[0:L]) (pointers AP, XP; both advanced). */
function dot(c: Body): void {
  c.v128zero().set(VS).f64zero().set(S);
  c.get(L).set(K);
  c.block().loop();
  c.get(K).i32(2).op(0x48).brIf(1);
  c.get(VS).get(AP).v128load().get(XP).v128load().f2mul().f2add().set(VS);
  c.addConst(AP, 16).addConst(XP, 16).addConst(K, -2).br(0);
  c.end().end();
  c.get(K).if_();
  c.get(AP).f64load().get(XP).f64load().op(0xa2).set(S);
  c.end();
  c.get(VS).lane(0).get(VS).lane(1).op(0xa0).get(S).op(0xa0);
}

/** x[0:L] −= T·a[0:L] (pointers AP, XP). */
function axpy(c: Body): void {
  c.get(T).simd(0x14).set(VT);
  c.get(L).set(K);
  c.block().loop();
  c.get(K).i32(2).op(0x48).brIf(1);
  c.get(XP).get(XP).v128load().get(AP).v128load().get(VT).f2mul().f2sub().v128store();
  c.addConst(AP, 16).addConst(XP, 16).addConst(K, -2).br(0);
  c.end().end();
  c.get(K).if_();
  c.get(XP).get(XP).f64load().get(AP).f64load().get(T).op(0xa2).op(0xa1).f64store();
  c.end();
}

/** Pushes the address of x[i]. */
const xi = (c: Body): Body => c.get(I).i32(3).op(0x74).get(PX).op(0x6a);
/** Pushes the address of A[i, i]. */
const aii = (c: Body): Body => c.get(I).get(LDA).op(0x6c).get(I).i32(3).op(0x74).op(0x6a).get(PA).op(0x6a);

function loop(c: Body, from: (c: Body) => void, down: boolean, stop: number, body: () => void): void {
  from(c);
  c.set(I);
  c.block().loop();
  if (down) c.get(I).i32(stop).op(0x48).brIf(1); // i < stop → done
  else c.get(I).get(N).op(0x4e).brIf(1); // i ≥ n → done
  body();
  c.addConst(I, down ? -1 : 1).br(0);
  c.end().end();
}

const rowStart = (c: Body): void => void c.get(I).get(LDA).op(0x6c).get(PA).op(0x6a).set(AP);
const afterDiag = (c: Body): void => {
  aii(c).i32(8).op(0x6a).set(AP);
  xi(c).i32(8).op(0x6a).set(XP);
  c.get(N).i32(1).op(0x6b).get(I).op(0x6b).set(L);
};

export function trsvKernels(): FuncDef[] {
  // L·x = b: xᵢ −= L[i, 0:i]·x[0:i], i = 1…n−1
  const lf = new Body();
  loop(lf, (c) => c.i32(1), false, 0, () => {
    rowStart(lf);
    lf.get(PX).set(XP).get(I).set(L);
    xi(lf);
    xi(lf).f64load();
    dot(lf);
    lf.op(0xa1).f64store();
  });
  // U·x = b: xᵢ = (xᵢ − U[i, i+1:n]·x[i+1:n]) / uᵢᵢ, i = n−1…0
  const ub = new Body();
  loop(ub, (c) => c.get(N).i32(1).op(0x6b), true, 0, () => {
    afterDiag(ub);
    xi(ub);
    xi(ub).f64load();
    dot(ub);
    ub.op(0xa1);
    aii(ub).f64load().op(0xa3).f64store();
  });
  // Uᵀ·x = b: xᵢ /= uᵢᵢ, then x[i+1:n] −= xᵢ·U[i, i+1:n], i = 0…n−1
  const utf = new Body();
  loop(utf, (c) => c.i32(0), false, 0, () => {
    xi(utf);
    xi(utf).f64load();
    aii(utf).f64load().op(0xa3).tee(T).f64store();
    afterDiag(utf);
    axpy(utf);
  });
  // Lᵀ·x = b: x[0:i] −= xᵢ·L[i, 0:i], i = n−1…1
  const ltb = new Body();
  loop(ltb, (c) => c.get(N).i32(1).op(0x6b), true, 1, () => {
    xi(ltb).f64load().set(T);
    rowStart(ltb);
    ltb.get(PX).set(XP).get(I).set(L);
    axpy(ltb);
  });
  return [
    { name: 'trsv0', params: 4, body: lf.encode(5, 2, 2) },
    { name: 'trsv1', params: 4, body: ub.encode(5, 2, 2) },
    { name: 'trsv2', params: 4, body: utf.encode(5, 2, 2) },
    { name: 'trsv3', params: 4, body: ltb.encode(5, 2, 2) },
  ];
}
