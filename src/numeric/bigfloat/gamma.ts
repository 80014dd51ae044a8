/**
 * log Γ and Γ for real arguments. Method: for x ≥ 1/2, shift to z = x + N ≥ z₀ with
 * log Γ(x) = log Γ(z) − log(x(x+1)⋯(x+N−1)), then Stirling's series
 *   log Γ(z) = (z − ½)log z − z + ½log 2π + Σ_{k=1}^{K} B_2k / (2k(2k−1) z^(2k−1)),
 * whose remainder for real z > 0 is smaller than the first omitted term (Whittaker and Watson,
 * 1927, "A Course of Modern Analysis", §12.33). With z₀ ≈ w/2 a few hundred Bernoulli numbers
 * reach thousands of bits. For x < 1/2 the reflection formula Γ(x)Γ(1−x) = π / sin(πx) is used.
 */
import { type Ball, ball, bAdd, bMul, bSub, exact, NeedMorePrecision, sumExp } from './ball.js';
import { bernoulli2k } from './bernoulli.js';
import { ceilLog2 } from './bits.js';
import { piFixed } from './constants.js';
import { BigFloatDomainError } from './errors.js';
import { expOfBall } from './exp.js';
import { BigFloat } from './float.js';
import { logBall, logOfBall } from './log.js';
import { precOf, type Precision } from './precision.js';
import { sinOfBall } from './trig.js';
import { ziv } from './ziv.js';

function piBall(w: number): Ball {
  return ball(BigFloat.of(piFixed(w), -w), -w + 1);
}

function absBall(a: Ball): Ball {
  return a.m.sign() < 0 ? ball(a.m.neg(), a.r) : a;
}

/** Stirling's series for log Γ(z), z ≥ 8 exact, with the truncation bound; null if it cannot reach 2^-W. */
function stirling(z: BigFloat, W: number): Ball | null {
  const zb = exact(z);
  const half = exact(BigFloat.pow2(-1));
  const lz = logBall(z, W + 4 + ceilLog2(z.toNumber()));
  let s = bSub(bMul(bSub(zb, half, W + 8), lz, W + 8), zb, W + 8);
  const l2pi = logOfBall(bMul(piBall(W + 4), exact(BigFloat.fromBigInt(2n)), W + 4), W + 4);
  s = bAdd(s, ball(l2pi.m.mulPow2(-1), l2pi.r - 1), W + 8);
  const zinv = BigFloat.ONE.div(z, W + 8);
  const zinv2 = zinv.mul(zinv, W + 8);
  let pw = zinv;
  let sum = BigFloat.ZERO;
  for (let k = 1; k < 4 * W + 64; k++) {
    const [bn, bd] = bernoulli2k(k);
    const term = BigFloat.fromBigInt(bn).mul(pw).div(BigFloat.fromBigInt(bd * BigInt(2 * k * (2 * k - 1))), W + 8);
    if (term.isZero() || term.expo() < -W - 4) {
      // first omitted term bounds the remainder; rounding: ~3 ulps per term of the leading size
      return bAdd(s, ball(sum, sumExp(term.isZero() ? -Infinity : term.expo(), zinv.expo() + ceilLog2(3 * k) - W - 6)), W + 8);
    }
    if (k > Math.PI * z.toNumber()) {
      return null; // past the smallest term: z too small for this precision
    }
    sum = sum.add(term, W + 8);
    pw = pw.mul(zinv2, W + 8);
  }
  return null;
}

/** A ball for log Γ(x), x ≥ 1/2 exact, absolute radius about 2^-w. */
function lgammaPos(x: BigFloat, w: number): Ball {
  const W = w + 8;
  const z0 = Math.max(8, Math.ceil(W / 2));
  const xd = x.toNumber();
  const N = xd >= z0 ? 0 : Math.ceil(z0 - xd);
  const z = x.add(BigFloat.fromBigInt(BigInt(N)));
  const WP = W + ceilLog2(N + 1) + 4;
  // With z ≥ W/2 the smallest Stirling term is far below 2^-W, so the series always terminates.
  const st = stirling(z, W + ceilLog2(Math.abs(xd) + N + 2));
  if (st === null) throw new NeedMorePrecision('Stirling series did not reach the working precision');
  if (N === 0) return st;
  let prod = exact(x);
  for (let i = 1; i < N; i++) prod = bMul(prod, exact(x.add(BigFloat.fromBigInt(BigInt(i)))), WP);
  return bSub(st, logOfBall(prod, WP), W);
}

function checkPole(x: BigFloat, name: string): void {
  if (x.isInteger() && x.sign() <= 0) {
    throw new BigFloatDomainError(`${name}: Γ has a pole at the non-positive integer ${x.toString()}`);
  }
}

/** A ball for log|Γ(x)| (x not a non-positive integer). */
export function lgammaBall(x: BigFloat, w: number): Ball {
  const half = BigFloat.pow2(-1);
  if (x.cmp(half) >= 0) return lgammaPos(x, w);
  // log|Γ(x)| = log π − log|sin πx| − log Γ(1 − x)
  const W = w + 8 + Math.max(0, Math.ceil(Math.log2(Math.abs(x.toNumber()) + 1)));
  const s = absBall(sinOfBall(bMul(piBall(W + 4), exact(x), W + 4), W + 4));
  const lpi = logOfBall(piBall(W + 4), W);
  return bSub(bSub(lpi, logOfBall(s, W), W), lgammaPos(BigFloat.ONE.sub(x), W), W);
}

/** log|Γ(x)| correctly rounded to `p` bits; throws at the poles x = 0, −1, −2, … */
export function lgamma(x: BigFloat, p: Precision): BigFloat {
  const prec = precOf(p);
  checkPole(x, 'lgamma');
  if (x.eq(BigFloat.ONE) || x.eq(BigFloat.fromBigInt(2n))) return BigFloat.ZERO;
  return ziv(prec, 'lgamma', (w) => lgammaBall(x, w));
}

/** Sign of Γ(x): +1 for x > 0, (−1)^⌈−x⌉ for negative non-integers. */
export function gammaSign(x: BigFloat): 1 | -1 {
  if (x.sign() > 0) return 1;
  const fl = Math.floor(x.toNumber());
  return fl % 2 === 0 ? 1 : -1;
}

/** Γ(x) correctly rounded to `p` bits; exact factorials for small positive integers. */
export function gamma(x: BigFloat, p: Precision): BigFloat {
  const prec = precOf(p);
  checkPole(x, 'gamma');
  if (x.isInteger() && x.toNumber() <= 3000) {
    let f = 1n;
    for (let i = 2n; i < BigInt(x.toNumber()); i++) f *= i;
    return BigFloat.fromBigInt(f).round(prec);
  }
  const sg = gammaSign(x);
  const r = ziv(prec, 'gamma', (w) => {
    const l = lgammaBall(x, w + 4 + Math.max(0, Math.ceil(Math.log2(Math.abs(x.toNumber()) * 40 + 2))));
    return expOfBall(l, w + 4);
  });
  return sg < 0 ? r.neg() : r;
}
