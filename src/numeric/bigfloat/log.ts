/**
 * Natural logarithm and relatives. Method: x = y·2^E with y ∈ [1/√2, √2), log x = E·ln2 + log y,
 * and log y is the root of e^z = y found by Newton's iteration z ← z + y·e^(−z) − 1 started from
 * the double-precision logarithm, with the working precision doubled at each step so that the
 * whole costs about as much as two full-precision exponentials (R. P. Brent, 1976, "Fast
 * multiple-precision evaluation of elementary functions", §5).
 */
import { type Ball, awayFromZero, ball, bDiv, exact, NeedMorePrecision, sumExp } from './ball.js';
import { bitLength } from './bits.js';
import { ln2Fixed } from './constants.js';
import { BigFloatDomainError } from './errors.js';
import { expBall } from './exp.js';
import { BigFloat } from './float.js';
import { precOf, type Precision } from './precision.js';
import { ziv } from './ziv.js';

function checkPositive(x: BigFloat, name: string): void {
  if (x.sign() <= 0) {
    throw new BigFloatDomainError(`${name}: argument must be positive, got ${x.toString(20)}`);
  }
}

/** A ball enclosing log x (x > 0) with absolute radius about 2^-w. */
export function logBall(x: BigFloat, w: number): Ball {
  if (x.eq(BigFloat.ONE)) return exact(BigFloat.ZERO);
  let E = x.expo();
  let y = x.mulPow2(-E); // [1/2, 1)
  if (y.toNumber() < Math.SQRT1_2) {
    y = y.mulPow2(1);
    E -= 1;
  }
  const W = w + 8;
  const steps: number[] = [];
  for (let p = W; p > 45; p = Math.ceil(p / 2) + 4) steps.unshift(p);
  let z = BigFloat.fromNumber(Math.log(y.toNumber())); // |error| ≤ 2^-51
  for (const p of steps) {
    const e = expBall(z.neg(), p + 6).m;
    const u = y.mul(e, p + 8).sub(BigFloat.ONE, p + 8);
    z = z.add(u, p + 6);
  }
  // |log y − z| ≤ 2^-(W+3) (Newton step) + exp and rounding errors ≤ 2^-(W+2) in all.
  if (E === 0) return ball(z, -W + 2);
  const kb = bitLength(BigInt(E));
  const L = ln2Fixed(W + kb); // error < 2 units at scale W + kb
  const m = BigFloat.of(BigInt(E) * L, -(W + kb)).add(z);
  return ball(m.round(W + 4 + Math.max(0, m.expo())), -W + 3);
}

/** A ball enclosing log t for every t in the ball a: |log(m+δ) − log m| ≤ |δ| / (|m| − |δ|). */
export function logOfBall(a: Ball, w: number): Ball {
  if (a.r !== -Infinity && !awayFromZero(a)) throw new NeedMorePrecision('log of a ball reaching 0');
  if (a.m.sign() <= 0) throw new NeedMorePrecision('log of a ball with non-positive midpoint');
  const l = logBall(a.m, w);
  return a.r === -Infinity ? l : ball(l.m, sumExp(l.r, a.r - a.m.expo() + 2));
}

/** Natural logarithm correctly rounded to `p` bits; throws for x ≤ 0. */
export function log(x: BigFloat, p: Precision): BigFloat {
  const prec = precOf(p);
  checkPositive(x, 'log');
  if (x.eq(BigFloat.ONE)) return BigFloat.ZERO;
  return ziv(prec, 'log', (w) => logBall(x, w));
}

/** A ball enclosing log(1 + x) for x > −1, accurate relative to the result for tiny x. */
export function log1pBall(x: BigFloat, w: number): Ball {
  if (x.isZero()) return exact(BigFloat.ZERO);
  const ex = x.expo();
  if (ex < -(w >> 2) - 2) {
    // x − x²/2 + x³/3, remainder below |x|^4.
    const x2 = x.mul(x, w + 4);
    const m = x.sub(x2.mulPow2(-1), w + 4).add(x2.mul(x, w + 4).div(BigFloat.fromBigInt(3n), w + 4), w + 4);
    return ball(m, sumExp(4 * ex, m.expo() - w - 2));
  }
  return logBall(BigFloat.ONE.add(x), w + Math.max(0, -ex));
}

/** log(1 + x) correctly rounded to `p` bits; throws for x ≤ −1. */
export function log1p(x: BigFloat, p: Precision): BigFloat {
  const prec = precOf(p);
  if (x.cmp(BigFloat.ONE.neg()) <= 0) {
    throw new BigFloatDomainError(`log1p: argument must be greater than -1, got ${x.toString(20)}`);
  }
  if (x.isZero()) return BigFloat.ZERO;
  return ziv(prec, 'log1p', (w) => log1pBall(x, w));
}

/** log(x) / log(base) for an exact positive base ≠ 1. */
function logBase(x: BigFloat, base: BigFloat, p: Precision, name: string): BigFloat {
  const prec = precOf(p);
  checkPositive(x, name);
  if (x.eq(BigFloat.ONE)) return BigFloat.ZERO;
  return ziv(prec, name, (w) => bDiv(logBall(x, w + 4), logBall(base, w + 4), w + 4));
}

/** Base-2 logarithm correctly rounded to `p` bits (exact for powers of two). */
export function log2(x: BigFloat, p: Precision): BigFloat {
  checkPositive(x, 'log2');
  if (x.man === 1n) return BigFloat.fromBigInt(BigInt(x.exp)).round(precOf(p));
  return logBase(x, BigFloat.fromBigInt(2n), p, 'log2');
}

/** Base-10 logarithm correctly rounded to `p` bits. */
export function log10(x: BigFloat, p: Precision): BigFloat {
  return logBase(x, BigFloat.fromBigInt(10n), p, 'log10');
}
