import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ols, betaBinomialUpdate, normalKnownVarianceUpdate, studentTSf } from './index.js';
import { SingularMatrixError } from '../../linalg/dense/errors.js';
import { StatsArgumentError } from '../describe/errors.js';

/** Minimal exact rationals for the reference solution. */
type Q = [bigint, bigint];
const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
};
const q = (n: bigint, d = 1n): Q => {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return [n / g, d / g];
};
const sub = (a: Q, b: Q): Q => q(a[0] * b[1] - b[0] * a[1], a[1] * b[1]);
const mul = (a: Q, b: Q): Q => q(a[0] * b[0], a[1] * b[1]);
const div = (a: Q, b: Q): Q => q(a[0] * b[1], a[1] * b[0]);
const num = (a: Q): number => Number(a[0]) / Number(a[1]);

/** Exact inverse of a nonsingular rational matrix by Gauss–Jordan; null when singular. */
function exactInverse(a: Q[][]): Q[][] | null {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => q(i === j ? 1n : 0n))]);
  for (let c = 0; c < n; c++) {
    const p = m.findIndex((row, r) => r >= c && row[c]![0] !== 0n);
    if (p < 0) return null;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const piv = m[c]![c]!;
    m[c] = m[c]!.map((v) => div(v, piv));
    for (let r = 0; r < n; r++) {
      if (r === c || m[r]![c]![0] === 0n) continue;
      const f = m[r]![c]!;
      m[r] = m[r]!.map((v, j) => sub(v, mul(f, m[c]![j]!)));
    }
  }
  return m.map((row) => row.slice(n));
}

describe('ordinary least squares', () => {
  it('coefficients, standard errors and R² match the exact normal-equation solution on integer data', () => {
    const data = fc.integer({ min: 1, max: 3 }).chain((k) =>
      fc.integer({ min: k + 3, max: 20 }).chain((n) =>
        fc.record({
          X: fc.array(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: k, maxLength: k }), { minLength: n, maxLength: n }),
          y: fc.array(fc.integer({ min: -100, max: 100 }), { minLength: n, maxLength: n }),
        }),
      ),
    );
    fc.assert(
      fc.property(data, ({ X, y }) => {
        const n = X.length, p = X[0]!.length + 1;
        const D = X.map((row) => [1, ...row].map((v) => BigInt(v)));
        const xtx: Q[][] = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => q(D.reduce((a, r) => a + r[i]! * r[j]!, 0n))));
        const xty: Q[] = Array.from({ length: p }, (_, i) => q(D.reduce((a, r, t) => a + r[i]! * BigInt(y[t]!), 0n)));
        const inv = exactInverse(xtx);
        if (inv === null) {
          expect(() => ols(X, y)).toThrow(SingularMatrixError);
          return;
        }
        const beta = inv.map((row) => row.reduce((a, v, j) => { const t = mul(v, xty[j]!); return q(a[0] * t[1] + t[0] * a[1], a[1] * t[1]); }, q(0n)));
        // Exact RSS and TSS.
        let rss = q(0n);
        for (let t = 0; t < n; t++) {
          let fit = q(0n);
          for (let j = 0; j < p; j++) { const v = mul(beta[j]!, q(D[t]![j]!)); fit = q(fit[0] * v[1] + v[0] * fit[1], fit[1] * v[1]); }
          const r = sub(q(BigInt(y[t]!)), fit);
          const r2 = mul(r, r);
          rss = q(rss[0] * r2[1] + r2[0] * rss[1], rss[1] * r2[1]);
        }
        const ybar = q(y.reduce((a, v) => a + BigInt(v), 0n), BigInt(n));
        const tss = y.reduce((a: Q, v) => { const d = sub(q(BigInt(v)), ybar); const d2 = mul(d, d); return q(a[0] * d2[1] + d2[0] * a[1], a[1] * d2[1]); }, q(0n));
        let res;
        try {
          res = ols(X, y);
        } catch (e) {
          // Exactly nonsingular but numerically rank-deficient designs may be refused; that is allowed.
          expect(e).toBeInstanceOf(SingularMatrixError);
          return;
        }
        const scale = Math.max(1, ...beta.map((b) => Math.abs(num(b))));
        const cond = res.warning ? 1e6 : 1;
        beta.forEach((b, j) => expect(Math.abs(res.coefficients[j]! - num(b))).toBeLessThan(1e-9 * scale * cond));
        const sigma2 = num(rss) / (n - p);
        if (num(rss) > 1e-6) {
          inv.forEach((row, j) => {
            const se = Math.sqrt(sigma2 * num(row[j]!));
            expect(res.standardErrors[j]!).toBeCloseTo(se, 6);
            expect(res.pValues[j]!).toBeCloseTo(Math.min(1, 2 * studentTSf(Math.abs(num(beta[j]!) / se), n - p)), 6);
          });
          expect(res.residualStandardError).toBeCloseTo(Math.sqrt(sigma2), 8);
        }
        if (num(tss) > 0) {
          const r2 = 1 - num(rss) / num(tss);
          expect(res.rSquared).toBeCloseTo(r2, 9);
          expect(res.adjustedRSquared).toBeCloseTo(1 - (1 - r2) * ((n - 1) / (n - p)), 9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('simple regression: slope and intercept by the textbook formulas', () => {
    const x = [1, 2, 3, 4, 5], y = [2.1, 3.9, 6.2, 7.8, 10.1];
    const r = ols(x.map((v) => [v]), y);
    const mx = 3, my = y.reduce((a, b) => a + b, 0) / 5;
    const sxy = x.reduce((a, v, i) => a + (v - mx) * (y[i]! - my), 0), sxx = 10;
    expect(r.coefficients[1]).toBeCloseTo(sxy / sxx, 12);
    expect(r.coefficients[0]).toBeCloseTo(my - (sxy / sxx) * mx, 12);
    expect(r.fStatistic!.value).toBeCloseTo(r.tValues[1]! ** 2, 8);
    expect(r.fStatistic!.pValue).toBeCloseTo(r.pValues[1]!, 10);
  });

  it('rejects bad shapes and rank-deficient designs', () => {
    expect(() => ols([[1], [2]], [1, 2])).toThrow(StatsArgumentError);
    expect(() => ols([[1, 2], [2, 4], [3, 6], [4, 8]], [1, 2, 3, 5])).toThrow(SingularMatrixError);
  });
});

describe('conjugate updates', () => {
  it('beta–binomial: sequential updating equals one batch update, and the mean formula holds', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 10, noNaN: true }), fc.double({ min: 0.1, max: 10, noNaN: true }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }), (a, b, s1, f1) => {
        const one = betaBinomialUpdate({ alpha: a, beta: b }, s1, s1 + f1);
        const two = betaBinomialUpdate(betaBinomialUpdate({ alpha: a, beta: b }, s1, s1), 0, f1);
        expect(two.alpha).toBeCloseTo(one.alpha, 12);
        expect(two.beta).toBeCloseTo(one.beta, 12);
        expect(one.mean).toBeCloseTo((a + s1) / (a + b + s1 + f1), 14);
      }),
      { numRuns: 300 },
    );
    expect(() => betaBinomialUpdate({ alpha: 1, beta: 1 }, 5, 3)).toThrow(StatsArgumentError);
  });

  it('normal–normal: splitting the data gives the same posterior; precisions add', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 0, maxLength: 20 }), fc.integer({ min: 0, max: 20 }), fc.double({ min: 0.01, max: 100, noNaN: true }), (x, cut, s2) => {
        const prior = { mean: 1.5, variance: 4 };
        const all = normalKnownVarianceUpdate(prior, x, s2);
        const first = normalKnownVarianceUpdate(prior, x.slice(0, cut), s2);
        const second = normalKnownVarianceUpdate({ mean: first.mean, variance: first.variance }, x.slice(cut), s2);
        expect(second.mean).toBeCloseTo(all.mean, 8);
        expect(all.precision).toBeCloseTo(1 / 4 + x.length / s2, 10);
      }),
      { numRuns: 300 },
    );
  });
});
