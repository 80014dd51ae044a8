/**
 * Regularized incomplete beta function I_x(a, b) and its complement 1 - I_x(a, b).
 *
 * Continued fraction of A&S 26.5.8 evaluated by the modified Lentz algorithm, used on the side
 * x < (a + 1)/(a + b + 2) where it converges fast, with the symmetry I_x(a, b) = 1 - I_{1-x}(b, a)
 * otherwise; the caller may pass y = 1 - x separately so that a tail known as y keeps its
 * precision. The prefactor x^a y^b / B(a, b) follows the idea of DiDonato & Morris (1992),
 * "Algorithm 708: significant digit computation of the incomplete beta function ratios", ACM TOMS
 * 18(3): when both a and b are large it is evaluated as Loader's saddle-point binomial density
 * (C. Loader (2000)) so that the huge terms a log x, b log y and log B(a, b) cancel analytically.
 */
import { DomainError } from './errors.js';
import { bd0 } from './elementary.js';
import { stirlerr } from './gamma.js';
import { lbeta } from './beta.js';

const EPS = 1e-16;
const TINY = 1e-300;

/** x^a y^b / B(a, b) with y = 1 - x. */
export function betaPrefix(a: number, b: number, x: number, y: number): number {
  if (x === 0 || y === 0) return 0;
  if (a >= 10 && b >= 10) {
    const n = a + b;
    const lc = stirlerr(n) - stirlerr(a) - stirlerr(b) - bd0(a, n * x) - bd0(b, n * y);
    return Math.exp(lc) * Math.sqrt((a * b) / (2 * Math.PI * n));
  }
  const lx = x < 0.5 ? Math.log(x) : Math.log1p(-y);
  const ly = y < 0.5 ? Math.log(y) : Math.log1p(-x);
  return Math.exp(a * lx + b * ly - lbeta(a, b));
}

/** The continued fraction part: I_x(a, b) = prefix / a * betacf(a, b, x). */
function betacf(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 10_000_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
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
  const pre = betaPrefix(a, b, x, y);
  if (x < (a + 1) / (a + b + 2)) {
    const lower = (pre / a) * betacf(a, b, x);
    return { lower, upper: 1 - lower };
  }
  const upper = (pre / b) * betacf(b, a, y);
  return { lower: 1 - upper, upper };
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
