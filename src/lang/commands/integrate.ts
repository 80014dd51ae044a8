/** Commands of the language for integration: integrate(f, x) and integrate(f, x, a, b). */
import { type Expr, sym } from '../../ast/expr.js';
import { EvalError } from '../../eval/errors.js';
import { freeSymbols } from '../../eval/n.js';
import { integrate } from '../../integrate/integrate.js';
import { integrateDefinite } from '../../integrate/definite.js';
import '../../integrate/explain.js';
import { defineCommand } from '../registry.js';
import { sessionAssumptionsOf } from './algebra.js';
import { simplify } from '../../simplify/index.js';
import { evaluateExact } from '../../eval/exact.js';
import { setMomentIntegrator } from '../../stats/symbolic/index.js';

// Means and variances of distributions are derived from their densities by exact definite integration where it
// succeeds (a numeric path does not count as a derivation; the closed-form table answers instead).
setMomentIntegrator((f, x, lo, hi) => {
  const r = integrateDefinite(f, x, lo, hi, { timeMs: 1500 });
  return r.path === 'numeric' || r.value.kind === 'float' ? undefined : simplify(evaluateExact(r.value));
});

function variableOf(f: Expr, x: Expr | undefined): Expr {
  if (x !== undefined) return x;
  const free = freeSymbols(f);
  if (free.length === 1) return sym(free[0]!);
  throw new EvalError(free.length === 0
    ? 'integrate(f, x): f has no variable; say which variable to integrate by'
    : `integrate(f, x): f has several variables (${free.sort().join(', ')}); say which one`);
}

defineCommand({
  name: 'integrate', usage: 'integrate(f, x) or integrate(f, x, a, b)', arity: [1, 4],
  doc: 'antiderivative of f (checked by differentiation; left unevaluated when none is found); with a, b the definite integral (exact by the fundamental theorem when the antiderivative is continuous on [a, b], else numerical); steps(integrate(…)) shows how',
  run: ([f, x, a, b], session) => {
    if (a !== undefined && b === undefined) throw new EvalError('integrate(f, x, a, b) needs both bounds');
    const v = variableOf(f!, x);
    const assumptions = sessionAssumptionsOf(session);
    if (a !== undefined && b !== undefined) return integrateDefinite(f!, v, a, b, { assumptions }).value;
    return integrate(f!, v, { assumptions });
  },
});
