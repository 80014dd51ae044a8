/**
 * The integrator: a depth-first search over methods tried in a fixed order (first success wins), each method
 * free to call the search recursively on sub-integrals. Every candidate is checked by differentiation before it
 * is accepted (verify.ts), so a method that produces something wrong only costs time. A step and time budget
 * bounds the search; when it runs out the integral is returned unevaluated with the stop reason.
 */
import { type Expr, type Sym } from '../ast/expr.js';
import { simplify } from '../simplify/index.js';
import type { StopReason } from '../rewrite/types.js';
import { BudgetExceeded, type Ctx, type Found, type Method } from './types.js';
import { constant, table, constMultiple, sum, rational, cyclicParts, expandFirst, expSplit } from './basic.js';
import { substitution, logDerivative } from './subst.js';
import { parts, partsCollected } from './parts.js';
import { trigAnsatz } from './trigansatz.js';
import { trigRational, expRational } from './trigsub.js';
import { algebraic, radicalsMethod } from './algebraic.js';
import { hyperBioche } from './hypersub.js';
import { radicalMonomial } from './trigpow.js';
import { linearize } from './linearize.js';
import { ansatz } from './ansatz.js';
import { rationalAlgebraic } from './algnumRational.js';
import { gaussian } from './gaussian.js';
import { distribute, partsCancel, expCombine } from './distribute.js';
import { gaussianSymbolic } from './gaussian-symbolic.js';
import { checkAntiderivative, withDraws } from './verify.js';
import { Assumptions, sampleAdmissible } from '../simplify/index.js';
import { freeSymbols } from '../eval/n.js';
import { treeSize } from './linear.js';

export const METHODS: readonly [string, Method][] = [
  ['constant', constant],
  ['table', table],
  ['const-multiple', constMultiple],
  ['trig-ansatz', trigAnsatz],
  ['radical-monomial', radicalMonomial],
  ['parts-collected', partsCollected],
  ['exp-combine', expCombine],
  ['parts-cancel', partsCancel],
  ['distribute', distribute],
  ['sum', sum],
  ['rational', rational],
  ['rational-algebraic', rationalAlgebraic],
  ['cyclic', cyclicParts],
  ['gaussian', gaussian],
  ['gaussian-symbolic', gaussianSymbolic],
  ['radicals', radicalsMethod],
  ['substitution', substitution],
  ['log-derivative', logDerivative],
  ['algebraic', algebraic],
  ['linearize', linearize],
  ['trig', trigRational],
  ['hyper', hyperBioche],
  ['exp', expRational],
  ['parts', parts],
  ['expand', expandFirst],
  ['exp-split', expSplit],
  ['ansatz', ansatz],
];

export interface IntegrateOptions {
  /** Wall-clock budget in milliseconds (default 3,000). */
  readonly timeMs?: number;
  /** Most sub-integrals attempted (default 4,000). */
  readonly steps?: number;
  /** What is assumed about the parameters (the session's `assume`); candidates are checked at values that satisfy it. */
  readonly assumptions?: Assumptions;
}

export interface Outcome {
  readonly found?: Found;
  /** The antiderivative returned (found.value, possibly simplified). */
  readonly value?: Expr;
  readonly stopped: StopReason;
}

function makeCtx(options: IntegrateOptions): Ctx {
  const ctx: Ctx = {
    deadline: Date.now() + (options.timeMs ?? 3000),
    maxSteps: options.steps ?? 4000,
    steps: 0,
    depth: 0,
    partsDepth: 0,
    substDepth: 0,
    memo: new Map(),
    integrate(f: Expr, x: Sym): Found | undefined {
      const key = `${f.id}|${x.name}`;
      const hit = ctx.memo.get(key);
      if (typeof hit === 'object') return hit;
      if (hit !== undefined && hit <= ctx.depth) return undefined; // failed (or in progress: a cycle)
      if (++ctx.steps > ctx.maxSteps) throw new BudgetExceeded('step-limit');
      if (Date.now() > ctx.deadline) throw new BudgetExceeded('time-limit');
      if (ctx.depth > 14) return undefined;
      ctx.memo.set(key, ctx.depth);
      ctx.depth++;
      try {
        for (const [, m] of METHODS) {
          const r = m(f, x, ctx);
          if (r !== undefined && checkAntiderivative(r.value, f, x)) {
            ctx.memo.set(key, r);
            return r;
          }
        }
      } finally {
        ctx.depth--;
      }
      return undefined;
    },
  };
  return ctx;
}

/** A tidier equivalent antiderivative when simplify finds a smaller one that still checks. */
function polish(F: Expr, f: Expr, x: Sym): Expr {
  if (treeSize(F, 300) >= 300) return F;
  try {
    const s = simplify(F);
    if (s !== F && s.height <= F.height && checkAntiderivative(s, f, x)) return s;
  } catch {
    // keep F
  }
  return F;
}

/**
 * Admissible values of the integrand's parameters (its symbols other than x) under the assumptions: three draws,
 * so that an answer right for one value of a parameter only is caught. None when the assumptions contradict.
 */
export function parameterDraws(f: Expr, x: Sym, assumptions?: Assumptions): ReturnType<typeof sampleAdmissible> {
  const params = freeSymbols(f).filter((n) => n !== x.name);
  if (params.length === 0) return [{}];
  return sampleAdmissible(params, assumptions ?? new Assumptions(), { count: 3, seed: 20_261_204 });
}

/**
 * Search for an antiderivative; `found` is absent when none was found within the budget. The answer is confirmed
 * once more in high precision (verify.ts, `final`) before it is returned.
 */
export function searchIntegral(f: Expr, x: Sym, options: IntegrateOptions = {}): Outcome {
  const draws = parameterDraws(f, x, options.assumptions);
  if (draws.length === 0) return { stopped: 'fixpoint' };
  return withDraws(draws, () => {
    const ctx = makeCtx(options);
    try {
      const found = ctx.integrate(f, x);
      if (found === undefined) return { stopped: 'fixpoint' };
      const value = polish(found.value, f, x);
      if (!checkAntiderivative(value, f, x, true)) return { stopped: 'fixpoint' };
      return { found, value, stopped: 'fixpoint' };
    } catch (err) {
      if (err instanceof BudgetExceeded) return { stopped: err.reason };
      throw err;
    }
  });
}
