/**
 * Condition numbers and numerical rank.
 * κ₂(A) = σ_max / σ_min from the SVD; κ₁(A) estimated from an LU factorisation with Hager's (1984) estimator
 * (see condest.ts). Rank counts singular values above max(m, n)·ε·σ_max, the tolerance used by LAPACK-based tools.
 */
import { Matrix, requireSquare } from './matrix.js';
import { luDecompose, luRcond } from './lu.js';
import { singularValues } from './svd.js';

/** 2-norm condition number σ_max/σ_min (Infinity for a singular or rank-deficient matrix). */
export function cond(a: Matrix): number {
  const s = singularValues(a);
  if (s.length === 0) return 0;
  const smin = s[s.length - 1]!;
  return smin === 0 ? Infinity : s[0]! / smin;
}

/** Estimated 1-norm condition number ‖A‖₁·‖A⁻¹‖₁ of a square matrix (Infinity when LU finds it singular). */
export function cond1Estimate(a: Matrix): number {
  requireSquare(a, 'cond1Estimate');
  const r = luRcond(luDecompose(a));
  return r === 0 ? Infinity : 1 / r;
}

/** Spectral norm ‖A‖₂ = σ_max. */
export function norm2(a: Matrix): number {
  const s = singularValues(a);
  return s.length === 0 ? 0 : s[0]!;
}

/** Numerical rank: singular values above `tol` (default max(m, n)·ε·σ_max). */
export function rank(a: Matrix, tol?: number): number {
  const s = singularValues(a);
  if (s.length === 0) return 0;
  const t = tol ?? Math.max(a.rows, a.cols) * Number.EPSILON * s[0]!;
  let r = 0;
  for (const x of s) if (x > t) r++;
  return r;
}
