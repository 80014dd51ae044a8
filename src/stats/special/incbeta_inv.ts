/**
 * Inverse in x of the regularized incomplete beta function. Starting value: for a, b >= 1 the
 * normal-based approximation of A&S 26.5.22 (as used by K. L. Majumder & G. P. Bhattacharjee
 * (1973), "Algorithm AS 64/AS 109: inverse of the incomplete beta function ratio"); otherwise,
 * or in the far tails, the leading power terms I_x ~ x^a / (a B(a, b)) near 0 and
 * 1 - I_x ~ (1-x)^b / (b B(a, b)) near 1. Then the safeguarded log-space Newton of solve.ts.
 */
import { DomainError, requireProbability } from './errors.js';
import { betaincBoth, betaincDerivative } from './incbeta.js';
import { lbeta } from './beta.js';
import { normQuantile } from './normal.js';
import { solveTail } from './solve.js';

function initial(a: number, b: number, t: number, lower: boolean): number {
  const lb = lbeta(a, b);
  const nearZero = Math.exp((Math.log(t) + Math.log(a) + lb) / a); // lower tail power term
  const nearOne = 1 - Math.exp((Math.log(t) + Math.log(b) + lb) / b); // upper tail power term
  if (a >= 1 && b >= 1) {
    const z = normQuantile(lower ? t : 1 - t); // I_x = t  <=>  standard deviate z
    const al = (z * z - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w = (z * Math.sqrt(al + h)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    const x = a / (a + b * Math.exp(-2 * w));
    if (x > 0 && x < 1 && Number.isFinite(x)) return x;
  }
  return lower ? nearZero : nearOne;
}

function solve(a: number, b: number, t: number, lower: boolean): number {
  if (!(a > 0 && b > 0)) throw new DomainError(`inverse incomplete beta needs a > 0 and b > 0, got a=${a}, b=${b}`);
  requireProbability(t);
  if (t === 0) return lower ? 0 : 1;
  if (t === 1) return lower ? 1 : 0;
  if (t > 0.5) {
    t = 1 - t;
    lower = !lower;
  }
  if (lower && (Math.log(t) + Math.log(a) + lbeta(a, b)) / a < -745) return 0;
  const useLower = lower;
  return solveTail({
    tail: (x) => {
      const r = betaincBoth(a, b, x);
      return useLower ? r.lower : r.upper;
    },
    density: (x) => betaincDerivative(a, b, x),
    lower: useLower,
    target: t,
    lo: 0,
    hi: 1,
    x0: initial(a, b, t, useLower),
  });
}

/** x in [0, 1] with I_x(a, b) = p. */
export function betaincinv(a: number, b: number, p: number): number {
  return solve(a, b, p, true);
}

/** x in [0, 1] with 1 - I_x(a, b) = q. */
export function betainccinv(a: number, b: number, q: number): number {
  return solve(a, b, q, false);
}
