/**
 * Householder bidiagonalisation QᵀAP = B (B upper bidiagonal) of an m×n matrix, m ≥ n, in the arena
 * (G. H. Golub & W. Kahan, 1965, "Calculating the singular values and pseudo-inverse of a matrix", SIAM J. Numer.
 * Anal. 2(2); Golub & Van Loan, "Matrix Computations", 4th ed., 2013, Algorithm 5.4.2). Each reflector is
 * applied as a matrix–vector product and a rank-one update, both through the arena's gemm, so the level-2 work
 * runs on the SIMD kernel. Left vectors stay below the diagonal, right vectors right of the superdiagonal.
 */
import type { Arena } from './arena.js';
import { makeReflector } from './householder.js';
import type { Reflectors } from './wy.js';

export interface Bidiagonal {
  readonly d: Float64Array;
  /** Superdiagonal, e[i] = B[i, i+1]; e[n−1] = 0. */
  readonly e: Float64Array;
  readonly tauL: Float64Array;
  readonly tauR: Float64Array;
}

/** Reduce the m×n matrix at offset p (row stride n), m ≥ n, in place. */
export function bidiagonalizeInArena(ar: Arena, p: number, m: number, n: number): Bidiagonal {
  const d = new Float64Array(n), e = new Float64Array(n), tauL = new Float64Array(n), tauR = new Float64Array(Math.max(n - 2, 0));
  const mark = ar.mark();
  const pv = ar.alloc(m), pw = ar.alloc(Math.max(m, n));
  const A = ar.f64();
  for (let k = 0; k < n; k++) {
    const tl = makeReflector(A, p + k * n + k, n, m - k);
    tauL[k] = tl;
    d[k] = A[p + k * n + k]!;
    const nc = n - k - 1;
    if (tl !== 0 && nc > 0) {
      // w = vᵀA[k:m, k+1:n], A ← A − τ·v·wᵀ
      const len = m - k;
      A[pv] = 1;
      for (let i = 1; i < len; i++) A[pv + i] = A[p + (k + i) * n + k]!;
      A.fill(0, pw, pw + nc);
      ar.gemm(false, 1, nc, len, pv, len, p + k * n + k + 1, n, pw, nc);
      for (let j = 0; j < nc; j++) A[pw + j]! *= tl;
      ar.gemm(true, len, nc, 1, pv, 1, pw, nc, p + k * n + k + 1, n);
    }
    if (k < n - 2) {
      const tr = makeReflector(A, p + k * n + k + 1, 1, nc);
      tauR[k] = tr;
      const rows = m - k - 1;
      if (tr !== 0 && rows > 0) {
        // w = A[k+1:m, k+1:n]·v, A ← A − τ·w·vᵀ
        A[pv] = 1;
        for (let j = 1; j < nc; j++) A[pv + j] = A[p + k * n + k + 1 + j]!;
        A.fill(0, pw, pw + rows);
        ar.gemm(false, rows, 1, nc, p + (k + 1) * n + k + 1, n, pv, 1, pw, 1);
        for (let i = 0; i < rows; i++) A[pw + i]! *= tr;
        ar.gemm(true, rows, nc, 1, pw, 1, pv, nc, p + (k + 1) * n + k + 1, n);
      }
    }
    if (k < n - 1) e[k] = A[p + k * n + k + 1]!;
  }
  ar.release(mark);
  return { d, e, tauL, tauR };
}

/** Q = H₀⋯H_{n−1} (acting on rows of an m-row target). */
export function leftReflectors(p: number, n: number, tauL: Float64Array): Reflectors {
  return { count: tauL.length, tau: tauL, at: (k) => p + k * n + k, stride: n, rowStart: (k) => k };
}

/** P = G₀⋯G_{n−3} (acting on rows of an n-row target). */
export function rightReflectors(p: number, n: number, tauR: Float64Array): Reflectors {
  return { count: tauR.length, tau: tauR, at: (k) => p + k * n + k + 1, stride: 1, rowStart: (k) => k + 1 };
}
