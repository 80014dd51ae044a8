/**
 * `N(e, digits?)`: numeric values for every closed subexpression (no free symbols), leaving symbols alone,
 * as SymPy's `N` does: `N(x + pi)` is `x + 3.141592653589793`. With `digits`, values are rounded to that many
 * significant digits.
 */
import { type Expr, DOUBLE_DIGITS, children, float, withChildren, list } from '../ast/expr.js';
import { bigDigits } from './n-big.js';
import { nodes } from '../ast/walk.js';
import { CONSTANTS, lookupFunction } from '../ast/ops.js';
import { evaluate } from './evaluate.js';
import { EvalError } from './errors.js';

/** Symbols that are not constants, in first-seen order. */
export function freeSymbols(e: Expr): string[] {
  const out = new Set<string>();
  for (const x of nodes(e)) if (x.kind === 'sym' && !CONSTANTS.has(x.name)) out.add(x.name);
  return [...out];
}

function isClosed(e: Expr, memo: Map<Expr, boolean>): boolean {
  const hit = memo.get(e);
  if (hit !== undefined) return hit;
  let v: boolean;
  switch (e.kind) {
    case 'sym': v = CONSTANTS.has(e.name) && e.name !== 'i'; break;
    case 'num': case 'float': v = true; break;
    case 'call': v = lookupFunction(e.fn) !== undefined && e.args.every((a) => isClosed(a, memo)); break;
    case 'list': case 'rel': case 'define': v = false; break;
    default: v = children(e).every((a) => isClosed(a, memo));
  }
  memo.set(e, v);
  return v;
}

export function N(e: Expr, digits?: number): Expr {
  if (digits !== undefined && (!Number.isInteger(digits) || digits < 1)) {
    throw new EvalError(`N(e, digits) takes a positive whole number of digits, got ${digits}`);
  }
  const round = (v: number): number => (digits === undefined ? v : Number(v.toPrecision(digits)));
  const memo = new Map<Expr, boolean>();
  const value = (x: Expr): Expr => {
    if (digits === undefined || digits <= DOUBLE_DIGITS) return float(round(evaluate(x)));
    const s = bigDigits(x, digits);
    return float(Number(s), s);
  };
  const go = (x: Expr): Expr => {
    if (isClosed(x, memo)) return value(x);
    if (x.kind === 'list') return list(x.items.map(go));
    const kids = children(x);
    return kids.length === 0 ? x : withChildren(x, kids.map(go));
  };
  return go(e);
}
