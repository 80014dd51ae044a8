/**
 * Base class of Lousa's continuous distributions: generic quantile / isf by the safeguarded
 * log-space Newton iteration (special/solve.ts) on the smaller tail, and vectorised sampling.
 */
import type { Rng } from '../rng.js';
import { requireProbability } from '../special/errors.js';
import { solveTail } from '../special/solve.js';
import type { Distribution } from './types.js';
import { drawMany } from './validate.js';

export abstract class ContinuousDistribution implements Distribution {
  abstract readonly name: string;
  readonly discrete = false;
  abstract readonly support: readonly [number, number];
  abstract readonly mean: number;
  abstract readonly variance: number;
  abstract pdf(x: number): number;
  abstract cdf(x: number): number;
  abstract sf(x: number): number;
  protected abstract draw(rng: Rng): number;

  logpdf(x: number): number {
    return Math.log(this.pdf(x));
  }

  /** A starting point for the quantile search; `lower` says whether t is a cdf or sf value. */
  protected guess(_t: number, _lower: boolean): number {
    const m = this.mean;
    return Number.isFinite(m) ? m : 0;
  }

  private invert(t: number, lower: boolean): number {
    requireProbability(t);
    const [lo, hi] = this.support;
    if (t === 0) return lower ? lo : hi;
    if (t === 1) return lower ? hi : lo;
    if (t > 0.5) {
      t = 1 - t; // exact for t >= 1/2
      lower = !lower;
    }
    const useLower = lower;
    return solveTail({
      tail: (x) => (useLower ? this.cdf(x) : this.sf(x)),
      density: (x) => this.pdf(x),
      lower: useLower,
      target: t,
      lo,
      hi,
      x0: this.guess(t, useLower),
    });
  }

  quantile(p: number): number {
    return this.invert(p, true);
  }

  isf(q: number): number {
    return this.invert(q, false);
  }

  sample(rng: Rng): number;
  sample(rng: Rng, n: number): number[];
  sample(rng: Rng, n?: number): number | number[] {
    if (n === undefined) return this.draw(rng);
    return drawMany((r) => this.draw(r), rng, n);
  }
}
