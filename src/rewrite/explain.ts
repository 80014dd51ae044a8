/**
 * `explain(op, ...args)`: the derivation of an operation, for any operation that registers an explainer
 * (`diff` in src/diff, `simplify` and `integrate` in their own areas). An explainer runs the same code as the
 * plain operation with tracing on.
 */
import type { Expr } from '../ast/expr.js';
import type { Derivation } from './types.js';

export type Explainer = (...args: Expr[]) => Derivation;

const EXPLAINERS = new Map<string, Explainer>();

export class ExplainError extends Error {
  override name = 'ExplainError';
}

export function registerExplainer(op: string, fn: Explainer): void {
  EXPLAINERS.set(op, fn);
}

/** Names of the operations that can be explained. */
export function explainableOps(): string[] {
  return [...EXPLAINERS.keys()].sort();
}

export function explain(op: string, ...args: Expr[]): Derivation {
  const fn = EXPLAINERS.get(op);
  if (fn === undefined) {
    throw new ExplainError(`no derivation is known for '${op}'; explainable operations: ${explainableOps().join(', ') || 'none'}`);
  }
  return fn(...args);
}
