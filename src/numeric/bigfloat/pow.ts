/**
 * Powers and roots. pow(x, y) uses exact binary powering for integer y when the exact result is of
 * modest size (then one correctly rounded division for y < 0), and e^(y·log|x|) with ball error
 * bounds otherwise. root(x, n) takes the integer n-th root of a suitably shifted mantissa by
 * Newton's iteration and rounds it with a sticky bit, so it is correctly rounded and exact for
 * perfect powers.
 */
import { type Ball, ball, bMul, exact } from './ball.js';
import { bitLength } from './bits.js';
import { BigFloatDomainError } from './errors.js';
import { expOfBall } from './exp.js';
import { BigFloat } from './float.js';
import { logBall } from './log.js';
import { precOf, type Precision } from './precision.js';
import { ziv } from './ziv.js';

/** Largest exact intermediate (bits) built by binary powering or the integer-root method. */
const EXACT_LIMIT = 1 << 18;

/** floor(N^(1/n)) for N ≥ 0, n ≥ 1: Newton's iteration x ← ((n−1)x + N/x^(n−1))/n from above. */
export function iroot(N: bigint, n: number): bigint {
  if (N < 0n) throw new RangeError('iroot of a negative integer');
  if (N < 2n || n === 1) return N;
  const bn = BigInt(n);
  const bl = bitLength(N);
  let sh = Math.max(0, bl - 60);
  sh -= sh % n;
  const top = Number(N >> BigInt(sh));
  let x = (BigInt(Math.ceil(top ** (1 / n) * (1 + 1e-12))) + 1n) << BigInt(sh / n);
  for (;;) {
    const y = ((bn - 1n) * x + N / x ** (bn - 1n)) / bn;
    if (y >= x) return x;
    x = y;
  }
}

/** The n-th root of x correctly rounded to `p` bits (n a positive integer; odd n allows x < 0). */
export function root(x: BigFloat, n: number, p: Precision): BigFloat {
  const prec = precOf(p);
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new BigFloatDomainError(`root: the degree must be a positive integer, got ${n}`);
  }
  if (x.sign() < 0) {
    if (n % 2 === 0) throw new BigFloatDomainError(`root: even root (n = ${n}) of a negative number`);
    return root(x.neg(), n, prec).neg();
  }
  if (x.isZero() || n === 1) return x.round(prec);
  if (n === 2) return x.sqrt(prec);
  if (n * (prec + 4) <= EXACT_LIMIT) {
    let m = x.man;
    let e = x.exp;
    let t = Math.max(0, n * (prec + 3) - bitLength(m));
    t += (((e - t) % n) + n) % n;
    m <<= BigInt(t);
    e -= t;
    const r = iroot(m, n);
    const sticky = r ** BigInt(n) !== m ? 1n : 0n;
    return BigFloat.of(2n * r + sticky, (e / n) - 1).round(prec);
  }
  const inv = BigFloat.ONE.div(BigFloat.fromBigInt(BigInt(n)), prec + 64);
  return ziv(prec, 'root', (w) => powBall(x, inv, w, BigFloat.fromRational(1n, BigInt(n), w + 64)));
}

/** Cube root correctly rounded to `p` bits (defined for negative x). */
export function cbrt(x: BigFloat, p: Precision): BigFloat {
  return root(x, 3, p);
}

/** e^(y·log x) for x > 0 as a ball; `yb` may replace y by a close rational approximation. */
function powBall(x: BigFloat, y: BigFloat, w: number, yb?: BigFloat): Ball {
  const Y = yb ?? y;
  const W = w + 8 + Math.max(0, Y.expo());
  const L = logBall(x, W);
  let prod = bMul(exact(Y), L, W + 4);
  if (yb !== undefined) {
    // |1/n − yb| ≤ 2^-(w+64)·… contributes |log x|·that.
    prod = ball(prod.m, Math.max(prod.r, L.m.expo() - w - 60) + 1);
  }
  return expOfBall(prod, w + 4);
}

/** x^y for real y, correctly rounded to `p` bits. Throws for 0^(y<0) and for x < 0 with non-integer y. */
export function pow(x: BigFloat, y: BigFloat, p: Precision): BigFloat {
  const prec = precOf(p);
  if (y.isZero()) return BigFloat.ONE;
  if (x.isZero()) {
    if (y.sign() < 0) throw new BigFloatDomainError('pow: zero raised to a negative power');
    return BigFloat.ZERO;
  }
  const yInt = y.isInteger();
  if (x.sign() < 0 && !yInt) {
    throw new BigFloatDomainError(`pow: negative base with non-integer exponent ${y.toString(20)} has no real value`);
  }
  if (y.eq(BigFloat.ONE)) return x.round(prec);
  if (y.eq(BigFloat.pow2(-1))) return x.sqrt(prec);
  if (yInt && y.expo() <= 53) {
    const k = y.man << BigInt(y.exp);
    const ak = k < 0n ? -k : k;
    if (Number(ak) * bitLength(x.man) <= EXACT_LIMIT) {
      const m = x.man ** ak;
      const e = x.exp * Number(ak);
      const v = BigFloat.of(m, e);
      return k < 0n ? BigFloat.ONE.div(v, prec) : v.round(prec);
    }
  }
  const negOdd = x.sign() < 0 && yInt && y.exp === 0 && (y.man & 1n) === 1n;
  const ax = x.abs();
  const r = ziv(prec, 'pow', (w) => powBall(ax, y, w));
  return negOdd ? r.neg() : r;
}
