/** ζ(2n) = (−1)^(n+1) B_{2n} (2π)^(2n) / (2·(2n)!) (Euler); other arguments stay as zeta(s). */
import { type Expr, mul, pow, int, numOf, call, PI } from '../ast/expr.js';
import { rat, rmul, rdiv } from '../ast/rational.js';
import { bernoulliPlus } from './numbers.js';

export function zetaValue(s: number): Expr {
  if (s % 2 === 0 && s > 0) {
    const n = s / 2;
    let fact = 1n;
    for (let j = 2n; j <= BigInt(s); j++) fact *= j;
    const b = bernoulliPlus(s);
    const sign = n % 2 === 1 ? 1n : -1n;
    const c = rdiv(rmul(rmul(rat(sign), b), rat(2n ** BigInt(s))), rat(2n * fact));
    return mul(numOf(c), pow(PI, int(s)));
  }
  return call('zeta', [int(s)]);
}
