/**
 * Inverses in x of the regularized incomplete gamma functions: x with P(a, x) = p or Q(a, x) = q.
 * Starting values after DiDonato & Morris (1986): the Wilson-Hilferty cube-root normal
 * approximation (E. B. Wilson & M. M. Hilferty (1931)) in the bulk, the leading power term
 * P ~ x^a / Gamma(a + 1) in the far lower tail and the leading term of Q's asymptotic series in
 * the far upper tail; then the safeguarded log-space Newton iteration of solve.ts.
 */
import { DomainError, requireProbability } from './errors.js';
import { gammaincBoth, gammaincDerivative } from './incgamma.js';
import { lgamma, lgamma1p } from './gamma.js';
import { normQuantile } from './normal.js';
import { solveTail } from './solve.js';

function initial(a: number, t: number, lower: boolean): number {
  const z = normQuantile(lower ? t : 1 - t);
  const c = 1 - 1 / (9 * a) + z / (3 * Math.sqrt(a));
  const wh = a * c * c * c;
  if (lower) {
    const xs = Math.exp((Math.log(t) + lgamma1p(a)) / a);
    if (xs < 0.2 * (a + 1) || !(wh > 0)) return xs;
    return wh;
  }
  if (wh > 0 && wh > 1.5 * a + 5) return wh;
  let x = Math.max(1, -Math.log(t));
  for (let i = 0; i < 4; i++) {
    const next = -Math.log(t) + (a - 1) * Math.log(x) - lgamma(a);
    if (!(next > 0)) break;
    x = next;
  }
  return wh > 0 && Math.abs(Math.log(wh / x)) < 0.5 ? wh : x;
}

function solve(a: number, t: number, lower: boolean): number {
  if (!(a > 0)) throw new DomainError(`inverse incomplete gamma needs shape a > 0, got ${a}`);
  requireProbability(t);
  if (t === 0) return lower ? 0 : Infinity;
  if (t === 1) return lower ? Infinity : 0;
  // Always solve on the smaller tail (1 - t is exact for t >= 1/2).
  if (t > 0.5) {
    t = 1 - t;
    lower = !lower;
  }
  const useLower = lower;
  // The lower-tail quantile is about (t Gamma(a + 1))^(1/a); report underflow as 0.
  if (useLower && (Math.log(t) + lgamma1p(a)) / a < -745) return 0;
  return solveTail({
    tail: (x) => {
      const r = gammaincBoth(a, x);
      return useLower ? r.p : r.q;
    },
    density: (x) => gammaincDerivative(a, x),
    lower: useLower,
    target: t,
    lo: 0,
    hi: Infinity,
    x0: initial(a, t, useLower),
  });
}

/** x >= 0 with P(a, x) = p. */
export function gammaincinv(a: number, p: number): number {
  return solve(a, p, true);
}

/** x >= 0 with Q(a, x) = q. */
export function gammainccinv(a: number, q: number): number {
  return solve(a, q, false);
}
