/** Choosing the main variable of a polynomial operation and checking that an expression is rational in it. */
import { type Expr, children } from '../ast/expr.js';
import { text } from '../render/text.js';
import { AlgebraError } from './errors.js';
import type { Kernels } from './poly-bridge.js';

/** Does `x` occur in `e` (as a subexpression)? */
export function dependsOn(e: Expr, x: Expr): boolean {
  const seen = new Set<Expr>();
  const stack = [e];
  while (stack.length > 0) {
    const y = stack.pop()!;
    if (y === x) return true;
    if (seen.has(y)) continue;
    seen.add(y);
    stack.push(...children(y));
  }
  return false;
}

/** A variable must be a symbol or a call such as `sin(x)`. */
export function checkVariable(x: Expr, op: string): void {
  if (x.kind !== 'sym' && x.kind !== 'call') {
    throw new AlgebraError(`${op}: the variable must be a symbol (or a call such as sin(x)), got ${text(x)}`);
  }
}

/**
 * The index of kernel `x` in `K`, after checking that every other kernel is free of `x` and that `x` occurs
 * only to integer powers, so that the expressions are rational functions of `x`.
 */
export function mainIndex(K: Kernels, x: Expr, op: string): number {
  const i = K.indexOf(x);
  if (i === undefined) throw new AlgebraError(`internal: ${text(x)} is not a kernel`);
  if (K.roots[i] !== 1) throw new AlgebraError(`${op}: ${text(x)} occurs to a fractional power, so this is not a polynomial in ${text(x)}`);
  for (let j = 0; j < K.nvars; j++) {
    if (j !== i && dependsOn(K.bases[j]!, x)) {
      throw new AlgebraError(`${op}: ${text(K.kernel(j))} depends on ${text(x)} in a non-polynomial way`);
    }
  }
  return i;
}

/** The only kernel of `K`, for operations that allow the variable to be omitted when there is one. */
export function soleVariable(K: Kernels, op: string): Expr {
  const vs = K.bases.filter((b) => b.kind === 'sym' || b.kind === 'call');
  if (vs.length === 1) return vs[0]!;
  if (vs.length === 0) throw new AlgebraError(`${op}: the expression has no variable; name one, e.g. ${op}(…, x)`);
  throw new AlgebraError(`${op}: the expression has several variables (${vs.map(text).join(', ')}); name one, e.g. ${op}(…, ${text(vs[0]!)})`);
}
