/** `explain('simplify', e, …assumptions)`: the strategies and identities simplify chose, as a derivation. */
import type { Expr } from '../ast/expr.js';
import { registerExplainer, type Derivation } from '../rewrite/index.js';
import { simplifyTraced } from './simplify.js';

export function explainSimplify(e: Expr, ...assumptions: Expr[]): Derivation {
  const { result, steps } = simplifyTraced(e, { assumptions }, true);
  return { op: 'simplify', input: e, result, steps, stopped: 'fixpoint' };
}

registerExplainer('simplify', explainSimplify);
