/**
 * Error function and complementary error function.
 *  - erf x = (2/√π)·e^(−x²)·Σ_{n≥0} 2ⁿx^(2n+1) / (1·3·5⋯(2n+1)), a series of positive terms
 *    (Abramowitz and Stegun, 1964, "Handbook of Mathematical Functions", 7.1.6), summed with
 *    relative rounding so no cancellation occurs;
 *  - for large x, erfc x = (e^(−x²)/√π)·K with Laplace's continued fraction
 *    K = 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))) (A&S 7.1.14), whose convergents alternate
 *    around K, so two successive convergents bound the error;
 *  - otherwise erfc x = 1 − erf x with the cancellation absorbed by Ziv's loop.
 */
import { type Ball, ball, bDiv, bMul, bMulPow2, bSqrt, bSub, exact, sumExp } from './ball.js';
import { ceilLog2 } from './bits.js';
import { piFixed } from './constants.js';
import { BigFloatRangeError } from './errors.js';
import { expBall } from './exp.js';
import { BigFloat } from './float.js';
import { precOf, type Precision } from './precision.js';
import { ziv } from './ziv.js';

const ONE = exact(BigFloat.ONE);

function sqrtPiBall(w: number): Ball {
  return bSqrt(ball(BigFloat.of(piFixed(w + 4), -(w + 4)), -(w + 3)), w);
}

/** Σ 2ⁿx^(2n+1)/(2n+1)!! for x > 0 as a ball (positive terms; geometric tail bound). */
function erfSeries(x: BigFloat, W: number): Ball {
  const x2 = x.mul(x);
  const r = x2.mulPow2(1);
  const x2d = x2.toNumber();
  let term = x;
  let sum = x;
  let n = 0;
  for (;;) {
    n++;
    term = term.mul(r, W).div(BigFloat.fromBigInt(BigInt(2 * n + 1)), W);
    sum = sum.add(term, W);
    // ratio of the next term is 2x²/(2n+3); once ≤ 1/2 the tail is below 2·term.
    if (2 * n + 3 >= 4 * x2d && term.expo() < sum.expo() - W - 4) break;
  }
  return ball(sum, sumExp(sum.expo() + ceilLog2(3 * n + 4) - W, term.expo() + 1));
}

/** A ball for erf x, x ≠ 0, relative radius about 2^-w. */
function erfBall(x: BigFloat, w: number): Ball {
  const W = w + 8 + ceilLog2(x.toNumber() ** 2 + w);
  const ax = x.abs();
  const S = erfSeries(ax, W);
  const E = expBall(ax.mul(ax).neg(), W);
  const v = bDiv(bMulPow2(bMul(S, E, W), 1), sqrtPiBall(W), W);
  return x.sign() < 0 ? ball(v.m.neg(), v.r) : v;
}

/** Laplace's continued fraction K_n, evaluated backwards with n partial denominators. */
function laplaceCF(x: BigFloat, n: number, W: number): BigFloat {
  let f = x;
  for (let k = n; k >= 1; k--) f = x.add(BigFloat.of(BigInt(k), -1).div(f, W), W);
  return BigFloat.ONE.div(f, W);
}

/** erfc x for x > 0 by the continued fraction, or null when it would need too many terms. */
function erfcCF(x: BigFloat, W: number): Ball | null {
  const xd = x.toNumber();
  let n = Math.ceil(((0.25 * W) / xd) ** 2) + 8;
  if (n > 4 * xd * xd + 200) return null;
  for (let tries = 0; tries < 6; tries++, n *= 2) {
    const a = laplaceCF(x, n, W);
    const b = laplaceCF(x, n + 1, W);
    const d = a.sub(b);
    if (d.isZero() || d.expo() < a.expo() - W) {
      const K = ball(a, sumExp(d.isZero() ? -Infinity : d.expo(), a.expo() + ceilLog2(4 * n + 8) - W));
      const E = expBall(x.mul(x).neg(), W);
      return bDiv(bMul(K, E, W), sqrtPiBall(W), W);
    }
  }
  return null;
}

/** erf x correctly rounded to `p` bits. */
export function erf(x: BigFloat, p: Precision): BigFloat {
  const prec = precOf(p);
  if (x.isZero()) return BigFloat.ZERO;
  // 1 − erf|x| < e^(−x²) ≤ 2^-(prec+2): the rounded result is ±1.
  if (x.toNumber() ** 2 * Math.LOG2E > prec + 4) return x.sign() < 0 ? BigFloat.ONE.neg() : BigFloat.ONE;
  return ziv(prec, 'erf', (w) => erfBall(x, w));
}

/** erfc x = 1 − erf x correctly rounded to `p` bits, accurate far into the tail (erfc 30 ≈ 2.6e-393). */
export function erfc(x: BigFloat, p: Precision): BigFloat {
  const prec = precOf(p);
  if (x.isZero()) return BigFloat.ONE;
  if (x.sign() < 0) return ziv(prec, 'erfc', (w) => bSub(ONE, erfBall(x, w + 2), w + 2));
  const xd = x.toNumber();
  if (!(xd * xd < 2 ** 40)) throw new BigFloatRangeError('erfc: argument too large (result underflows the exponent range)');
  return ziv(prec, 'erfc', (w) => {
    const cf = erfcCF(x, w + 8);
    if (cf !== null) return cf;
    const W = w + 4 + Math.ceil(xd * xd * Math.LOG2E);
    return bSub(ONE, erfBall(x, W), W);
  });
}
