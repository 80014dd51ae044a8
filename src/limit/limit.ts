/**
 * Limits and series expansions.
 *
 * limit(f, x, a): x → a is rewritten as t → 0⁺ (x = a + t from the right, a − t from the left, 1/t at +∞,
 * −1/t at −∞); the generalised series of f in t (series.ts) gives the leading term c·t^v·exp(G), and with it
 * the limit: exp(G) decides first, then the sign of v, then c (where a polynomial in log t decides by its
 * highest power). When every computed term cancels, the expansion is redone with more terms. A two-sided limit
 * at a finite point exists when both one-sided limits agree.
 */
import { type Expr, type Sym, ZERO, add, mul, neg, pow, sym, MINUS_ONE, isNumber, numberValue, int } from '../ast/expr.js';
import { rat, rcmp, ZERO as RZERO } from '../ast/rational.js';
import { substitute } from '../ast/walk.js';
import { freeSymbols } from '../eval/n.js';
import { simplify } from '../simplify/index.js';
import { text } from '../render/text.js';
import { type Ser, SeriesError, signOf, LOG_T, settle } from './series.js';
import { seriesOf, serToExpr } from './expand.js';

export class NoLimitError extends Error {
  override name = 'NoLimitError';
}

export const INF = sym('inf');
export const NEG_INF = mul(MINUS_ONE, INF);

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

function oneSided(f: Expr, x: Sym, point: Expr, side: 1 | -1): Expr {
  try {
    const { s } = expandAt(f, x, point, side);
    return leadingLimit(s);
  } catch (err) {
    if (!(err instanceof NoLimitError)) throw err;
    const squeezed = squeeze(f, x, point, side);
    if (squeezed !== undefined) return squeezed;
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

/**
 * lim_{x → point} f. `point` may be ±inf. Throws NoLimitError when the limit does not exist (different one-sided
 * limits, oscillation) or cannot be determined.
 */
export function limit(f: Expr, xArg: Expr, point: Expr, dir: Direction = 'both'): Expr {
  if (xArg.kind !== 'sym') throw new NoLimitError(`the limit variable must be a symbol, got ${text(xArg)}`);
  const x = xArg;
  if (freeSymbols(point).includes(x.name)) throw new NoLimitError(`the limit point ${text(point)} depends on ${x.name}`);
  const inf = isInf(point);
  if (inf !== 0) return oneSided(f, x, point, 1);
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
  throw new NoLimitError(`the limit at ${text(point)} does not exist: from the left ${text(l)}, from the right ${text(r)}`);
}
