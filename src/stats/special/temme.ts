/**
 * N. M. Temme (1979), "The asymptotic expansion of the incomplete gamma functions", SIAM J.
 * Math. Anal. 10, 757-766 (also DiDonato & Morris (1986), section 4): for large a and x near a,
 *   Q(a, x) = erfc(eta sqrt(a/2)) / 2 + R,   P(a, x) = erfc(-eta sqrt(a/2)) / 2 - R,
 *   R = exp(-a eta^2 / 2) / sqrt(2 pi a) (c0(eta) + c1(eta) / a + ...),
 * with lambda = x/a and eta = sign(lambda - 1) sqrt(2 (lambda - 1 - log lambda)).
 * Used only for |lambda - 1| <= 1e-3 and a >= 1e8, where the Taylor expansions of c0 (six terms)
 * and c1 (three terms) about eta = 0 are exact to double precision and the omitted c2 / a^2 is
 * below 1e-18 of the result. Elsewhere the series and continued fraction are fast.
 */
import { erfc } from './erf.js';
import { log1pmx } from './elementary.js';

const C0 = [-1 / 3, 1 / 12, -2 / 135, 1 / 864, 1 / 2835, -139 / 777600];
const C1 = [-1 / 540, -1 / 288, 1 / 378];

function horner(c: number[], x: number): number {
  let s = 0;
  for (let i = c.length - 1; i >= 0; i--) s = s * x + c[i];
  return s;
}

/** True when the expansion below is used for (a, x). */
export function temmeApplies(a: number, x: number): boolean {
  return a >= 1e8 && Math.abs(x - a) <= 1e-3 * a;
}

/** { p, q } by Temme's uniform expansion (valid where temmeApplies). */
export function gammaincTemme(a: number, x: number): { p: number; q: number } {
  const mu = (x - a) / a;
  const eta = Math.sign(mu) * Math.sqrt(-2 * log1pmx(mu));
  const z = eta * Math.sqrt(a / 2);
  const c = horner(C0, eta) + horner(C1, eta) / a;
  const r = (Math.exp(-0.5 * a * eta * eta) / Math.sqrt(2 * Math.PI * a)) * c;
  return { p: 0.5 * erfc(-z) - r, q: 0.5 * erfc(z) + r };
}
