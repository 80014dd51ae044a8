/** Normal(mu, sigma) and LogNormal(mu, sigma) (mu, sigma of log X). */
import type { Rng } from '../rng.js';
import { requireProbability } from '../special/errors.js';
import { logNormCdf, normCdf, normPdf, normQuantile, normIsf } from '../special/normal.js';
import { LOG_SQRT_2PI } from '../special/gamma.js';
import { ContinuousDistribution } from './continuous.js';
import { finite, positive } from './validate.js';

export class Normal extends ContinuousDistribution {
  readonly name = 'Normal';
  readonly support = [-Infinity, Infinity] as const;
  constructor(readonly mu = 0, readonly sigma = 1) {
    super();
    finite('Normal', 'mu', mu);
    positive('Normal', 'sigma', sigma);
  }
  get mean(): number {
    return this.mu;
  }
  get variance(): number {
    return this.sigma * this.sigma;
  }
  pdf(x: number): number {
    return normPdf((x - this.mu) / this.sigma) / this.sigma;
  }
  override logpdf(x: number): number {
    const z = (x - this.mu) / this.sigma;
    return -0.5 * z * z - Math.log(this.sigma) - LOG_SQRT_2PI;
  }
  cdf(x: number): number {
    return normCdf((x - this.mu) / this.sigma);
  }
  sf(x: number): number {
    return normCdf((this.mu - x) / this.sigma);
  }
  /** log cdf, finite far beyond the underflow of cdf. */
  logcdf(x: number): number {
    return logNormCdf((x - this.mu) / this.sigma);
  }
  /** log sf, finite far beyond the underflow of sf (e.g. at 40 sigma). */
  logsf(x: number): number {
    return logNormCdf((this.mu - x) / this.sigma);
  }
  override quantile(p: number): number {
    return this.mu + this.sigma * normQuantile(p);
  }
  override isf(q: number): number {
    return this.mu + this.sigma * normIsf(q);
  }
  protected draw(rng: Rng): number {
    return this.mu + this.sigma * rng.normal();
  }
}

export class LogNormal extends ContinuousDistribution {
  readonly name = 'LogNormal';
  readonly support = [0, Infinity] as const;
  constructor(readonly mu = 0, readonly sigma = 1) {
    super();
    finite('LogNormal', 'mu', mu);
    positive('LogNormal', 'sigma', sigma);
  }
  get mean(): number {
    return Math.exp(this.mu + 0.5 * this.sigma * this.sigma);
  }
  get variance(): number {
    const s2 = this.sigma * this.sigma;
    return Math.expm1(s2) * Math.exp(2 * this.mu + s2);
  }
  pdf(x: number): number {
    if (!(x > 0)) return 0;
    return normPdf((Math.log(x) - this.mu) / this.sigma) / (this.sigma * x);
  }
  override logpdf(x: number): number {
    if (!(x > 0)) return -Infinity;
    const z = (Math.log(x) - this.mu) / this.sigma;
    return -0.5 * z * z - Math.log(this.sigma * x) - LOG_SQRT_2PI;
  }
  cdf(x: number): number {
    return x > 0 ? normCdf((Math.log(x) - this.mu) / this.sigma) : 0;
  }
  sf(x: number): number {
    return x > 0 ? normCdf((this.mu - Math.log(x)) / this.sigma) : 1;
  }
  override quantile(p: number): number {
    requireProbability(p);
    return Math.exp(this.mu + this.sigma * normQuantile(p));
  }
  override isf(q: number): number {
    requireProbability(q);
    return Math.exp(this.mu + this.sigma * normIsf(q));
  }
  protected draw(rng: Rng): number {
    return Math.exp(this.mu + this.sigma * rng.normal());
  }
}
