/** What every method of `solve` shares: the unknown, the integer symbol of periodic families, assumptions. */
import { type Expr, type Sym, ZERO, add, neg, sym } from '../ast/expr.js';
import { freeSymbols } from '../eval/n.js';
import { evaluateExact } from '../eval/exact.js';
import { simplify, Assumptions } from '../simplify/index.js';

export interface Context {
  readonly x: Sym;
  /** The integer that numbers the members of a periodic family. */
  readonly k: Sym;
  readonly assume: Assumptions;
  /** Symbols other than x and k (parameters), in a fixed order. */
  readonly params: readonly string[];
  depth: number;
}

/** A condition on the parameters under which a value is a solution, as a relation (`1/p - 1 > 0`). */
export type Cond = Expr;

/** A candidate solution: a value (possibly with k) and the conditions found on the way. */
export interface Branch {
  readonly value: Expr;
  readonly conds: readonly Cond[];
}

export const branch = (value: Expr, conds: readonly Cond[] = []): Branch => ({ value, conds });

export const has = (e: Expr, x: Sym): boolean => freeSymbols(e).includes(x.name);

/** Exact evaluation followed by simplification; the input itself when that fails. */
export function tidy(e: Expr): Expr {
  try {
    return simplify(evaluateExact(e));
  } catch {
    return e;
  }
}

export const difference = (lhs: Expr, rhs: Expr): Expr => (rhs === ZERO ? lhs : add(lhs, neg(rhs)));

export function makeContext(x: Sym, eq: Expr, assume: Assumptions): Context {
  const names = new Set(freeSymbols(eq));
  const k = sym(['k', 'n', 'm', 'j'].find((s) => !names.has(s) && s !== x.name) ?? 'k_');
  const params = [...names].filter((s) => s !== x.name).sort();
  return { x, k, assume, params, depth: 0 };
}
