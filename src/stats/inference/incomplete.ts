/**
 * Regularised incomplete gamma and beta functions, used by dists.ts until Lousa's special-function module
 * provides its own. Methods: the power series and Legendre continued fraction for P(a, x)/Q(a, x), and the
 * continued fraction for I_x(a, b) with the symmetry I_x(a, b) = 1 − I_{1−x}(b, a), both evaluated by the
 * modified Lentz method (W. J. Lentz, 1976, "Generating Bessel functions in Mie scattering calculations using
 * continued fractions", Applied Optics 15; I. J. Thompson & A. R. Barnett, 1986, J. Comput. Phys. 64).
 * Accuracy: about 1e-14 relative in the bulk of the distributions used for p-values.
 */
import { lgamma } from '../special/gamma.js';
import { lbeta } from '../special/beta.js';

const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITER = 10_000;

function lowerSeries(a: number, x: number): number {
  let term = 1 / a, s = term;
  for (let n = 1; n < MAX_ITER; n++) {
    term *= x / (a + n);
    s += term;
    if (Math.abs(term) < Math.abs(s) * EPS) break;
  }
  return s * Math.exp(a * Math.log(x) - x - lgamma(a));
}

function upperFraction(a: number, x: number): number {
  let b = x + 1 - a, c = 1 / TINY, d = 1 / b, h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return Math.exp(a * Math.log(x) - x - lgamma(a)) * h;
}

/** P(a, x) = γ(a, x)/Γ(a). */
export function regularizedGammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  if (x === Infinity) return 1;
  return x < a + 1 ? lowerSeries(a, x) : 1 - upperFraction(a, x);
}

/** Q(a, x) = Γ(a, x)/Γ(a) = 1 − P(a, x), computed directly in the upper tail. */
export function regularizedGammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - lowerSeries(a, x) : upperFraction(a, x);
}

function betaFraction(x: number, a: number, b: number): number {
  const qab = a + b, qap = a + 1, qam = a - 1;
  let c = 1, d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITER; m++) {
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

/** I_x(a, b), the regularised incomplete beta function, for 0 ≤ x ≤ 1 and a, b > 0. */
export function regularizedBetaI(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - lbeta(a, b));
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(x, a, b)) / a;
  return 1 - (front * betaFraction(1 - x, b, a)) / b;
}

/** 1 − I_x(a, b) without cancellation in the upper tail. */
export function regularizedBetaIComplement(x: number, a: number, b: number): number {
  return regularizedBetaI(1 - x, b, a);
}
