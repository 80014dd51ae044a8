/**
 * Gamma function family: lgamma, gamma, sign of gamma, lgamma1p and Loader's stirlerr.
 *
 * Method (no Lanczos): near the minimum of log Gamma we use the Taylor expansion about 2,
 *   log Gamma(2 + z) = (1 - gamma_E) z + sum_{k>=2} (-1)^k (zeta(k) - 1) z^k / k   (|z| <= 1/2),
 * (Abramowitz & Stegun 6.1.33), which keeps full relative precision at the zeros x = 1 and
 * x = 2; short recurrences move other arguments below 13 into [1.5, 2.5); for x >= 13 the
 * Stirling series with eight Bernoulli terms (A&S 6.1.40) is used; negative arguments go through
 * the reflection formula Gamma(x) Gamma(1 - x) = pi / sin(pi x).
 */
import { sinpi } from './elementary.js';
import { hurwitzZeta } from './zeta.js';

export const LOG_SQRT_2PI = 0.91893853320467274178;
const EULER_GAMMA = 0.57721566490153286061;

/** (-1)^k (zeta(k) - 1) / k for k = 2..41. */
const LG2_COEF: number[] = [];
for (let k = 2; k <= 41; k++) LG2_COEF.push(((k % 2 === 0 ? 1 : -1) * hurwitzZeta(k, 2)) / k);

/** log Gamma(2 + z) for |z| <= 0.5. */
function lgamma2p(z: number): number {
  let s = 0;
  for (let i = LG2_COEF.length - 1; i >= 0; i--) s = s * z + LG2_COEF[i];
  return z * ((1 - EULER_GAMMA) + z * s);
}

/** Stirling series correction sum B_2k / (2k (2k-1) x^(2k-1)), for x >= 13. */
const STIRLING = [
  1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400,
];
function stirlingSeries(x: number): number {
  const r = 1 / (x * x);
  let s = 0;
  for (let i = STIRLING.length - 1; i >= 0; i--) s = s * r + STIRLING[i];
  return s / x;
}

/** log Gamma(1 + a), accurate for small |a|. */
export function lgamma1p(a: number): number {
  if (Math.abs(a) <= 0.5) return lgamma2p(a) - Math.log1p(a);
  return lgamma(1 + a);
}

/** log |Gamma(x)|. Infinity at the poles x = 0, -1, -2, ... */
export function lgamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return Infinity;
  if (x <= 0) {
    if (Number.isInteger(x)) return Infinity;
    if (x === -Infinity) return NaN;
    return Math.log(Math.PI / Math.abs(sinpi(x))) - lgamma(1 - x);
  }
  if (x < 0.5) return lgamma1p(x) - Math.log(x);
  if (x < 1.5) return lgamma2p(x - 1) - Math.log1p(x - 1);
  if (x < 2.5) return lgamma2p(x - 2);
  if (x < 13) {
    let prod = 1;
    let y = x;
    while (y >= 2.5) {
      y -= 1;
      prod *= y;
    }
    return lgamma2p(y - 2) + Math.log(prod);
  }
  if (x > 1e17) return x * (Math.log(x) - 1);
  return (x - 0.5) * (Math.log(x) - 1) - 0.5 + LOG_SQRT_2PI + stirlingSeries(x);
}

/** Sign of Gamma(x): +1, -1, or NaN at the poles. */
export function gammaSign(x: number): number {
  if (x > 0) return 1;
  if (Number.isInteger(x) || Number.isNaN(x)) return NaN;
  return Math.ceil(-x) % 2 === 1 ? -1 : 1;
}

/** log |Gamma(x)| together with the sign of Gamma(x). */
export function lgammaSigned(x: number): { value: number; sign: number } {
  return { value: lgamma(x), sign: gammaSign(x) };
}

/** n! for n = 0..170, correctly rounded (computed exactly with BigInt). */
const FACTORIAL: number[] = [];
{
  let f = 1n;
  for (let n = 0; n <= 170; n++) {
    if (n > 0) f *= BigInt(n);
    FACTORIAL.push(Number(f));
  }
}

/** n! as a double (Infinity beyond 170). */
export function factorial(n: number): number {
  if (n < 0 || !Number.isInteger(n)) return gamma(n + 1);
  return n <= 170 ? FACTORIAL[n] : Infinity;
}

/** log n! = lgamma(n + 1). */
export function logFactorial(n: number): number {
  return lgamma1p(n);
}

/**
 * Gamma(x). Poles: +-Infinity at +-0, NaN at negative integers (the sign is undefined there).
 */
export function gamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === 0) return 1 / x;
  if (Number.isInteger(x)) {
    if (x < 0) return NaN;
    return x <= 171 ? FACTORIAL[x - 1] : Infinity;
  }
  if (x < 0) {
    if (x === -Infinity) return NaN;
    const s = sinpi(x);
    if (x > -170) return Math.PI / (s * gamma(1 - x));
    const sign = gammaSign(x);
    return sign * Math.exp(Math.log(Math.PI / Math.abs(s)) - lgamma(1 - x));
  }
  if (x > 171.62) return Infinity;
  if (x < 0.5) return Math.exp(lgamma1p(x)) / x;
  if (x < 1.5) return Math.exp(lgamma2p(x - 1) - Math.log1p(x - 1));
  let y = x;
  let prod = 1;
  while (y >= 2.5) {
    y -= 1;
    prod *= y;
  }
  return Math.exp(lgamma2p(y - 2)) * prod;
}

/**
 * Loader's Stirling error stirlerr(n) = log Gamma(n + 1) - [(n + 1/2) log n - n + log sqrt(2 pi)],
 * C. Loader (2000), "Fast and accurate computation of binomial probabilities". Series for n > 15.
 */
export function stirlerr(n: number): number {
  if (n > 15) {
    const r = 1 / (n * n);
    return (1 / 12 - r * (1 / 360 - r * (1 / 1260 - r * (1 / 1680 - r * (1 / 1188))))) / n;
  }
  if (n <= 0) return n === 0 ? 0 : NaN;
  return lgamma1p(n) - (n + 0.5) * Math.log(n) + n - LOG_SQRT_2PI;
}
