/** The record of how an antiderivative was found: one node per method applied, children for sub-integrals. */
import type { Expr, Sym } from '../ast/expr.js';
import type { StopReason } from '../rewrite/types.js';

export interface Found {
  /** The method's rule id (its label key), e.g. 'int/parts'. */
  readonly rule: string;
  /** `integrate(f, x)`. */
  readonly before: Expr;
  /** What the method turned the integral into, with the children's `before` still unevaluated. */
  readonly mid: Expr;
  /** The antiderivative. */
  readonly value: Expr;
  readonly kids: readonly Found[];
  /** What a reader needs: u, du, dv, v, … */
  readonly bindings: ReadonlyMap<string, Expr>;
  /** For substitutions: the antiderivative in the new variable, before substituting back. */
  readonly back?: Expr;
}

export class BudgetExceeded extends Error {
  override name = 'BudgetExceeded';
  constructor(readonly reason: StopReason) {
    super(`integration stopped: ${reason}`);
  }
}

export interface Ctx {
  readonly deadline: number;
  readonly maxSteps: number;
  steps: number;
  depth: number;
  partsDepth: number;
  substDepth: number;
  /** Results by integrand; a failure records the depth it was reached at (it holds for that depth or deeper). */
  readonly memo: Map<string, Found | number>;
  integrate(f: Expr, x: Sym): Found | undefined;
}

export type Method = (f: Expr, x: Sym, ctx: Ctx) => Found | undefined;

/** A sub-integral in a new variable after a substitution: counted in ctx.substDepth while it is searched. */
export function integrateSubstituted(ctx: Ctx, g: Expr, u: Sym): Found | undefined {
  ctx.substDepth++;
  try {
    return ctx.integrate(g, u);
  } finally {
    ctx.substDepth--;
  }
}
