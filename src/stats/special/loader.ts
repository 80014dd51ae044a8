/**
 * Saddle-point forms of the binomial and Poisson densities for real arguments,
 * C. Loader (2000), "Fast and accurate computation of binomial probabilities":
 *   dbinomRaw(x; n, p) = Gamma(n+1) / (Gamma(x+1) Gamma(n-x+1)) p^x q^(n-x)
 * evaluated as exp(stirlerr(n) - stirlerr(x) - stirlerr(n-x) - bd0(x, np) - bd0(n-x, nq))
 * * sqrt(n / (2 pi x (n-x))), which keeps full relative precision for n up to 1e15.
 */
import { bd0 } from './elementary.js';
import { lgamma1p, stirlerr } from './gamma.js';
import { gammaPrefix } from './incgamma.js';

export function dbinomRaw(x: number, n: number, p: number, q: number = 1 - p): number {
  if (p === 0) return x === 0 ? 1 : 0;
  if (q === 0) return x === n ? 1 : 0;
  if (x === 0) {
    if (n === 0) return 1;
    return p < 0.1 ? Math.exp(-bd0(n, n * q) - n * p) : Math.exp(n * Math.log(q));
  }
  if (x === n) return q < 0.1 ? Math.exp(-bd0(n, n * p) - n * q) : Math.exp(n * Math.log(p));
  if (x < 0 || x > n) return 0;
  const lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, n * p) - bd0(n - x, n * q);
  return Math.exp(lc) * Math.sqrt(n / (2 * Math.PI * x * (n - x)));
}

/** log dbinomRaw, finite where the density itself underflows. */
export function logDbinomRaw(x: number, n: number, p: number, q: number = 1 - p): number {
  if (p === 0) return x === 0 ? 0 : -Infinity;
  if (q === 0) return x === n ? 0 : -Infinity;
  if (x < 0 || x > n) return -Infinity;
  if (x === 0) return n === 0 ? 0 : p < 0.1 ? -bd0(n, n * q) - n * p : n * Math.log(q);
  if (x === n) return q < 0.1 ? -bd0(n, n * p) - n * q : n * Math.log(p);
  const lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, n * p) - bd0(n - x, n * q);
  return lc + 0.5 * Math.log(n / (2 * Math.PI * x * (n - x)));
}

/** log of the Poisson density lambda^x e^-lambda / Gamma(x + 1). */
export function logDpoisRaw(x: number, lambda: number): number {
  if (lambda === 0) return x === 0 ? 0 : -Infinity;
  if (x === 0) return -lambda;
  if (x >= 10) return -stirlerr(x) - bd0(x, lambda) - 0.5 * Math.log(2 * Math.PI * x);
  return x * Math.log(lambda) - lambda - lgamma1p(x);
}

/** Poisson density lambda^x e^-lambda / Gamma(x + 1) for real x >= 0. */
export function dpoisRaw(x: number, lambda: number): number {
  return gammaPrefix(x, lambda);
}
