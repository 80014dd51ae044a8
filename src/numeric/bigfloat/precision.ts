/**
 * Precision handling: every BigFloat operation that rounds takes either a number of bits or a
 * small context object `{ prec }` (bits). Helpers convert between decimal digits and bits.
 */
import { BigFloatRangeError } from './errors.js';

/** A precision context: `prec` is the number of significant bits of results. */
export interface BigFloatContext {
  readonly prec: number;
}

/** Bits, or a context carrying them. */
export type Precision = number | BigFloatContext;

/** Largest accepted precision in bits (about 3 million decimal digits). */
export const MAX_PREC = 10_000_000;

const LOG2_10 = Math.log2(10);

/** Bits needed so that `digits` significant decimal digits are determined: ceil(digits·log2 10) + 1. */
export function digitsToBits(digits: number): number {
  if (!Number.isInteger(digits) || digits < 1) {
    throw new BigFloatRangeError(`number of digits must be a positive integer, got ${digits}`);
  }
  return Math.ceil(digits * LOG2_10) + 1;
}

/** Decimal digits represented by `bits` bits: floor(bits·log10 2). */
export function bitsToDigits(bits: number): number {
  return Math.max(1, Math.floor(bits / LOG2_10));
}

/** Build a context from decimal digits (`{ digits }`) or bits (`{ bits }`). */
export function context(spec: { digits: number } | { bits: number }): BigFloatContext {
  if ('digits' in spec) return { prec: digitsToBits(spec.digits) };
  return { prec: precOf(spec.bits) };
}

/** Validate a precision and return it in bits. */
export function precOf(p: Precision): number {
  const bits = typeof p === 'number' ? p : p.prec;
  if (!Number.isInteger(bits) || bits < 2 || bits > MAX_PREC) {
    throw new BigFloatRangeError(`precision must be an integer number of bits in [2, ${MAX_PREC}], got ${bits}`);
  }
  return bits;
}
