/**
 * Midpoint–radius ("ball") arithmetic on BigFloat, used internally to carry rigorous error bounds
 * through compositions of operations (J. van der Hoeven, 2009, "Ball arithmetic"; the same idea
 * as F. Johansson's Arb library). A ball {m, r} stands for every real t with |t − m| ≤ 2^r; the
 * radius is kept as a power-of-two exponent (r = −Infinity for an exact value), rounded upward.
 * Every operation rounds its midpoint to the working precision w and adds that error to r.
 */
import { ceilLog2 } from './bits.js';
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

/** Upper bound for log2 of a sum of powers of two 2^e1 + 2^e2 + … */
export function sumExp(...es: number[]): number {
  let mx = -Infinity;
  let n = 0;
  for (const e of es) {
    if (e === -Infinity) continue;
    n++;
    if (e > mx) mx = e;
  }
  return n === 0 ? -Infinity : mx + ceilLog2(n);
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

/** Radius of rounding m (the rounded result) to w bits. */
function rnd(m: BigFloat, w: number): number {
  return m.isZero() ? -Infinity : m.expo() - w;
}

function rounded(m: BigFloat, w: number, r: number): Ball {
  const mm = m.round(w);
  return { m: mm, r: sumExp(r, mm.eq(m) ? -Infinity : rnd(mm, w)) };
}

export function bAdd(a: Ball, b: Ball, w: number): Ball {
  return rounded(a.m.add(b.m), w, sumExp(a.r, b.r));
}

export function bSub(a: Ball, b: Ball, w: number): Ball {
  return rounded(a.m.sub(b.m), w, sumExp(a.r, b.r));
}

export function bNeg(a: Ball): Ball {
  return { m: a.m.neg(), r: a.r };
}

export function bMulPow2(a: Ball, k: number): Ball {
  return { m: a.m.mulPow2(k), r: a.r + k };
}

export function bMul(a: Ball, b: Ball, w: number): Ball {
  const m = a.m.mul(b.m, w);
  return { m, r: sumExp(a.m.expo() + b.r, b.m.expo() + a.r, a.r + b.r, rnd(m, w)) };
}

/** True when the ball certainly excludes 0 with margin (radius < |m|/8). */
export function awayFromZero(a: Ball): boolean {
  return !a.m.isZero() && a.r < a.m.expo() - 4;
}

export function bDiv(a: Ball, b: Ball, w: number): Ball {
  if (!awayFromZero(b)) throw new NeedMorePrecision('divisor ball contains zero');
  const q = a.m.div(b.m, w);
  // |(a+δa)/(b+δb) − a/b| = |δa − (a/b)δb| / |b+δb|, and |b+δb| ≥ 2^(expo(b)−2).
  const rad = sumExp(a.r, (q.isZero() ? -Infinity : q.expo()) + b.r) - b.m.expo() + 2;
  return { m: q, r: sumExp(rad, rnd(q, w)) };
}

export function bSqrt(a: Ball, w: number): Ball {
  if (a.m.isZero() && a.r === -Infinity) return a;
  if (a.m.sign() < 0 || !awayFromZero(a)) throw new NeedMorePrecision('sqrt of a ball reaching zero');
  const s = a.m.sqrt(w);
  // |sqrt(m+δ) − sqrt(m)| ≤ |δ| / sqrt(m), sqrt(m) ≥ 2^((expo(m)−1)/2).
  return { m: s, r: sumExp(a.r - Math.floor((a.m.expo() - 1) / 2), rnd(s, w)) };
}

/** Ball of radius `ulps` units of 2^-scale around the fixed-point integer f · 2^-scale. */
export function fromFixed(f: bigint, scale: number, ulps: number): Ball {
  return { m: BigFloat.of(f, -scale), r: -scale + ceilLog2(ulps) };
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
