/**
 * Exact values of cos(qπ) and sin(qπ) for rational q: reduced to q ∈ [0, 1/2] by periodicity and symmetry, then
 * the classical radical values for the denominators 1, 2, 3, 4, 5, 6, 8, 10 and 12 (e.g. cos(π/5) = (1 + √5)/4,
 * cos(π/8) = √(2 + √2)/2, cos(π/12) = (√6 + √2)/4); other angles stay as cos(qπ).
 */
import { type Expr, add, mul, pow, call, numOf, int, frac, HALF, ONE, ZERO, PI, neg } from '../ast/expr.js';
import { type Rational, rat, rsub, rcmp, rmul } from '../ast/rational.js';

const sq = (n: number): Expr => pow(int(n), HALF);

/** cos(qπ) for q ∈ [0, 1/2]. */
function firstQuadrant(q: Rational): Expr {
  const key = `${q[0]}/${q[1]}`;
  switch (key) {
    case '0/1': return ONE;
    case '1/2': return ZERO;
    case '1/3': return HALF;
    case '1/4': return mul(HALF, sq(2));
    case '1/6': return mul(HALF, sq(3));
    case '1/5': return mul(frac(1, 4), add(ONE, sq(5)));
    case '2/5': return mul(frac(1, 4), add(sq(5), int(-1)));
    case '1/8': return mul(HALF, pow(add(int(2), sq(2)), HALF));
    case '3/8': return mul(HALF, pow(add(int(2), neg(sq(2))), HALF));
    case '1/10': return mul(frac(1, 4), pow(add(int(10), mul(int(2), sq(5))), HALF));
    case '3/10': return mul(frac(1, 4), pow(add(int(10), mul(int(-2), sq(5))), HALF));
    case '1/12': return mul(frac(1, 4), add(sq(6), sq(2)));
    case '5/12': return mul(frac(1, 4), add(sq(6), neg(sq(2))));
    default: return call('cos', [mul(numOf(q), PI)]);
  }
}

/** q mod 2, in [0, 2). */
function mod2(q: Rational): Rational {
  const two = rat(2n);
  const k = q[0] >= 0n ? q[0] / (2n * q[1]) : -((-q[0] + 2n * q[1] - 1n) / (2n * q[1]));
  const r = rsub(q, rmul(two, rat(k)));
  return rcmp(r, two) >= 0 ? rsub(r, two) : r;
}

/** cos(qπ), exact. */
export function cosPi(q: Rational): Expr {
  let r = mod2(q);
  if (rcmp(r, rat(1n)) > 0) r = rsub(rat(2n), r); // cos(2π − t) = cos t
  if (rcmp(r, rat(1n, 2n)) > 0) return neg(firstQuadrant(rsub(rat(1n), r))); // cos(π − t) = −cos t
  return firstQuadrant(r);
}

/** sin(qπ) = cos((1/2 − q)π), exact. */
export const sinPi = (q: Rational): Expr => cosPi(rsub(rat(1n, 2n), q));
