/**
 * Inverse trigonometric functions. Method for atan: for |x| > 1 use atan x = ±π/2 − atan(1/x);
 * for |x| ≤ 1 apply the argument-halving identity atan x = 2·atan(x / (1 + √(1 + x²))) s times and
 * sum the Taylor series x − x³/3 + x⁵/5 − … of the reduced argument, in fixed point (R. P. Brent,
 * 1976, "Fast multiple-precision evaluation of elementary functions"). atan2, asin and acos are
 * expressed through atan with ball arithmetic (acos x = 2·atan √((1−x)/(1+x)) avoids cancellation
 * near x = 1).
 */
import { type Ball, ball, bDiv, bMulPow2, bSqrt, exact, sumExp } from './ball.js';
import { bitLength, ceilLog2, isqrt } from './bits.js';
import { piFixed } from './constants.js';
import { BigFloatDomainError } from './errors.js';
import { fixedOf } from './exp.js';
import { BigFloat } from './float.js';
import { precOf, type Precision } from './precision.js';
import { ziv } from './ziv.js';

/** atan x · 2^V for X = x·2^V with |x| ≤ 1 (exact input); error ≤ 2 units. */
export function atanFixed(X: bigint, V: number): bigint {
  if (X === 0n) return 0n;
  if (X < 0n) return -atanFixed(-X, V);
  const xExp = bitLength(X) - V;
  const s = Math.max(0, Math.ceil(Math.sqrt(V / 18)) + Math.min(0, xExp));
  const U = V + s + 8 + ceilLog2(V);
  const u = BigInt(U);
  const one = 1n << u;
  let T = X << BigInt(U - V);
  for (let i = 0; i < s; i++) {
    const Q = isqrt((one + ((T * T) >> u)) << u);
    T = (T << u) / (one + Q);
  }
  const t2 = (T * T) >> u;
  let pw = T;
  let sum = T;
  for (let j = 1; ; j++) {
    pw = (pw * t2) >> u;
    if (pw === 0n) break;
    const term = pw / BigInt(2 * j + 1);
    sum += j % 2 === 1 ? -term : term;
  }
  // n terms (n < U) leave n + 12 units at U; times 2^s that is below 2^-7 units at V, and the
  // final floor adds 1.
  return sum >> BigInt(U - V - s);
}

/** A ball enclosing atan x (absolute radius about 2^-w, relative for small x). */
export function atanBall(x: BigFloat, w: number): Ball {
  if (x.isZero()) return exact(BigFloat.ZERO);
  const V = w + 6 + Math.max(0, -x.expo());
  if (x.expo() <= 0 || x.abs().eq(BigFloat.ONE)) {
    return ball(BigFloat.of(atanFixed(fixedOf(x, V), V), -V), -V + 2);
  }
  const inv = BigFloat.ONE.div(x.abs(), V + 4);
  const A = atanFixed(fixedOf(inv, V), V);
  const m = BigFloat.of(piFixed(V - 1) - A, -V); // π/2 − atan(1/|x|)
  return ball(x.sign() < 0 ? m.neg() : m, -V + 3);
}

/** atan of every point of a ball: |atan'(t)| = 1/(1+t²) ≤ min(1, 1/t²). */
export function atanOfBall(a: Ball, w: number): Ball {
  const r = atanBall(a.m, w);
  if (a.r === -Infinity) return r;
  const e = a.m.expo();
  const lip = e > 2 && a.r < e - 3 ? -2 * (e - 2) : 0;
  return ball(r.m, sumExp(r.r, a.r + lip));
}

/** atan x correctly rounded to `p` bits. */
export function atan(x: BigFloat, p: Precision): BigFloat {
  const prec = precOf(p);
  if (x.isZero()) return BigFloat.ZERO;
  return ziv(prec, 'atan', (w) => atanBall(x, w));
}

function halfPiBall(w: number, sign: number): Ball {
  const m = BigFloat.of(piFixed(w + 1), -(w + 2));
  return ball(sign < 0 ? m.neg() : m, -w - 1);
}

function piBall(w: number, sign: number): Ball {
  const m = BigFloat.of(piFixed(w), -w);
  return ball(sign < 0 ? m.neg() : m, -w + 1);
}

/**
 * The angle of the point (x, y) in (−π, π], correctly rounded to `p` bits.
 * As with Math.atan2, atan2(0, 0) is 0 and atan2(0, x < 0) is π.
 */
export function atan2(y: BigFloat, x: BigFloat, p: Precision): BigFloat {
  const prec = precOf(p);
  if (y.isZero()) {
    return x.sign() >= 0 ? BigFloat.ZERO : ziv(prec, 'atan2', (w) => piBall(w + 4, 1));
  }
  if (x.isZero()) return ziv(prec, 'atan2', (w) => halfPiBall(w + 4, y.sign()));
  return ziv(prec, 'atan2', (w) => {
    const W = w + 4 + Math.max(0, y.expo() - x.expo() > 0 ? 0 : x.expo() - y.expo());
    const a = atanOfBall(bDiv(exact(y), exact(x), W), W);
    if (x.sign() > 0) return a;
    const pb = piBall(W, y.sign());
    return ball(a.m.add(pb.m, W + 4), sumExp(a.r, pb.r, a.m.expo() - W - 3, pb.m.expo() - W - 3));
  });
}

function checkUnit(x: BigFloat, name: string): void {
  if (x.abs().cmp(BigFloat.ONE) > 0) {
    throw new BigFloatDomainError(`${name}: argument must lie in [-1, 1], got ${x.toString(20)}`);
  }
}

/** asin x = atan(x / √(1 − x²)) correctly rounded to `p` bits; throws for |x| > 1. */
export function asin(x: BigFloat, p: Precision): BigFloat {
  const prec = precOf(p);
  checkUnit(x, 'asin');
  if (x.isZero()) return BigFloat.ZERO;
  if (x.abs().eq(BigFloat.ONE)) return ziv(prec, 'asin', (w) => halfPiBall(w + 4, x.sign()));
  const oneMinusX2 = BigFloat.ONE.sub(x.mul(x));
  return ziv(prec, 'asin', (w) => {
    const W = w + 4 + Math.max(0, -x.expo());
    return atanOfBall(bDiv(exact(x), bSqrt(exact(oneMinusX2), W), W), W);
  });
}

/** acos x = 2·atan √((1 − x)/(1 + x)) correctly rounded to `p` bits; throws for |x| > 1. */
export function acos(x: BigFloat, p: Precision): BigFloat {
  const prec = precOf(p);
  checkUnit(x, 'acos');
  if (x.eq(BigFloat.ONE)) return BigFloat.ZERO;
  if (x.eq(BigFloat.ONE.neg())) return ziv(prec, 'acos', (w) => piBall(w + 4, 1));
  const num = BigFloat.ONE.sub(x);
  const den = BigFloat.ONE.add(x);
  return ziv(prec, 'acos', (w) => {
    const W = w + 4;
    return bMulPow2(atanOfBall(bSqrt(bDiv(exact(num), exact(den), W), W), W), 1);
  });
}
