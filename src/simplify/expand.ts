/**
 * `expand`: multiply out products and integer powers of sums (multinomially, with exact coefficients),
 * collect like terms, and do the same inside function arguments and radicands. Negative powers of sums stay
 * as denominators, `(x + 1)^2/(x + 2)` → `x^2/(x + 2) + 2x/(x + 2) + 1/(x + 2)`; monomial denominators
 * distribute, `(x + 1)/x` → `1 + 1/x`.
 */
import type { Expr } from '../ast/expr.js';
import { Kernels } from './poly-bridge.js';
import { fixpoint, mapScalar } from './map.js';

export function expand(e: Expr): Expr {
  return mapScalar(e, (x) => fixpoint(x, expandOnce));
}

const memo = new Map<Expr, Expr>();
const MEMO_SIZE = 5_000;

function expandOnce(e: Expr): Expr {
  if (e.kind === 'num' || e.kind === 'float' || e.kind === 'sym') return e;
  const hit = memo.get(e);
  if (hit !== undefined) return hit;
  const K = Kernels.of([e], { normArg: expand, sumDenominators: true });
  const r = K.toRatFun(e);
  const out = K.fromLaurent(r) ?? K.fromRatFun(r);
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(e, out);
  return out;
}
