/**
 * Mathematical constants to any precision, cached in fixed point:
 *  - π by the Chudnovsky series (D. V. and G. V. Chudnovsky, 1988, "Approximations and complex
 *    multiplication according to Ramanujan"), ≈ 47.11 bits per term, summed by binary splitting;
 *  - ln 2 by the Machin-like formula ln 2 = 18·atanh(1/26) − 2·atanh(1/4801) + 8·atanh(1/8749),
 *    each arctanh series summed by binary splitting;
 *  - e = Σ 1/k! by binary splitting.
 * The public functions return values correctly rounded to the requested precision.
 */
import { fromFixed } from './ball.js';
import { isqrt } from './bits.js';
import { seriesFixed } from './binsplit.js';
import { BigFloat } from './float.js';
import { precOf, type Precision } from './precision.js';
import { ziv } from './ziv.js';

interface Cached {
  scale: number;
  value: bigint;
}

/** A fixed-point constant with |error| < 2 units at any requested scale, recomputed when more bits are needed. */
function cachedConstant(compute: (scale: number) => bigint): (scale: number) => bigint {
  let cache: Cached | null = null;
  return (scale: number): bigint => {
    if (cache === null || cache.scale < scale + 8) {
      const s = Math.max(scale + 32, cache === null ? 0 : Math.ceil(cache.scale * 1.5));
      cache = { scale: s, value: compute(s) };
    }
    // error ≤ 2 units at cache.scale ≥ scale + 8, so after the floor shift it is < 2 units.
    return cache.value >> BigInt(cache.scale - scale);
  };
}

/** π · 2^scale, |error| < 2. */
export const piFixed = cachedConstant((scale) => {
  const C3_24 = 10939058860032000n; // 640320³ / 24
  const terms = Math.ceil(scale / 47.11) + 2;
  const g = scale + 16;
  const s = seriesFixed(
    {
      p: (k) => (k === 0 ? 1n : -BigInt(6 * k - 5) * BigInt(2 * k - 1) * BigInt(6 * k - 1)),
      q: (k) => (k === 0 ? 1n : BigInt(k) ** 3n * C3_24),
      a: (k) => 13591409n + 545140134n * BigInt(k),
    },
    terms,
    g,
  );
  // π = 426880·√10005 / S
  const sqrt10005 = isqrt(10005n << BigInt(2 * g));
  return ((426880n * sqrt10005) << BigInt(g)) / s >> 16n;
});

/** atanh(1/x) · 2^scale (error < 1 unit) by binary splitting of Σ 1/((2k+1)·x^(2k+1)). */
export function atanhInvFixed(x: bigint, scale: number): bigint {
  const bitsPerTerm = 2 * Math.log2(Number(x));
  const terms = Math.ceil(scale / bitsPerTerm) + 2;
  return seriesFixed(
    { p: () => 1n, q: (k) => (k === 0 ? x : x * x), b: (k) => BigInt(2 * k + 1) },
    terms,
    scale,
  );
}

/** ln 2 · 2^scale, |error| < 2. */
export const ln2Fixed = cachedConstant((scale) => {
  const g = scale + 8;
  const v = 18n * atanhInvFixed(26n, g) - 2n * atanhInvFixed(4801n, g) + 8n * atanhInvFixed(8749n, g);
  return v >> 8n;
});

/** e · 2^scale, |error| < 2. */
export const eFixed = cachedConstant((scale) => {
  // number of terms n with n! > 2^(scale+8)
  let n = 1;
  let lg = 0;
  while (lg < scale + 8) lg += Math.log2(++n);
  return seriesFixed({ p: () => 1n, q: (k) => (k === 0 ? 1n : BigInt(k)) }, n + 2, scale + 4) >> 4n;
});

/** π correctly rounded to `p` bits. */
export function pi(p: Precision): BigFloat {
  return ziv(precOf(p), 'pi', (w) => fromFixed(piFixed(w), w, 2));
}

/** ln 2 correctly rounded to `p` bits. */
export function ln2(p: Precision): BigFloat {
  return ziv(precOf(p), 'ln2', (w) => fromFixed(ln2Fixed(w), w, 2));
}

/** Euler's number e correctly rounded to `p` bits. */
export function e(p: Precision): BigFloat {
  return ziv(precOf(p), 'e', (w) => fromFixed(eFixed(w), w, 2));
}
