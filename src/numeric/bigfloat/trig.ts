/**
 * sin, cos and tan. Method: reduction modulo π/2 with π computed to as many bits as the argument
 * has integer bits plus the working precision (Cody and Waite style reduction, done exactly in
 * fixed point); then r ∈ [−π/4, π/4] is divided by 2^s, sin and cos of r/2^s are summed by their
 * Taylor series, and the double-angle formulas sin 2a = 2 sin a cos a, cos 2a = 1 − 2 sin² a are
 * applied s times (R. P. Brent, 1976, "Fast multiple-precision evaluation of elementary
 * functions"). Results carry rigorous ball bounds and are rounded by Ziv's loop.
 */
import { type Ball, ball, bDiv, exact, sumExp } from './ball.js';
import { bitLength, roundDiv } from './bits.js';
import { piFixed } from './constants.js';
import { fixedOf } from './exp.js';
import { BigFloat } from './float.js';
import { precOf, type Precision } from './precision.js';
import { ziv } from './ziv.js';

/** x = k·π/2 + r: returns k mod 4 and r · 2^V with |error| < 2 units. */
export function reduceHalfPi(x: BigFloat, V: number): { q: number; R: bigint } {
  const ex = Math.max(0, x.expo()) + 2;
  const T = V + ex + 1;
  const H = piFixed(T - 1); // π·2^(T−1) = (π/2)·2^T, error < 2 units
  const X = fixedOf(x, T);
  const k = roundDiv(X, H);
  const R = (X - k * H) >> BigInt(ex + 1);
  return { q: Number(((k % 4n) + 4n) % 4n), R };
}

/** sin r and cos r at scale V for |r| ≲ π/4 given as R = r·2^V; each within 8 units. */
export function sinCosFixed(R: bigint, V: number): { S: bigint; C: bigint } {
  const rExp = R === 0n ? -V : bitLength(R) - V;
  const s = Math.max(0, Math.ceil(Math.sqrt(V / 2)) + Math.min(0, rExp));
  const U = V + 2 * s + 8;
  const u = BigInt(U);
  const one = 1n << u;
  const T = R << BigInt(U - V - s); // t = r / 2^s at scale U
  const t2 = (T * T) >> u;
  let S = T;
  let term = T;
  for (let j = 1; term !== 0n; j++) {
    term = -((term * t2) >> u) / BigInt(2 * j * (2 * j + 1));
    S += term;
  }
  let C = one;
  term = one;
  for (let j = 1; term !== 0n; j++) {
    term = -((term * t2) >> u) / BigInt((2 * j - 1) * 2 * j);
    C += term;
  }
  // Each doubling at most quadruples the accumulated error; 2s + 8 guard bits absorb that.
  for (let i = 0; i < s; i++) {
    const S2 = (S * C) >> BigInt(U - 1);
    C = one - ((S * S) >> BigInt(U - 1));
    S = S2;
  }
  const d = BigInt(U - V);
  return { S: S >> d, C: C >> d };
}

/** Working scale for an argument: small |x| gives a result of size |x|, so keep relative accuracy. */
function scaleFor(x: BigFloat, w: number): number {
  return w + 6 + Math.max(0, -x.expo());
}

function sinCosBalls(x: BigFloat, w: number): { sin: Ball; cos: Ball } {
  const V = scaleFor(x, w);
  const { q, R } = reduceHalfPi(x, V);
  const { S, C } = sinCosFixed(R, V);
  // 2 units from the reduction (|d sin/dr| ≤ 1) plus 8 from the kernel: below 2^4 units.
  const s = ball(BigFloat.of(S, -V), -V + 4);
  const c = ball(BigFloat.of(C, -V), -V + 4);
  const ns = ball(s.m.neg(), s.r);
  const nc = ball(c.m.neg(), c.r);
  switch (q) {
    case 0:
      return { sin: s, cos: c };
    case 1:
      return { sin: c, cos: ns };
    case 2:
      return { sin: ns, cos: nc };
    default:
      return { sin: nc, cos: s };
  }
}

export function sinBall(x: BigFloat, w: number): Ball {
  return x.isZero() ? exact(BigFloat.ZERO) : sinCosBalls(x, w).sin;
}

export function cosBall(x: BigFloat, w: number): Ball {
  return x.isZero() ? exact(BigFloat.ONE) : sinCosBalls(x, w).cos;
}

export function tanBall(x: BigFloat, w: number): Ball {
  if (x.isZero()) return exact(BigFloat.ZERO);
  const { sin, cos } = sinCosBalls(x, w);
  return bDiv(sin, cos, w + 4);
}

/** sin of every point of a ball (|sin'| ≤ 1). */
export function sinOfBall(a: Ball, w: number): Ball {
  const s = sinBall(a.m, w);
  return ball(s.m, sumExp(s.r, a.r));
}

/** cos of every point of a ball (|cos'| ≤ 1). */
export function cosOfBall(a: Ball, w: number): Ball {
  const c = cosBall(a.m, w);
  return ball(c.m, sumExp(c.r, a.r));
}

/** sin x correctly rounded to `p` bits. */
export function sin(x: BigFloat, p: Precision): BigFloat {
  const prec = precOf(p);
  if (x.isZero()) return BigFloat.ZERO;
  return ziv(prec, 'sin', (w) => sinBall(x, w));
}

/** cos x correctly rounded to `p` bits. */
export function cos(x: BigFloat, p: Precision): BigFloat {
  const prec = precOf(p);
  if (x.isZero()) return BigFloat.ONE;
  return ziv(prec, 'cos', (w) => cosBall(x, w));
}

/** tan x correctly rounded to `p` bits (x is never exactly an odd multiple of π/2). */
export function tan(x: BigFloat, p: Precision): BigFloat {
  const prec = precOf(p);
  if (x.isZero()) return BigFloat.ZERO;
  return ziv(prec, 'tan', (w) => tanBall(x, w));
}
