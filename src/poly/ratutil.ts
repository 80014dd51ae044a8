/**
 * Small helpers on top of the core rational type (`src/ast/rational.ts`): coercion, sign,
 * powers, printing, and the content (gcd) of a list of rationals.
 */
import { type Rational, rat, bgcd, babs, rmul, rdiv, ONE, ZERO } from '../ast/rational.js';

export type Coef = Rational | bigint | number;

/** Coerce an integer number, a bigint or a rational to a rational. Non-integer numbers are refused. */
export function toRat(c: Coef): Rational {
  if (typeof c === 'bigint') return [c, 1n];
  if (typeof c === 'number') {
    if (!Number.isSafeInteger(c)) {
      throw new RangeError(`polynomial coefficient ${c} is not a safe integer; pass a Rational [num, den] instead`);
    }
    return [BigInt(c), 1n];
  }
  return rat(c[0], c[1]);
}

export const risZero = (a: Rational): boolean => a[0] === 0n;
export const risOne = (a: Rational): boolean => a[0] === 1n && a[1] === 1n;
export const rsign = (a: Rational): number => (a[0] < 0n ? -1 : a[0] > 0n ? 1 : 0);
export const rabs = (a: Rational): Rational => (a[0] < 0n ? [-a[0], a[1]] : a);
export const rinv = (a: Rational): Rational => rdiv(ONE, a);
export const req = (a: Rational, b: Rational): boolean => a[0] === b[0] && a[1] === b[1];

export function rpow(a: Rational, k: number): Rational {
  if (k < 0) return rpow(rinv(a), -k);
  return [a[0] ** BigInt(k), a[1] ** BigInt(k)];
}

export function blcm(a: bigint, b: bigint): bigint {
  if (a === 0n || b === 0n) return 0n;
  return babs((a / bgcd(a, b)) * b);
}

/**
 * The non-negative rational g with every element an integer multiple of g and the quotients
 * coprime: gcd of the numerators over lcm of the denominators. Zero for an empty or all-zero list.
 */
export function rcontent(xs: Iterable<Rational>): Rational {
  let n = 0n;
  let d = 1n;
  for (const x of xs) {
    if (x[0] === 0n) continue;
    n = bgcd(n, x[0]);
    d = blcm(d, x[1]);
  }
  return n === 0n ? ZERO : rat(n, d);
}

export function rtoString(a: Rational): string {
  return a[1] === 1n ? a[0].toString() : `${a[0]}/${a[1]}`;
}

export { rmul, rdiv };
