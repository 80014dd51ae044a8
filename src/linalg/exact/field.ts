/**
 * The arithmetic exact elimination runs in: rational numbers fold in the expression constructors; entries
 * with symbols are brought to lowest terms by `cancel` so that a zero is recognised as the literal 0.
 * Zero tests on symbolic entries are generic: a pivot such as `a` is taken to be non-zero.
 */
import { type Expr, ZERO, children, isNum, withChildren } from '../../ast/expr.js';
import { substitute } from '../../ast/walk.js';
import { cancel } from '../../simplify/index.js';

const exactNumber = (e: Expr): boolean => isNum(e);

/** A canonical form of an entry: numbers stay as they are, anything else is cancelled (numerator/denominator expanded). */
export function normal(e: Expr): Expr {
  if (exactNumber(e) || e.kind === 'float' || e.kind === 'sym') return e;
  return cancel(e);
}

export const isZeroEntry = (e: Expr): boolean => normal(e) === ZERO;

/** True when every entry is a rational number (the fast, purely numeric paths apply). */
export const allRational = (m: readonly (readonly Expr[])[]): boolean => m.every((r) => r.every(exactNumber));

/** `e` with every occurrence of `from` replaced by `to`, sharing work across the DAG. */
export function replaceIn(e: Expr, from: Expr, to: Expr): Expr {
  return substitute(e, new Map([[from, to]]));
}
