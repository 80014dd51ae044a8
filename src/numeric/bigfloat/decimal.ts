/**
 * Exact conversions between binary mantissa/exponent pairs (m · 2^e) and decimal text.
 * Formatting is correctly rounded (ties to even) because it works with exact rational
 * arithmetic on BigInt: the decimal significand is round(|m · 2^e| · 10^k) for a chosen k.
 */
import { bitLength } from './bits.js';
import { BigFloatRangeError, BigFloatSyntaxError } from './errors.js';
import { roundScaledFar } from './decimal-far.js';

const LOG10_2 = Math.log10(2);

/** round(num / den) with ties to even, for num ≥ 0 and den > 0. */
export function roundRationalEven(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r2 = 2n * (num - q * den);
  if (r2 > den || (r2 === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

const pow10Cache = new Map<number, bigint>();
/** 10^k as a BigInt (k ≥ 0), cached for small k. */
export function pow10(k: number): bigint {
  if (k < 64) {
    let v = pow10Cache.get(k);
    if (v === undefined) {
      v = 10n ** BigInt(k);
      pow10Cache.set(k, v);
    }
    return v;
  }
  return 10n ** BigInt(k);
}

/** |m · 2^e| · 10^k as an exact fraction num/den. */
function scaled(a: bigint, exp: number, k: number): [bigint, bigint] {
  let num = a;
  let den = 1n;
  if (exp >= 0) num <<= BigInt(exp);
  else den <<= BigInt(-exp);
  if (k >= 0) num *= pow10(k);
  else den *= pow10(-k);
  return [num, den];
}

/** Decimal significand: value ≈ (-1)^neg · d1.d2d3… × 10^exp10, with exactly `digits` digits. */
export interface DecimalDigits {
  neg: boolean;
  digits: string;
  exp10: number;
}

/** Correctly rounded `digits`-digit decimal significand of m · 2^e (m ≠ 0). */
export function toDecimalDigits(man: bigint, exp: number, digits: number): DecimalDigits {
  const neg = man < 0n;
  const a = neg ? -man : man;
  const bl = bitLength(a);
  const sh = Math.max(0, bl - 53);
  const top = Number(a >> BigInt(sh));
  let e10 = Math.floor(Math.log10(top) + (sh + exp) * LOG10_2);
  const hi = pow10(digits);
  const lo = pow10(digits - 1);
  // Past this many bits of scaling the exact fraction is too large to build: work with rigorous bounds instead.
  const far = Math.abs(exp) > 65_536 || Math.abs(digits - 1 - e10) > 20_000;
  for (;;) {
    const k = digits - 1 - e10;
    let n: bigint | null = null;
    if (far) {
      for (let w = Math.ceil(digits * 3.33) + bl + 96; n === null; w *= 2) {
        if (w > 64 * (digits * 4 + bl + 96)) throw new BigFloatRangeError('decimal conversion: rounding undecided');
        n = roundScaledFar(a, exp, k, w);
      }
    } else {
      const [num, den] = scaled(a, exp, k);
      n = roundRationalEven(num, den);
    }
    if (n >= hi) e10++;
    else if (n < lo) e10--;
    else return { neg, digits: n.toString(), exp10: e10 };
  }
}

/** Render a significand like Number.prototype.toPrecision: exponential when exp10 < -6 or exp10 ≥ digits. */
export function formatDecimal(d: DecimalDigits, trimZeros: boolean): string {
  const sign = d.neg ? '-' : '';
  let s = d.digits;
  const e = d.exp10;
  if (e < -6 || e >= s.length) {
    let frac = s.slice(1);
    if (trimZeros) frac = frac.replace(/0+$/, '');
    return `${sign}${s[0]}${frac ? '.' + frac : ''}e${e >= 0 ? '+' : '-'}${Math.abs(e)}`;
  }
  if (e < 0) s = '0'.repeat(-e) + s;
  const point = Math.max(e, 0) + 1;
  let intPart = s.slice(0, point);
  let frac = s.slice(point);
  if (trimZeros) frac = frac.replace(/0+$/, '');
  if (intPart === '') intPart = '0';
  return `${sign}${intPart}${frac ? '.' + frac : ''}`;
}

/** Fixed-point text with `places` digits after the point, correctly rounded (ties to even). */
export function formatFixed(man: bigint, exp: number, places: number): string {
  if (!Number.isInteger(places) || places < 0 || places > 1_000_000) {
    throw new BigFloatRangeError(`toFixed needs an integer number of places in [0, 1e6], got ${places}`);
  }
  const neg = man < 0n;
  const [num, den] = scaled(neg ? -man : man, exp, places);
  const n = roundRationalEven(num, den);
  let s = n.toString();
  if (places > 0) {
    s = s.padStart(places + 1, '0');
    s = `${s.slice(0, s.length - places)}.${s.slice(s.length - places)}`;
  }
  return (neg && n !== 0n ? '-' : '') + s;
}

const DECIMAL_RE = /^([+-])?(\d+(?:_\d+)*)?(?:\.(\d+(?:_\d+)*)?)?(?:[eE]([+-]?\d+))?$/;

/** Largest accepted |decimal exponent| in text. */
const MAX_EXP10 = 100_000_000;

/** Parse decimal text such as "-1.2345e-30" into an exact fraction num/den (den > 0). */
export function parseDecimal(text: string): { num: bigint; den: bigint } {
  const t = text.trim();
  const m = DECIMAL_RE.exec(t);
  if (m === null || (m[2] === undefined && m[3] === undefined)) {
    throw new BigFloatSyntaxError(`not a decimal number: "${text}"`);
  }
  const intDigits = (m[2] ?? '').replace(/_/g, '');
  const fracDigits = (m[3] ?? '').replace(/_/g, '');
  const e = m[4] === undefined ? 0 : Number(m[4]);
  if (!Number.isSafeInteger(e) || Math.abs(e) > MAX_EXP10) {
    throw new BigFloatRangeError(`decimal exponent out of range in "${text}"`);
  }
  let num = BigInt((intDigits + fracDigits) || '0');
  if (m[1] === '-') num = -num;
  const e10 = e - fracDigits.length;
  if (e10 >= 0) return { num: num * pow10(e10), den: 1n };
  return { num, den: pow10(-e10) };
}
