import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { diag, fromArrays, identity, matVec, multiply, transpose, zeros, type Matrix } from './matrix.js';
import { qrDecompose, qrQ, qrR, leastSquares } from './qr.js';
import { cholesky, choleskySolve } from './cholesky.js';
import { symmetricEigen, symmetricEigenvalues } from './symeig.js';
import { svd, singularValues } from './svd.js';
import { cond, cond1Estimate, rank } from './cond.js';
import { NotPositiveDefiniteError, SingularMatrixError } from './errors.js';
import { arbMatrix, arbSquare, hilbert, maxAbs, maxAbsDiff, orthogonalityError, symmetrize } from './testutil.js';

const tol = (a: Matrix) => 1e-13 * Math.max(1, maxAbs(a)) * Math.max(a.rows, a.cols);

describe('QR (Householder)', () => {
  it('Q·R = A, QᵀQ = I, R upper triangular, for tall and wide matrices', () => {
    fc.assert(
      fc.property(arbMatrix(1, 9, 1, 9), (a) => {
        const f = qrDecompose(a);
        const q = qrQ(f), r = qrR(f);
        expect(maxAbsDiff(multiply(q, r), a)).toBeLessThanOrEqual(tol(a));
        expect(orthogonalityError(q)).toBeLessThanOrEqual(1e-14 * a.rows);
        for (let i = 0; i < r.rows; i++) for (let j = 0; j < Math.min(i, r.cols); j++) expect(r.data[i * r.cols + j]).toBe(0);
        const qFull = qrQ(f, false);
        expect(orthogonalityError(qFull)).toBeLessThanOrEqual(1e-14 * a.rows);
        expect(maxAbsDiff(multiply(qFull, qrR(f, false)), a)).toBeLessThanOrEqual(tol(a));
      }),
      { numRuns: 400 },
    );
  });

  it('least squares satisfies the normal equations Aᵀ(Ax − b) = 0', () => {
    fc.assert(
      fc.property(arbMatrix(4, 10, 1, 4), fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 10, maxLength: 10 }), (a, bb) => {
        const b = bb.slice(0, a.rows);
        let res;
        try {
          res = leastSquares(a, b);
        } catch (e) {
          expect(e).toBeInstanceOf(SingularMatrixError);
          return;
        }
        const r = matVec(a, res.x).map((v, i) => v - b[i]!);
        const g = matVec(transpose(a), r);
        const k = cond(a);
        expect(maxAbs(g)).toBeLessThanOrEqual(1e-12 * k * maxAbs(a) * (maxAbs(Float64Array.from(b)) + 1) * a.rows);
        expect(Math.abs(Math.hypot(...r) - res.residualNorm)).toBeLessThanOrEqual(1e-10 * (1 + res.residualNorm) * k);
      }),
      { numRuns: 300 },
    );
  });

  it('least squares on a rank-deficient design throws', () => {
    const a = fromArrays([[1, 2], [2, 4], [3, 6]]);
    expect(() => leastSquares(a, [1, 2, 3])).toThrow(SingularMatrixError);
  });
});

describe('Cholesky', () => {
  it('L·Lᵀ = A for A = BBᵀ + I, and solves', () => {
    fc.assert(
      fc.property(arbSquare(1, 9), (b) => {
        const n = b.rows;
        const a = multiply(b, transpose(b));
        for (let i = 0; i < n; i++) a.data[i * n + i]! += 1;
        const l = cholesky(a);
        expect(maxAbsDiff(multiply(l, transpose(l)), a)).toBeLessThanOrEqual(tol(a));
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect(l.data[i * n + j]).toBe(0);
        const rhs = Float64Array.from({ length: n }, (_, i) => i - 1);
        const x = choleskySolve(l, rhs);
        const ax = matVec(a, x);
        for (let i = 0; i < n; i++) expect(Math.abs(ax[i]! - rhs[i]!)).toBeLessThan(1e-9 * maxAbs(a) * (1 + maxAbs(x)));
      }),
      { numRuns: 400 },
    );
  });

  it('rejects indefinite and non-symmetric matrices', () => {
    expect(() => cholesky(fromArrays([[1, 2], [2, 1]]))).toThrow(NotPositiveDefiniteError);
    expect(() => cholesky(fromArrays([[2, 1], [0, 2]]))).toThrow(NotPositiveDefiniteError);
  });
});

describe('symmetric eigendecomposition', () => {
  it('V·Λ·Vᵀ = A, VᵀV = I, eigenvalues ascending', () => {
    fc.assert(
      fc.property(arbSquare(1, 10), (b) => {
        const a = symmetrize(b);
        const { values, vectors } = symmetricEigen(a);
        expect(maxAbsDiff(multiply(multiply(vectors, diag(values)), transpose(vectors)), a)).toBeLessThanOrEqual(tol(a));
        expect(orthogonalityError(vectors)).toBeLessThanOrEqual(1e-14 * a.rows);
        for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThanOrEqual(values[i - 1]!);
        const only = symmetricEigenvalues(a);
        for (let i = 0; i < values.length; i++) expect(Math.abs(only[i]! - values[i]!)).toBeLessThanOrEqual(tol(a));
      }),
      { numRuns: 400 },
    );
  });

  it('matches closed-form eigenvalues of the second-difference matrix: 2 − 2cos(kπ/(n+1))', () => {
    for (const n of [1, 2, 5, 30, 120]) {
      const a = zeros(n, n);
      for (let i = 0; i < n; i++) {
        a.data[i * n + i] = 2;
        if (i + 1 < n) a.data[i * n + i + 1] = a.data[(i + 1) * n + i] = -1;
      }
      const v = symmetricEigenvalues(a);
      for (let k = 1; k <= n; k++) expect(Math.abs(v[k - 1]! - (2 - 2 * Math.cos((k * Math.PI) / (n + 1))))).toBeLessThan(1e-13);
    }
  });

  it('handles repeated eigenvalues (identity, diagonal with ties)', () => {
    const { values, vectors } = symmetricEigen(identity(6));
    expect(Array.from(values)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(orthogonalityError(vectors)).toBeLessThan(1e-15);
  });
});

describe('SVD (Golub–Kahan–Reinsch)', () => {
  it('U·Σ·Vᵀ = A, orthonormal U and V, singular values descending and ≥ 0', () => {
    fc.assert(
      fc.property(arbMatrix(1, 9, 1, 9), (a) => {
        const { U, S, V } = svd(a);
        const k = Math.min(a.rows, a.cols);
        expect(S.length).toBe(k);
        expect(maxAbsDiff(multiply(multiply(U, diag(S)), transpose(V)), a)).toBeLessThanOrEqual(tol(a));
        expect(orthogonalityError(U)).toBeLessThanOrEqual(1e-14 * a.rows);
        expect(orthogonalityError(V)).toBeLessThanOrEqual(1e-14 * a.cols);
        for (let i = 0; i < k; i++) expect(S[i]!).toBeGreaterThanOrEqual(i + 1 < k ? S[i + 1]! : 0);
      }),
      { numRuns: 400 },
    );
  });

  it('singular values are square roots of the eigenvalues of AᵀA', () => {
    fc.assert(
      fc.property(arbMatrix(2, 8, 1, 5), (a) => {
        const s = singularValues(a);
        const ev = symmetricEigenvalues(multiply(transpose(a), a)).reverse();
        const smax = s[0]!;
        for (let i = 0; i < s.length; i++) expect(Math.abs(s[i]! * s[i]! - Math.max(ev[i]!, 0))).toBeLessThanOrEqual(1e-12 * (1 + smax * smax) * 8);
      }),
      { numRuns: 300 },
    );
  });

  it('rank-deficient inputs: rank and zero singular values', () => {
    fc.assert(
      fc.property(arbMatrix(2, 7, 1, 3), arbMatrix(1, 3, 2, 7), (x, y) => {
        // X·Y with inner dimension ≤ 3 has rank ≤ 3.
        const inner = Math.min(x.cols, y.rows);
        const xx = { rows: x.rows, cols: inner, data: x.data.slice(0, x.rows * inner) };
        for (let i = 0; i < x.rows; i++) for (let j = 0; j < inner; j++) xx.data[i * inner + j] = x.data[i * x.cols + j]!;
        const yy = { rows: inner, cols: y.cols, data: y.data.slice(0, inner * y.cols) };
        const p = multiply(xx, yy);
        expect(rank(p)).toBeLessThanOrEqual(inner);
      }),
      { numRuns: 200 },
    );
    expect(rank(fromArrays([[1, 2, 3], [2, 4, 6], [1, 1, 1]]))).toBe(2);
    expect(rank(zeros(3, 2))).toBe(0);
  });

  it('condition numbers of Hilbert matrices match published values', () => {
    // κ₂(H₅) = 4.766072502417e5, κ₂(H₈) = 1.525757556e10 (Todd 1954; Higham, "Accuracy and Stability", Table 28.1 style).
    expect(cond(hilbert(5)) / 4.766072502417e5).toBeCloseTo(1, 6);
    expect(cond(hilbert(8)) / 1.525757556e10).toBeCloseTo(1, 4);
    // κ₁(H₅) = ‖H₅‖₁‖H₅⁻¹‖₁ = (137/60)·413280 = 943656 exactly.
    const est = cond1Estimate(hilbert(5));
    expect(est).toBeLessThanOrEqual(943656 * (1 + 1e-9));
    expect(est).toBeGreaterThan(943656 / 3);
  });
});
