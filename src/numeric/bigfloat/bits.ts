/**
 * Bit-level helpers on BigInt mantissas: lengths, trailing zeros, round-to-nearest-even shifts
 * and the integer square root used by BigFloat.
 */

/** Number of bits of |n| (0 for n = 0). */
export function bitLength(n: bigint): number {
  if (n < 0n) n = -n;
  if (n === 0n) return 0;
  if (n < 0x20000000000000n) return bitLength53(Number(n));
  const s = n.toString(16);
  return (s.length - 1) * 4 + (32 - Math.clz32(parseInt(s[0] as string, 16)));
}

function bitLength53(x: number): number {
  // x is a positive integer below 2^53
  let b = 0;
  while (x >= 4294967296) {
    x = Math.floor(x / 4294967296);
    b += 32;
  }
  return b + 32 - Math.clz32(x);
}

/** Number of trailing zero bits of n (0 for n = 0). */
export function trailingZeros(n: bigint): number {
  if (n === 0n) return 0;
  return bitLength(n & -n) - 1;
}

/**
 * round(n / 2^s) with ties to even, for s ≥ 0. When `sticky` is true the caller promises that
 * the true value is strictly larger in magnitude than n · 2^-s·2^s (some nonzero bits were
 * discarded earlier), which breaks ties away from the midpoint.
 */
export function shiftRoundEven(n: bigint, s: number, sticky = false): bigint {
  if (s <= 0) return n << BigInt(-s);
  const neg = n < 0n;
  const a = neg ? -n : n;
  const sb = BigInt(s);
  let q = a >> sb;
  const rem = a - (q << sb);
  const half = 1n << (sb - 1n);
  if (rem > half || (rem === half && (sticky || (q & 1n) === 1n))) q += 1n;
  return neg ? -q : q;
}

/** floor(sqrt(n)) for n ≥ 0, by Newton's (Heron's) iteration started from a double-precision overestimate. */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError('isqrt of a negative integer');
  if (n < 2n) return n;
  const bl = bitLength(n);
  let x: bigint;
  if (bl <= 52) {
    x = BigInt(Math.floor(Math.sqrt(Number(n)))) + 1n;
  } else {
    const sh = (bl - 52) & ~1;
    const top = Number(n >> BigInt(sh));
    x = (BigInt(Math.floor(Math.sqrt(top + 1))) + 1n) << BigInt(sh / 2);
  }
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** Round-to-nearest (ties away from zero) of a / b for b > 0. */
export function roundDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  const r = a - q * b;
  if (2n * (r < 0n ? -r : r) >= b) return a < 0n ? q - 1n : q + 1n;
  return q;
}

/** ceil(log2(n)) for a positive safe integer n (0 for n ≤ 1). */
export function ceilLog2(n: number): number {
  if (n <= 1) return 0;
  return Math.ceil(Math.log2(n));
}
