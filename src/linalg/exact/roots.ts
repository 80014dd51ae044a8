/**
 * Closed-form roots of the factors of a characteristic polynomial: linear factors exactly, quadratics by the
 * quadratic formula with square factors taken out of a rational discriminant (sqrt(12)/2 = sqrt(3)).
 */
import { type Expr, HALF, I, add, int, isNum, mul, neg, numOf, pow } from '../../ast/expr.js';
import { coeffs, simplify } from '../../simplify/index.js';
import type { Sym } from '../../ast/expr.js';
import { normal } from './field.js';

/** Coefficients of a polynomial in t, constant term first. */
export function coefficientsIn(p: Expr, t: Sym): Expr[] {
  const c = coeffs(p, t);
  return c.kind === 'list' ? [...c.items] : [c];
}

/** Largest square s^2 dividing n (n > 0), by trial division: returns [s, n / s^2]. */
function squarePart(n: bigint): [bigint, bigint] {
  let s = 1n;
  let rest = n;
  for (let k = 2n; k * k <= rest && k < 100000n; k++) {
    while (rest % (k * k) === 0n) {
      rest /= k * k;
      s *= k;
    }
  }
  return [s, rest];
}

/** sqrt of an expression, with square factors of a rational value taken out. */
export function niceSqrt(d: Expr): Expr {
  if (!isNum(d)) return pow(d, HALF);
  if (d.value[0] < 0n) return mul(I, niceSqrt(numOf([-d.value[0], d.value[1]])));
  const [p, q] = d.value;
  const [s, r] = squarePart(p * q);
  return mul(numOf([s, q]), pow(int(r), HALF));
}

/** Roots of a linear or quadratic polynomial in t (coefficients constant first), or undefined for higher degrees. */
export function smallDegreeRoots(c: readonly Expr[]): Expr[] | undefined {
  if (c.length === 2) return [normal(mul(neg(c[0]!), pow(c[1]!, int(-1))))];
  if (c.length === 3) {
    const [c0, b, a] = c as [Expr, Expr, Expr];
    const disc = normal(add(mul(b, b), mul(int(-4), a, c0)));
    const centre = normal(mul(neg(b), pow(mul(int(2), a), int(-1))));
    const half = mul(niceSqrt(disc), pow(mul(int(2), a), int(-1)));
    const tidy = (e: Expr): Expr => (isNum(a) ? e : simplify(e));
    return [tidy(add(centre, neg(half))), tidy(add(centre, half))];
  }
  return undefined;
}
