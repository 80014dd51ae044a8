/**
 * Cholesky factorisation A = L·Lᵀ of a symmetric positive-definite matrix, by the row-oriented
 * Cholesky–Banachiewicz order (Golub & Van Loan, "Matrix Computations", 4th ed., 2013, §4.2):
 * each entry is a dot product of two contiguous row prefixes of L.
 */
import { Matrix, requireFinite, requireSquare } from './matrix.js';
import { DimensionError, NotPositiveDefiniteError } from './errors.js';

/** Lower-triangular L with A = L·Lᵀ. Only the lower triangle of A is read; symmetry is checked to a tolerance. */
export function cholesky(a: Matrix): Matrix {
  requireSquare(a, 'Cholesky');
  requireFinite(a, 'Cholesky');
  const n = a.rows, A = a.data;
  let maxAbs = 0;
  for (let i = 0; i < A.length; i++) maxAbs = Math.max(maxAbs, Math.abs(A[i]!));
  const symTol = 1e-10 * maxAbs;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (Math.abs(A[i * n + j]! - A[j * n + i]!) > symTol) {
        throw new NotPositiveDefiniteError(`Cholesky: matrix is not symmetric (entries (${i},${j}) and (${j},${i}) differ)`);
      }
    }
  }
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j <= i; j++) {
      const rj = j * n;
      let s = A[ri + j]!;
      for (let k = 0; k < j; k++) s -= L[ri + k]! * L[rj + k]!;
      if (i === j) {
        if (!(s > 0)) {
          throw new NotPositiveDefiniteError(`Cholesky: matrix is not positive definite (pivot ${i} is ${s.toExponential(3)})`);
        }
        L[ri + i] = Math.sqrt(s);
      } else {
        L[ri + j] = s / L[rj + j]!;
      }
    }
  }
  return { rows: n, cols: n, data: L };
}

/** Solve A x = b given L from `cholesky(A)`. */
export function choleskySolve(l: Matrix, b: ArrayLike<number>): Float64Array {
  const n = l.rows, L = l.data;
  if (b.length !== n) throw new DimensionError(`right-hand side has length ${b.length}, factor is ${n}×${n}`);
  const y = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    let s = y[i]!;
    const ri = i * n;
    for (let k = 0; k < i; k++) s -= L[ri + k]! * y[k]!;
    y[i] = s / L[ri + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    const yi = y[i]! / L[i * n + i]!;
    y[i] = yi;
    for (let k = 0; k < i; k++) y[k]! -= L[i * n + k]! * yi;
  }
  return y;
}
