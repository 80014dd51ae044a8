/**
 * Limits and series expansions.
 *
 * limit(f, x, a): x → a is rewritten as t → 0⁺ (x = a + t from the right, a − t from the left, 1/t at +∞,
 * −1/t at −∞); the generalised series of f in t (series.ts) gives the leading term c·t^v·exp(G), and with it
 * the limit: exp(G) decides first, then the sign of v, then c (where a polynomial in log t decides by its
 * highest power). When every computed term cancels, the expansion is redone with more terms. A two-sided limit
 * at a finite point exists when both one-sided limits agree.
 */
import { type Expr, type Sym, ZERO, add, mul, neg, pow, sym, rel, MINUS_ONE, isNumber, numberValue, int, I } from '../ast/expr.js';
import { rat, rcmp, ZERO as RZERO } from '../ast/rational.js';
import { substitute } from '../ast/walk.js';
import { freeSymbols } from '../eval/n.js';
import { simplify } from '../simplify/index.js';
import { text } from '../render/text.js';
import { Assumptions, sign } from '../simplify/assume.js';
import { dependsOn } from '../simplify/vars.js';
import { type Ser, SeriesError, SignUnknownError, signOf, LOG_T, settle, withAssumptions, currentAssumptions } from './series.js';
import { seriesOf } from './expand.js';
import { BudgetError, withBudget } from './budget.js';
import { NoLimitError, DoesNotExistError, LimitDependsError } from './errors.js';
import { byParts } from './parts.js';
import { INF, NEG_INF } from './points.js';
import { oscillates } from './oscillation.js';

export { NoLimitError, DoesNotExistError, LimitDependsError };

export { INF, NEG_INF };

export type Direction = 'both' | 'right' | 'left';

const T = sym('t\u2080');

function isInf(a: Expr): 1 | -1 | 0 {
  if (a === INF) return 1;
  if (a === NEG_INF) return -1;
  return 0;
}

/** Series of f(x) with x → point from one side, in T → 0⁺; raises more precision while everything cancels. */
function expandAt(f: Expr, x: Sym, point: Expr, side: 1 | -1): { s: Ser; prec: number } {
  const inf = isInf(point);
  const xt = inf !== 0 ? mul(int(inf), pow(T, MINUS_ONE)) : add(point, mul(int(side), T));
  const g = substitute(f, new Map([[x, xt]]));
  let lastErr: unknown;
  for (const prec of [4, 8, 16]) {
    try {
      const s = settle(seriesOf(g, T, rat(BigInt(prec))));
      if (s.terms.length > 0) return { s, prec };
    } catch (err) {
      if (err instanceof SignUnknownError) throw err;
      if (!(err instanceof SeriesError)) throw err;
      lastErr = err;
      if (!err.message.includes('cancelled')) break;
    }
  }
  throw new NoLimitError(`the limit could not be determined${lastErr instanceof Error ? ` (${lastErr.message})` : ''}`);
}

/** The limit of the leading behaviour c·t^v·exp(G) as t → 0⁺. */
function leadingLimit(s: Ser): Expr {
  const [v, c] = s.terms[0]!;
  if (s.G.length > 0) {
    const g = signOf(s.G[0]![1]);
    if (g < 0) return ZERO;
    return signOf(c) > 0 ? INF : NEG_INF;
  }
  const hasLog = freeSymbols(c).includes(LOG_T.name);
  const sv = rcmp(v, RZERO);
  if (sv > 0) return ZERO;
  if (sv < 0) return signOf(c) > 0 ? INF : NEG_INF;
  // v = 0: the limit of the coefficient, a function of log t → −∞ when it has one.
  return hasLog ? oneSided(c, LOG_T, NEG_INF, 1) : simplify(c);
}

export function oneSided(f: Expr, x: Sym, point: Expr, side: 1 | -1): Expr {
  if (!dependsOn(f, x)) return simplify(f);
  try {
    const { s } = expandAt(f, x, point, side);
    try {
      return leadingLimit(s);
    } catch (err) {
      if (err instanceof SeriesError && !(err instanceof SignUnknownError)) throw new NoLimitError(`the limit could not be determined (${err.message})`);
      throw err;
    }
  } catch (err) {
    if (!(err instanceof NoLimitError) && !(err instanceof SignUnknownError)) throw err;
    const squeezed = squeeze(f, x, point, side);
    if (squeezed !== undefined) return squeezed;
    const parts = byParts(f, x, point, side, oneSided);
    if (parts !== undefined) return parts;
    const why = oscillates(f, x, point, side, oneSided);
    if (why !== undefined) throw new DoesNotExistError(`the limit does not exist: ${why}`);
    throw err;
  }
}

const BOUNDED = new Set(['sin', 'cos', 'atan', 'tanh', 'erf', 'sign']);

/** Bounded whatever its argument: sin, cos, atan, tanh, erf, constants, and sums and products of them. */
function bounded(e: Expr, x: Sym): boolean {
  if (!freeSymbols(e).includes(x.name)) return true;
  if (e.kind === 'call') return BOUNDED.has(e.fn);
  if (e.kind === 'add' || e.kind === 'mul') return e.args.every((a) => bounded(a, x));
  if (e.kind === 'pow') return e.exp.kind === 'num' && e.exp.value[0] > 0n && bounded(e.base, x);
  return false;
}

/**
 * The squeeze theorem for what the series method cannot expand: a term that is a bounded oscillating factor
 * (sin or cos of anything) times a part tending to 0 tends to 0; a sum is taken term by term when every term
 * has a finite limit.
 */
function squeeze(f: Expr, x: Sym, point: Expr, side: 1 | -1): Expr | undefined {
  const terms = f.kind === 'add' ? f.args : [f];
  const limits: Expr[] = [];
  for (const term of terms) {
    const factors = term.kind === 'mul' ? term.args : [term];
    const isB = (g: Expr): boolean => freeSymbols(g).includes(x.name) && bounded(g, x);
    const rest = factors.filter((g) => !isB(g));
    try {
      if (rest.length === factors.length) {
        if (terms.length === 1) return undefined;
        limits.push(oneSided(term, x, point, side));
        continue;
      }
      const r = oneSided(mul(...rest), x, point, side);
      if (r !== ZERO) return undefined;
      limits.push(ZERO);
    } catch (err) {
      if (err instanceof NoLimitError) return undefined;
      throw err;
    }
  }
  if (limits.some((l) => l === INF || l === NEG_INF)) {
    const signs = new Set(limits.filter((l) => l === INF || l === NEG_INF));
    return signs.size === 1 ? [...signs][0] : undefined;
  }
  return simplify(add(...limits));
}

const sideLimit = (f: Expr, x: Sym, point: Expr, dir: Direction): Expr => {
  if (isInf(point) !== 0) return oneSided(f, x, point, 1);
  if (dir === 'right') return oneSided(f, x, point, 1);
  if (dir === 'left') return oneSided(f, x, point, -1);
  const r = oneSided(f, x, point, 1);
  const l = oneSided(f, x, point, -1);
  if (r === l) return r;
  if (isNumber(r) && isNumber(l) && Math.abs(numberValue(r) - numberValue(l)) <= 1e-15 * Math.max(1, Math.abs(numberValue(r)))) return r;
  try {
    if (simplify(add(r, neg(l))) === ZERO) return r;
  } catch {
    // different
  }
  throw new DoesNotExistError(`the limit at ${text(point)} does not exist: from the left ${text(l)}, from the right ${text(r)}`);
};

export interface LimitOptions {
  /** What is known about the parameters (signs decide leading terms). */
  readonly assumptions?: Assumptions;
  /** Milliseconds before the computation stops and says so (default 5000). */
  readonly budgetMs?: number;
}

/** The limit under each sign of a parameter whose sign decides it: one answer if they agree, else the cases. */
function splitOnSign(f: Expr, x: Sym, point: Expr, dir: Direction, A: Assumptions | undefined, p: string): Expr {
  const P = sym(p);
  const attempt = (g: Expr, B: Assumptions | undefined): Expr | string => {
    try {
      return withAssumptions(B, () => sideLimit(g, x, point, dir));
    } catch (err) {
      if (err instanceof BudgetError) throw err;
      return err instanceof DoesNotExistError ? 'does not exist' : 'undetermined';
    }
  };
  const pos = attempt(f, Assumptions.from({ assumptions: [rel('>', P, ZERO)] }, A));
  const negative = attempt(f, Assumptions.from({ assumptions: [rel('<', P, ZERO)] }, A));
  const zero = attempt(simplify(substitute(f, new Map([[P, ZERO]]))), A);
  if (typeof pos !== 'string' && pos === negative && pos === zero) return pos;
  const show = (v: Expr | string): string => (typeof v === 'string' ? v : text(v));
  const cases = `${show(pos)} if ${p} > 0, ${show(negative)} if ${p} < 0, ${show(zero)} if ${p} = 0`;
  throw new LimitDependsError(`the limit depends on the sign of ${p}: ${cases} (say which with assume(${p} > 0) or assume(${p} < 0))`, p);
}

/**
 * lim_{x → point} f. `point` may be ±inf. Throws DoesNotExistError when the limit provably does not exist
 * (different one-sided limits, oscillation), LimitDependsError when it depends on the sign of a parameter, and
 * NoLimitError when it cannot be determined.
 */
export function limit(f: Expr, xArg: Expr, point: Expr, dir: Direction = 'both', opts: LimitOptions = {}): Expr {
  if (xArg.kind !== 'sym') throw new NoLimitError(`the limit variable must be a symbol, got ${text(xArg)}`);
  const x = xArg;
  if (freeSymbols(point).includes(x.name)) throw new NoLimitError(`the limit point ${text(point)} depends on ${x.name}`);
  if (dependsOn(point, I)) throw new NoLimitError(`limits are taken along the real line; the point ${text(point)} is not real`);
  if (!dependsOn(f, x)) return simplify(f);
  const A = opts.assumptions ?? currentAssumptions();
  const ms = opts.budgetMs ?? 5000;
  try {
    return withBudget(ms, () => withAssumptions(A, () => {
      try {
        return sideLimit(f, x, point, dir);
      } catch (err) {
        if (!(err instanceof SignUnknownError)) throw err;
        const open = err.symbols.filter((p) => A === undefined || sign(sym(p), A) === 'unknown');
        if (open.length !== 1) throw new NoLimitError(`the limit could not be determined (${err.message})`);
        return splitOnSign(f, x, point, dir, A, open[0]!);
      }
    }));
  } catch (err) {
    if (err instanceof BudgetError) throw new NoLimitError(`the limit could not be determined: ${err.message}`);
    if (err instanceof SeriesError) throw new NoLimitError(`the limit could not be determined (${err.message})`);
    throw err;
  }
}
