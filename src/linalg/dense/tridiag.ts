/**
 * Blocked Householder reduction of a symmetric matrix to tridiagonal form, QᵀAQ = T, using the lower triangle of
 * a row-major matrix in the arena, and the blocked application of Q to other matrices.
 *  - Reduction: the panel scheme of J. J. Dongarra, S. J. Hammarling & D. C. Sorensen (1989), "Block reduction of
 *    matrices to condensed forms for eigenvalue computations", J. Comput. Appl. Math. 27 (LAPACK's dsytrd/dlatrd):
 *    within a panel of nb columns the trailing matrix is updated lazily, each new reflector's product A·v is
 *    corrected by the pending rank-2 terms, and after the panel one rank-2nb update A ← A − V·Wᵀ − W·Vᵀ runs as
 *    matrix products over block rows of the lower triangle.
 *  - Application of Q: reflectors grouped in compact WY blocks (wy.ts).
 */
import type { Arena } from './arena.js';
import { makeReflector } from './householder.js';
import { applyReflectors, WY_NB } from './wy.js';

/** Columns per panel (measured at n ≈ 200: 16 is as fast as any, 32 slightly slower). */
const NB = 16;
/** Rows per strip in the lower-triangular rank-2nb update. */
const STRIP = 48;

export interface Tridiagonal {
  readonly d: Float64Array;
  /** Subdiagonal, e[i] = T[i+1, i]; e[n−1] = 0. */
  readonly e: Float64Array;
  /** Householder scalars of H₀ … H_{n−3}; the vectors stay below the subdiagonal of the arena matrix. */
  readonly tau: Float64Array;
}

/** Reduce the n×n symmetric matrix at offset p (row stride n; lower triangle read) in place. */
export function tridiagonalizeInArena(ar: Arena, p: number, n: number, nb = NB): Tridiagonal {
  const d = new Float64Array(n), e = new Float64Array(n), tau = new Float64Array(Math.max(n - 2, 0));
  const mark = ar.mark();
  const pv = ar.alloc(n * nb), pw = ar.alloc(n * nb), pvv = ar.alloc(n), pww = ar.alloc(n);
  const pvt = ar.alloc(n * nb), pwt = ar.alloc(n * nb), pab = ar.alloc(2 * nb);
  const A = ar.f64();
  for (let k0 = 0; k0 < n - 2; k0 += nb) {
    const k1 = Math.min(k0 + nb, n - 2), jb = k1 - k0;
    for (let j = 0; j < jb; j++) {
      const k = k0 + j;
      // Bring column k (rows k…n−1) up to date with the panel's earlier reflectors.
      if (j > 0) {
        ar.gemm(true, n - k, 1, j, pv + k * nb, nb, pw + k * nb, 1, p + k * n + k, n);
        ar.gemm(true, n - k, 1, j, pw + k * nb, nb, pv + k * nb, 1, p + k * n + k, n);
      }
      const len = n - k - 1;
      const t = makeReflector(A, p + (k + 1) * n + k, n, len);
      tau[k] = t;
      e[k] = A[p + (k + 1) * n + k]!;
      A[pvv] = 1;
      for (let i = 1; i < len; i++) A[pvv + i] = A[p + (k + 1 + i) * n + k]!;
      for (let i = 0; i < len; i++) A[pv + (k + 1 + i) * nb + j] = A[pvv + i]!;
      if (t === 0) {
        for (let i = 0; i < len; i++) A[pw + (k + 1 + i) * nb + j] = 0;
        continue;
      }
      // w = τ·(A₂₂v − V(Wᵀv) − W(Vᵀv)), then w ← w − ½τ(wᵀv)v.
      ar.symv(len, p + (k + 1) * n + k + 1, n, pvv, pww);
      if (j > 0) {
        A.fill(0, pab, pab + 2 * nb);
        ar.gemm(false, 1, j, len, pvv, len, pw + (k + 1) * nb, nb, pab, j); // Wᵀv
        ar.gemm(false, 1, j, len, pvv, len, pv + (k + 1) * nb, nb, pab + nb, j); // Vᵀv
        ar.gemm(true, len, 1, j, pv + (k + 1) * nb, nb, pab, 1, pww, 1);
        ar.gemm(true, len, 1, j, pw + (k + 1) * nb, nb, pab + nb, 1, pww, 1);
      }
      let wv = 0;
      for (let i = 0; i < len; i++) {
        A[pww + i]! *= t;
        wv += A[pww + i]! * A[pvv + i]!;
      }
      const alpha = -0.5 * t * wv;
      for (let i = 0; i < len; i++) A[pw + (k + 1 + i) * nb + j] = A[pww + i]! + alpha * A[pvv + i]!;
    }
    // A₂₂ ← A₂₂ − V₂W₂ᵀ − W₂V₂ᵀ on the lower triangle, rows k1…n−1.
    const m2 = n - k1;
    for (let i = 0; i < m2; i++) {
      for (let l = 0; l < jb; l++) {
        A[pvt + l * m2 + i] = A[pv + (k1 + i) * nb + l]!;
        A[pwt + l * m2 + i] = A[pw + (k1 + i) * nb + l]!;
      }
    }
    for (let i0 = 0; i0 < m2; i0 += STRIP) {
      const i1 = Math.min(i0 + STRIP, m2);
      const pc = p + (k1 + i0) * n + k1;
      ar.gemm(true, i1 - i0, i1, jb, pv + (k1 + i0) * nb, nb, pwt, m2, pc, n);
      ar.gemm(true, i1 - i0, i1, jb, pw + (k1 + i0) * nb, nb, pvt, m2, pc, n);
    }
  }
  for (let i = 0; i < n; i++) d[i] = A[p + i * n + i]!;
  if (n >= 2) e[n - 2] = A[p + (n - 1) * n + n - 2]!;
  ar.release(mark);
  return { d, e, tau };
}

/**
 * Z ← Q·Z, Q = H₀H₁⋯H_{n−3} from tridiagonalizeInArena (reflector k acts on rows k+1…n−1; its vector is 1 at
 * row k+1 and A[i, k] below). Z is n×c at pz (row stride c).
 */
export function applyQInArena(ar: Arena, p: number, n: number, tau: Float64Array, pz: number, c: number, nb = WY_NB): void {
  applyReflectors(ar, { count: tau.length, tau, at: (k) => p + (k + 1) * n + k, stride: n, rowStart: (k) => k + 1 }, n, pz, c, nb);
}
