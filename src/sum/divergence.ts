/**
 * Proofs that Σ f(k) diverges: the terms do not tend to 0 (or have no limit); or k·f(k) tends to a nonzero
 * limit or to ±∞, so the terms eventually keep one sign and are at least c/k (limit comparison with the
 * harmonic series Σ 1/k, which diverges).
 */
import { type Expr, type Sym, ZERO, mul, isNumber, numberValue } from '../ast/expr.js';
import { freeSymbols } from '../eval/n.js';
import { evaluate } from '../eval/evaluate.js';
import { text } from '../render/text.js';
import { limit, NoLimitError, DoesNotExistError } from '../limit/index.js';
import { INF, NEG_INF } from '../limit/points.js';
import type { Assumptions } from '../simplify/assume.js';

const nonzero = (l: Expr, A: Assumptions | undefined): boolean => {
  if (l === INF || l === NEG_INF) return true;
  if (l === ZERO) return false;
  if (isNumber(l)) return numberValue(l) !== 0;
  if (freeSymbols(l).length === 0) {
    try {
      return evaluate(l) !== 0;
    } catch {
      return false;
    }
  }
  return A !== undefined && (A.isPositive(l) || A.isNegative(l));
};

const sgn = (l: Expr, A: Assumptions | undefined): number => {
  if (l === INF) return 1;
  if (l === NEG_INF) return -1;
  if (freeSymbols(l).length === 0) return Math.sign(evaluate(l));
  return A?.isPositive(l) === true ? 1 : A?.isNegative(l) === true ? -1 : 0;
};

export interface Divergence {
  readonly reason: string;
  /** +1 or −1 when the partial sums tend to ±∞, 0 when they oscillate or the sign is unknown. */
  readonly to: number;
}

/** A proof of divergence of Σ_{k ≥ a} f(k), or undefined. */
export function diverges(f: Expr, k: Sym, A: Assumptions | undefined): Divergence | undefined {
  try {
    const l = limit(f, k, INF, 'both', { assumptions: A, budgetMs: 2000 });
    if (nonzero(l, A)) return { reason: `the terms tend to ${text(l)}, not 0`, to: sgn(l, A) };
  } catch (err) {
    if (err instanceof DoesNotExistError) return { reason: `the terms have no limit (${err.message.replace(/^the limit does not exist: /, '')}), so they do not tend to 0`, to: 0 };
    if (!(err instanceof NoLimitError)) throw err;
    return undefined;
  }
  try {
    const l = limit(mul(k, f), k, INF, 'both', { assumptions: A, budgetMs: 2000 });
    if (nonzero(l, A)) {
      return { reason: `${k.name}·f(${k.name}) tends to ${text(l)}, so the terms eventually keep one sign and compare with Σ 1/${k.name}, which diverges`, to: sgn(l, A) };
    }
  } catch (err) {
    if (!(err instanceof NoLimitError)) throw err;
  }
  return undefined;
}
