/** The public entry points: `integrate(f, x)` and `integrate(f, x, a, b)`. */
import { type Expr, type Sym, call } from '../ast/expr.js';
import { CONSTANTS } from '../ast/ops.js';
import { text } from '../render/text.js';
import { searchIntegral, type IntegrateOptions } from './core.js';
import { withSpecialCases } from './conditions.js';
import { Assumptions, simplify } from '../simplify/index.js';

export class IntegrateError extends Error {
  override name = 'IntegrateError';
}

export function checkVariable(x: Expr): Sym {
  if (x.kind !== 'sym') throw new IntegrateError(`can only integrate with respect to a variable, got ${text(x)}`);
  if (CONSTANTS.has(x.name)) throw new IntegrateError(`'${x.name}' is a constant, not a variable of integration`);
  return x;
}

function checkIntegrand(f: Expr): void {
  if (f.kind === 'rel' || f.kind === 'define' || f.kind === 'list') {
    throw new IntegrateError(`integrate takes a scalar expression, not ${f.kind === 'list' ? 'a list' : f.kind === 'rel' ? 'an equation or inequality' : 'a definition'}`);
  }
}

/**
 * An antiderivative of `f` with respect to `x`, checked by differentiation; the unevaluated `integrate(f, x)`
 * when none is found within the budget. Never a wrong answer: every candidate is verified before it is returned.
 */
export function integrate(f: Expr, x: Expr, options: IntegrateOptions = {}): Expr {
  checkIntegrand(f);
  const v = checkVariable(x);
  const r = searchIntegral(f, v, options);
  if (r.value === undefined) return call('integrate', [f, v]);
  // A generic answer with parameters: the special values where it divides by zero are integrated on their own.
  return withSpecialCases(r.value, f, v, options.assumptions ?? new Assumptions(), (g) => integrate(simplify(g), v, options));
}
