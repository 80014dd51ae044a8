/**
 * Beta function B(a, b) = Gamma(a) Gamma(b) / Gamma(a + b) and its logarithm for a, b > 0.
 * For large arguments the Stirling form is rearranged with log1p so that the huge log terms
 * cancel analytically rather than numerically (cf. DiDonato & Morris (1992), TOMS 708, BETALN).
 */
import { DomainError } from './errors.js';
import { LOG_SQRT_2PI, lgamma, stirlerr } from './gamma.js';
import { log1pmx } from './elementary.js';

/**
 * log Gamma(a) - log Gamma(a + b) for a >= 10 and b > 0 without cancellation.
 * With lgamma(z) = (z - 1/2) log z - z + log sqrt(2 pi) + stirlerr(z):
 *   = -(a - 1/2) log1p(t) - b log(a + b) + b + stirlerr(a) - stirlerr(a + b),  t = b / a,
 * and -(a)(log1p t) + b = -a log1pmx(t).
 */
export function lgammaDelta(a: number, b: number): number {
  const t = b / a;
  return -a * log1pmx(t) + 0.5 * Math.log1p(t) - b * Math.log(a + b) + stirlerr(a) - stirlerr(a + b);
}

/** log B(a, b) for a, b > 0. */
export function lbeta(a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new DomainError(`lbeta needs a > 0 and b > 0, got a=${a}, b=${b}`);
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  if (hi < 10) return lgamma(a) + lgamma(b) - lgamma(a + b);
  if (lo < 10) return lgamma(lo) + lgammaDelta(hi, lo);
  // Both large: log B = log sqrt(2 pi) + (lo - 1/2) log(lo / (lo+hi)) + hi log(hi/(lo+hi)) - (1/2) log hi
  //                    + stirlerr terms; written with log1p of the smaller ratio.
  const s = lo + hi;
  const w = stirlerr(lo) + stirlerr(hi) - stirlerr(s);
  return (
    LOG_SQRT_2PI - 0.5 * Math.log(hi) + (lo - 0.5) * Math.log(lo / s) + hi * Math.log1p(-lo / s) + w
  );
}

/** B(a, b) for a, b > 0. */
export function beta(a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new DomainError(`beta needs a > 0 and b > 0, got a=${a}, b=${b}`);
  return Math.exp(lbeta(a, b));
}
