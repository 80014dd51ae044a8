import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { HP, exp as hpExp, log as hpLog, sqrt as hpSqrt } from '../special/hpref.js';
import { hpErfc } from '../special/hperf.js';
import { hpGammaQ } from '../special/hpgamma.js';
import { DomainError } from '../special/errors.js';
import {
  distributions, Rng, Normal, Exponential, Cauchy, Laplace, Logistic, StudentT, ChiSquare, Gamma, Beta,
  Binomial, Poisson, Geometric, NegativeBinomial, Hypergeometric, Categorical, type Distribution,
} from './index.js';

const rel = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.abs(b));

describe('closed forms', () => {
  it('Exponential, Cauchy, Laplace, Logistic cdf and quantile', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
        const e = new Exponential(2);
        if (x > 0) expect(rel(e.sf(x), Math.exp(-2 * x))).toBeLessThan(1e-15);
        expect(Math.abs(new Cauchy().cdf(x) - (0.5 + Math.atan(x) / Math.PI))).toBeLessThan(1e-15);
        const lap = x < 0 ? 0.5 * Math.exp(x) : 1 - 0.5 * Math.exp(-x);
        expect(Math.abs(new Laplace().cdf(x) - lap)).toBeLessThan(1e-15);
        expect(Math.abs(new Logistic().cdf(x) - 1 / (1 + Math.exp(-x)))).toBeLessThan(1e-15);
      }),
      { numRuns: 500 },
    );
    expect(rel(new Exponential(3).quantile(0.5), Math.LN2 / 3)).toBeLessThan(1e-15);
    expect(rel(new Cauchy().isf(1e-300), 1 / (Math.PI * 1e-300))).toBeLessThan(1e-14);
  });
  it('t with nu = 1 is Cauchy; ChiSquare(2) cdf = 1 - exp(-x/2)', () => {
    const t = new StudentT(1);
    const c = new Cauchy();
    for (const x of [-1e6, -50, -3, -0.5, 0, 0.7, 4, 1e3]) expect(rel(t.cdf(x), c.cdf(x))).toBeLessThan(1e-13);
    const chi = new ChiSquare(2);
    for (const x of [1e-8, 0.3, 2, 10, 100, 1000]) {
      expect(rel(chi.cdf(x), -Math.expm1(-x / 2))).toBeLessThan(1e-14);
      expect(rel(chi.sf(x), Math.exp(-x / 2))).toBeLessThan(1e-13);
    }
  });
  it('t quantiles: nu = 2 closed form and published table (nu = 10, 0.975 -> 2.228138851986274)', () => {
    const t2 = new StudentT(2);
    for (const p of [1e-10, 0.1, 0.6]) expect(rel(t2.cdf(t2.quantile(p)), p)).toBeLessThan(1e-13);
    expect(rel(new StudentT(10).quantile(0.975), 2.228138851986274)).toBeLessThan(1e-13);
    expect(rel(new StudentT(30).isf(0.005), 2.749995653567999)).toBeLessThan(1e-12);
  });
});

describe('far tails against HP references', () => {
  const r2 = hpSqrt(HP.from(0.5));
  it('normal sf(37) (sf(40) underflows: logsf instead) and quantile(1e-300)', () => {
    const n = new Normal();
    const ref = hpErfc(HP.from(37).mul(r2)).ldexp(-1);
    expect(rel(n.sf(37), ref.toNumber())).toBeLessThan(1e-14);
    const ref40 = hpLog(hpErfc(HP.from(40).mul(r2)).ldexp(-1)).toNumber();
    expect(rel(n.logsf(40), ref40)).toBeLessThan(1e-14);
    const z = n.quantile(1e-300);
    const back = hpErfc(HP.from(-z).mul(r2)).ldexp(-1).toNumber();
    expect(rel(back, 1e-300)).toBeLessThan(2e-12); // d log p / d log z ~ z^2 = 1372
  });
  it('gamma with shape 1000-10000 near the mode and chi-square sf with large df', () => {
    for (const k of [1000, 2500.5, 10000]) {
      const g = new Gamma(k, 2);
      for (const f of [0.97, 1, 1.03]) {
        const x = (k * f) / 2;
        const q = hpGammaQ(HP.from(k), HP.from(2 * x)).toNumber();
        expect(rel(g.sf(x), q)).toBeLessThan(1e-12);
        expect(rel(g.cdf(x), 1 - q)).toBeLessThan(1e-12);
      }
    }
    const chi = new ChiSquare(20000);
    for (const x of [21000, 24000]) {
      const q = hpGammaQ(HP.from(10000), HP.from(x / 2)).toNumber();
      expect(rel(chi.sf(x), q)).toBeLessThan(1e-12);
    }
  });
  it('t with nu = 1e6 matches the Edgeworth correction Phi(t) - phi(t)(t^3 + t)/(4 nu)', () => {
    const nu = 1e6;
    const t = new StudentT(nu);
    const n = new Normal();
    for (const x of [-6, -3, -1, 0.5, 2]) {
      const approx = n.cdf(x) - (n.pdf(x) * (x * x * x + x)) / (4 * nu);
      // the neglected O(1/nu^2) term is below 2e-12 for |x| <= 6
      expect(Math.abs(t.cdf(x) - approx)).toBeLessThan(2e-12);
      expect(Math.abs(t.cdf(x) - approx)).toBeLessThan(1e-7 * Math.abs(t.cdf(x) - n.cdf(x)) + 2e-12);
    }
  });
  it('Beta(1e4, 1e4) cdf equals the exact binomial sum', () => {
    const a = 10000;
    const b = 10000;
    const x = 0.495;
    const n = a + b - 1;
    const X = HP.from(x);
    const Y = HP.from(1).sub(X);
    let t = hpExp(hpLog(Y).mul(n));
    let lower = HP.from(0);
    for (let j = 0; j <= n; j++) {
      if (j >= a) lower = lower.add(t);
      t = t.mul(X).mul(n - j).div(Y.mul(j + 1));
    }
    expect(rel(new Beta(a, b).cdf(x), lower.toNumber())).toBeLessThan(1e-12);
  });
});

describe('extreme quantiles', () => {
  it('report underflow and overflow of the true quantile as the support bound', () => {
    expect(new Gamma(0.01).quantile(1e-6)).toBe(0); // (1e-6 Gamma(1.01))^100 ~ 1e-600
    expect(distributions.F(0.5, 200).quantile(1e-100)).toBe(0);
    expect(distributions.F(1, 1).isf(1e-300)).toBe(Infinity); // ~ 4 / (pi^2 1e-600)
  });
  it('StudentT(1) deep tail agrees with the Cauchy closed form, t power law for nu = 3', () => {
    const t = new StudentT(1);
    expect(rel(t.quantile(1e-300), new Cauchy().quantile(1e-300))).toBeLessThan(1e-13);
    expect(rel(t.cdf(-1e200), new Cauchy().cdf(-1e200))).toBeLessThan(1e-13);
    // nu = 3: P(T <= t) = 1/2 - (1/pi)(atan(t/sqrt3) + sqrt3 t/(t^2 + 3)), exact (A&S 26.7.3)
    const t3 = new StudentT(3);
    for (const x of [10, 1e3, 1e5, 1e100]) {
      // sf = (atan(w) - w/(1+w^2))/pi, w = sqrt3/x, summed as sum_k (-1)^(k+1) 2k/(2k+1) w^(2k+1)
      const w = Math.sqrt(3) / x;
      let ref = 0;
      for (let k = 1; k < 40; k++) ref += ((k % 2 === 1 ? 1 : -1) * 2 * k * w ** (2 * k + 1)) / (2 * k + 1);
      ref /= Math.PI;
      expect(rel(t3.sf(x), ref)).toBeLessThan(1e-13);
      expect(rel(t3.cdf(-x), ref)).toBeLessThan(1e-13);
    }
  });
  it('t with nu = 1e6 quantile is close to the normal one', () => {
    const z = new Normal().quantile(1e-10);
    const t = new StudentT(1e6).quantile(1e-10);
    // Cornish-Fisher: t = z + (z^3 + z)/(4 nu) + O(nu^-2)
    expect(Math.abs(t - (z + (z ** 3 + z) / 4e6))).toBeLessThan(1e-9);
  });
});

describe('discrete laws against exact sums', () => {
  it('Binomial cdf = sum of pmf in exact BigInt rationals', () => {
    const n = 60;
    const pNum = 3n;
    const pDen = 10n; // p = 0.3 exactly as a rational; the double 0.3 differs by < 1e-17
    const d = new Binomial(n, 0.3);
    let cum = 0n;
    let binom = 1n;
    const den = pDen ** BigInt(n);
    for (let k = 0; k <= n; k++) {
      if (k > 0) binom = (binom * BigInt(n - k + 1)) / BigInt(k);
      const term = binom * pNum ** BigInt(k) * (pDen - pNum) ** BigInt(n - k);
      cum += term;
      const D = HP.from(den);
      const exactPmf = HP.from(term).div(D).toNumber();
      const exactCdf = HP.from(cum).div(D).toNumber();
      const exactSf = HP.from(den - cum).div(D).toNumber();
      expect(rel(d.pmf(k), exactPmf)).toBeLessThan(1e-12);
      expect(rel(d.cdf(k), exactCdf)).toBeLessThan(1e-12);
      if (exactSf > 0) expect(rel(d.sf(k), exactSf)).toBeLessThan(1e-12);
    }
  });
  it('Poisson cdf = e^-lambda sum lambda^j/j! (HP) in both tails', () => {
    for (const lambda of [0.5, 7, 120]) {
      const d = new Poisson(lambda);
      const L = HP.from(lambda);
      let term = hpExp(L.neg());
      let cum = HP.from(0);
      for (let k = 0; k < 3 * lambda + 40; k++) {
        cum = cum.add(term);
        if (term.toNumber() > 1e-300) expect(rel(d.pmf(k), term.toNumber())).toBeLessThan(1e-12);
        expect(rel(d.cdf(k), cum.toNumber())).toBeLessThan(1e-12);
        const sf = HP.from(1).sub(cum).toNumber();
        if (sf > 1e-40) expect(rel(d.sf(k), sf)).toBeLessThan(1e-11);
        term = term.mul(L).div(k + 1);
      }
    }
  });
  it('Geometric, NegativeBinomial(1, p) and Hypergeometric identities', () => {
    const g = new Geometric(0.2);
    const nb = new NegativeBinomial(1, 0.2);
    for (let k = 0; k < 50; k++) {
      expect(rel(g.pmf(k), 0.2 * 0.8 ** k)).toBeLessThan(1e-13);
      expect(rel(nb.cdf(k), g.cdf(k))).toBeLessThan(1e-13);
      expect(rel(nb.sf(k), g.sf(k))).toBeLessThan(1e-12);
    }
    const h = new Hypergeometric(50, 20, 10);
    let s = 0;
    for (let k = 0; k <= 10; k++) s += h.pmf(k);
    expect(Math.abs(s - 1)).toBeLessThan(1e-14);
    // C(20,3) C(30,7) / C(50,10), exact
    const choose = (n: bigint, k: bigint): bigint => {
      let r = 1n;
      for (let i = 0n; i < k; i++) r = (r * (n - i)) / (i + 1n);
      return r;
    };
    const exact = Number((choose(20n, 3n) * choose(30n, 7n) * 10n ** 20n) / choose(50n, 10n)) / 1e20;
    expect(rel(h.pmf(3), exact)).toBeLessThan(1e-13);
  });
  it('quantile is the smallest k with cdf(k) >= p', () => {
    const laws = [new Binomial(40, 0.3), new Poisson(12), new Geometric(0.1), new Hypergeometric(80, 30, 25), new Categorical([0.1, 0.6, 0.3])];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: laws.length - 1 }), fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), (i, p) => {
        const d = laws[i];
        const k = d.quantile(p);
        expect(d.cdf(k)).toBeGreaterThanOrEqual(p * (1 - 1e-12));
        if (k > d.support[0]) expect(d.cdf(k - 1)).toBeLessThan(p * (1 + 1e-12));
      }),
      { numRuns: 300 },
    );
  });
});

const CONTINUOUS: [string, Distribution][] = [
  ['Normal(1,2)', new Normal(1, 2)], ['LogNormal', distributions.LogNormal(0, 0.5)], ['Uniform', distributions.Uniform(-1, 3)],
  ['Exponential', new Exponential(2)], ['Gamma', new Gamma(3.5, 2)], ['ChiSquare', new ChiSquare(7)], ['Beta', new Beta(2, 5)],
  ['StudentT', new StudentT(5)], ['F', distributions.F(5, 10)], ['Laplace', new Laplace(1, 2)], ['Logistic', new Logistic()],
];

describe('properties of the continuous laws', () => {
  it('quantile(cdf(x)) = x and cdf + sf = 1', () => {
    for (const [, d] of CONTINUOUS) {
      for (const p of [1e-8, 0.01, 0.3, 0.5, 0.77, 0.999]) {
        // allow for the rounding of x itself: |dP| <= pdf(x) |x| eps
        const x = d.quantile(p);
        expect(Math.abs(d.cdf(x) - p)).toBeLessThan(1e-12 * p + 2.3e-16 * Math.abs(x) * d.pdf(x));
        expect(Math.abs(d.cdf(x) + d.sf(x) - 1)).toBeLessThan(1e-14);
        const y = d.isf(p);
        expect(Math.abs(d.sf(y) - p)).toBeLessThan(1e-12 * p + 2.3e-16 * Math.abs(y) * d.pdf(y));
      }
    }
  });
  it('pdf integrates to 1 (Gauss-Legendre on quantile-spaced panels) and matches cdf differences', () => {
    const nodes = [-0.906179845938664, -0.5384693101056831, 0, 0.5384693101056831, 0.906179845938664];
    const weights = [0.23692688505618908, 0.47862867049936647, 0.5688888888888889, 0.47862867049936647, 0.23692688505618908];
    for (const [name, d] of CONTINUOUS) {
      const panels = 200;
      const edge = (i: number): number => d.quantile(1e-9 + ((1 - 2e-9) * i) / panels);
      let total = 0;
      let lo = edge(0);
      for (let i = 0; i < panels; i++) {
        const hi = edge(i + 1);
        let part = 0;
        const sub = i === 0 || i === panels - 1 ? 512 : 8; // the tail panels are long
        for (let s = 0; s < sub; s++) {
          const a = lo + ((hi - lo) * s) / sub;
          const b = lo + ((hi - lo) * (s + 1)) / sub;
          for (let j = 0; j < 5; j++) part += ((b - a) / 2) * weights[j] * d.pdf((a + b) / 2 + ((b - a) / 2) * nodes[j]);
        }
        // each panel holds probability (1 - 2e-9) / panels by construction of its edges
        expect(Math.abs(part - (1 - 2e-9) / panels), name).toBeLessThan(1e-4 / panels);
        total += part;
        lo = hi;
      }
      expect(Math.abs(total - (1 - 2e-9)), name).toBeLessThan(1e-6);
    }
  });
  it('20k seeded draws: sample mean and variance within 5 standard errors', () => {
    const rng = new Rng(20240611);
    for (const [name, d] of CONTINUOUS) {
      const xs = d.sample(rng, 20000);
      const m = xs.reduce((s, x) => s + x, 0) / xs.length;
      const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
      expect(Math.abs(m - d.mean), name).toBeLessThan(5 * Math.sqrt(d.variance / xs.length));
      expect(Math.abs(v / d.variance - 1), name).toBeLessThan(0.12);
    }
  });
  it('discrete draws match mean and variance', () => {
    const rng = new Rng(7);
    for (const d of [new Binomial(40, 0.3), new Binomial(5000, 0.6), new Poisson(3), new Poisson(500), new Geometric(0.2), new NegativeBinomial(3.5, 0.4), new Hypergeometric(100, 30, 20), new Categorical([0.2, 0.5, 0.3])]) {
      const xs = d.sample(rng, 20000);
      const m = xs.reduce((s, x) => s + x, 0) / xs.length;
      const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
      expect(Math.abs(m - d.mean), d.name).toBeLessThan(5 * Math.sqrt(d.variance / xs.length));
      expect(Math.abs(v / d.variance - 1), d.name).toBeLessThan(0.1);
    }
  });
});

describe('Rng and validation', () => {
  it('is reproducible and int(n) is in range and roughly uniform', () => {
    const r1 = new Rng(99);
    const r2 = new Rng(99);
    for (let i = 0; i < 100; i++) expect(r1.next()).toBe(r2.next());
    const counts = new Array(6).fill(0);
    const r = new Rng(5);
    for (let i = 0; i < 60000; i++) counts[r.int(6)]++;
    for (const c of counts) expect(Math.abs(c - 10000)).toBeLessThan(5 * Math.sqrt(10000));
    expect(new Rng(1).next()).not.toBe(new Rng(2).next());
  });
  it('rejects bad parameters with DomainError', () => {
    expect(() => new Normal(0, -1)).toThrow(DomainError);
    expect(() => new Binomial(2.5, 0.3)).toThrow(DomainError);
    expect(() => new Categorical([0.5, 0.4])).toThrow(DomainError);
    expect(() => new Hypergeometric(10, 11, 2)).toThrow(DomainError);
    expect(() => distributions.Beta(1)).toThrow(DomainError);
    expect(() => new Normal().quantile(2)).toThrow(DomainError);
    expect(() => new Rng(0).gamma(-1)).toThrow(DomainError);
  });
});

describe('log masses beyond underflow', () => {
  it('Binomial and Poisson logpmf match exact log sums where the mass underflows', () => {
    // log C(2000, 1990) 0.3^1990 0.7^10 from BigInt binomial and HP logs
    const n = 2000;
    const k = 1990;
    let c = 1n;
    for (let i = 0; i < n - k; i++) c = (c * BigInt(n - i)) / BigInt(i + 1);
    const ref = hpLog(HP.from(c)).add(hpLog(HP.from(0.3)).mul(k)).add(hpLog(HP.from(0.7)).mul(n - k)).toNumber();
    const d = new Binomial(n, 0.3);
    expect(d.pmf(k)).toBe(0);
    expect(rel(d.logpmf(k), ref)).toBeLessThan(1e-14);
    // Poisson(1000) at 10: 10 log 1000 - 1000 - log 10!
    const pr = 10 * Math.log(1000) - 1000 - Math.log(3628800);
    expect(rel(new Poisson(1000).logpmf(10), pr)).toBeLessThan(1e-14);
    expect(new Poisson(3).logpmf(2.5)).toBe(-Infinity);
  });
});
