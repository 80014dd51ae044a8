/**
 * Commands of the language for sums and products: sum(list) and prod(list) add up or multiply the entries of a
 * list; sum(f, k, a, b) and prod(f, k, a, b) with symbolic or infinite bounds go to src/sum.
 */
import { type Expr, add, mul } from '../../ast/expr.js';
import { EvalError } from '../../eval/errors.js';
import { text } from '../../render/text.js';
import { latex } from '../../render/latex.js';
import { INF, NEG_INF } from '../../limit/points.js';
import { symbolicSum, symbolicProd, SumError, DivergesError, type SumStep } from '../../sum/index.js';
import { Assumptions } from '../../simplify/assume.js';
import { registerExplainer, type Derivation } from '../../rewrite/index.js';
import type { Step } from '../../rewrite/types.js';
import { defineCommand, type Output } from '../registry.js';
import { assumptionsOf } from './algebra.js';

const itemsOf = (e: Expr, name: string): readonly Expr[] => {
  if (e.kind !== 'list') throw new EvalError(`${name} takes a list, got ${text(e)}`);
  return e.items.flatMap((x) => (x.kind === 'list' ? itemsOf(x, name) : [x]));
};

function indexOf(k: Expr | undefined, usage: string): Extract<Expr, { kind: 'sym' }> {
  if (k === undefined || k.kind !== 'sym') throw new EvalError(`${usage}: the index must be a symbol, got ${k === undefined ? 'nothing' : text(k)}`);
  return k;
}

function symbolic(args: readonly Expr[], A: Assumptions): Output {
  const [f, k, a, b] = args;
  if (a === undefined || b === undefined) throw new EvalError('sum(f, k, a, b): give the index and both bounds (b may be inf)');
  try {
    const r = symbolicSum(f!, indexOf(k, 'sum(f, k, a, b)'), a, b, { assumptions: A });
    if (r.condition === undefined) return { kind: 'expr', expr: r.value };
    return { kind: 'expr', expr: r.value, text: `${text(r.value)}  (for ${r.condition})`, latex: `${latex(r.value)} \\quad \\text{for } ${r.condition}` };
  } catch (err) {
    if (err instanceof DivergesError && err.to !== 0) {
      const v = err.to > 0 ? INF : NEG_INF;
      return { kind: 'expr', expr: v, text: `${text(v)}  (${err.message})` };
    }
    if (err instanceof SumError) throw new EvalError(`sum: ${err.message}`);
    throw err;
  }
}

defineCommand({
  name: 'sum', usage: 'sum([a, b, …]) or sum(f, k, a, b)', arity: [1, 4],
  doc: 'the sum of the entries of a list or matrix; or Σ f for k from a to b (b may be inf): polynomial, geometric, '
    + 'exponential, binomial and telescoping sums in closed form, divergence shown with a reason',
  run: (args, session) => {
    if (args.length === 1) return add(...itemsOf(args[0]!, 'sum'));
    return symbolic(args, Assumptions.from({ assumptions: assumptionsOf(session) }));
  },
});

defineCommand({
  name: 'prod', usage: 'prod([a, b, …]) or prod(f, k, a, b)', arity: [1, 4],
  doc: 'the product of the entries of a list or matrix; or Π f for k from a to b: constants, powers, factorials and '
    + 'Pochhammer symbols (gamma ratios)',
  run: (args) => {
    if (args.length === 1) return mul(...itemsOf(args[0]!, 'prod'));
    const [f, k, a, b] = args;
    if (a === undefined || b === undefined) throw new EvalError('prod(f, k, a, b): give the index and both bounds');
    try {
      return symbolicProd(f!, indexOf(k, 'prod(f, k, a, b)'), a, b).value;
    } catch (err) {
      if (err instanceof SumError) throw new EvalError(`prod: ${err.message}`);
      throw err;
    }
  },
});

const asSteps = (steps: readonly SumStep[]): Step[] =>
  steps.map((s) => ({ rule: s.rule, at: [], before: s.before, after: s.after, bindings: new Map(), substeps: [], whole: s.after }));

function explainSum(op: 'sum' | 'prod', ...args: Expr[]): Derivation {
  const [f, k, a, b] = args;
  if (f === undefined || a === undefined || b === undefined || k?.kind !== 'sym') throw new EvalError(`steps(${op}(f, k, a, b)) needs the index and both bounds`);
  try {
    const r = op === 'sum' ? symbolicSum(f, k, a, b) : symbolicProd(f, k, a, b);
    return { op, input: r.steps[0]?.before ?? f, result: r.value, steps: asSteps(r.steps), stopped: 'fixpoint' };
  } catch (err) {
    if (err instanceof SumError) throw new EvalError(`${op}: ${err.message}`);
    throw err;
  }
}

registerExplainer('sum', (...args) => explainSum('sum', ...args));
registerExplainer('prod', (...args) => explainSum('prod', ...args));
