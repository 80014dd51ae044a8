/**
 * High-precision reference for the regularized incomplete beta function (tests only), by the
 * hypergeometric series I_x(a, b) = x^a y^b / (a B(a, b)) sum_n (a+b)_n / (a+1)_n x^n
 * (A&S 26.5.23 with 15.1.1), summed in whichever of x, 1 - x is below 1/2 (so it converges
 * geometrically), the other tail as 1 - (that) in 77-digit arithmetic.
 */
import { HP, exp, log, lgamma } from './hpref.js';

function lowerSeries(a: HP, b: HP, x: HP, y: HP): HP {
  const ab = a.add(b);
  let term = HP.from(1);
  let sum = HP.from(1);
  for (let n = 0; n < 5_000_000; n++) {
    term = term.mul(ab.add(n)).div(a.add(n + 1)).mul(x);
    sum = sum.add(term);
    if (n % 32 === 31 && term.toNumber() < sum.toNumber() * 1e-40) break;
  }
  const lb = lgamma(a).add(lgamma(b)).sub(lgamma(ab));
  const pre = exp(a.mul(log(x)).add(b.mul(log(y))).sub(lb)).div(a);
  return pre.mul(sum);
}

/** [I_x(a, b), 1 - I_x(a, b)] for doubles a, b > 0 and 0 < x < 1 (y = 1 - x exactly in HP). */
export function hpBetaInc(a: number, b: number, x: number): [number, number] {
  const A = HP.from(a);
  const B = HP.from(b);
  const X = HP.from(x);
  const Y = HP.from(1).sub(X);
  // Sum the series whose ratio tends to the smaller of x, y; the other tail is 1 - that, unless
  // that loses too many of the 77 digits, in which case it is summed directly as well.
  if (x < 0.5) {
    const lo = lowerSeries(A, B, X, Y);
    const up = HP.from(1).sub(lo);
    return [lo.toNumber(), up.toNumber() > 1e-30 ? up.toNumber() : lowerSeries(B, A, Y, X).toNumber()];
  }
  const up = lowerSeries(B, A, Y, X);
  const lo = HP.from(1).sub(up);
  return [lo.toNumber() > 1e-30 ? lo.toNumber() : lowerSeries(A, B, X, Y).toNumber(), up.toNumber()];
}
