/**
 * Geometric(p) and NegativeBinomial(r, p), counting FAILURES before the first (r-th) success,
 * support 0, 1, 2, ... (SciPy's `geom` counts trials instead; Lousa follows SciPy's `nbinom`).
 * NegativeBinomial mass = r/(k+r) * dbinomRaw(r; k+r, p); cdf(k) = I_p(r, k+1).
 * Sampling: Geometric by inversion, NegativeBinomial as a gamma-Poisson mixture.
 */
import type { Rng } from '../rng.js';
import { dbinomRaw, logDbinomRaw } from '../special/loader.js';
import { betaincBoth } from '../special/incbeta.js';
import { DiscreteDistribution } from './discrete.js';
import { samplePoisson } from './poisson.js';
import { positive, probability } from './validate.js';

export class Geometric extends DiscreteDistribution {
  readonly name = 'Geometric';
  readonly support = [0, Infinity] as const;
  private readonly l1p: number;
  constructor(readonly p: number) {
    super();
    probability('Geometric', 'p', p, true);
    this.l1p = Math.log1p(-p);
  }
  get mean(): number {
    return (1 - this.p) / this.p;
  }
  get variance(): number {
    return (1 - this.p) / (this.p * this.p);
  }
  protected mass(k: number): number {
    return k === 0 ? this.p : this.p * Math.exp(k * this.l1p);
  }
  protected override logMass(k: number): number {
    return Math.log(this.p) + k * this.l1p;
  }
  protected lowerAt(k: number): number {
    return this.p >= 0.5 ? 1 - this.upperAt(k) : -Math.expm1((k + 1) * this.l1p);
  }
  /** (1 - p)^(k+1): by pow when 1 - p is exact (p >= 1/2; exact at dyadic p), else through log1p. */
  protected upperAt(k: number): number {
    return this.p >= 0.5 ? Math.pow(1 - this.p, k + 1) : Math.exp((k + 1) * this.l1p);
  }
  protected override guess(): number {
    return 0;
  }
  protected draw(rng: Rng): number {
    if (this.p === 1) return 0;
    return Math.floor(Math.log(rng.nextOpen()) / this.l1p);
  }
}

export class NegativeBinomial extends DiscreteDistribution {
  readonly name = 'NegativeBinomial';
  readonly support = [0, Infinity] as const;
  constructor(readonly r: number, readonly p: number) {
    super();
    positive('NegativeBinomial', 'r', r);
    probability('NegativeBinomial', 'p', p, true);
  }
  get mean(): number {
    return (this.r * (1 - this.p)) / this.p;
  }
  get variance(): number {
    return (this.r * (1 - this.p)) / (this.p * this.p);
  }
  protected mass(k: number): number {
    if (this.p === 1) return k === 0 ? 1 : 0;
    return (this.r / (k + this.r)) * dbinomRaw(this.r, k + this.r, this.p, 1 - this.p);
  }
  protected override logMass(k: number): number {
    if (this.p === 1) return k === 0 ? 0 : -Infinity;
    return Math.log(this.r / (k + this.r)) + logDbinomRaw(this.r, k + this.r, this.p, 1 - this.p);
  }
  protected lowerAt(k: number): number {
    if (this.p === 1) return 1;
    return betaincBoth(this.r, k + 1, this.p, 1 - this.p).lower;
  }
  protected upperAt(k: number): number {
    if (this.p === 1) return 0;
    return betaincBoth(this.r, k + 1, this.p, 1 - this.p).upper;
  }
  protected draw(rng: Rng): number {
    if (this.p === 1) return 0;
    return samplePoisson(rng, (rng.gamma(this.r) * (1 - this.p)) / this.p);
  }
}
