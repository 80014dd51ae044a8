/**
 * Folding number literals whose value a double cannot hold. A decimal literal such as `1e400` or `3.3e-434295`
 * keeps its text (see `float`); sums and products that involve one, or whose double result overflows or
 * underflows although no operand is zero, are computed in arbitrary-precision binary floating point with as many
 * digits as the most precise operand (at least 17), so `1e-400 * 1e300` is `1e-100`, not `0.0`.
 */
import { BigFloat } from '../numeric/bigfloat/float.js';

/** A number literal, as the fold sees it: an exact rational, or a double with its decimal text when it has one. */
export type FoldOperand =
  | { readonly kind: 'num'; readonly value: readonly [bigint, bigint] }
  | { readonly kind: 'float'; readonly value: number; readonly decimal?: string };

const significant = (d: string): number =>
  d.replace(/^[-+]/, '').replace(/[eE].*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;

/** Digits the fold keeps: those of the most precise decimal operand, and never fewer than a double's 17. */
function digitsOf(xs: readonly FoldOperand[]): number {
  let d = 17;
  for (const x of xs) if (x.kind === 'float' && x.decimal !== undefined) d = Math.max(d, significant(x.decimal));
  return Math.min(d, 10_000);
}

function toBig(x: FoldOperand, bits: number): BigFloat {
  if (x.kind === 'num') return BigFloat.fromRational(x.value[0], x.value[1], bits);
  if (x.decimal !== undefined) return BigFloat.fromString(x.decimal, bits);
  // The shortest decimal that reads back as the double: 1e300 stands for 10^300, not for its binary neighbour.
  return BigFloat.fromString(String(x.value), bits);
}

/** The sum or product of the operands as decimal text with the fold's digits (trailing zeros trimmed). */
export function foldWide(op: 'add' | 'mul', xs: readonly FoldOperand[]): { value: number; decimal: string } {
  const digits = digitsOf(xs);
  const bits = Math.ceil(digits * 3.3219280948873626) + 16;
  let acc = op === 'add' ? BigFloat.ZERO : BigFloat.ONE;
  for (const x of xs) acc = op === 'add' ? acc.add(toBig(x, bits), bits) : acc.mul(toBig(x, bits), bits);
  const text = trim(acc.toString(digits));
  return { value: Number(text), decimal: text };
}

/** `1.2300e+5` → `1.23e+5`; `4.000` → `4.0`. */
function trim(s: string): string {
  const m = /^(-?\d+)(?:\.(\d*?))?0*((?:e[-+]\d+)?)$/.exec(s);
  if (m === null) return s;
  return `${m[1]}.${m[2] === '' || m[2] === undefined ? '0' : m[2]}${m[3]}`;
}

/** True when a double result lost the magnitude of a finite nonzero exact value: overflow, or underflow below the normal range. */
export function doubleLost(v: number, anyZero: boolean): boolean {
  if (!Number.isFinite(v)) return true;
  return !anyZero && Math.abs(v) < 2.2250738585072014e-308;
}
