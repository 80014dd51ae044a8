/**
 * Exact rationals over BigInt. A rational is a pair `[num, den]` in lowest terms with `den > 0`.
 * Plain tuples keep these cheap to create; the expression layer wraps them in interned nodes.
 */
export type Rational = readonly [num: bigint, den: bigint];

export function babs(a: bigint): bigint {
  return a < 0n ? -a : a;
}

export function bgcd(a: bigint, b: bigint): bigint {
  a = babs(a);
  b = babs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Lowest terms with a positive denominator. Throws on a zero denominator. */
export function rat(num: bigint, den: bigint = 1n): Rational {
  if (den === 0n) throw new RangeError('division by zero');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  if (den === 1n) return [num, 1n];
  const g = bgcd(num, den);
  return g === 1n ? [num, den] : [num / g, den / g];
}

export const ZERO: Rational = [0n, 1n];
export const ONE: Rational = [1n, 1n];

export const radd = (a: Rational, b: Rational): Rational =>
  a[1] === b[1] ? rat(a[0] + b[0], a[1]) : rat(a[0] * b[1] + b[0] * a[1], a[1] * b[1]);
export const rsub = (a: Rational, b: Rational): Rational => radd(a, [-b[0], b[1]]);
export const rmul = (a: Rational, b: Rational): Rational => rat(a[0] * b[0], a[1] * b[1]);
export const rdiv = (a: Rational, b: Rational): Rational => rat(a[0] * b[1], a[1] * b[0]);
export const rneg = (a: Rational): Rational => [-a[0], a[1]];
export const rcmp = (a: Rational, b: Rational): number => {
  const d = a[0] * b[1] - b[0] * a[1];
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};
export const risInt = (a: Rational): boolean => a[1] === 1n;

/** Nearest double to num/den (exact division for huge operands, not num→double then den→double). */
export function rtoNumber(a: Rational): number {
  const [n, d] = a;
  if (d === 1n) return Number(n);
  const an = babs(n);
  const fast = Number(an) / Number(d);
  if (Number.isFinite(fast) && an < 2n ** 53n && d < 2n ** 53n) return n < 0n ? -fast : fast;
  // Scale so the quotient carries 64 significant bits, then let Number() round once.
  const shift = BigInt(d.toString(2).length - an.toString(2).length + 64);
  const q = shift >= 0n ? (an << shift) / d : an / (d << -shift);
  const v = Number(q) * 2 ** -Number(shift);
  return n < 0n ? -v : v;
}

/** Exact rational value of a finite double. */
export function rfromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`${x} is not a finite number`);
  if (Number.isInteger(x)) return [BigInt(x), 1n];
  let den = 1n;
  let v = x;
  while (!Number.isInteger(v)) {
    v *= 2;
    den *= 2n;
  }
  return rat(BigInt(v), den);
}

/** Bit length of |n|, used to refuse results too large to build. */
export function bitLength(n: bigint): number {
  if (n === 0n) return 0;
  const hex = babs(n).toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0]!, 16)));
}

/** Integer k-th root if exact, else undefined (n ≥ 0). */
export function iroot(n: bigint, k: bigint): bigint | undefined {
  if (n < 0n) return undefined;
  if (n < 2n) return n;
  const kn = Number(k);
  let x: bigint;
  if (bitLength(n) <= 1000) x = BigInt(Math.floor(Math.pow(Number(n), 1 / kn)));
  else {
    // Newton from a power-of-two overestimate for numbers beyond double range.
    x = 1n << BigInt(Math.ceil(bitLength(n) / kn) + 1);
    for (;;) {
      const y = ((k - 1n) * x + n / x ** (k - 1n)) / k;
      if (y >= x) break;
      x = y;
    }
  }
  for (const c of [x - 1n, x, x + 1n]) if (c >= 0n && c ** k === n) return c;
  return undefined;
}
