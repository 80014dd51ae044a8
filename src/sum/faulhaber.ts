/**
 * Σ_{k=a}^{b} P(k) for a polynomial P (Faulhaber): Σ_{k=1}^{n} k^p = (1/(p+1)) Σ_j C(p+1, j) B_j n^{p+1−j}
 * (B_1 = +1/2) is a polynomial F_p with F_p(n) − F_p(n − 1) = n^p for every n, so the sum is F(b) − F(a − 1).
 */
import { type Expr, ZERO, add, mul, pow, int, numOf, sub, ONE } from '../ast/expr.js';
import { rat, rmul } from '../ast/rational.js';
import { binomial, bernoulliPlus } from './numbers.js';

/** F_p(n) = Σ_{k=1}^{n} k^p as a polynomial in n. */
export function powerSumPolynomial(p: number, n: Expr): Expr {
  const terms: Expr[] = [];
  for (let j = 0; j <= p; j++) {
    const c = rmul(rat(binomial(p + 1, j), BigInt(p + 1)), bernoulliPlus(j));
    if (c[0] !== 0n) terms.push(mul(numOf(c), pow(n, int(p + 1 - j))));
  }
  return add(...terms);
}

/** Σ_{k=a}^{b} Σ_p c_p k^p. */
export function polynomialSum(cs: readonly Expr[], a: Expr, b: Expr): Expr {
  const terms: Expr[] = [];
  cs.forEach((c, p) => {
    if (c === ZERO) return;
    terms.push(mul(c, sub(powerSumPolynomial(p, b), powerSumPolynomial(p, sub(a, ONE)))));
  });
  return add(...terms);
}
