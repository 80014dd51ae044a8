/**
 * Blocked Householder reduction of a symmetric matrix to tridiagonal form, QᵀAQ = T, using the lower triangle of
 * a row-major matrix in the arena, and the blocked application of Q to other matrices.
 *  - Reduction: the panel scheme of J. J. Dongarra, S. J. Hammarling & D. C. Sorensen (1989), "Block reduction of
 *    matrices to condensed forms for eigenvalue computations", J. Comput. Appl. Math. 27 (LAPACK's dsytrd/dlatrd):
 *    within a panel of nb columns the trailing matrix is updated lazily, each new reflector's product A·v is
 *    corrected by the pending rank-2 terms, and after the panel one rank-2nb update A ← A − V·Wᵀ − W·Vᵀ runs as
 *    matrix products over block rows of the lower triangle.
 *  - Application of Q: reflectors grouped in the compact WY form I − Y·T·Yᵀ (R. Schreiber & C. Van Loan, 1989,
 *    "A storage-efficient WY representation for products of Householder transformations", SIAM J. Sci. Stat.
 *    Comput. 10(1)), so that each group costs three matrix products.
 */
import type { Arena } from './arena.js';
import { makeReflector } from './householder.js';

const NB = 32;
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
 * row k+1 and A[i, k] below). Z is n×c at pz (row stride c). Groups of nb reflectors, last group first.
 */
export function applyQInArena(ar: Arena, p: number, n: number, tau: Float64Array, pz: number, c: number, nb = NB): void {
  const nr = tau.length;
  if (nr === 0 || c === 0) return;
  const mark = ar.mark();
  const len0 = n - 1;
  const py = ar.alloc(len0 * nb), pyt = ar.alloc(nb * len0), pt = ar.alloc(nb * nb);
  const pm1 = ar.alloc(nb * c), pm2 = ar.alloc(nb * c), ptmp = ar.alloc(nb);
  const A = ar.f64();
  const lastStart = Math.floor((nr - 1) / nb) * nb;
  for (let k0 = lastStart; k0 >= 0; k0 -= nb) {
    const jb = Math.min(nb, nr - k0), len = n - k0 - 1;
    // Y (len×jb), local row r ↔ global row k0+1+r; column l holds the vector of reflector k0+l.
    for (let r = 0; r < len; r++) {
      for (let l = 0; l < jb; l++) {
        const y = r < l ? 0 : r === l ? 1 : A[p + (k0 + 1 + r) * n + k0 + l]!;
        A[py + r * jb + l] = y;
        A[pyt + l * len + r] = y;
      }
    }
    // T upper triangular: T[l,l] = τ_l, T[0:l, l] = −τ_l·T[0:l,0:l]·(Y[:,0:l]ᵀ y_l)  (LAPACK's dlarft, forward).
    for (let l = 0; l < jb; l++) {
      const tl = tau[k0 + l]!;
      for (let i = 0; i < l; i++) {
        let s = 0;
        for (let r = l; r < len; r++) s += A[pyt + i * len + r]! * A[pyt + l * len + r]!;
        A[ptmp + i] = -tl * s;
      }
      for (let i = 0; i < l; i++) {
        let s = 0;
        for (let q = i; q < l; q++) s += A[pt + i * jb + q]! * A[ptmp + q]!;
        A[pt + i * jb + l] = s;
      }
      for (let i = l + 1; i < jb; i++) A[pt + i * jb + l] = 0;
      A[pt + l * jb + l] = tl;
    }
    const pzs = pz + (k0 + 1) * c;
    A.fill(0, pm1, pm1 + jb * c);
    A.fill(0, pm2, pm2 + jb * c);
    ar.gemm(false, jb, c, len, pyt, len, pzs, c, pm1, c);
    ar.gemm(false, jb, c, jb, pt, jb, pm1, c, pm2, c);
    ar.gemm(true, len, c, jb, py, jb, pm2, c, pzs, c);
  }
  ar.release(mark);
}
