/**
 * Riemann and Hurwitz zeta functions for real s > 1, by Euler-Maclaurin summation
 * (see e.g. F. Johansson (2015), "Rigorous high-precision computation of the Hurwitz zeta
 * function and its derivatives", Numerical Algorithms 69): direct sum of the first terms until
 * the shifted argument w = a + N >= 12, then the integral, half-term and eight Bernoulli
 * corrections.
 */
import { DomainError } from './errors.js';

/** B_{2j} / (2j)! for j = 1..9. */
const B2J_OVER_FACT = [
  1 / 12, -1 / 720, 1 / 30240, -1 / 1209600, 1 / 47900160, -691 / 1307674368000, 1 / 74724249600,
  -3617 / 10670622842880000, 43867 / 5109094217170944000,
];

/** zeta(s, a) = sum_{n >= 0} (a + n)^(-s), for s > 1 and a > 0. */
export function hurwitzZeta(s: number, a: number): number {
  if (!(s > 1)) throw new DomainError(`hurwitzZeta needs s > 1, got ${s}`);
  if (!(a > 0)) throw new DomainError(`hurwitzZeta needs a > 0, got ${a}`);
  let sum = 0;
  let w = a;
  const N = Math.max(0, Math.ceil(12 - a));
  // add small terms first would be better; terms decrease, so sum from the end
  const terms: number[] = [];
  for (let n = 0; n < N; n++) terms.push(Math.pow(a + n, -s));
  w = a + N;
  let tail = Math.pow(w, 1 - s) / (s - 1) + 0.5 * Math.pow(w, -s);
  // Bernoulli corrections: B_2j/(2j)! * s(s+1)...(s+2j-2) * w^(-s-2j+1)
  let rising = s; // s (s+1) ... (s + 2j - 2)
  let wp = Math.pow(w, -s - 1);
  const w2 = w * w;
  for (let j = 0; j < B2J_OVER_FACT.length; j++) {
    const t = B2J_OVER_FACT[j] * rising * wp;
    tail += t;
    if (Math.abs(t) < 1e-18 * tail) break;
    rising *= (s + 2 * j + 1) * (s + 2 * j + 2);
    wp /= w2;
  }
  sum = tail;
  for (let i = terms.length - 1; i >= 0; i--) sum += terms[i];
  return sum;
}

/** Riemann zeta(s) for real s > 1. */
export function zeta(s: number): number {
  return hurwitzZeta(s, 1);
}
