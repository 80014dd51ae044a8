/**
 * Binomial(n, p), Bernoulli(p). Masses by Loader's saddle-point form (special/loader.ts);
 * cdf(k) = I_{1-p}(n - k, k + 1) and sf(k) = I_p(k + 1, n - k) (A&S 26.5.24).
 * Sampling: inversion by the mass recurrence when n min(p, 1-p) < 20, otherwise L. Devroye's
 * (1986, "Non-Uniform Random Variate Generation", X.4) recursion through the beta-distributed
 * order statistic, which is exact and needs O(log n) gamma deviates.
 */
import type { Rng } from '../rng.js';
import { dbinomRaw, logDbinomRaw } from '../special/loader.js';
import { betaincBoth } from '../special/incbeta.js';
import { DiscreteDistribution } from './discrete.js';
import { count, probability } from './validate.js';

export function sampleBinomial(rng: Rng, n: number, p: number): number {
  let acc = 0;
  for (;;) {
    if (n === 0 || p === 0) return acc;
    if (p === 1) return acc + n;
    if (p > 0.5) return acc + n - sampleBinomial(rng, n, 1 - p);
    if (n * p < 20) {
      const q = 1 - p;
      const r = p / q;
      let pk = Math.exp(n * Math.log1p(-p));
      let u = rng.next();
      let k = 0;
      while (u >= pk && k < n) {
        u -= pk;
        pk *= (r * (n - k)) / (k + 1);
        k++;
      }
      return acc + k;
    }
    const i = Math.floor((n + 1) / 2);
    const g1 = rng.gamma(i);
    const g2 = rng.gamma(n + 1 - i);
    const x = g1 / (g1 + g2);
    if (x <= p) {
      acc += i;
      n -= i;
      p = (p - x) / (1 - x);
    } else {
      n = i - 1;
      p = p / x;
    }
  }
}

export class Binomial extends DiscreteDistribution {
  readonly name: string = 'Binomial';
  readonly support: readonly [number, number];
  constructor(readonly n: number, readonly p: number) {
    super();
    count('Binomial', 'n', n);
    probability('Binomial', 'p', p);
    this.support = [0, n];
  }
  get mean(): number {
    return this.n * this.p;
  }
  get variance(): number {
    return this.n * this.p * (1 - this.p);
  }
  protected mass(k: number): number {
    return dbinomRaw(k, this.n, this.p, 1 - this.p);
  }
  protected override logMass(k: number): number {
    return logDbinomRaw(k, this.n, this.p, 1 - this.p);
  }
  protected lowerAt(k: number): number {
    if (this.p === 0) return 1;
    if (this.p === 1) return 0;
    return betaincBoth(this.n - k, k + 1, 1 - this.p, this.p).lower;
  }
  protected upperAt(k: number): number {
    if (this.p === 0) return 0;
    if (this.p === 1) return 1;
    return betaincBoth(this.n - k, k + 1, 1 - this.p, this.p).upper;
  }
  protected draw(rng: Rng): number {
    return sampleBinomial(rng, this.n, this.p);
  }
}

export class Bernoulli extends Binomial {
  override readonly name = 'Bernoulli';
  constructor(p: number) {
    probability('Bernoulli', 'p', p);
    super(1, p);
  }
}
