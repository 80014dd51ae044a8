/**
 * The exponential function. Method: argument reduction x = k·ln2 + r with |r| ≲ ln2/2 (ln 2 from
 * the binary-splitting cache), then r is divided by 2^s, e^(r/2^s) is summed by its Taylor series
 * in fixed point, and the result is squared s times (R. P. Brent, 1976, "Fast multiple-precision
 * evaluation of elementary functions"; the "reduce, Taylor, square" scheme). s ≈ √w balances the
 * number of series terms against the number of squarings.
 */
import { type Ball, ball, exact, NeedMorePrecision, sumExp } from './ball.js';
import { bitLength, ceilLog2 } from './bits.js';
import { ln2Fixed } from './constants.js';
import { BigFloatRangeError } from './errors.js';
import { BigFloat } from './float.js';
import { precOf, type Precision } from './precision.js';
import { ziv } from './ziv.js';

/** Largest |x| accepted by exp: beyond it the binary exponent of the result is not a safe integer. */
export const EXP_MAX_ARG = 2 ** 50;

/** Fixed-point image floor(x · 2^scale) of an exact BigFloat (error < 1 unit). */
export function fixedOf(x: BigFloat, scale: number): bigint {
  const sh = x.exp + scale;
  return sh >= 0 ? x.man << BigInt(sh) : x.man >> BigInt(-sh);
}

/** A ball enclosing e^x with relative radius about 2^-w. */
export function expBall(x: BigFloat, w: number): Ball {
  if (x.isZero()) return exact(BigFloat.ONE);
  const xd = x.toNumber();
  if (!(Math.abs(xd) < EXP_MAX_ARG)) {
    throw new BigFloatRangeError(`exp: argument ${x.toString(10)} is too large in magnitude (limit 2^50)`);
  }
  const k = Math.round(xd / Math.LN2);
  const kb = bitLength(BigInt(k));
  const s0 = Math.ceil(Math.sqrt(w));
  const V = w + 12 + ceilLog2(w);
  // r = x − k·ln2 at scale V; error ≤ 1 (x) + 2 (ln2 · k / 2^kb) + 1 (shift) = 4 units.
  const kL = (BigInt(k) * ln2Fixed(V + kb)) >> BigInt(kb);
  const R = fixedOf(x, V) - kL;
  // Small r needs fewer halvings.
  const rExp = R === 0n ? -V : bitLength(R) - V;
  const s = Math.max(0, s0 + Math.min(0, rExp));
  const U = V + s; // t = r / 2^s has the same integer R at scale U
  const one = 1n << BigInt(U);
  let sum = one + R;
  let term = R;
  let n = 1;
  while (term !== 0n) {
    n++;
    term = (term * R) >> BigInt(U);
    term /= BigInt(n);
    sum += term;
  }
  let y = sum;
  for (let i = 0; i < s; i++) y = (y * y) >> BigInt(U);
  // Relative error doubles per squaring: ≤ 2^s·(2n + 6)·1.5 units at U, i.e. (2n+6)·1.5 at V,
  // plus 4 units of r; times |e^r| ≤ 1.5. Bound the total by (4n + 30) units at V.
  const ulps = 4 * n + 30;
  const m = BigFloat.of(y, k - U);
  return ball(m, k - V + ceilLog2(ulps));
}

/** e^x correctly rounded to `p` bits. */
export function exp(x: BigFloat, p: Precision): BigFloat {
  const prec = precOf(p);
  if (x.isZero()) return BigFloat.ONE;
  return ziv(prec, 'exp', (w) => expBall(x, w));
}

/** A ball enclosing e^x − 1 (accurate relative to the result also for tiny x). */
export function expm1Ball(x: BigFloat, w: number): Ball {
  if (x.isZero()) return exact(BigFloat.ZERO);
  const ex = x.expo();
  if (ex < -(w >> 2) - 2) {
    // x + x²/2 + x³/6 with remainder below |x|^4 (|x| < 1/2).
    const x2 = x.mul(x, w + 4);
    const m = x.add(x2.mulPow2(-1), w + 4).add(x2.mul(x, w + 4).div(BigFloat.fromBigInt(6n), w + 4), w + 4);
    return ball(m, sumExp(4 * ex, m.expo() - w - 2));
  }
  const e = expBall(x, w + Math.max(0, -ex));
  const m = e.m.sub(BigFloat.ONE, w + 4);
  return ball(m, sumExp(e.r, m.isZero() ? -Infinity : m.expo() - w - 4));
}

/** e^x − 1 correctly rounded to `p` bits, accurate for tiny x. */
export function expm1(x: BigFloat, p: Precision): BigFloat {
  const prec = precOf(p);
  if (x.isZero()) return BigFloat.ZERO;
  return ziv(prec, 'expm1', (w) => expm1Ball(x, w));
}

/** A ball enclosing e^t for every t in the ball a (|e^(m+δ) − e^m| ≤ 2·e^m·|δ| for |δ| ≤ 1). */
export function expOfBall(a: Ball, w: number): Ball {
  const e = expBall(a.m, w);
  if (a.r === -Infinity) return e;
  if (a.r > 0) throw new NeedMorePrecision('exp of a wide ball');
  return ball(e.m, sumExp(e.r, e.m.expo() + 1 + a.r));
}
