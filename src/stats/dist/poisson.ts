/**
 * Poisson(lambda): mass by Loader's dpois_raw, cdf(k) = Q(k + 1, lambda), sf(k) = P(k + 1, lambda).
 * Sampling: multiplication (inversion) for lambda < 30, otherwise W. Hoermann (1993), "The
 * transformed rejection method for generating Poisson random variables" (PTRS).
 */
import type { Rng } from '../rng.js';
import { dpoisRaw, logDpoisRaw } from '../special/loader.js';
import { gammaincBoth } from '../special/incgamma.js';
import { lgamma1p } from '../special/gamma.js';
import { DiscreteDistribution } from './discrete.js';
import { finite } from './validate.js';
import { DomainError } from '../special/errors.js';

export function samplePoisson(rng: Rng, lambda: number): number {
  if (lambda === 0) return 0;
  if (lambda < 30) {
    const limit = Math.exp(-lambda);
    let k = 0;
    let prod = rng.next();
    while (prod > limit) {
      prod *= rng.next();
      k++;
    }
    return k;
  }
  const slam = Math.sqrt(lambda);
  const loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - lgamma1p(k)) return k;
  }
}

export class Poisson extends DiscreteDistribution {
  readonly name = 'Poisson';
  readonly support = [0, Infinity] as const;
  constructor(readonly lambda: number) {
    super();
    finite('Poisson', 'lambda', lambda);
    if (!(lambda >= 0)) throw new DomainError(`Poisson: parameter lambda must be >= 0, got ${lambda}`);
  }
  get mean(): number {
    return this.lambda;
  }
  get variance(): number {
    return this.lambda;
  }
  protected mass(k: number): number {
    return dpoisRaw(k, this.lambda);
  }
  protected override logMass(k: number): number {
    return logDpoisRaw(k, this.lambda);
  }
  protected lowerAt(k: number): number {
    return this.lambda === 0 ? 1 : gammaincBoth(k + 1, this.lambda).q;
  }
  protected upperAt(k: number): number {
    return this.lambda === 0 ? 0 : gammaincBoth(k + 1, this.lambda).p;
  }
  protected draw(rng: Rng): number {
    return samplePoisson(rng, this.lambda);
  }
}
