/**
 * Hard points found by a high-precision sweep of Lousa's statistics, each checked against an independent
 * reference: exact rational / 256-bit HP arithmetic (src/stats/special/hpref.ts), BigInt binomial sums, or a
 * closed form. Covers cancellation in moments and correlation, ill-conditioned least squares, densities whose
 * naive form underflows, the t quantile near the median, and discrete quantiles at exact boundaries.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { HP, log, sqrt, lgamma } from '../../src/stats/special/hpref.js';
import { hpBetaInc } from '../../src/stats/special/hpbeta.js';
import { skewness, kurtosis, pearson, variance } from '../../src/stats/describe/index.js';
import { ols } from '../../src/stats/inference/index.js';
import { Beta, F, StudentT, Binomial, Geometric, Hypergeometric, NegativeBinomial } from '../../src/stats/dist/index.js';
import { Rng } from '../../src/stats/rng.js';

const rel = (got: number, ref: number): number => (got === ref ? 0 : Math.abs(got - ref) / Math.abs(ref));
const hsum = (xs: HP[]): HP => xs.reduce((a, b) => a.add(b), HP.from(0));

/** Central moments m2, m3, m4 (divisor n) in 256-bit arithmetic; the data are doubles, so this is near exact. */
function hpMoments(x: number[]): [HP, HP, HP] {
  const n = x.length;
  const m = hsum(x.map((v) => HP.from(v))).div(n);
  const d = x.map((v) => HP.from(v).sub(m));
  const pw = (k: number): HP => hsum(d.map((e) => [...Array(k)].reduce((a: HP) => a.mul(e), HP.from(1)))).div(n);
  return [pw(2), pw(3), pw(4)];
}

describe('moments and correlation of data on a large offset', () => {
  const rng = new Rng(7);
  const offsets = [0, 1e6, 1e9, 1e12, -3e8];
  it('skewness and kurtosis (biased and adjusted) and variance within 1e-12', () => {
    for (const off of offsets) {
      for (const n of [5, 12, 40]) {
        const x = Array.from({ length: n }, () => off + 1e-3 * (rng.next() - 0.3) ** 3);
        const [m2, m3, m4] = hpMoments(x);
        const g1 = m3.div(m2.mul(sqrt(m2))).toNumber();
        const g2 = m4.div(m2.mul(m2)).toNumber() - 3;
        expect(rel(skewness(x, { bias: true }), g1)).toBeLessThan(1e-12);
        expect(rel(kurtosis(x, { bias: true }), g2)).toBeLessThan(1e-12);
        const G1 = (g1 * Math.sqrt(n * (n - 1))) / (n - 2);
        expect(rel(skewness(x), G1)).toBeLessThan(1e-12);
        expect(rel(variance(x, 'population'), m2.toNumber())).toBeLessThan(1e-13);
      }
    }
  });
  it('Pearson r within 1e-12, also when r is small', () => {
    for (const off of offsets) {
      const n = 30;
      const x = Array.from({ length: n }, () => off + rng.next());
      const y = x.map((v, i) => 0.01 * (v - off) + 2 * off + Math.sin(i));
      const mx = hsum(x.map((v) => HP.from(v))).div(n), my = hsum(y.map((v) => HP.from(v))).div(n);
      const dx = x.map((v) => HP.from(v).sub(mx)), dy = y.map((v) => HP.from(v).sub(my));
      const sxy = hsum(dx.map((a, i) => a.mul(dy[i]!)));
      const sxx = hsum(dx.map((a) => a.mul(a))), syy = hsum(dy.map((a) => a.mul(a)));
      const r = sxy.div(sqrt(sxx.mul(syy))).toNumber();
      expect(rel(pearson(x, y), r)).toBeLessThan(1e-12);
    }
  });
});

/** Solves the normal equations exactly enough in 256-bit arithmetic (κ(XᵀX) ≈ 1e20 leaves ~57 digits). */
function hpLeastSquares(X: number[][], y: number[]): { beta: number[]; se: number[] } {
  const n = X.length, p = X[0]!.length;
  const A = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => hsum(X.map((r) => HP.from(r[i]!).mul(r[j]!)))));
  const b = Array.from({ length: p }, (_, i) => hsum(X.map((r, k) => HP.from(r[i]!).mul(y[k]!))));
  const solve = (rhs: HP[]): HP[] => {
    const M = A.map((row, i) => [...row, rhs[i]!]);
    for (let c = 0; c < p; c++) {
      for (let r = 0; r < p; r++) {
        if (r === c) continue;
        const f = M[r]![c]!.div(M[c]![c]!);
        M[r] = M[r]!.map((v, j) => v.sub(f.mul(M[c]![j]!)));
      }
    }
    return M.map((row, i) => row[p]!.div(row[i]!));
  };
  const beta = solve(b);
  const rss = hsum(X.map((r, k) => { const e = hsum(r.map((v, j) => beta[j]!.mul(v))).sub(y[k]!); return e.mul(e); }));
  const s2 = rss.div(n - p);
  const se = Array.from({ length: p }, (_, j) => sqrt(s2.mul(solve(Array.from({ length: p }, (_, i) => HP.from(i === j ? 1 : 0)))[j]!)).toNumber());
  return { beta: beta.map((v) => v.toNumber()), se };
}

describe('OLS on ill-conditioned polynomial designs', () => {
  it('degree-5 polynomial in x on [0, 40) and a cubic on x near 1950: coefficients and SEs within 1e-12', () => {
    const rng = new Rng(11);
    const cases: [number, number, number][] = [[40, 0, 5], [25, 1950, 3], [16, 100, 4]];
    for (const [n, off, deg] of cases) {
      const xs = Array.from({ length: n }, (_, i) => off + i + 0.5 * rng.next());
      const rows = xs.map((x) => Array.from({ length: deg }, (_, k) => x ** (k + 1)));
      const y = xs.map((x, i) => 1 + 0.1 * (x - off) + Math.sin(3 * i));
      const fit = ols(rows, y);
      const ref = hpLeastSquares(rows.map((r) => [1, ...r]), y);
      for (let j = 0; j <= deg; j++) {
        expect(rel(fit.coefficients[j]!, ref.beta[j]!)).toBeLessThan(1e-12);
        expect(rel(fit.standardErrors[j]!, ref.se[j]!)).toBeLessThan(1e-12);
      }
    }
  });
});

describe('densities where the naive product underflows', () => {
  it('Beta(2, b) pdf at x = 1e-186 equals b (b + 1) x (closed form, (1-x)^(b-1) = 1 in double)', () => {
    for (const b of [3, 34.84, 1e3]) {
      const x = 1e-186;
      expect(rel(new Beta(2, b).pdf(x), b * (b + 1) * x)).toBeLessThan(1e-13);
    }
  });
  it('F logpdf far in the tails against 256-bit lgamma', () => {
    const cases: [number, number, number][] = [[21, 683.976, 165438.67], [3491.7, 24, 6.4e-4], [1372.5, 300.25, 1.478e-7]];
    for (const [d1, d2, x] of cases) {
      const H = (v: number): HP => HP.from(v);
      const lb = lgamma(H(d1 / 2)).add(lgamma(H(d2 / 2))).sub(lgamma(H((d1 + d2) / 2)));
      const ref = H(d1 / 2).mul(log(H(d1).div(H(d2))))
        .add(H(d1 / 2 - 1).mul(log(H(x))))
        .sub(H((d1 + d2) / 2).mul(log(H(1).add(H(d1).mul(x).div(d2)))))
        .sub(lb).toNumber();
      expect(new F(d1, d2).pdf(x)).toBe(0); // the density itself underflows here
      expect(rel(new F(d1, d2).logpdf(x), ref)).toBeLessThan(1e-12);
    }
  });
  it('Hypergeometric logpmf at the ends of the support: -log C(N, n) exactly from BigInt', () => {
    const binom = (n: number, k: number): bigint => {
      let r = 1n;
      for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
      return r;
    };
    for (const [N, n] of [[5000, 2500], [3000, 1000]] as const) {
      // K = n: P(k = n) = 1 / C(N, n), which underflows
      const ref = log(HP.from(binom(N, n))).neg().toNumber();
      const h = new Hypergeometric(N, n, n);
      expect(h.pmf(n)).toBe(0);
      expect(rel(h.logpmf(n), ref)).toBeLessThan(1e-13);
    }
  });
});

describe('Student t quantile near the median', () => {
  it('P(|T| <= t) = |1 - 2p| to 1e-12 at p = 1/2 -+ tiny (256-bit incomplete beta)', () => {
    for (const nu of [0.27, 3.5, 184, 2621]) {
      for (const d of [2.77e-7, 6e-6, 1e-3, 0.1]) {
        const p = 0.5 - d;
        const t = new StudentT(nu).quantile(p);
        expect(t).toBeLessThan(0);
        const x = (t * t) / (nu + t * t);
        const [lower] = hpBetaInc(0.5, nu / 2, x);
        expect(rel(lower, 1 - 2 * p)).toBeLessThan(2e-12);
      }
    }
  });
});

describe('discrete quantiles at exactly representable boundaries', () => {
  it('Binomial(n, 1/2): quantile(cdf(k)) = k and isf(sf(k)) = k with cdf from exact BigInt sums', () => {
    for (const n of [1, 2, 3, 5, 10, 20, 40]) {
      const b = new Binomial(n, 0.5);
      let c = 0n;
      for (let k = 0; k < n; k++) {
        let bin = 1n;
        for (let i = 1; i <= k; i++) bin = (bin * BigInt(n - k + i)) / BigInt(i);
        c += bin;
        const cdf = Number(c) / 2 ** n; // exact: the numerator has at most 41 bits
        expect(b.quantile(cdf)).toBe(k);
        expect(b.isf(1 - cdf)).toBe(k);
        expect(b.quantile(Math.min(1, cdf * (1 + 1e-12)))).toBe(k + 1);
      }
    }
  });
  it('Geometric(1/2) and NegativeBinomial(1, 1/2): quantile(1 - 2^-(k+1)) = k', () => {
    for (let k = 0; k < 50; k++) {
      const p = 1 - 2 ** -(k + 1);
      expect(new Geometric(0.5).quantile(p)).toBe(k);
      expect(new Geometric(0.5).isf(2 ** -(k + 1))).toBe(k);
      expect(new NegativeBinomial(1, 0.5).quantile(p)).toBe(k);
    }
  });
  // (For cdf(k) > 1/2 the double nearest cdf(k) may lie above it by more than sf(k) can resolve, and then k + 1 is
  // the right answer; the round trip is therefore checked on the tail that is the smaller one.)
  it('property: quantile(cdf(k)) = k (cdf <= 1/2) and isf(sf(k)) = k (sf <= 1/2) for binomial laws where the mass at k is not tiny', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (n, p, u) => {
        const b = new Binomial(n, p);
        const k = Math.min(n - 1, Math.floor(u * n));
        if (b.sf(k) < 1e-300 || b.cdf(k) < 1e-300 || b.pmf(k) < 1e-10 * Math.min(b.cdf(k), b.sf(k - 1))) return true;
        const c = b.cdf(k);
        const t = b.sf(k);
        return (c > 0.5 || b.quantile(c) === k) && (t > 0.5 || b.isf(t) === k);
      }),
      { numRuns: 300, seed: 4242 },
    );
  });
});
