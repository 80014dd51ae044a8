/** Commands of the language for integration: integrate(f, x) and integrate(f, x, a, b). */
import { type Expr, sym, rel, ZERO } from '../../ast/expr.js';
import { evaluate } from '../../eval/evaluate.js';
import { Assumptions } from '../../simplify/index.js';
import { EvalError } from '../../eval/errors.js';
import { freeSymbols } from '../../eval/n.js';
import { integrate } from '../../integrate/integrate.js';
import { integrateDefinite } from '../../integrate/definite.js';
import { gammaRatios } from '../../integrate/definite-table.js';
import '../../integrate/explain.js';
import { defineCommand } from '../registry.js';
import { sessionAssumptionsOf } from './algebra.js';
import { simplify } from '../../simplify/index.js';
import { evaluateExact } from '../../eval/exact.js';
import { setMomentIntegrator } from '../../stats/symbolic/index.js';

// Means and variances of distributions are derived from their densities by exact definite integration where it
// succeeds (a numeric path does not count as a derivation; the closed-form table answers instead).
// A result stated under conditions on the parameters (piecewise(1/lambda, lambda > 0, …)) is read under them: they
// are the conditions for the density to be one (the parameter's domain), which the law assumes.
setMomentIntegrator((f, x, lo, hi) => {
  const r = integrateDefinite(f, x, lo, hi, { timeMs: 1500, assumptions: Assumptions.from({ assumptions: scaleParameters(f, x) }) });
  let v = r.value;
  while (v.kind === 'call' && v.fn === 'piecewise' && v.args.length === 3 && v.args[2]!.kind === 'call' && v.args[2]!.fn === 'integrate') v = v.args[0]!;
  const unsolved = v.kind === 'call' && (v.fn === 'integrate' || v.fn === 'piecewise');
  return r.path === 'numeric' || v.kind === 'float' || unsolved ? undefined : simplify(gammaRatios(simplify(evaluateExact(v))));
});

/**
 * The parameters a density needs positive: those for which x^k·density turns negative at some x > 0 when the
 * parameter is negative (σ of a normal, λ of an exponential); a location such as μ does not.
 */
function scaleParameters(f: Expr, x: Expr): Expr[] {
  const names = freeSymbols(f).filter((n) => x.kind !== 'sym' || n !== x.name);
  const out: Expr[] = [];
  for (const p of names) {
    const env: Record<string, number> = {};
    for (const q of names) env[q] = q === p ? -0.7 : 1.3;
    const negative = [0.4, 1.1, 2.7].some((t) => {
      try {
        return evaluate(f, { ...env, [(x as { name: string }).name]: t }) < 0;
      } catch {
        return false;
      }
    });
    if (negative) out.push(rel('>', sym(p), ZERO));
  }
  return out;
}

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
