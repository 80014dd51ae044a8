/**
 * Decimal digits of m · 2^e when the binary exponent is far from 0 (|e| in the millions or billions):
 * the exact fraction |m · 2^e| · 10^k would need as many bits as the exponent, so the scaled value is
 * computed with a few more bits than the digits asked for, with a rigorous bound on its relative error,
 * and rounded only when that bound decides the rounding (otherwise with more bits).
 */
import { bitLength } from './bits.js';

/** 5^k (k ≥ 0) truncated to about w bits: man · 2^exp with relative error below (2k + 2·bits(k) + 2) · 2^(1−w). */
function pow5Approx(k: number, w: number): { man: bigint; exp: number } {
  const cut = (m: bigint, e: number): { man: bigint; exp: number } => {
    const s = bitLength(m) - w;
    return s > 0 ? { man: m >> BigInt(s), exp: e + s } : { man: m, exp: e };
  };
  let r = { man: 1n, exp: 0 };
  let sq = { man: 5n, exp: 0 };
  for (let n = k; n > 0; n = Math.floor(n / 2)) {
    if (n % 2 === 1) r = cut(r.man * sq.man, r.exp + sq.exp);
    if (n > 1) sq = cut(sq.man * sq.man, 2 * sq.exp);
  }
  return r;
}

/**
 * round(|a · 2^exp| · 10^k) with ties to even, for a > 0, or null when `w` working bits cannot decide
 * the rounding (the caller then asks again with more bits).
 */
export function roundScaledFar(a: bigint, exp: number, k: number, w: number): bigint | null {
  // |a·2^exp|·10^k = a · 5^k · 2^(exp + k).
  const p = pow5Approx(Math.abs(k), w);
  const n = Math.abs(k);
  const relLog2 = Math.log2(2 * n + 2 * bitLength(BigInt(n)) + 4) + 2 - w; // bound on the relative error, log2
  let man: bigint;
  let e: number;
  if (k >= 0) {
    man = a * p.man;
    e = exp + k + p.exp;
  } else {
    // a / 5^n: a quotient with w + bits(a) bits, one more unit of error.
    const s = w + bitLength(p.man);
    man = (a << BigInt(s)) / p.man;
    e = exp + k - s - p.exp;
  }
  if (e >= 0) return null; // the value is an integer far larger than the digits asked for: not this path's case
  const F = -e; // fractional bits of man
  const errShift = Math.floor(-relLog2);
  const err = (errShift > 0 ? man >> BigInt(errShift) : man) + 4n;
  const int = man >> BigInt(F);
  const frac = man - (int << BigInt(F));
  const half = 1n << BigInt(F - 1);
  if (err * 4n >= half * 2n) return null;
  const dist = frac > half ? frac - half : half - frac;
  if (dist <= err) return null;
  return frac > half ? int + 1n : int;
}
