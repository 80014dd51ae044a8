import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fromFlat, multiply, transpose, matVec, qrDecompose, qrQ, qrR, solve, svd, diag, type Matrix } from '../../src/linalg/dense/index.js';

const arbSquare = (lo: number, hi: number): fc.Arbitrary<Matrix> => fc.integer({ min: lo, max: hi }).chain((n) =>
  fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n * n, maxLength: n * n }).map((v) => fromFlat(n, n, v)));
const maxAbs = (a: ArrayLike<number>): number => Array.from(a).reduce((m, x) => Math.max(m, Math.abs(x)), 0);
const diff = (a: Matrix, b: Matrix): number => maxAbs(a.data.map((x, k) => x - b.data[k]!));

describe('dense decompositions reproduce their input', () => {
  it('A·solve(A, b) ≈ b (residual relative to |A||x|, well-conditioned shift)', () => {
    fc.assert(fc.property(arbSquare(1, 8), (a0) => {
      const n = a0.rows;
      const a = fromFlat(n, n, a0.data.map((x, k) => x + (k % (n + 1) === 0 ? 50 : 0)));
      const b = Float64Array.from({ length: n }, (_, i) => i - 1.5);
      const x = solve(a, b);
      const r = matVec(a, x).map((v, i) => v - b[i]!);
      expect(maxAbs(r)).toBeLessThan(1e-12 * (1 + maxAbs(a.data) * maxAbs(x) * n));
    }), { numRuns: 300 });
  });
  it('Q·R = A', () => {
    fc.assert(fc.property(arbSquare(1, 8), (a) => {
      const f = qrDecompose(a);
      expect(diff(multiply(qrQ(f), qrR(f)), a)).toBeLessThan(1e-12 * (1 + maxAbs(a.data)) * a.rows);
    }), { numRuns: 300 });
  });
  it('U·Σ·Vᵀ = A', () => {
    fc.assert(fc.property(arbSquare(1, 8), (a) => {
      const f = svd(a);
      const us = multiply(f.U, diag(f.S));
      expect(diff(multiply(us, transpose(f.V)), a)).toBeLessThan(1e-12 * (1 + maxAbs(a.data)) * a.rows);
    }), { numRuns: 300 });
  });
});
