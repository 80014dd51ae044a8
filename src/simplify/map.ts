/** Applying an expression transformation to every element of lists and both sides of relations. */
import { type Expr, list, rel } from '../ast/expr.js';
import { AlgebraError } from './errors.js';

/** `f` on a scalar; element-wise on lists, side-wise on relations. */
export function mapScalar(e: Expr, f: (x: Expr) => Expr): Expr {
  if (e.kind === 'list') return list(e.items.map((x) => mapScalar(x, f)));
  if (e.kind === 'rel') return rel(e.op, mapScalar(e.lhs, f), mapScalar(e.rhs, f));
  if (e.kind === 'define') throw new AlgebraError('a definition (:=) is not an expression to transform');
  return f(e);
}

/** Iterate `f` until nothing changes (at most `rounds` times). */
export function fixpoint(e: Expr, f: (x: Expr) => Expr, rounds = 4): Expr {
  let cur = e;
  for (let k = 0; k < rounds; k++) {
    const next = f(cur);
    if (next === cur) return cur;
    cur = next;
  }
  return cur;
}
