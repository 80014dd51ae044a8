/**
 * Regularized incomplete beta function I_x(a, b) and its complement 1 - I_x(a, b).
 *
 * Both are computed by the method selection of DiDonato & Morris (1992), "Algorithm 708:
 * significant digit computation of the incomplete beta function ratios", ACM TOMS 18(3)
 * (incbeta_ratio.ts): power series, the shift BUP, the continued fraction BFRAC and the
 * asymptotic expansions BGRAT (one shape large, the other <= 1) and BASYM (both large, x near
 * the mean), each where it keeps full relative precision. The caller may pass y = 1 - x
 * separately so that a tail known as y keeps its precision. Should an expansion decline (it
 * signals so rather than returning an unconverged value), the classical continued fraction of
 * A&S 26.5.8 on the side x < (a + 1)/(a + b + 2) is used instead.
 */
import { DomainError } from './errors.js';
import { bd0 } from './elementary.js';
import { stirlerr } from './gamma.js';
import { lbeta } from './beta.js';
import { betaPrefix } from './incbeta_prefix.js';
import { betacf } from './incbeta_cf.js';
import { ExpansionFailed, bratio } from './incbeta_ratio.js';

export { betaPrefix };

/** The continued fraction of A&S 26.5.8 on its fast side (the former method, now the fallback). */
function betaincFraction(a: number, b: number, x: number, y: number): { lower: number; upper: number } {
  const pre = betaPrefix(a, b, x, y);
  if (x < (a + 1) / (a + b + 2)) {
    const lower = (pre / a) * betacf(a, b, x);
    return { lower, upper: 1 - lower };
  }
  const upper = (pre / b) * betacf(b, a, y);
  return { lower: 1 - upper, upper };
}

/**
 * { lower: I_x(a, b), upper: 1 - I_x(a, b) }, both to near full relative precision.
 * `y` defaults to 1 - x; pass it when it is known more accurately than that.
 */
export function betaincBoth(a: number, b: number, x: number, y: number = 1 - x): { lower: number; upper: number } {
  if (!(a > 0 && b > 0)) throw new DomainError(`incomplete beta needs a > 0 and b > 0, got a=${a}, b=${b}`);
  if (!(x >= 0 && x <= 1)) throw new DomainError(`incomplete beta needs 0 <= x <= 1, got ${x}`);
  if (x === 0) return { lower: 0, upper: 1 };
  if (y === 0) return { lower: 1, upper: 0 }; // x may round to 1 while a given y > 0 is exact
  try {
    return bratio(a, b, x, y);
  } catch (e) {
    if (e instanceof ExpansionFailed) return betaincFraction(a, b, x, y);
    throw e;
  }
}

/** Regularized incomplete beta I_x(a, b). */
export function betainc(a: number, b: number, x: number): number {
  return betaincBoth(a, b, x).lower;
}

/** Complement 1 - I_x(a, b) = I_{1-x}(b, a), computed directly. */
export function betaincc(a: number, b: number, x: number): number {
  return betaincBoth(a, b, x).upper;
}

/** d/dx I_x(a, b) = x^(a-1) (1-x)^(b-1) / B(a, b), the Beta(a, b) density. */
export function betaincDerivative(a: number, b: number, x: number, y: number = 1 - x): number {
  if (x === 0) return a < 1 ? Infinity : a === 1 ? b : 0;
  if (y === 0) return b < 1 ? Infinity : b === 1 ? a : 0;
  const pre = betaPrefix(a, b, x, y);
  // x^a y^b may underflow (or the product x y lose range) while x^(a-1) y^(b-1) / B does not.
  if (pre < 1e-290 || x * y < 1e-290) return Math.exp(logBetaDensity(a, b, x, y));
  return pre / (x * y);
}

/** log of the Beta(a, b) density at x (y = 1 - x), finite where the density under- or overflows. */
export function logBetaDensity(a: number, b: number, x: number, y: number = 1 - x): number {
  if (x === 0 || y === 0) return Math.log(betaincDerivative(a, b, x, y));
  const lx = x < 0.5 ? Math.log(x) : Math.log1p(-y);
  const ly = y < 0.5 ? Math.log(y) : Math.log1p(-x);
  if (a >= 10 && b >= 10) {
    const n = a + b;
    const lc = stirlerr(n) - stirlerr(a) - stirlerr(b) - bd0(a, n * x) - bd0(b, n * y);
    return lc + 0.5 * Math.log((a * b) / (2 * Math.PI * n)) - lx - ly;
  }
  return (a - 1) * lx + (b - 1) * ly - lbeta(a, b);
}
