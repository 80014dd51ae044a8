/**
 * Standard normal distribution functions: Phi (cdf), its complement, their logarithms and
 * inverses, plus erfinv / erfcinv built on them.
 *
 * Tails: Phi(-x) = erfcx(x/sqrt2) exp(-x^2/2) / 2 with exp(-x^2/2) evaluated by an exact
 * splitting of x, so the far tail (e.g. 1 - Phi(40) ~ 3.7e-350 underflows but 1 - Phi(37)
 * ~ 5.7e-300 does not) keeps full relative precision.
 * Quantile: M. J. Wichura (1988), "Algorithm AS 241: The percentage points of the normal
 * distribution", Applied Statistics 37(3), 477-484 (PPND16, about 1e-16 relative), followed by
 * one Newton step on log Phi for the very deep tail where AS 241 was not designed to reach.
 */
import { erf, erfc, erfcx } from './erf.js';
import { DomainError, requireProbability } from './errors.js';

const SQRT1_2 = Math.SQRT1_2;
const LOG_SQRT_2PI = 0.91893853320467274178;

/** exp(-x^2 / 2) with full relative precision (x split into a 20-bit head and a tail). */
export function expHalfSquareNeg(x: number): number {
  const ax = Math.abs(x);
  const h = Math.round(ax * 1024) / 1024;
  const l = ax - h;
  return Math.exp(-0.5 * h * h) * Math.exp(-(h * l + 0.5 * l * l));
}

/** Standard normal density. */
export function normPdf(x: number): number {
  return expHalfSquareNeg(x) / 2.5066282746310002;
}

/** Phi(x) = P(Z <= x). */
export function normCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x >= -1) return 0.5 * erfc(-x * SQRT1_2);
  if (x < -38.5) return 0;
  return 0.5 * erfcx(-x * SQRT1_2) * expHalfSquareNeg(x);
}

/** 1 - Phi(x) = P(Z > x), computed directly. */
export function normSf(x: number): number {
  return normCdf(-x);
}

/** log Phi(x), finite far below the underflow of Phi itself. */
export function logNormCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > -5) return Math.log1p(-normCdf(-x)) ;
  const ax = -x;
  return Math.log(0.5 * erfcx(ax * SQRT1_2)) - 0.5 * ax * ax;
}

/** log(1 - Phi(x)). */
export function logNormSf(x: number): number {
  return logNormCdf(-x);
}

const A = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
  45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const B = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867,
  39307.89580009271061, 28729.085735721942674, 5226.495278852854561,
];
const C = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
const D = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const E = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
  0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const F = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
];

function poly(c: number[], x: number): number {
  let s = c[c.length - 1];
  for (let i = c.length - 2; i >= 0; i--) s = s * x + c[i];
  return s;
}

/** AS 241 for the lower tail: returns z with Phi(z) = p for 0 < p <= 0.5 (negative z). */
function as241Lower(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(A, r)) / poly(B, r);
  }
  let r = Math.sqrt(-Math.log(p));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z = poly(C, r) / poly(D, r);
  } else {
    r -= 5;
    z = poly(E, r) / poly(F, r);
  }
  return -z;
}

/** z with P(Z <= z) = p, or the upper-tail version when `upper` (P(Z > z) = p). */
function quantileImpl(p: number, upper: boolean): number {
  requireProbability(p);
  if (p === 0) return upper ? Infinity : -Infinity;
  if (p === 1) return upper ? -Infinity : Infinity;
  // Work with the smaller tail probability so that it is known to full relative precision.
  let small: number;
  let flip: boolean;
  if (p <= 0.5) {
    small = p;
    flip = upper;
  } else {
    small = 1 - p; // exact for p >= 0.5 (Sterbenz lemma)
    flip = !upper;
  }
  let z = as241Lower(small);
  if (small < 1e-10) {
    // Newton step on log Phi(z) = log(small); Phi/phi ratio from erfcx (no underflow).
    for (let i = 0; i < 2; i++) {
      const ratio = (0.5 * erfcx(-z * SQRT1_2)) / (1 / 2.5066282746310002); // Phi(z)/phi(z)
      const step = (logNormCdf(z) - Math.log(small)) * ratio;
      z -= step;
      if (Math.abs(step) <= 1e-16 * Math.abs(z)) break;
    }
  }
  return flip ? -z : z;
}

/** Normal quantile Phi^{-1}(p). */
export function normQuantile(p: number): number {
  return quantileImpl(p, false);
}

/** Inverse survival function: z with P(Z > z) = q. */
export function normIsf(q: number): number {
  return quantileImpl(q, true);
}

/** Inverse error function: erf(erfinv(y)) = y for y in (-1, 1). */
export function erfinv(y: number): number {
  if (Number.isNaN(y)) return NaN;
  if (!(y >= -1 && y <= 1)) throw new DomainError(`erfinv needs y in [-1, 1], got ${y}`);
  if (y === 0) return y;
  const ay = Math.abs(y);
  let x: number;
  if (ay < 1e-8) {
    // Maclaurin series erfinv(y) = sqrt(pi)/2 (y + pi y^3 / 12 + ...)
    x = 0.88622692545275801365 * ay * (1 + 0.26179938779914943653 * ay * ay);
  } else if (ay <= 0.5) {
    x = -as241Lower((1 - ay) / 2) * SQRT1_2;
    x = refineErf(x, ay);
  } else {
    x = erfcinv(1 - ay); // 1 - ay exact for ay >= 0.5
  }
  return y < 0 ? -x : x;
}

function refineErf(x: number, y: number): number {
  for (let i = 0; i < 3; i++) {
    const f = erf(x) - y;
    const d = 1.1283791670955126 * Math.exp(-x * x);
    const step = f / d / (1 + x * f / d); // Halley: f'' / f' = -2x
    x -= step;
    if (Math.abs(step) <= 2e-16 * Math.abs(x)) break;
  }
  return x;
}

/** Inverse complementary error function: erfc(erfcinv(q)) = q for q in (0, 2). */
export function erfcinv(q: number): number {
  if (Number.isNaN(q)) return NaN;
  if (!(q >= 0 && q <= 2)) throw new DomainError(`erfcinv needs q in [0, 2], got ${q}`);
  if (q === 0) return Infinity;
  if (q === 2) return -Infinity;
  if (q > 1) return -erfcinv(2 - q);
  if (q > 0.5) return erfinv(1 - q);
  // erfc(x) = 2 Phi(-x sqrt2), so x = -Phi^{-1}(q / 2) / sqrt2
  return -normQuantile(q / 2) * SQRT1_2;
}

export { LOG_SQRT_2PI };
