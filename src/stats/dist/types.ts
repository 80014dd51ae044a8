/**
 * The common shape of Lousa's probability distributions (numeric only).
 * Continuous distributions give densities in `pdf`; discrete ones give probability masses in
 * `pdf` and its alias `pmf`. `sf` is always computed directly (never as 1 - cdf), so it keeps
 * relative precision in the upper tail; `isf` inverts it.
 */
import type { Rng } from '../rng.js';

export interface Distribution {
  readonly name: string;
  readonly discrete: boolean;
  /** Closed support interval [lo, hi] (bounds may be infinite). */
  readonly support: readonly [number, number];
  readonly mean: number;
  readonly variance: number;
  pdf(x: number): number;
  logpdf(x: number): number;
  cdf(x: number): number;
  sf(x: number): number;
  /** Smallest x with cdf(x) >= p (for continuous laws: the x with cdf(x) = p). */
  quantile(p: number): number;
  /** Smallest x with sf(x) <= q. */
  isf(q: number): number;
  sample(rng: Rng): number;
  sample(rng: Rng, n: number): number[];
}

export interface DiscreteDistribution extends Distribution {
  pmf(k: number): number;
  logpmf(k: number): number;
}
