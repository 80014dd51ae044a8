import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  tTestOneSample, tTestPaired, tTestTwoSample, zTest, chiSquareGoodnessOfFit, chiSquareIndependence,
  ksTestOneSample, ksTestTwoSample, kolmogorovCdfExact, smirnovOneSidedSf, mannWhitneyU, mannWhitneyDistribution,
  studentTCdf, studentTQuantile, studentTSf, chiSquareSf, fSf, kolmogorovSf, normalCdf,
} from './index.js';
import { StatsArgumentError } from '../describe/errors.js';

// Student's sleep data (Cushny & Peebles), as shipped with R: extra hours of sleep under two drugs.
const g1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const g2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

const sampleArb = (min: number) => fc.array(fc.integer({ min: -1000, max: 1000 }).map((k) => k / 10), { minLength: min, maxLength: 25 });

describe('distribution functions behind the p-values', () => {
  it('Student t with 1 and 2 degrees of freedom matches closed forms', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e3, max: 1e3, noNaN: true }), (t) => {
        expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 13);
        expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 13);
      }),
      { numRuns: 500 },
    );
  });

  it('t quantile inverts the cdf', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), fc.integer({ min: 1, max: 200 }), (p, df) => {
        const q = studentTQuantile(p, df);
        expect(Math.abs(studentTCdf(q, df) - p)).toBeLessThan(1e-12 * Math.max(1, 1 / Math.min(p, 1 - p)) * p);
      }),
      { numRuns: 300 },
    );
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.262157162798205, 10); // printed tables: 2.262
  });

  it('chi-square survival matches closed forms for 2 and 4 degrees of freedom; F ties to t and to F(2,2)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 200, noNaN: true }), fc.integer({ min: 1, max: 100 }), (x, d) => {
        expect(chiSquareSf(x, 2)).toBeCloseTo(Math.exp(-x / 2), 13);
        expect(chiSquareSf(x, 4)).toBeCloseTo(Math.exp(-x / 2) * (1 + x / 2), 13);
        expect(fSf(x, 2, 2)).toBeCloseTo(1 / (1 + x), 13);
        const t = Math.sqrt(x);
        expect(fSf(x, 1, d)).toBeCloseTo(2 * studentTSf(t, d), 12);
      }),
      { numRuns: 500 },
    );
  });
});

describe('t and z tests', () => {
  it("reproduce R's t.test on the sleep data (Welch, pooled, paired)", () => {
    const w = tTestTwoSample(g1, g2);
    expect(w.statistic).toBeCloseTo(-1.860813, 5);
    expect(w.df!).toBeCloseTo(17.77647, 4);
    expect(w.pValue).toBeCloseTo(0.07939414, 7);
    expect(w.confidenceInterval![0]).toBeCloseTo(-3.3654832, 6);
    expect(w.confidenceInterval![1]).toBeCloseTo(0.2054832, 6);
    const s = tTestTwoSample(g1, g2, { equalVariance: true });
    expect(s.df).toBe(18);
    expect(s.pValue).toBeCloseTo(0.07918671, 7);
    expect(s.confidenceInterval![0]).toBeCloseTo(-3.363874, 5);
    const p = tTestPaired(g1, g2);
    expect(p.statistic).toBeCloseTo(-4.062128, 5);
    expect(p.pValue).toBeCloseTo(0.002832890, 8);
    expect(p.confidenceInterval![0]).toBeCloseTo(-2.4598858, 6);
    expect(p.confidenceInterval![1]).toBeCloseTo(-0.7001142, 6);
  });

  it('one-sample t equals its formula; one-sided p-values split the two-sided one', () => {
    fc.assert(
      fc.property(sampleArb(2), fc.double({ min: -50, max: 50, noNaN: true }), (x, mu) => {
        const n = x.length, m = x.reduce((a, b) => a + b, 0) / n;
        const s2 = x.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1);
        if (s2 < 1e-6) return;
        const r = tTestOneSample(x, { mu });
        const t = (m - mu) / Math.sqrt(s2 / n);
        expect(r.statistic).toBeCloseTo(t, 8);
        const lo = tTestOneSample(x, { mu, alternative: 'less' }).pValue;
        const hi = tTestOneSample(x, { mu, alternative: 'greater' }).pValue;
        expect(lo + hi).toBeCloseTo(1, 12);
        expect(r.pValue).toBeCloseTo(2 * Math.min(lo, hi), 12);
        // The interval excludes mu exactly when p < 0.05.
        const [a, b] = r.confidenceInterval!;
        if (Math.abs(r.pValue - 0.05) > 1e-9) expect(mu < a || mu > b).toBe(r.pValue < 0.05);
      }),
      { numRuns: 300 },
    );
  });

  it('z test: statistic and p from the normal distribution', () => {
    const r = zTest([1, 2, 3, 4, 5], { mu: 2, sigma: 2 });
    const z = (3 - 2) / (2 / Math.sqrt(5));
    expect(r.statistic).toBeCloseTo(z, 14);
    expect(r.pValue).toBeCloseTo(2 * (1 - normalCdf(z)), 14);
    expect(() => zTest([1], { sigma: 0 })).toThrow(StatsArgumentError);
    expect(() => tTestOneSample([1, 1, 1])).toThrow(StatsArgumentError);
  });
});

describe('chi-square tests', () => {
  it("independence: R's chisq.test example (Agresti 2007, party by gender)", () => {
    const r = chiSquareIndependence([[762, 327, 468], [484, 239, 477]]);
    expect(r.statistic).toBeCloseTo(30.07015, 4);
    expect(r.df).toBe(2);
    expect(r.pValue).toBeCloseTo(2.953589e-7, 12);
  });

  it('goodness of fit equals Σ(O−E)²/E with a χ²(k−1) tail', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 3, maxLength: 3 }), (o) => {
        const n = o[0]! + o[1]! + o[2]!;
        if (n === 0) return;
        const p = [0.5, 0.3, 0.2];
        const x = o.reduce((a, v, i) => a + (v - n * p[i]!) ** 2 / (n * p[i]!), 0);
        const r = chiSquareGoodnessOfFit(o, p);
        expect(r.statistic).toBeCloseTo(x, 9);
        expect(r.pValue).toBeCloseTo(Math.exp(-x / 2), 12);
      }),
      { numRuns: 300 },
    );
    expect(() => chiSquareGoodnessOfFit([1, 2], [0.5, 0.6])).toThrow(StatsArgumentError);
  });

  it('2×2 uses the Yates correction by default', () => {
    const t = [[12, 5], [7, 9]];
    const r = chiSquareIndependence(t), u = chiSquareIndependence(t, { yates: false });
    const n = 33, e = [[17 * 19 / n, 17 * 14 / n], [16 * 19 / n, 16 * 14 / n]];
    let x = 0, y = 0;
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) {
      const d = Math.abs(t[i]![j]! - e[i]![j]!);
      x += (d - 0.5) ** 2 / e[i]![j]!;
      y += d ** 2 / e[i]![j]!;
    }
    expect(r.statistic).toBeCloseTo(x, 12);
    expect(u.statistic).toBeCloseTo(y, 12);
  });
});

/** All ways of choosing k of n positions (as index sets). */
function* combinations(n: number, k: number, start = 0, acc: number[] = []): Generator<number[]> {
  if (acc.length === k) {
    yield acc;
    return;
  }
  for (let i = start; i < n; i++) yield* combinations(n, k, i + 1, [...acc, i]);
}

describe('Kolmogorov–Smirnov', () => {
  it('exact distribution: the Marsaglia–Tsang–Wang example and the n = 1 closed form', () => {
    expect(kolmogorovCdfExact(10, 0.274)).toBeCloseTo(0.6284796154565043, 13);
    for (const d of [0.3, 0.5, 0.6, 0.9]) expect(kolmogorovCdfExact(1, d)).toBeCloseTo(Math.max(0, 2 * d - 1), 14);
  });

  it('for d > ½ the two-sided tail is twice the exact one-sided (Birnbaum–Tingey) tail', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0.51, max: 0.99, noNaN: true }), (n, d) => {
        const two = 1 - kolmogorovCdfExact(n, d);
        expect(two).toBeCloseTo(2 * smirnovOneSidedSf(n, d), 12);
      }),
      { numRuns: 200 },
    );
  });

  it('exact and asymptotic agree for large n', () => {
    for (const lambda of [0.6, 1, 1.36, 1.63]) {
      expect(1 - kolmogorovCdfExact(100, lambda / 10)).toBeCloseTo(kolmogorovSf(lambda), 1);
    }
    expect(kolmogorovSf(1.358098)).toBeCloseTo(0.05, 5); // the familiar 5% critical value
  });

  it('one-sample statistic is the sup distance to the cdf', () => {
    const x = [0.1, 0.4, 0.7];
    const r = ksTestOneSample(x, (v) => Math.min(1, Math.max(0, v)));
    expect(r.statistic).toBeCloseTo(Math.max(0.1, 1 / 3 - 0.1, 0.4 - 1 / 3, 2 / 3 - 0.4, 0.7 - 2 / 3, 1 - 0.7), 14);
  });

  it('two-sample exact p-value equals brute-force enumeration of all arrangements', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 1e6 }), (m, n, seed) => {
        const pooled = Array.from({ length: m + n }, (_, i) => i);
        // A pseudo-random split by the seed.
        const xs = pooled.filter((_, i) => ((i * 2654435761 + seed) >>> 7) % (m + n) < m).slice(0, m);
        while (xs.length < m) xs.push(pooled.find((v) => !xs.includes(v))!);
        const ys = pooled.filter((v) => !xs.includes(v));
        const stat = (a: number[], b: number[]) => {
          let best = 0;
          for (let v = 0; v < m + n; v++) best = Math.max(best, Math.abs(a.filter((u) => u <= v).length / m - b.filter((u) => u <= v).length / n));
          return best;
        };
        const d = stat(xs, ys);
        let count = 0, total = 0;
        for (const c of combinations(m + n, m)) {
          const b = pooled.filter((v) => !c.includes(v));
          if (stat(c, b) >= d - 1e-12) count++;
          total++;
        }
        const r = ksTestTwoSample(xs, ys);
        expect(r.statistic).toBeCloseTo(d, 14);
        expect(r.pValue).toBeCloseTo(count / total, 12);
      }),
      { numRuns: 150 },
    );
  });
});

describe('Mann–Whitney U', () => {
  it("reproduces R's wilcox.test on the sleep data (ties → normal approximation)", () => {
    const r = mannWhitneyU(g1, g2);
    expect(r.statistic).toBe(25.5);
    expect(r.pValue).toBeCloseTo(0.06932758, 7);
  });

  it('exact null distribution equals brute-force enumeration of rank subsets', () => {
    for (const [m, n] of [[1, 1], [2, 3], [4, 4], [3, 6], [5, 2]] as const) {
      const freq = new Array<number>(m * n + 1).fill(0);
      let total = 0;
      for (const c of combinations(m + n, m)) {
        const r1 = c.reduce((a, i) => a + i + 1, 0);
        freq[r1 - (m * (m + 1)) / 2]!++;
        total++;
      }
      const p = mannWhitneyDistribution(m, n);
      freq.forEach((f, u) => expect(p[u]).toBeCloseTo(f / total, 14));
    }
  });

  it('exact p-values for small untied samples sum correctly over the tails', () => {
    const x = [1.1, 2.2, 3.3], y = [0.5, 4.4, 5.5, 6.6];
    const u = 1 + 1 + 1; // each x beats only 0.5
    expect(mannWhitneyU(x, y).statistic).toBe(u);
    const p = mannWhitneyDistribution(3, 4);
    const le = Array.from(p).slice(0, u + 1).reduce((a, b) => a + b, 0);
    expect(mannWhitneyU(x, y, { alternative: 'less' }).pValue).toBeCloseTo(le, 14);
    expect(mannWhitneyU(x, y).pValue).toBeCloseTo(2 * le, 14);
  });
});
