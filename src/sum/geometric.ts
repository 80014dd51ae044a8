/**
 * Σ P(k)·r^k for a polynomial P and r ≠ 1 (geometric and arithmetico-geometric sums): the antidifference
 * Q(k)·r^k with r·Q(k + 1) − Q(k) = P(k), a polynomial of the degree of P found from the top coefficient down,
 * gives Σ_{k=a}^{b} = Q(b + 1) r^(b+1) − Q(a) r^a, and Σ_{k=a}^{∞} = −Q(a) r^a when |r| < 1.
 */
import { type Expr, add, mul, pow, int, sub, ONE, ZERO, div, numOf } from '../ast/expr.js';
import { rat } from '../ast/rational.js';
import { simplify } from '../simplify/index.js';
import { binomial } from './numbers.js';

/** Coefficients of Q with r·Q(k + 1) − Q(k) = P(k). */
export function antidifferenceCoeffs(p: readonly Expr[], r: Expr): Expr[] {
  const d = p.length - 1;
  const q: Expr[] = new Array<Expr>(d + 1).fill(ZERO);
  const rm1 = sub(r, ONE);
  for (let m = d; m >= 0; m--) {
    const above: Expr[] = [];
    for (let j = m + 1; j <= d; j++) above.push(mul(numOf(rat(binomial(j, m))), q[j]!));
    q[m] = simplify(div(sub(p[m]!, mul(r, add(...above))), rm1));
  }
  return q;
}

const evalPoly = (q: readonly Expr[], x: Expr): Expr => add(...q.map((c, j) => mul(c, pow(x, int(j)))));

export function geometricSum(p: readonly Expr[], r: Expr, a: Expr, b: Expr): Expr {
  const q = antidifferenceCoeffs(p, r);
  const b1 = add(b, ONE);
  return sub(mul(evalPoly(q, b1), pow(r, b1)), mul(evalPoly(q, a), pow(r, a)));
}

export function geometricSeries(p: readonly Expr[], r: Expr, a: Expr): Expr {
  const q = antidifferenceCoeffs(p, r);
  return mul(int(-1), evalPoly(q, a), pow(r, a));
}
