import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fromArrays, identity, matVec, multiply, zeros } from './matrix.js';
import { det, inverse, luDecompose, solve, solveWithInfo, luRcond } from './lu.js';
import { SingularMatrixError, DimensionError } from './errors.js';
import { arbSquare, arbIntSquare, bareissDet, hilbert, maxAbs, maxAbsDiff } from './testutil.js';
import { cond } from './cond.js';

describe('LU', () => {
  it('A·solve(A, b) ≈ b, with the residual bounded by the condition number', () => {
    fc.assert(
      fc.property(arbSquare(1, 8), fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 8, maxLength: 8 }), (a, bb) => {
        const b = Float64Array.from(bb.slice(0, a.rows));
        let res;
        try {
          res = solveWithInfo(a, b);
        } catch (e) {
          expect(e).toBeInstanceOf(SingularMatrixError);
          return;
        }
        const r = matVec(a, res.x);
        const scale = maxAbs(a) * maxAbs(res.x) + maxAbs(b);
        for (let i = 0; i < b.length; i++) expect(Math.abs(r[i]! - b[i]!)).toBeLessThanOrEqual(1e-12 * a.rows * scale + 1e-300);
      }),
      { numRuns: 500 },
    );
  });

  it('determinant agrees with the exact Bareiss determinant of integer matrices', () => {
    fc.assert(
      fc.property(arbIntSquare(1, 7), (a) => {
        const exact = Number(bareissDet(a));
        const d = det(a);
        expect(Math.abs(d - exact)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(exact)));
      }),
      { numRuns: 1000 },
    );
  });

  it('det of an exactly singular matrix is 0 and solve throws SingularMatrixError', () => {
    const a = fromArrays([[1, 2, 3], [2, 4, 6], [1, 0, 1]]);
    expect(det(a)).toBe(0);
    expect(() => solve(a, [1, 2, 3])).toThrow(SingularMatrixError);
    expect(() => inverse(zeros(3, 3))).toThrow(SingularMatrixError);
  });

  it('inverse: A·A⁻¹ = I', () => {
    fc.assert(
      fc.property(arbSquare(1, 7), (a) => {
        let inv;
        try {
          inv = inverse(a);
        } catch (e) {
          expect(e).toBeInstanceOf(SingularMatrixError);
          return;
        }
        const c = cond(a);
        expect(maxAbsDiff(multiply(a, inv), identity(a.rows))).toBeLessThanOrEqual(1e-13 * a.rows * c);
      }),
      { numRuns: 300 },
    );
  });

  it('Hilbert matrices: warning when ill-conditioned, SingularMatrixError past working precision', () => {
    const b4 = Array(4).fill(1);
    expect(solveWithInfo(hilbert(4), b4).warning).toBeUndefined();
    const h9 = solveWithInfo(hilbert(9), Array(9).fill(1));
    expect(h9.warning).toMatch(/ill-conditioned/);
    // κ₁(H₉) ≈ 1.1e12 (exact value from the known inverse of the Hilbert matrix): the estimate is a lower bound within ×3.
    expect(1 / h9.rcond).toBeGreaterThan(1e11);
    expect(1 / h9.rcond).toBeLessThan(2e12);
    expect(() => solve(hilbert(14), Array(14).fill(1))).toThrow(SingularMatrixError);
  });

  it('1-norm condition estimate is close to the exact value ‖A‖₁‖A⁻¹‖₁', () => {
    fc.assert(
      fc.property(arbSquare(2, 8), (a) => {
        const f = luDecompose(a);
        if (f.singular) return;
        let inv;
        try {
          inv = inverse(a);
        } catch {
          return;
        }
        const exact = f.anorm * colSumMax(inv);
        const est = 1 / luRcond(f);
        expect(est).toBeLessThanOrEqual(exact * (1 + 1e-8));
        expect(est).toBeGreaterThanOrEqual(exact / 10);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects non-square input and wrong right-hand sides', () => {
    expect(() => luDecompose(zeros(2, 3))).toThrow(DimensionError);
    expect(() => solve(identity(2), [1, 2, 3])).toThrow(DimensionError);
  });
});

function colSumMax(a: { rows: number; cols: number; data: Float64Array }): number {
  let m = 0;
  for (let j = 0; j < a.cols; j++) {
    let s = 0;
    for (let i = 0; i < a.rows; i++) s += Math.abs(a.data[i * a.cols + j]!);
    m = Math.max(m, s);
  }
  return m;
}
