/**
 * Singular value decomposition A = U·diag(σ)·Vᵀ by the Golub–Kahan–Reinsch method:
 *  1. Householder bidiagonalisation (G. H. Golub & W. Kahan, 1965, "Calculating the singular values and
 *     pseudo-inverse of a matrix", SIAM J. Numer. Anal. 2(2));
 *  2. implicitly shifted QR on the bidiagonal with a Wilkinson shift from the trailing 2×2 of BᵀB, zero-diagonal
 *     chasing and deflation (G. H. Golub & C. Reinsch, 1970, "Singular value decomposition and least squares
 *     solutions", Numer. Math. 14; Golub & Van Loan, "Matrix Computations", 4th ed., 2013, Algorithm 8.6.2).
 * Rotations of each sweep are recorded and then applied to U and V row by row, contiguously. Used for small
 * matrices, for the leaves of the divide-and-conquer SVD, and (without vectors) for singular values alone.
 */
import { Matrix, powerOfTwoScale } from './matrix.js';
import { ConvergenceError } from './errors.js';
import { applyLeft, applyRight, makeReflector } from './householder.js';

const EPS = Number.EPSILON;

export interface Work {
  m: number;
  n: number;
  d: Float64Array;
  e: Float64Array;
  u: Float64Array | null;
  v: Float64Array | null;
}

function bidiagonalize(a: Matrix, wantVectors: boolean): Work {
  const m = a.rows, n = a.cols;
  const A = new Float64Array(a.data);
  const d = new Float64Array(n), e = new Float64Array(n);
  const tauL = new Float64Array(n), tauR = new Float64Array(n);
  const w = new Float64Array(Math.max(m, n));
  for (let k = 0; k < n; k++) {
    const tl = makeReflector(A, k * n + k, n, m - k);
    tauL[k] = tl;
    d[k] = A[k * n + k]!;
    applyLeft(A, k * n + k, n, m - k, tl, A, n, k, k + 1, n, w);
    if (k < n - 2) {
      const tr = makeReflector(A, k * n + k + 1, 1, n - k - 1);
      tauR[k] = tr;
      applyRight(A, k * n + k + 1, 1, n - k - 1, tr, A, n, k + 1, m, k + 1);
    }
    if (k < n - 1) e[k] = A[k * n + k + 1]!;
  }
  if (!wantVectors) return { m, n, d, e, u: null, v: null };
  const u = new Float64Array(m * n);
  for (let i = 0; i < n; i++) u[i * n + i] = 1;
  for (let k = n - 1; k >= 0; k--) applyLeft(A, k * n + k, n, m - k, tauL[k]!, u, n, k, k, n, w);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let k = n - 3; k >= 0; k--) applyLeft(A, k * n + k + 1, 1, n - k - 1, tauR[k]!, v, n, k + 1, k + 1, n, w);
  return { m, n, d, e, u, v };
}

/** Apply the recorded chain of column rotations k = p..hi−1 to the rows of a row-major matrix. */
function applyChain(x: Float64Array, rows: number, cols: number, p: number, hi: number, c: Float64Array, s: Float64Array): void {
  for (let r = 0; r < rows; r++) {
    const ro = r * cols;
    let xk = x[ro + p]!;
    for (let k = p; k < hi; k++) {
      const y = x[ro + k + 1]!, ck = c[k]!, sk = s[k]!;
      x[ro + k] = ck * xk + sk * y;
      xk = ck * y - sk * xk;
    }
    x[ro + hi] = xk;
  }
}

/** Single column rotation: (col i, col j) ← (c·col i + s·col j, −s·col i + c·col j). */
function rotateColumns(x: Float64Array, rows: number, cols: number, i: number, j: number, c: number, s: number): void {
  for (let r = 0; r < rows; r++) {
    const a = x[r * cols + i]!, b = x[r * cols + j]!;
    x[r * cols + i] = c * a + s * b;
    x[r * cols + j] = c * b - s * a;
  }
}

export function bidiagonalQR(wk: Work): void {
  const { m, n, d, e, u, v } = wk;
  let anorm = 0;
  for (let i = 0; i < n; i++) anorm = Math.max(anorm, Math.abs(d[i]!) + Math.abs(e[i]!));
  const tol = EPS * anorm;
  const cR = new Float64Array(n), sR = new Float64Array(n), cL = new Float64Array(n), sL = new Float64Array(n);
  let hi = n - 1, iter = 0;
  const maxIter = 75 * Math.max(n, 1);
  while (hi > 0) {
    for (let i = 0; i < hi; i++) {
      if (Math.abs(e[i]!) <= EPS * (Math.abs(d[i]!) + Math.abs(d[i + 1]!))) e[i] = 0;
    }
    if (e[hi - 1] === 0) {
      hi--;
      continue;
    }
    let p = hi - 1;
    while (p > 0 && e[p - 1] !== 0) p--;
    let chased = false;
    for (let i = p; i < hi && !chased; i++) {
      if (Math.abs(d[i]!) > tol) continue;
      // Zero diagonal: chase e[i] along row i with left rotations (rows j, i), j = i+1..hi.
      d[i] = 0;
      let f = e[i]!;
      e[i] = 0;
      for (let j = i + 1; j <= hi && f !== 0; j++) {
        const r = Math.hypot(d[j]!, f), c = d[j]! / r, s = f / r;
        d[j] = r;
        if (j < hi) {
          f = -s * e[j]!;
          e[j] = c * e[j]!;
        }
        if (u !== null) rotateColumns(u, m, n, j, i, c, s);
      }
      chased = true;
    }
    if (!chased && Math.abs(d[hi]!) <= tol) {
      // Zero last diagonal: chase e[hi−1] up column hi with right rotations (cols j, hi), j = hi−1..p.
      d[hi] = 0;
      let f = e[hi - 1]!;
      e[hi - 1] = 0;
      for (let j = hi - 1; j >= p && f !== 0; j--) {
        const r = Math.hypot(d[j]!, f), c = d[j]! / r, s = f / r;
        d[j] = r;
        if (j > p) {
          f = -s * e[j - 1]!;
          e[j - 1] = c * e[j - 1]!;
        }
        if (v !== null) rotateColumns(v, n, n, j, hi, c, s);
      }
      chased = true;
    }
    if (chased) continue;
    if (++iter > maxIter) throw new ConvergenceError('SVD: bidiagonal QR iteration did not converge');
    // Wilkinson shift from the trailing 2×2 of BᵀB restricted to the block p..hi.
    const dm = d[hi - 1]!, dn = d[hi]!, em = e[hi - 1]!, el = hi - 1 > p ? e[hi - 2]! : 0;
    const t11 = dm * dm + el * el, t12 = dm * em, t22 = dn * dn + em * em;
    const delta = 0.5 * (t11 - t22);
    const mu = t22 - (t12 * t12) / (delta + (delta >= 0 ? 1 : -1) * Math.hypot(delta, t12) || 1);
    let y = d[p]! * d[p]! - mu, z = d[p]! * e[p]!;
    for (let k = p; k < hi; k++) {
      let r = Math.hypot(y, z);
      let c = r === 0 ? 1 : y / r, s = r === 0 ? 0 : z / r;
      if (k > p) e[k - 1] = r;
      const dk = d[k]!, ek = e[k]!;
      let dk1 = d[k + 1]!;
      const nd = c * dk + s * ek, ne = c * ek - s * dk;
      const bulge = s * dk1;
      dk1 = c * dk1;
      cR[k] = c;
      sR[k] = s;
      r = Math.hypot(nd, bulge);
      c = r === 0 ? 1 : nd / r;
      s = r === 0 ? 0 : bulge / r;
      d[k] = r;
      e[k] = c * ne + s * dk1;
      d[k + 1] = c * dk1 - s * ne;
      cL[k] = c;
      sL[k] = s;
      if (k < hi - 1) {
        const ek1 = e[k + 1]!;
        z = s * ek1;
        e[k + 1] = c * ek1;
        y = e[k]!;
      }
    }
    if (v !== null) applyChain(v, n, n, p, hi, cR, sR);
    if (u !== null) applyChain(u, m, n, p, hi, cL, sL);
  }
}

export function svdTall(a: Matrix, wantVectors: boolean): { S: Float64Array; U: Float64Array | null; V: Float64Array | null } {
  const n = a.cols, m = a.rows;
  // Scale to unit max-abs so that squares in the shift cannot overflow or underflow.
  const big = powerOfTwoScale(a.data);
  const scaled = big === 1 ? a : { rows: m, cols: n, data: a.data.map((x) => x / big) };
  const wk = bidiagonalize(scaled, wantVectors);
  bidiagonalQR(wk);
  const { d, u, v } = wk;
  const factor = big;
  for (let j = 0; j < n; j++) {
    if (d[j]! < 0) {
      d[j] = -d[j]!;
      if (v !== null) for (let r = 0; r < n; r++) v[r * n + j] = -v[r * n + j]!;
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => d[j]! - d[i]!);
  const S = new Float64Array(n);
  for (let j = 0; j < n; j++) S[j] = d[order[j]!]! * factor;
  if (!wantVectors) return { S, U: null, V: null };
  const permute = (x: Float64Array, rows: number): Float64Array => {
    const y = new Float64Array(rows * n);
    for (let r = 0; r < rows; r++) for (let j = 0; j < n; j++) y[r * n + j] = x[r * n + order[j]!]!;
    return y;
  };
  return { S, U: permute(u!, m), V: permute(v!, n) };
}
