/**
 * Laws with closed-form cdf and quantile: Uniform(a, b), Exponential(rate), Cauchy(loc, scale),
 * Laplace(mu, b), Logistic(mu, s). Tails are written so that small probabilities are never
 * formed as a difference from 1.
 */
import type { Rng } from '../rng.js';
import { requireProbability, DomainError } from '../special/errors.js';
import { ContinuousDistribution } from './continuous.js';
import { finite, positive } from './validate.js';

export class Uniform extends ContinuousDistribution {
  readonly name = 'Uniform';
  readonly support: readonly [number, number];
  constructor(readonly a = 0, readonly b = 1) {
    super();
    finite('Uniform', 'a', a);
    finite('Uniform', 'b', b);
    if (!(a < b)) throw new DomainError(`Uniform: need a < b, got a=${a}, b=${b}`);
    this.support = [a, b];
  }
  get mean(): number {
    return this.a + (this.b - this.a) / 2;
  }
  get variance(): number {
    const w = this.b - this.a;
    return (w * w) / 12;
  }
  pdf(x: number): number {
    return x >= this.a && x <= this.b ? 1 / (this.b - this.a) : 0;
  }
  cdf(x: number): number {
    return x <= this.a ? 0 : x >= this.b ? 1 : (x - this.a) / (this.b - this.a);
  }
  sf(x: number): number {
    return x <= this.a ? 1 : x >= this.b ? 0 : (this.b - x) / (this.b - this.a);
  }
  override quantile(p: number): number {
    requireProbability(p);
    return p <= 0.5 ? this.a + p * (this.b - this.a) : this.b - (1 - p) * (this.b - this.a);
  }
  override isf(q: number): number {
    requireProbability(q);
    return this.b - q * (this.b - this.a);
  }
  protected draw(rng: Rng): number {
    return this.a + rng.next() * (this.b - this.a);
  }
}

/** Exponential with rate lambda (mean 1/lambda). */
export class Exponential extends ContinuousDistribution {
  readonly name = 'Exponential';
  readonly support = [0, Infinity] as const;
  constructor(readonly rate = 1) {
    super();
    positive('Exponential', 'rate', rate);
  }
  get mean(): number {
    return 1 / this.rate;
  }
  get variance(): number {
    return 1 / (this.rate * this.rate);
  }
  pdf(x: number): number {
    return x < 0 ? 0 : this.rate * Math.exp(-this.rate * x);
  }
  override logpdf(x: number): number {
    return x < 0 ? -Infinity : Math.log(this.rate) - this.rate * x;
  }
  cdf(x: number): number {
    return x <= 0 ? 0 : -Math.expm1(-this.rate * x);
  }
  sf(x: number): number {
    return x <= 0 ? 1 : Math.exp(-this.rate * x);
  }
  override quantile(p: number): number {
    requireProbability(p);
    return -Math.log1p(-p) / this.rate;
  }
  override isf(q: number): number {
    requireProbability(q);
    return -Math.log(q) / this.rate;
  }
  protected draw(rng: Rng): number {
    return -Math.log(rng.nextOpen()) / this.rate;
  }
}

export class Cauchy extends ContinuousDistribution {
  readonly name = 'Cauchy';
  readonly support = [-Infinity, Infinity] as const;
  readonly mean = NaN;
  readonly variance = NaN;
  constructor(readonly loc = 0, readonly scale = 1) {
    super();
    finite('Cauchy', 'loc', loc);
    positive('Cauchy', 'scale', scale);
  }
  pdf(x: number): number {
    const z = (x - this.loc) / this.scale;
    return 1 / (Math.PI * this.scale * (1 + z * z));
  }
  cdf(x: number): number {
    return cauchyLower((x - this.loc) / this.scale);
  }
  sf(x: number): number {
    return cauchyLower((this.loc - x) / this.scale);
  }
  override quantile(p: number): number {
    requireProbability(p);
    return this.loc + this.scale * cauchyQuantile(p);
  }
  override isf(q: number): number {
    requireProbability(q);
    return this.loc - this.scale * cauchyQuantile(q);
  }
  protected draw(rng: Rng): number {
    return this.loc + this.scale * cauchyQuantile(rng.nextOpen());
  }
}

/** Standard Cauchy cdf; for z < 0 as atan(-1/z)/pi, exact in relative terms in the far tail. */
export function cauchyLower(z: number): number {
  if (z < 0) return Math.atan(-1 / z) / Math.PI;
  return 0.5 + Math.atan(z) / Math.PI;
}

/** Standard Cauchy quantile: -1/tan(pi p) for p <= 1/2, 1/tan(pi (1-p)) above. */
export function cauchyQuantile(p: number): number {
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  return p < 0.5 ? -1 / Math.tan(Math.PI * p) : 1 / Math.tan(Math.PI * (1 - p));
}

export class Laplace extends ContinuousDistribution {
  readonly name = 'Laplace';
  readonly support = [-Infinity, Infinity] as const;
  constructor(readonly mu = 0, readonly b = 1) {
    super();
    finite('Laplace', 'mu', mu);
    positive('Laplace', 'b', b);
  }
  get mean(): number {
    return this.mu;
  }
  get variance(): number {
    return 2 * this.b * this.b;
  }
  pdf(x: number): number {
    return Math.exp(-Math.abs(x - this.mu) / this.b) / (2 * this.b);
  }
  override logpdf(x: number): number {
    return -Math.abs(x - this.mu) / this.b - Math.log(2 * this.b);
  }
  cdf(x: number): number {
    const z = (x - this.mu) / this.b;
    return z < 0 ? 0.5 * Math.exp(z) : 1 - 0.5 * Math.exp(-z);
  }
  sf(x: number): number {
    const z = (this.mu - x) / this.b;
    return z < 0 ? 0.5 * Math.exp(z) : 1 - 0.5 * Math.exp(-z);
  }
  override quantile(p: number): number {
    requireProbability(p);
    return p <= 0.5 ? this.mu + this.b * Math.log(2 * p) : this.mu - this.b * Math.log(2 * (1 - p));
  }
  override isf(q: number): number {
    requireProbability(q);
    return q <= 0.5 ? this.mu - this.b * Math.log(2 * q) : this.mu + this.b * Math.log(2 * (1 - q));
  }
  protected draw(rng: Rng): number {
    const e = -Math.log(rng.nextOpen());
    return rng.next() < 0.5 ? this.mu - this.b * e : this.mu + this.b * e;
  }
}

export class Logistic extends ContinuousDistribution {
  readonly name = 'Logistic';
  readonly support = [-Infinity, Infinity] as const;
  constructor(readonly mu = 0, readonly s = 1) {
    super();
    finite('Logistic', 'mu', mu);
    positive('Logistic', 's', s);
  }
  get mean(): number {
    return this.mu;
  }
  get variance(): number {
    return (Math.PI * Math.PI * this.s * this.s) / 3;
  }
  pdf(x: number): number {
    const e = Math.exp(-Math.abs(x - this.mu) / this.s);
    return e / (this.s * (1 + e) * (1 + e));
  }
  override logpdf(x: number): number {
    const z = Math.abs(x - this.mu) / this.s;
    return -z - 2 * Math.log1p(Math.exp(-z)) - Math.log(this.s);
  }
  cdf(x: number): number {
    return 1 / (1 + Math.exp(-(x - this.mu) / this.s));
  }
  sf(x: number): number {
    return 1 / (1 + Math.exp((x - this.mu) / this.s));
  }
  override quantile(p: number): number {
    requireProbability(p);
    return this.mu + this.s * (Math.log(p) - Math.log1p(-p));
  }
  override isf(q: number): number {
    requireProbability(q);
    return this.mu + this.s * (Math.log1p(-q) - Math.log(q));
  }
  protected draw(rng: Rng): number {
    const u = rng.nextOpen();
    return this.mu + this.s * (Math.log(u) - Math.log1p(-u));
  }
}
