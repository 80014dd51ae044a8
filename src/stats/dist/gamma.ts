/**
 * Gamma(shape k, rate theta): density theta^k x^(k-1) e^(-theta x) / Gamma(k), mean k/theta.
 * (Lousa uses shape and RATE; SciPy's `scale` is 1/rate.) ChiSquare(nu) = Gamma(nu/2, rate 1/2).
 */
import type { Rng } from '../rng.js';
import { gammaincBoth, gammaincDerivative } from '../special/incgamma.js';
import { gammaincinv, gammainccinv } from '../special/incgamma_inv.js';
import { lgamma } from '../special/gamma.js';
import { requireProbability } from '../special/errors.js';
import { ContinuousDistribution } from './continuous.js';
import { positive } from './validate.js';

export class Gamma extends ContinuousDistribution {
  readonly name: string = 'Gamma';
  readonly support = [0, Infinity] as const;
  constructor(readonly shape: number, readonly rate = 1) {
    super();
    positive('Gamma', 'shape', shape);
    positive('Gamma', 'rate', rate);
  }
  get mean(): number {
    return this.shape / this.rate;
  }
  get variance(): number {
    return this.shape / (this.rate * this.rate);
  }
  pdf(x: number): number {
    if (x < 0) return 0;
    return this.rate * gammaincDerivative(this.shape, this.rate * x);
  }
  override logpdf(x: number): number {
    if (x < 0) return -Infinity;
    const v = this.pdf(x);
    if (v > 1e-280 && Number.isFinite(v)) return Math.log(v);
    const k = this.shape;
    return k * Math.log(this.rate) + (k - 1) * Math.log(x) - this.rate * x - lgamma(k);
  }
  cdf(x: number): number {
    return x <= 0 ? 0 : gammaincBoth(this.shape, this.rate * x).p;
  }
  sf(x: number): number {
    return x <= 0 ? 1 : gammaincBoth(this.shape, this.rate * x).q;
  }
  override quantile(p: number): number {
    requireProbability(p);
    return gammaincinv(this.shape, p) / this.rate;
  }
  override isf(q: number): number {
    requireProbability(q);
    return gammainccinv(this.shape, q) / this.rate;
  }
  protected draw(rng: Rng): number {
    return rng.gamma(this.shape) / this.rate;
  }
}

export class ChiSquare extends Gamma {
  override readonly name = 'ChiSquare';
  constructor(readonly df: number) {
    positive('ChiSquare', 'df', df);
    super(df / 2, 0.5);
  }
}
