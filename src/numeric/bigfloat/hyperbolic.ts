/**
 * Hyperbolic functions and their inverses, written through exp/expm1 and log1p in forms free of
 * cancellation (for t = |x|): sinh = (E + E/(1+E))/2 with E = e^t − 1, cosh = (e^t + e^−t)/2,
 * tanh = E₂/(E₂ + 2) with E₂ = e^(2t) − 1, asinh = log1p(t + t²/(1 + √(1+t²))),
 * acosh(1+d) = log1p(d + √(d(2+d))), atanh = ½·log1p(2t/(1−t)); odd functions restore the sign.
 * Error bounds are carried by ball arithmetic and the results rounded by Ziv's loop.
 */
import {
  type Ball,
  awayFromZero,
  ball,
  bAdd,
  bDiv,
  bMulPow2,
  bNeg,
  bSqrt,
  exact,
  NeedMorePrecision,
  sumExp,
} from './ball.js';
import { BigFloatDomainError, BigFloatRangeError } from './errors.js';
import { EXP_MAX_ARG, expBall, expm1Ball } from './exp.js';
import { BigFloat } from './float.js';
import { log1pBall } from './log.js';
import { precOf, type Precision } from './precision.js';
import { ziv } from './ziv.js';

const ONE = exact(BigFloat.ONE);
const TWO = exact(BigFloat.fromBigInt(2n));

/** log(1 + t) for every t ≥ 0 in the ball (Lipschitz constant 1 there). */
function log1pOfBall(a: Ball, w: number): Ball {
  if (a.m.sign() < 0 || (a.r !== -Infinity && !awayFromZero(a))) throw new NeedMorePrecision('log1p argument');
  const l = log1pBall(a.m, w);
  return ball(l.m, sumExp(l.r, a.r));
}

function withSign(b: Ball, s: number): Ball {
  return s < 0 ? bNeg(b) : b;
}

function checkExpRange(x: BigFloat, name: string): void {
  if (!(Math.abs(x.toNumber()) < EXP_MAX_ARG)) {
    throw new BigFloatRangeError(`${name}: argument ${x.toString(10)} is too large in magnitude (limit 2^50)`);
  }
}

/** sinh x correctly rounded to `p` bits. */
export function sinh(x: BigFloat, p: Precision): BigFloat {
  const prec = precOf(p);
  if (x.isZero()) return BigFloat.ZERO;
  checkExpRange(x, 'sinh');
  const t = x.abs();
  return ziv(prec, 'sinh', (w) => {
    const W = w + 6;
    const E = expm1Ball(t, W);
    return withSign(bMulPow2(bAdd(E, bDiv(E, bAdd(ONE, E, W), W), W), -1), x.sign());
  });
}

/** cosh x correctly rounded to `p` bits. */
export function cosh(x: BigFloat, p: Precision): BigFloat {
  const prec = precOf(p);
  if (x.isZero()) return BigFloat.ONE;
  checkExpRange(x, 'cosh');
  const t = x.abs();
  return ziv(prec, 'cosh', (w) => {
    const W = w + 6;
    const E = expBall(t, W);
    return bMulPow2(bAdd(E, bDiv(ONE, E, W), W), -1);
  });
}

/** tanh x correctly rounded to `p` bits. */
export function tanh(x: BigFloat, p: Precision): BigFloat {
  const prec = precOf(p);
  if (x.isZero()) return BigFloat.ZERO;
  const t = x.abs();
  // 1 − tanh t < 2e^(−2t) < 2^-(prec+2) makes the rounded result exactly ±1.
  if (t.toNumber() > (prec + 4) * Math.LN2) return x.sign() < 0 ? BigFloat.ONE.neg() : BigFloat.ONE;
  return ziv(prec, 'tanh', (w) => {
    const W = w + 6;
    const E = expm1Ball(t.mulPow2(1), W);
    return withSign(bDiv(E, bAdd(E, TWO, W), W), x.sign());
  });
}

/** asinh x correctly rounded to `p` bits. */
export function asinh(x: BigFloat, p: Precision): BigFloat {
  const prec = precOf(p);
  if (x.isZero()) return BigFloat.ZERO;
  const t = exact(x.abs());
  const t2 = exact(x.mul(x));
  return ziv(prec, 'asinh', (w) => {
    const W = w + 6;
    const s = bSqrt(bAdd(ONE, t2, W), W);
    const u = bAdd(t, bDiv(t2, bAdd(ONE, s, W), W), W);
    return withSign(log1pOfBall(u, W), x.sign());
  });
}

/** acosh x correctly rounded to `p` bits; throws for x < 1. */
export function acosh(x: BigFloat, p: Precision): BigFloat {
  const prec = precOf(p);
  if (x.cmp(BigFloat.ONE) < 0) {
    throw new BigFloatDomainError(`acosh: argument must be at least 1, got ${x.toString(20)}`);
  }
  if (x.eq(BigFloat.ONE)) return BigFloat.ZERO;
  const d = x.sub(BigFloat.ONE);
  const dd = exact(d.mul(d.add(BigFloat.fromBigInt(2n))));
  return ziv(prec, 'acosh', (w) => {
    const W = w + 6;
    return log1pOfBall(bAdd(exact(d), bSqrt(dd, W), W), W);
  });
}

/** atanh x correctly rounded to `p` bits; throws unless −1 < x < 1. */
export function atanh(x: BigFloat, p: Precision): BigFloat {
  const prec = precOf(p);
  if (x.abs().cmp(BigFloat.ONE) >= 0) {
    throw new BigFloatDomainError(`atanh: argument must lie strictly between -1 and 1, got ${x.toString(20)}`);
  }
  if (x.isZero()) return BigFloat.ZERO;
  const t = x.abs();
  const u = exact(t.mulPow2(1));
  const v = exact(BigFloat.ONE.sub(t));
  return ziv(prec, 'atanh', (w) => {
    const W = w + 6;
    return withSign(bMulPow2(log1pOfBall(bDiv(u, v, W), W), -1), x.sign());
  });
}

