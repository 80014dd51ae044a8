import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Normal, Gamma, ChiSquare, Poisson, Beta, StudentT, Binomial, Exponential, distributions } from '../../src/stats/dist/index.js';
import { nintegrate } from '../../src/numeric/methods/index.js';
import { BigFloat } from '../../src/numeric/bigfloat/index.js';
import { betaIncRef, gammaPRef, normalCdfRef, relErr } from './hpref.js';

const TOL = 1e-13;
const one = BigFloat.ONE;
const comp = (r: BigFloat): BigFloat => one.sub(r, 200);

describe('normal cdf, sf and quantile against 200-bit erfc', () => {
  it('cdf and sf across [-37, 37] including the far tails', () => {
    const n = new Normal(0, 1);
    for (let x = -37; x <= 37; x += 0.37) {
      const ref = normalCdfRef(x);
      expect(relErr(n.cdf(x), ref)).toBeLessThan(TOL);
      expect(relErr(n.sf(x), normalCdfRef(-x))).toBeLessThan(TOL); // sf(x) = Φ(-x), no cancellation
    }
  });
  it('quantile: the reference cdf at the computed quantile returns p (error mapped back to x)', () => {
    const n = new Normal(0, 1);
    for (const p of [1e-300, 1e-100, 1e-20, 1e-8, 0.001, 0.025, 0.2, 0.5, 0.7, 0.975, 0.999, 1 - 1e-12]) {
      const q = n.quantile(p);
      const pRef = normalCdfRef(q).toNumber();
      // dx = (Φ(q) - p) / φ(q); the relative error in x is |dx / q|.
      const dx = (pRef - p) / n.pdf(q);
      expect(Math.abs(dx) / Math.max(Math.abs(q), 1e-300)).toBeLessThan(p === 0.5 ? Infinity : 1e-13);
    }
  });
});

describe('gamma family against the 200-bit series for P(a, x)', () => {
  it('Gamma(a, rate) cdf/sf, ChiSquare, Poisson', () => {
    for (const a of [0.1, 0.5, 1, 2.5, 10, 50, 200]) {
      for (const f of [0.01, 0.3, 0.9, 1, 1.1, 2, 4]) {
        const x = a * f;
        const ref = gammaPRef(a, x);
        // 1 - P at 200 bits keeps ~45 digits below 1; subnormal results have no relative precision.
        if (comp(ref).toNumber() < 1e-45 || ref.toNumber() < 1e-280) continue;
        const g = new Gamma(a, 2);
        expect(relErr(g.cdf(x / 2), ref)).toBeLessThan(TOL);
        expect(relErr(g.sf(x / 2), comp(ref))).toBeLessThan(TOL);
        expect(relErr(new ChiSquare(2 * a).cdf(2 * x), ref)).toBeLessThan(TOL);
      }
    }
    for (const lambda of [0.5, 3, 30, 300]) {
      for (const k of [0, 1, 5, 20, 100, 400]) {
        // Poisson cdf(k) = Q(k + 1, lambda)
        const ref = comp(gammaPRef(k + 1, lambda));
        if (ref.toNumber() < 1e-45 || ref.toNumber() > 1 - 1e-15) continue;
        expect(relErr(new Poisson(lambda).cdf(k), ref)).toBeLessThan(TOL);
      }
    }
  });
});

describe('beta family against the 200-bit hypergeometric series', () => {
  it('Beta, StudentT and Binomial', () => {
    for (const [a, b] of [[0.5, 0.5], [2, 3], [10, 1.5], [0.2, 30], [50, 60]] as const) {
      for (const x of [1e-6, 0.01, 0.2, 0.5, 0.8, 0.99]) {
        const { lower, upper } = betaIncRef(x, a, b);
        if (lower.toNumber() < 1e-280 || upper.toNumber() < 1e-280) continue;
        const d = new Beta(a, b);
        expect(relErr(d.cdf(x), lower)).toBeLessThan(TOL);
        expect(relErr(d.sf(x), upper)).toBeLessThan(TOL);
      }
    }
    for (const nu of [1, 2.5, 10, 100]) {
      for (const t of [0.1, 1, 3, 30, 1000]) {
        // sf(t) = I_{nu/(nu+t^2)}(nu/2, 1/2) / 2 for t > 0
        const { lower } = betaIncRef(nu / (nu + t * t), nu / 2, 0.5);
        const ref = lower.div(BigFloat.fromNumber(2), 200);
        expect(relErr(new StudentT(nu).sf(t), ref)).toBeLessThan(5e-13);
      }
    }
    for (const [n, p] of [[10, 0.3], [100, 0.02], [1000, 0.5]] as const) {
      for (const k of [0, 1, 3, Math.floor(n * p), n - 2]) {
        // cdf(k) = I_{1-p}(n - k, k + 1)
        const { lower } = betaIncRef(1 - p, n - k, k + 1);
        if (lower.toNumber() < 1e-280) continue;
        expect(relErr(new Binomial(n, p).cdf(k), lower)).toBeLessThan(TOL);
      }
    }
  });
});

describe('properties', () => {
  const continuous = ['Normal', 'LogNormal', 'Exponential', 'Gamma', 'Beta', 'StudentT', 'Logistic', 'Laplace', 'Cauchy'];
  it('quantile(cdf(x)) ≈ x', () => {
    fc.assert(fc.property(fc.constantFrom(...continuous), fc.double({ min: 0.001, max: 0.999, noNaN: true }), (name, u) => {
      const d = distributions[name]!(...(name === 'Beta' ? [2, 3] : name === 'Gamma' ? [3, 2] : name === 'StudentT' ? [4] : []));
      const x = d.quantile(u);
      expect(Math.abs(d.quantile(d.cdf(x)) - x)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(x)));
    }), { numRuns: 500 });
  });
  it('each density integrates to 1 numerically', () => {
    const params: Record<string, number[]> = { Normal: [1, 2], LogNormal: [0, 0.5], Exponential: [3], Gamma: [2.5, 1.5], Beta: [2, 5], StudentT: [3], Logistic: [0, 2], Laplace: [1, 0.5], Cauchy: [0, 1] };
    for (const [name, p] of Object.entries(params)) {
      const d = distributions[name]!(...p);
      const [lo, hi] = d.support;
      const r = nintegrate((x) => d.pdf(x), lo, hi, { relTol: 1e-10 });
      expect(Math.abs(r.value - 1), name).toBeLessThan(1e-8);
    }
  });
  it('exponential tails against closed forms', () => {
    const e = new Exponential(2);
    for (const x of [1e-10, 0.1, 1, 10, 300]) expect(Math.abs(e.sf(x) / Math.exp(-2 * x) - 1)).toBeLessThan(TOL);
  });
});
