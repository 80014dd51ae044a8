/**
 * Regularised incomplete gamma functions P(a, x) = γ(a, x)/Γ(a) and Q(a, x) = Γ(a, x)/Γ(a).
 *  - For x < a + 1: the positive series P = x^a e^(−x)/Γ(a+1) · Σ_{n≥0} xⁿ/((a+1)⋯(a+n))
 *    (Abramowitz and Stegun, 1964, 6.5.29), Q = 1 − P;
 *  - for x ≥ a + 1: Legendre's continued fraction
 *    Q = x^a e^(−x)/Γ(a) · 1/(x+1−a − 1·(1−a)/(x+3−a − 2·(2−a)/(x+5−a − ⋯)))  (A&S 6.5.31),
 *    evaluated backwards; its truncation error is estimated by comparing n and 2n terms (an
 *    estimate, not a proof), and P = 1 − Q. If the fraction converges too slowly the series is used.
 */
import { type Ball, ball, bMul, bSub, exact, sumExp } from './ball.js';
import { ceilLog2 } from './bits.js';
import { BigFloatDomainError } from './errors.js';
import { expOfBall } from './exp.js';
import { BigFloat } from './float.js';
import { lgammaBall } from './gamma.js';
import { logBall } from './log.js';
import { precOf, type Precision } from './precision.js';
import { ziv } from './ziv.js';

const ONE = exact(BigFloat.ONE);

/** x^a e^(−x) / Γ(a + shift) as a ball with relative radius about 2^-W. */
function prefactor(a: BigFloat, x: BigFloat, shift: number, W: number): Ball {
  const mag = a.toNumber() * Math.abs(Math.log(x.toNumber())) + x.toNumber() + 2;
  const V = W + 8 + ceilLog2(Math.ceil(mag * 2));
  const t = bSub(bSub(bMul(exact(a), logBall(x, V), V), exact(x), V), lgammaBall(a.add(BigFloat.fromBigInt(BigInt(shift))), V), V);
  return expOfBall(t, W);
}

/** Σ xⁿ/((a+1)⋯(a+n)) (positive terms, geometric tail bound once the ratio is ≤ 1/2). */
function series(a: BigFloat, x: BigFloat, W: number): Ball {
  let term = BigFloat.ONE;
  let sum = BigFloat.ONE;
  const ad = a.toNumber();
  const xd = x.toNumber();
  let n = 0;
  for (;;) {
    n++;
    term = term.mul(x, W).div(a.add(BigFloat.fromBigInt(BigInt(n))), W);
    sum = sum.add(term, W);
    if (ad + n + 1 >= 2 * xd && term.expo() < sum.expo() - W - 4) break;
  }
  return ball(sum, sumExp(sum.expo() + Math.log2(3 * n + 4) - W, term.expo() + 1));
}

function legendreCF(a: BigFloat, x: BigFloat, n: number, W: number): BigFloat {
  const base = x.sub(a); // b_k = base + 2k + 1
  let f = base.add(BigFloat.fromBigInt(BigInt(2 * n + 1)));
  for (let k = n; k >= 1; k--) {
    const ak = BigFloat.fromBigInt(BigInt(k)).mul(BigFloat.fromBigInt(BigInt(k)).sub(a)); // k(k − a)
    f = base.add(BigFloat.fromBigInt(BigInt(2 * k - 1))).sub(ak.div(f, W), W);
  }
  return BigFloat.ONE.div(f, W);
}

/** Q(a, x) by the continued fraction, or null when it converges too slowly. */
function qByCF(a: BigFloat, x: BigFloat, W: number): Ball | null {
  for (let n = 16; n <= 1 << 14; n *= 2) {
    const k1 = legendreCF(a, x, n, W);
    const k2 = legendreCF(a, x, 2 * n, W);
    const d = k1.sub(k2);
    if (d.isZero() || d.expo() < k2.expo() - W - 2) {
      const K = ball(k2, sumExp(d.isZero() ? -Infinity : d.expo(), k2.expo() + Math.log2(8 * n + 8) - W));
      return bMul(prefactor(a, x, 0, W), K, W);
    }
  }
  return null;
}

function pBySeries(a: BigFloat, x: BigFloat, W: number): Ball {
  return bMul(prefactor(a, x, 1, W), series(a, x, W), W);
}

function check(a: BigFloat, x: BigFloat, name: string): void {
  if (a.sign() <= 0) throw new BigFloatDomainError(`${name}: the shape a must be positive, got ${a.toString(20)}`);
  if (x.sign() < 0) throw new BigFloatDomainError(`${name}: x must be non-negative, got ${x.toString(20)}`);
}

function useCF(a: BigFloat, x: BigFloat): boolean {
  return x.toNumber() >= a.toNumber() + 1;
}

/** Regularised lower incomplete gamma P(a, x), correctly rounded to `p` bits (a > 0, x ≥ 0). */
export function gammaP(a: BigFloat, x: BigFloat, p: Precision): BigFloat {
  const prec = precOf(p);
  check(a, x, 'gammaP');
  if (x.isZero()) return BigFloat.ZERO;
  return ziv(prec, 'gammaP', (w) => {
    const W = w + 8;
    if (useCF(a, x)) {
      const q = qByCF(a, x, W);
      if (q !== null) return bSub(ONE, q, W);
    }
    return pBySeries(a, x, W);
  });
}

/** Regularised upper incomplete gamma Q(a, x) = 1 − P(a, x), correctly rounded to `p` bits. */
export function gammaQ(a: BigFloat, x: BigFloat, p: Precision): BigFloat {
  const prec = precOf(p);
  check(a, x, 'gammaQ');
  if (x.isZero()) return BigFloat.ONE;
  return ziv(prec, 'gammaQ', (w) => {
    const W = w + 8;
    if (useCF(a, x)) {
      const q = qByCF(a, x, W);
      if (q !== null) return q;
    }
    return bSub(ONE, pBySeries(a, x, W), W);
  });
}

