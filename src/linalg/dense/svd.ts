/**
 * Singular value decomposition A = U·diag(σ)·Vᵀ:
 *  1. Householder bidiagonalisation in the arena (bidiag.ts; Golub & Kahan 1965);
 *  2. the bidiagonal SVD by divide and conquer (bdc.ts; Jessup & Sorensen 1994, Gu & Eisenstat 1995), or, for
 *     singular values alone, implicitly shifted QR (svd-qr.ts; Golub & Reinsch 1970);
 *  3. U = Q·U_B and V = P·V_B with the reflectors applied in compact WY blocks (wy.ts).
 * Small matrices go through the Golub–Kahan–Reinsch method of svd-qr.ts whole. The matrix is first divided by a
 * power of two (exact) so that its entries are O(1).
 */
import { Matrix, copyScaled, powerOfTwoScale, requireFinite, transpose } from './matrix.js';
import { arena } from './arena.js';
import { bidiagonalizeInArena, leftReflectors, rightReflectors } from './bidiag.js';
import { bidiagonalSvdDC } from './bdc.js';
import { applyReflectors } from './wy.js';
import { bidiagonalQR, svdTall } from './svd-qr.js';

export interface SVD {
  /** m×k with orthonormal columns, k = min(m, n). */
  readonly U: Matrix;
  /** Singular values, length k, sorted descending, all ≥ 0. */
  readonly S: Float64Array;
  /** n×k with orthonormal columns. */
  readonly V: Matrix;
}

/** Below this many columns the whole SVD runs by Golub–Kahan–Reinsch. */
const SMALL = 24;

function svdTallDC(a: Matrix): { S: Float64Array; U: Float64Array; V: Float64Array } {
  const m = a.rows, n = a.cols;
  if (n <= SMALL) {
    const r = svdTall(a, true);
    return { S: r.S, U: r.U!, V: r.V! };
  }
  const sc = powerOfTwoScale(a.data);
  const ar = arena();
  const mark = ar.mark();
  try {
    const p = ar.alloc(m * n), pu = ar.alloc(m * n), pv = ar.alloc(n * n), pub = ar.alloc(n * n);
    let mem = ar.f64();
    copyScaled(mem, p, a.data, 1 / sc);
    const { d, e, tauL, tauR } = bidiagonalizeInArena(ar, p, m, n);
    bidiagonalSvdDC(ar, d, e, pub, pv, n);
    mem = ar.f64();
    mem.fill(0, pu, pu + m * n);
    mem.copyWithin(pu, pub, pub + n * n);
    applyReflectors(ar, leftReflectors(p, n, tauL), m, pu, n);
    applyReflectors(ar, rightReflectors(p, n, tauR), n, pv, n);
    mem = ar.f64();
    // Ascending from divide and conquer: reverse the columns for descending order.
    const S = new Float64Array(n), U = new Float64Array(m * n), V = new Float64Array(n * n);
    for (let j = 0; j < n; j++) S[j] = d[n - 1 - j]! * sc;
    for (let r = 0; r < m; r++) for (let j = 0, o = pu + r * n + n - 1; j < n; j++) U[r * n + j] = mem[o - j]!;
    for (let r = 0; r < n; r++) for (let j = 0, o = pv + r * n + n - 1; j < n; j++) V[r * n + j] = mem[o - j]!;
    return { S, U, V };
  } finally {
    ar.release(mark);
  }
}

function valuesTall(a: Matrix): Float64Array {
  const m = a.rows, n = a.cols;
  if (n <= SMALL) return svdTall(a, false).S;
  const sc = powerOfTwoScale(a.data);
  const ar = arena();
  const mark = ar.mark();
  try {
    const p = ar.alloc(m * n);
    const mem = ar.f64();
    copyScaled(mem, p, a.data, 1 / sc);
    const { d, e } = bidiagonalizeInArena(ar, p, m, n);
    bidiagonalQR({ m, n, d, e, u: null, v: null });
    for (let i = 0; i < n; i++) d[i] = Math.abs(d[i]!) * sc;
    return d.sort().reverse();
  } finally {
    ar.release(mark);
  }
}

/** Thin SVD: U is m×k, V is n×k, k = min(m, n); singular values descending. */
export function svd(a: Matrix): SVD {
  requireFinite(a, 'SVD');
  if (a.rows >= a.cols) {
    const r = svdTallDC(a);
    return { S: r.S, U: { rows: a.rows, cols: a.cols, data: r.U }, V: { rows: a.cols, cols: a.cols, data: r.V } };
  }
  const r = svdTallDC(transpose(a));
  return { S: r.S, U: { rows: a.rows, cols: a.rows, data: r.V }, V: { rows: a.cols, cols: a.rows, data: r.U } };
}

/** Singular values only, descending. */
export function singularValues(a: Matrix): Float64Array {
  requireFinite(a, 'singular values');
  return valuesTall(a.rows >= a.cols ? a : transpose(a));
}
