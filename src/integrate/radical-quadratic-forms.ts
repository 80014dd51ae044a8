/**
 * Closed forms of the two basic integrals with a quadratic radical √Q, Q = a x² + b x + c, Δ = b² − 4ac ≠ 0
 * (I. S. Gradshteyn, I. M. Ryzhik, 2007, "Table of Integrals, Series, and Products", 7th ed., 2.261 and 2.266):
 *   ∫ dx/√Q            = asinh((2ax + b)/√(−Δ))/√a               (a > 0, Δ < 0)
 *                      = log|2ax + b + 2√a √Q|/√a                 (a > 0, Δ > 0)
 *                      = −asin((2ax + b)/√Δ)/√(−a)                (a < 0)
 *   ∫ dx/((x − r)√Q)   with Q(r) = q, Q'(r) = q', y = x − r:
 *                      = −log|(2q + q'y + 2√q √Q)/y|/√q          (q > 0)
 *                      = atan((2q + q'y)/(2√(−q) √Q))/√(−q)       (q < 0)
 *                      = −2√Q/(q'y)                               (q = 0)
 */
import { type Expr, add, mul, pow, call, numOf, int, HALF, sub } from '../ast/expr.js';
import { type Rational, rat, rmul, rsub, radd, rneg, iroot } from '../ast/rational.js';
import type { UPoly } from './upoly.js';

/** √r for r > 0 as (k/q)·√m with m square-free (up to trial division by small primes). */
export function sqrtR(r: Rational): Expr {
  let m = r[0] * r[1];
  let k = 1n;
  for (let p = 2n; p * p <= m && p < 2000n; p++) {
    while (m % (p * p) === 0n) { m /= p * p; k *= p; }
  }
  const s = iroot(m, 2n);
  if (s !== undefined) return numOf(rat(k * s, r[1]));
  return mul(numOf(rat(k, r[1])), pow(numOf(rat(m)), HALF));
}

const inv = (e: Expr): Expr => pow(e, int(-1));
const lin = (p: Rational, q: Rational, x: Expr): Expr => add(mul(numOf(p), x), numOf(q));

/** ∫ dx/√Q, Q = [c, b, a]. */
export function inverseSqrtIntegral(Q: UPoly, x: Expr, sq: Expr): Expr | undefined {
  const [c, b, a] = [Q[0] ?? rat(0n), Q[1] ?? rat(0n), Q[2]!];
  const disc = rsub(rmul(b, b), rmul(rat(4n), rmul(a, c)));
  if (disc[0] === 0n) return undefined;
  const t = lin(rmul(rat(2n), a), b, x);
  if (a[0] > 0n) {
    if (disc[0] < 0n) return mul(inv(sqrtR(a)), call('asinh', [mul(t, inv(sqrtR(rneg(disc))))]));
    return mul(inv(sqrtR(a)), call('log', [call('abs', [add(t, mul(int(2), sqrtR(a), sq))])]));
  }
  if (disc[0] < 0n) return undefined;
  return mul(int(-1), inv(sqrtR(rneg(a))), call('asin', [mul(t, inv(sqrtR(disc)))]));
}

/** ∫ dx/((x − r)√Q). */
export function poleIntegral(Q: UPoly, r: Rational, x: Expr, sq: Expr): Expr {
  const [c, b, a] = [Q[0] ?? rat(0n), Q[1] ?? rat(0n), Q[2]!];
  const q = radd(radd(rmul(a, rmul(r, r)), rmul(b, r)), c);
  const q1 = radd(rmul(rat(2n), rmul(a, r)), b);
  const y = sub(x, numOf(r));
  const inner = add(numOf(rmul(rat(2n), q)), mul(numOf(q1), y));
  if (q[0] === 0n) return mul(numOf(rat(-2n)), sq, inv(mul(numOf(q1), y)));
  if (q[0] > 0n) {
    const s = sqrtR(q);
    return mul(int(-1), inv(s), call('log', [call('abs', [mul(add(inner, mul(int(2), s, sq)), inv(y))])]));
  }
  const s = sqrtR(rneg(q));
  return mul(inv(s), call('atan', [mul(inner, inv(mul(int(2), s, sq)))]));
}
