/**
 * Midpoint–radius ("ball") arithmetic on BigFloat, used internally to carry rigorous error bounds
 * through compositions of operations (J. van der Hoeven, 2009, "Ball arithmetic"; the same idea
 * as F. Johansson's Arb library). A ball {m, r} stands for every real t with |t − m| ≤ 2^r; the
 * radius is kept as a base-2 logarithm (r = −Infinity for an exact value), rounded upward.
 * Every operation rounds its midpoint to the working precision w and adds that error to r.
 */
import { bitLength } from './bits.js';
import { BigFloat } from './float.js';

export interface Ball {
  readonly m: BigFloat;
  readonly r: number;
}

/**
 * Thrown by a ball operation whose result would be meaningless at the current working precision
 * (dividing by a ball containing 0, log of a ball reaching 0). The Ziv loop catches it and retries
 * at higher precision.
 */
export class NeedMorePrecision extends Error {
  constructor(what: string) {
    super(`not enough working precision: ${what}`);
    this.name = 'NeedMorePrecision';
  }
}

/**
 * Upper bound for log2(2^e1 + 2^e2 + …). Radii are real-valued log2 bounds (rounded upward by a
 * tiny margin), so long chains of operations lose only about log2(n) bits rather than n.
 */
export function sumExp(...es: number[]): number {
  let mx = -Infinity;
  for (const e of es) if (e > mx) mx = e;
  if (mx === -Infinity) return -Infinity;
  let s = 0;
  for (const e of es) if (e !== -Infinity) s += 2 ** (e - mx);
  return mx + Math.log2(s) * (1 + 1e-12) + 1e-9;
}

/** log2|m| of a nonzero BigFloat, from its top 53 bits (callers add a safety margin). */
function log2Abs(m: BigFloat): number {
  const bl = bitLength(m.man);
  const sh = Math.max(0, bl - 53);
  return Math.log2(Math.abs(Number(m.man >> BigInt(sh)))) + sh + m.exp;
}

/** Upper bound for log2|m| (−Infinity for 0). */
export function lgUp(m: BigFloat): number {
  if (m.isZero()) return -Infinity;
  const l = log2Abs(m);
  return l + 1e-9 + Math.abs(l) * 1e-14;
}

/** Lower bound for log2|m| (m ≠ 0). */
function lgLow(m: BigFloat): number {
  const l = log2Abs(m);
  return l - 1e-9 - Math.abs(l) * 1e-14;
}

export function exact(m: BigFloat): Ball {
  return { m, r: -Infinity };
}

export function ball(m: BigFloat, r: number): Ball {
  return { m, r };
}

/** Upper bound E with |t| < 2^E for every t in the ball. */
export function magExp(a: Ball): number {
  return sumExp(a.m.expo(), a.r);
}

/** Radius of rounding to w bits (half an ulp), given the rounded result m. */
function rnd(m: BigFloat, w: number): number {
  return m.isZero() ? -Infinity : m.expo() - w - 1;
}

function rounded(m: BigFloat, w: number, r: number): Ball {
  const mm = m.round(w);
  return { m: mm, r: sumExp(r, mm.eq(m) ? -Infinity : rnd(mm, w)) };
}

/** True when the exact sum of x and y would need far more than w bits (their exponents lie far apart). */
function farApart(x: BigFloat, y: BigFloat, w: number): boolean {
  if (x.isZero() || y.isZero()) return false;
  return Math.abs(x.expo() - y.expo()) > w + 64 || Math.abs(x.exp - y.exp) > 4 * w + 4096;
}

export function bAdd(a: Ball, b: Ball, w: number): Ball {
  if (farApart(a.m, b.m, w)) {
    // Rounded directly (the exact sum could have billions of bits); charge one rounding error.
    const mm = a.m.add(b.m, w);
    return { m: mm, r: sumExp(a.r, b.r, rnd(mm, w)) };
  }
  return rounded(a.m.add(b.m), w, sumExp(a.r, b.r));
}

export function bSub(a: Ball, b: Ball, w: number): Ball {
  return bAdd(a, bNeg(b), w);
}

export function bNeg(a: Ball): Ball {
  return { m: a.m.neg(), r: a.r };
}

export function bMulPow2(a: Ball, k: number): Ball {
  return { m: a.m.mulPow2(k), r: a.r + k };
}

export function bMul(a: Ball, b: Ball, w: number): Ball {
  const m = a.m.mul(b.m, w);
  return { m, r: sumExp(lgUp(a.m) + b.r, lgUp(b.m) + a.r, a.r + b.r, rnd(m, w)) };
}

/** True when the ball certainly excludes 0 with margin (radius < |m|/8). */
export function awayFromZero(a: Ball): boolean {
  return !a.m.isZero() && a.r < a.m.expo() - 4;
}

export function bDiv(a: Ball, b: Ball, w: number): Ball {
  if (!awayFromZero(b)) throw new NeedMorePrecision('divisor ball contains zero');
  const q = a.m.div(b.m, w);
  // |(a+δa)/(b+δb) − a/b| = |δa − (a/b)δb| / |b+δb|, with |b+δb| ≥ |b| − 2^rb and |a/b| ≤ |q|(1 + 2^-w).
  const lb = lgLow(b.m);
  const den = b.r === -Infinity ? lb : lb + Math.log2(1 - 2 ** (b.r - lb));
  const rad = sumExp(a.r, lgUp(q) + Math.log2(1 + 2 ** -w) + b.r) - den;
  return { m: q, r: sumExp(rad, rnd(q, w)) };
}

export function bSqrt(a: Ball, w: number): Ball {
  if (a.m.isZero() && a.r === -Infinity) return a;
  if (a.m.sign() < 0 || !awayFromZero(a)) throw new NeedMorePrecision('sqrt of a ball reaching zero');
  const s = a.m.sqrt(w);
  // |sqrt(m+δ) − sqrt(m)| ≤ |δ| / sqrt(m).
  return { m: s, r: sumExp(a.r - lgLow(a.m) / 2, rnd(s, w)) };
}

/** Ball of radius `ulps` units of 2^-scale around the fixed-point integer f · 2^-scale. */
export function fromFixed(f: bigint, scale: number, ulps: number): Ball {
  return { m: BigFloat.of(f, -scale), r: -scale + Math.log2(ulps) + 1e-9 };
}

/** Fixed-point image of a ball: an integer F with |t·2^scale − F| ≤ err for the ball's t. */
export function toFixed(a: Ball, scale: number): { f: bigint; errUlps: number } {
  const m = a.m;
  const sh = m.exp + scale;
  let f: bigint;
  let err = a.r === -Infinity ? 0 : 2 ** Math.min(a.r + scale, 1000);
  if (sh >= 0) f = m.man << BigInt(sh);
  else {
    const s = BigInt(-sh);
    f = m.man >> s; // floor
    err += 1;
  }
  return { f, errUlps: err };
}
