/** Building `Found` records. */
import { type Expr, type Sym, call } from '../ast/expr.js';
import type { Found } from './types.js';

export const integral = (f: Expr, x: Sym): Expr => call('integrate', [f, x]);

export function leaf(rule: string, f: Expr, x: Sym, value: Expr, bindings: [string, Expr][] = []): Found {
  return { rule, before: integral(f, x), mid: value, value, kids: [], bindings: new Map(bindings) };
}

export function node(
  rule: string, f: Expr, x: Sym, mid: Expr, value: Expr, kids: Found[], bindings: [string, Expr][] = [], back?: Expr,
): Found {
  return { rule, before: integral(f, x), mid, value, kids, bindings: new Map(bindings), back };
}
