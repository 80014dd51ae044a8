/**
 * The arithmetic exact elimination runs in: rational numbers fold in the expression constructors; radical
 * constants take their canonical form (√2·√3 = √6); entries with symbols are brought to lowest terms by
 * `cancel`. Whether an entry is zero is decided by the CAS's zero test (src/simplify/zero.ts), exactly where
 * it can be and at high precision otherwise, so 48√2√3 − 48√6 and sin²x + cos²x − 1 are zeros.
 * Zero tests on symbolic entries are generic: a pivot such as `a` is taken to be non-zero.
 */
import { type Expr, ZERO, isNum } from '../../ast/expr.js';
import { substitute } from '../../ast/walk.js';
import { cancel } from '../../simplify/index.js';
import { canonicalRadical } from '../../simplify/radicals.js';
import { isZero } from '../../simplify/zero.js';

const exactNumber = (e: Expr): boolean => isNum(e);

/** A canonical form of an entry: numbers stay as they are, radical constants are canonical, anything else is cancelled; zeros are 0. */
export function normal(e: Expr): Expr {
  if (exactNumber(e) || e.kind === 'float' || e.kind === 'sym') return e;
  const r = canonicalRadical(e) ?? cancel(e);
  if (r === ZERO || isNum(r)) return r;
  return isZero(r) ? ZERO : r;
}

export const isZeroEntry = (e: Expr): boolean => normal(e) === ZERO;

/** True when every entry is a rational number (the fast, purely numeric paths apply). */
export const allRational = (m: readonly (readonly Expr[])[]): boolean => m.every((r) => r.every(exactNumber));

/** `e` with every occurrence of `from` replaced by `to`, sharing work across the DAG. */
export function replaceIn(e: Expr, from: Expr, to: Expr): Expr {
  return substitute(e, new Map([[from, to]]));
}
