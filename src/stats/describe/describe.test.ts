import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  sum, mean, variance, std, skewness, kurtosis, median, quantile, quantiles, mode, ranks, covariance, pearson,
  spearman, histogram, sturgesBins, EmptyInputError, StatsArgumentError, type QuantileType,
} from './index.js';

/** Dyadic data k/2^20 with exact BigInt numerators, so exact sums and moments are easy to form. */
const dyadic = (minLength: number) =>
  fc.array(fc.bigInt({ min: -(2n ** 50n), max: 2n ** 50n }), { minLength, maxLength: 60 });
const SCALE = 2 ** 20;

describe('sum and mean', () => {
  it('Neumaier sum is within an ulp or two of the exact sum', () => {
    fc.assert(
      fc.property(dyadic(1), (ks) => {
        const xs = ks.map((k) => Number(k) / SCALE);
        const exact = Number(ks.reduce((a, b) => a + b, 0n)) / SCALE;
        const abs = xs.reduce((a, b) => a + Math.abs(b), 0);
        expect(Math.abs(sum(xs) - exact)).toBeLessThanOrEqual(2 * Number.EPSILON * Math.abs(exact) + xs.length * Number.EPSILON ** 2 * abs);
      }),
      { numRuns: 1000 },
    );
  });

  it('sums cancelling terms exactly where naive summation fails', () => {
    expect(sum([1, 1e100, 1, -1e100])).toBe(2);
    expect(sum(new Float64Array([0.1, 0.2, -0.3]))).toBeCloseTo(2.7755575615628914e-17, 30);
    expect(sum([])).toBe(0);
  });

  it('mean of a sample with a large offset', () => {
    expect(mean([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16])).toBe(1e9 + 10);
  });

  it('empty input is an error', () => {
    expect(() => mean([])).toThrow(EmptyInputError);
    expect(() => variance([1])).toThrow(EmptyInputError);
    expect(() => median(new Float64Array(0))).toThrow(EmptyInputError);
    expect(() => mean([1, NaN])).toThrow(StatsArgumentError);
  });
});

describe('variance and shape', () => {
  it('[1e9+4, 1e9+7, 1e9+13, 1e9+16] has sample variance exactly 30', () => {
    expect(variance([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16])).toBe(30);
    expect(variance([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16], 'population')).toBe(22.5);
    expect(std([2, 4, 4, 4, 5, 5, 7, 9], 'population')).toBe(2);
  });

  it('matches the exact rational variance, also with a large offset', () => {
    fc.assert(
      fc.property(dyadic(2), fc.bigInt({ min: -(2n ** 30n), max: 2n ** 30n }), (ks0, off) => {
        const ks = ks0.map((k) => (k >> 20n) + off * 2n ** 20n); // spread ≤ 2^10, offset ≤ 2^30
        const xs = ks.map((k) => Number(k) / SCALE);
        const n = BigInt(ks.length);
        const s1 = ks.reduce((a, b) => a + b, 0n), s2 = ks.reduce((a, b) => a + b * b, 0n);
        const num = n * s2 - s1 * s1; // n(n−1)·var·2^40
        const exact = Number(num) / Number(n * (n - 1n)) / SCALE ** 2;
        expect(Math.abs(variance(xs) - exact)).toBeLessThanOrEqual(1e-12 * exact + 1e-300);
      }),
      { numRuns: 1000 },
    );
  });

  it('skewness and kurtosis match exact moments of integer data (g and G estimators)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 4, maxLength: 40 }), (xs) => {
        const b = xs.map(BigInt), n = BigInt(xs.length), nn = xs.length;
        const S = (k: number) => b.reduce((a, x) => a + x ** BigInt(k), 0n);
        const [s1, s2, s3, s4] = [S(1), S(2), S(3), S(4)];
        const c2 = n * s2 - s1 * s1; // n·Σd²
        if (c2 === 0n) return;
        const c3 = n * n * s3 - 3n * n * s1 * s2 + 2n * s1 ** 3n; // n²·Σd³
        const c4 = n ** 3n * s4 - 4n * n * n * s1 * s3 + 6n * n * s1 * s1 * s2 - 3n * s1 ** 4n; // n³·Σd⁴
        const m2 = Number(c2) / nn ** 2, m3 = Number(c3) / nn ** 3, m4 = Number(c4) / nn ** 4;
        const g1 = m3 / m2 ** 1.5, g2 = m4 / m2 ** 2 - 3;
        const G1 = (g1 * Math.sqrt(nn * (nn - 1))) / (nn - 2);
        const G2 = (((nn + 1) * g2 + 6) * (nn - 1)) / ((nn - 2) * (nn - 3));
        expect(skewness(xs, { bias: true })).toBeCloseTo(g1, 10);
        expect(kurtosis(xs, { bias: true })).toBeCloseTo(g2, 10);
        expect(skewness(xs)).toBeCloseTo(G1, 10);
        expect(kurtosis(xs)).toBeCloseTo(G2, 10);
      }),
      { numRuns: 500 },
    );
  });
});

/** Reference quantiles straight from the definitions in Hyndman & Fan (1996). */
function refQuantile(x: number[], p: number, type: number): number {
  const s = [...x].sort((a, b) => a - b), n = s.length;
  if (n === 1) return s[0]!;
  if (type === 1 || type === 2) {
    let k = 1;
    while (k < n && k / n < p - 1e-15) k++; // smallest k with k/n ≥ p
    if (type === 2 && Math.abs(n * p - Math.round(n * p)) < 1e-9 && Math.round(n * p) >= 1 && Math.round(n * p) < n) {
      const j = Math.round(n * p);
      return (s[j - 1]! + s[j]!) / 2;
    }
    return s[k - 1]!;
  }
  if (type === 3) {
    const t = n * p;
    let k = Math.round(t);
    if (Math.abs(t - Math.floor(t) - 0.5) < 1e-9) k = Math.floor(t) % 2 === 0 ? Math.floor(t) : Math.floor(t) + 1;
    return s[Math.min(Math.max(k, 1), n) - 1]!;
  }
  const [a, b] = ({ 4: [0, 1], 5: [0.5, 0.5], 6: [0, 0], 7: [1, 1], 8: [1 / 3, 1 / 3], 9: [3 / 8, 3 / 8] } as Record<number, number[]>)[type]!;
  const pk = (k: number) => (k - a!) / (n + 1 - a! - b!);
  if (p <= pk(1)) return s[0]!;
  if (p >= pk(n)) return s[n - 1]!;
  let k = 1;
  while (pk(k + 1) <= p) k++;
  return s[k - 1]! + ((p - pk(k)) / (pk(k + 1) - pk(k))) * (s[k]! - s[k - 1]!);
}

describe('quantiles (Hyndman–Fan types 1–9)', () => {
  it('agree with the plotting-position definitions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 15 }),
        fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 20 }).map((k) => k / 20)),
        fc.integer({ min: 1, max: 9 }),
        (x, p, type) => {
          expect(quantile(x, p, type as QuantileType)).toBeCloseTo(refQuantile(x, p, type), 9);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("reproduce R's quantile(1:10) for types 7 and 6", () => {
    const x = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(quantiles(x, [0, 0.25, 0.5, 0.75, 1])).toEqual([1, 3.25, 5.5, 7.75, 10]);
    expect(quantiles(x, [0, 0.25, 0.5, 0.75, 1], 6)).toEqual([1, 2.75, 5.5, 8.25, 10]);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(() => quantile(x, 1.5)).toThrow(StatsArgumentError);
  });
});

describe('mode, ranks, correlation', () => {
  it('mode returns all modes', () => {
    expect(mode([1, 2, 2, 3, 3, 4])).toEqual([2, 3]);
    expect(mode([5])).toEqual([5]);
  });

  it('average ranks for ties', () => {
    expect(Array.from(ranks([10, 20, 10, 30, 20, 20]))).toEqual([1.5, 4, 1.5, 6, 4, 4]);
  });

  it('Spearman without ties equals 1 − 6Σd²/(n(n²−1))', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer(), { minLength: 3, maxLength: 30 }), fc.integer(), (x, seed) => {
        const n = x.length;
        const y = x.map((_, i) => ((i * 7919 + seed) % 1009) + i / 1e6);
        const rx = [...x].map((v) => x.filter((w) => w < v).length + 1);
        const ry = y.map((v) => y.filter((w) => w < v).length + 1);
        const d2 = rx.reduce((a, r, i) => a + (r - ry[i]!) ** 2, 0);
        expect(spearman(x, y)).toBeCloseTo(1 - (6 * d2) / (n * (n * n - 1)), 12);
      }),
      { numRuns: 300 },
    );
  });

  it('Pearson and covariance match exact integer formulas', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -1e4, max: 1e4 }), fc.integer({ min: -1e4, max: 1e4 })), { minLength: 2, maxLength: 40 }), (pairs) => {
        const x = pairs.map((p) => p[0]), y = pairs.map((p) => p[1]);
        const n = BigInt(x.length);
        const sx = x.reduce((a, v) => a + BigInt(v), 0n), sy = y.reduce((a, v) => a + BigInt(v), 0n);
        const sxy = x.reduce((a, v, i) => a + BigInt(v) * BigInt(y[i]!), 0n);
        const sxx = x.reduce((a, v) => a + BigInt(v) ** 2n, 0n), syy = y.reduce((a, v) => a + BigInt(v) ** 2n, 0n);
        const cxy = n * sxy - sx * sy, cxx = n * sxx - sx * sx, cyy = n * syy - sy * sy;
        expect(covariance(x, y)).toBeCloseTo(Number(cxy) / Number(n * (n - 1n)), 6);
        if (cxx === 0n || cyy === 0n) {
          expect(() => pearson(x, y)).toThrow(StatsArgumentError);
          return;
        }
        expect(pearson(x, y)).toBeCloseTo(Number(cxy) / Math.sqrt(Number(cxx) * Number(cyy)), 12);
      }),
      { numRuns: 500 },
    );
  });
});

describe('histogram', () => {
  it('counts agree with brute force and sum to n', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -400, max: 400 }).map((k) => k / 4), { minLength: 1, maxLength: 80 }), fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constant('sturges' as const), fc.constant('fd' as const)), (x, bins) => {
        const h = histogram(x, bins);
        expect(h.counts.reduce((a, b) => a + b, 0)).toBe(x.length);
        if (bins === 'sturges') expect(h.counts.length).toBe(sturgesBins(x.length));
        const k = h.counts.length;
        for (let i = 0; i < k; i++) {
          const brute = x.filter((v) => v >= h.edges[i]! && (i === k - 1 ? v <= h.edges[i + 1]! : v < h.edges[i + 1]!)).length;
          expect(h.counts[i]).toBe(brute);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('explicit edges count outliers separately', () => {
    const h = histogram([0, 1, 2, 3, 4, 5], [1, 2, 4]);
    expect(h.counts).toEqual([1, 3]);
    expect(h.outside).toBe(2);
    expect(() => histogram([1], [2, 1])).toThrow(StatsArgumentError);
  });
});
