/** Beta(a, b) on [0, 1]. */
import type { Rng } from '../rng.js';
import { betaincBoth, betaincDerivative } from '../special/incbeta.js';
import { betaincinv, betainccinv } from '../special/incbeta_inv.js';
import { lbeta } from '../special/beta.js';
import { requireProbability } from '../special/errors.js';
import { ContinuousDistribution } from './continuous.js';
import { positive } from './validate.js';

export class Beta extends ContinuousDistribution {
  readonly name = 'Beta';
  readonly support = [0, 1] as const;
  constructor(readonly a: number, readonly b: number) {
    super();
    positive('Beta', 'a', a);
    positive('Beta', 'b', b);
  }
  get mean(): number {
    return this.a / (this.a + this.b);
  }
  get variance(): number {
    const s = this.a + this.b;
    return (this.a * this.b) / (s * s * (s + 1));
  }
  pdf(x: number): number {
    if (x < 0 || x > 1) return 0;
    return betaincDerivative(this.a, this.b, x);
  }
  override logpdf(x: number): number {
    if (x < 0 || x > 1) return -Infinity;
    const v = this.pdf(x);
    if (v > 1e-280 && Number.isFinite(v)) return Math.log(v);
    return (this.a - 1) * Math.log(x) + (this.b - 1) * Math.log1p(-x) - lbeta(this.a, this.b);
  }
  cdf(x: number): number {
    return x <= 0 ? 0 : x >= 1 ? 1 : betaincBoth(this.a, this.b, x).lower;
  }
  sf(x: number): number {
    return x <= 0 ? 1 : x >= 1 ? 0 : betaincBoth(this.a, this.b, x).upper;
  }
  override quantile(p: number): number {
    requireProbability(p);
    return betaincinv(this.a, this.b, p);
  }
  override isf(q: number): number {
    requireProbability(q);
    return betainccinv(this.a, this.b, q);
  }
  protected draw(rng: Rng): number {
    const x = rng.gamma(this.a);
    const y = rng.gamma(this.b);
    return x / (x + y);
  }
}
