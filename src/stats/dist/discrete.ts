/**
 * Base class of Lousa's discrete distributions on (subsets of) the integers. The quantile is the
 * smallest integer k with cdf(k) >= p, found by galloping from a starting guess and then
 * bisection; for p > 1/2 the test is done on the survival function (sf(k) <= 1 - p) so that
 * upper-tail probabilities keep their precision. isf(q) is the smallest k with sf(k) <= q.
 */
import type { Rng } from '../rng.js';
import { requireProbability } from '../special/errors.js';
import type { DiscreteDistribution as DiscreteLaw } from './types.js';
import { drawMany } from './validate.js';

/**
 * Computed tail probabilities carry a few units in the last place of error; a probability within this relative
 * distance of a tail value is taken to equal it, so that quantile(cdf(k)) = k and exactly representable
 * boundaries (Binomial(2, 1/2).quantile(3/4) = 1) come out as the smallest k with cdf(k) >= p.
 */
const TAIL_FUZZ = 1e-14;

export abstract class DiscreteDistribution implements DiscreteLaw {
  abstract readonly name: string;
  readonly discrete = true;
  abstract readonly support: readonly [number, number];
  abstract readonly mean: number;
  abstract readonly variance: number;
  /** Probability mass at integer k (k already checked to be an integer inside the support). */
  protected abstract mass(k: number): number;
  /** cdf at integer k inside the support. */
  protected abstract lowerAt(k: number): number;
  /** sf = P(X > k) at integer k inside the support. */
  protected abstract upperAt(k: number): number;
  protected abstract draw(rng: Rng): number;

  pdf(x: number): number {
    if (!Number.isInteger(x) || x < this.support[0] || x > this.support[1]) return 0;
    return this.mass(x);
  }
  /** log of the mass; laws whose mass can underflow override this with a log-space form. */
  protected logMass(k: number): number {
    return Math.log(this.mass(k));
  }
  logpdf(x: number): number {
    if (!Number.isInteger(x) || x < this.support[0] || x > this.support[1]) return -Infinity;
    return this.logMass(x);
  }
  pmf(k: number): number {
    return this.pdf(k);
  }
  logpmf(k: number): number {
    return this.logpdf(k);
  }
  cdf(x: number): number {
    if (Number.isNaN(x)) return NaN;
    const k = Math.floor(x);
    if (k < this.support[0]) return 0;
    if (k >= this.support[1]) return 1;
    return this.lowerAt(k);
  }
  sf(x: number): number {
    if (Number.isNaN(x)) return NaN;
    const k = Math.floor(x);
    if (k < this.support[0]) return 1;
    if (k >= this.support[1]) return 0;
    return this.upperAt(k);
  }

  /** Starting point for quantile searches. */
  protected guess(): number {
    const m = this.mean;
    return Number.isFinite(m) ? Math.round(m) : this.support[0];
  }

  /** Smallest integer k in the support with pred(k) true (pred monotone false -> true). */
  protected smallest(pred: (k: number) => boolean): number {
    const [lo, hi] = this.support;
    let k = Math.min(Math.max(this.guess(), lo), hi);
    let good: number;
    let bad: number;
    if (pred(k)) {
      good = k;
      let step = 1;
      for (;;) {
        const c = good - step;
        if (c < lo) {
          if (good === lo || !pred(lo)) {
            bad = good === lo ? lo - 1 : lo;
          } else return lo;
          break;
        }
        if (pred(c)) {
          good = c;
          step *= 2;
        } else {
          bad = c;
          break;
        }
      }
    } else {
      bad = k;
      let step = 1;
      for (;;) {
        const c = bad + step;
        if (c >= hi) {
          good = hi;
          break;
        }
        if (pred(c)) {
          good = c;
          break;
        }
        bad = c;
        step *= 2;
      }
    }
    while (good - bad > 1) {
      const mid = bad + Math.floor((good - bad) / 2);
      if (pred(mid)) good = mid;
      else bad = mid;
    }
    k = good;
    return k;
  }

  quantile(p: number): number {
    requireProbability(p);
    const [lo, hi] = this.support;
    if (p === 0) return lo;
    if (p === 1) return hi;
    if (p <= 0.5) return this.smallest((k) => this.cdf(k) >= p * (1 - TAIL_FUZZ));
    const q = 1 - p; // exact for p >= 1/2
    return this.smallest((k) => this.sf(k) <= q * (1 + TAIL_FUZZ));
  }

  isf(q: number): number {
    requireProbability(q);
    const [lo, hi] = this.support;
    if (q === 1) return lo;
    if (q === 0) return hi;
    if (q <= 0.5) return this.smallest((k) => this.sf(k) <= q * (1 + TAIL_FUZZ));
    const p = 1 - q; // exact for q >= 1/2
    return this.smallest((k) => this.cdf(k) >= p * (1 - TAIL_FUZZ));
  }

  sample(rng: Rng): number;
  sample(rng: Rng, n: number): number[];
  sample(rng: Rng, n?: number): number | number[] {
    if (n === undefined) return this.draw(rng);
    return drawMany((r) => this.draw(r), rng, n);
  }
}
