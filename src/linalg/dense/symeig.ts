/**
 * Symmetric eigendecomposition A = V·Λ·Vᵀ in three phases:
 *  1. blocked Householder tridiagonalisation Qᵀ A Q = T from the lower triangle (tridiag.ts; Golub & Van Loan,
 *     "Matrix Computations", 4th ed., 2013, Algorithm 8.3.1, blocked as in Dongarra, Hammarling & Sorensen 1989);
 *  2. the eigenvalues of T by implicit QL (ql.ts) when only values are wanted, or eigenvalues and eigenvectors of T
 *     by divide and conquer (dc.ts; Cuppen 1981, Gu & Eisenstat 1995);
 *  3. V = Q·Z with the reflectors applied in compact WY blocks (tridiag.ts).
 * The matrix is first divided by a power of two (exact) so that its entries are O(1).
 */
import { Matrix, copyScaled, powerOfTwoNear, requireFinite, requireSquare } from './matrix.js';
import { DimensionError } from './errors.js';
import { arena } from './arena.js';
import { applyQInArena, tridiagonalizeInArena } from './tridiag.js';
import { tridiagonalEigenDC } from './dc.js';
import { tridiagonalQL } from './ql.js';

export interface SymmetricEigen {
  /** Eigenvalues in ascending order. */
  readonly values: Float64Array;
  /** Orthonormal eigenvectors as columns, in the order of `values`. */
  readonly vectors: Matrix;
}

function checkSymmetric(a: Matrix, maxAbs: number): void {
  const n = a.rows, A = a.data;
  const tol = 1e-10 * maxAbs;
  // In 32×32 tiles so that the transposed reads stay in cache.
  for (let i0 = 0; i0 < n; i0 += 32) {
    for (let j0 = 0; j0 <= i0; j0 += 32) {
      for (let i = i0; i < Math.min(i0 + 32, n); i++) {
        for (let j = j0; j < Math.min(j0 + 32, i); j++) {
          if (Math.abs(A[i * n + j]! - A[j * n + i]!) > tol) {
            throw new DimensionError(`symmetric eigendecomposition: matrix is not symmetric (entries (${i},${j}) and (${j},${i}) differ)`);
          }
        }
      }
    }
  }
}

/** Validates A (square, finite, symmetric) in one pass for max|aᵢⱼ| plus the symmetry sweep; returns the exact scale. */
function checked(a: Matrix, op: string): number {
  requireSquare(a, op);
  const A = a.data;
  let big = 0;
  for (let i = 0; i < A.length; i++) big = Math.max(big, Math.abs(A[i]!)); // NaN and ∞ propagate
  if (!Number.isFinite(big)) requireFinite(a, op); // throws, naming the entry
  checkSymmetric(a, big);
  return powerOfTwoNear(big);
}

/** Eigenvalues and orthonormal eigenvectors of a symmetric matrix, eigenvalues ascending. */
export function symmetricEigen(a: Matrix): SymmetricEigen {
  const sc = checked(a, 'symmetric eigendecomposition');
  const n = a.rows;
  const ar = arena();
  const mark = ar.mark();
  try {
    const p = ar.alloc(n * n), pz = ar.alloc(n * n);
    const mem = ar.f64();
    copyScaled(mem, p, a.data, 1 / sc);
    const { d, e, tau } = tridiagonalizeInArena(ar, p, n);
    tridiagonalEigenDC(ar, d, e, pz, n);
    applyQInArena(ar, p, n, tau, pz, n);
    for (let i = 0; i < n; i++) d[i]! *= sc;
    return { values: d, vectors: { rows: n, cols: n, data: ar.f64().slice(pz, pz + n * n) } };
  } finally {
    ar.release(mark);
  }
}

/** Eigenvalues only (ascending); O(n²) after the O(n³) reduction. */
export function symmetricEigenvalues(a: Matrix): Float64Array {
  const sc = checked(a, 'symmetric eigenvalues');
  const n = a.rows;
  const ar = arena();
  const mark = ar.mark();
  try {
    const p = ar.alloc(n * n);
    const mem = ar.f64();
    copyScaled(mem, p, a.data, 1 / sc);
    const { d, e } = tridiagonalizeInArena(ar, p, n);
    tridiagonalQL(d, e, null);
    for (let i = 0; i < n; i++) d[i]! *= sc;
    return d.sort();
  } finally {
    ar.release(mark);
  }
}
