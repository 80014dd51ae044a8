/**
 * series(f, x, a, n): the Taylor (Laurent, Puiseux) series of f at x = a with every term of order below n in
 * (x − a), or in 1/x at a = ±inf. The expansion works to a relative precision, so a pole or a cancellation
 * costs terms: when the computed truncation order falls short of n the expansion is redone with more.
 */
import { type Expr, type Sym, ZERO, add, mul, neg, pow, sym, MINUS_ONE, int } from '../ast/expr.js';
import { type Rational, rat, rcmp, rsub } from '../ast/rational.js';
import { substitute } from '../ast/walk.js';
import { simplify } from '../simplify/index.js';
import { text } from '../render/text.js';
import { latex } from '../render/latex.js';
import { type Ser, type Term, SeriesError } from './series.js';
import { seriesOf, serToExpr } from './expand.js';
import { NoLimitError } from './limit.js';
import { BudgetError, withBudget } from './budget.js';

const T = sym('t\u2080');
const INF = sym('inf');
const NEG_INF = mul(MINUS_ONE, INF);

/** The terms of the series, in increasing order, each already an expression in x. */
export interface SeriesResult {
  readonly expr: Expr;
  readonly terms: readonly Expr[];
  /** The order term O((x − a)^n), as text. */
  readonly order: string;
}

function expandTo(g: Expr, cut: Rational, n: number): Ser {
  let prec = n + 2;
  for (let attempt = 0; attempt < 5; attempt++) {
    const s = seriesOf(g, T, rat(BigInt(prec)));
    if (s.ord === undefined || rcmp(s.ord, cut) >= 0) return s;
    const short = rsub(cut, s.ord);
    prec += Math.ceil(Number(short[0]) / Number(short[1])) + 1;
  }
  throw new SeriesError(`every term below order ${n} could not be computed`);
}

export function seriesTerms(f: Expr, xArg: Expr, point: Expr = ZERO, n = 6): SeriesResult {
  if (xArg.kind !== 'sym') throw new NoLimitError(`the series variable must be a symbol, got ${text(xArg)}`);
  if (!Number.isInteger(n) || n < 1 || n > 60) throw new NoLimitError(`the number of terms must be a whole number from 1 to 60, got ${n}`);
  const x: Sym = xArg;
  const inf = point === INF ? 1 : point === NEG_INF ? -1 : 0;
  const xt = inf !== 0 ? mul(int(inf), pow(T, MINUS_ONE)) : add(point, T);
  const g = substitute(f, new Map([[x, xt]]));
  const cut = rat(BigInt(n));
  let s: Ser;
  try {
    s = withBudget(10_000, () => expandTo(g, cut, n));
  } catch (err) {
    if (err instanceof SeriesError || err instanceof BudgetError) {
      throw new NoLimitError(`no series of ${text(f)} at ${x.name} = ${text(point)}: ${err.message}`);
    }
    throw err;
  }
  if (s.G.length > 0) throw new NoLimitError(`${text(f)} has no power series at ${x.name} = ${text(point)}: it behaves like an exponential there`);
  const back = inf !== 0 ? mul(int(inf), pow(x, MINUS_ONE)) : point === ZERO ? x : add(x, neg(point));
  const kept: Term[] = s.terms.filter(([e]) => rcmp(e, cut) < 0).map(([k, c]) => [k, simplify(c)] as const);
  const terms = kept.map(([k, c]) => substitute(serToExpr({ G: [], terms: [[k, c]], ord: undefined }, T), new Map([[T, back]])));
  const expr = add(...terms);
  const order = `O(${text(pow(back, int(n)))})`;
  return { expr, terms, order };
}

export function series(f: Expr, x: Expr, point: Expr = ZERO, n = 6): Expr {
  return seriesTerms(f, x, point, n).expr;
}

/** A sum written in the given order of its terms (the printers order sums by decreasing degree). */
function orderedSum(terms: readonly Expr[], show: (e: Expr) => string): string {
  if (terms.length === 0) return '0';
  let out = '';
  terms.forEach((t, i) => {
    const s = show(t);
    if (i === 0) out = s;
    else if (s.startsWith('-')) out += ` - ${s.slice(1).trimStart()}`;
    else out += ` + ${s}`;
  });
  return out;
}

/** The series as text and LaTeX in increasing powers. */
export function seriesDisplay(r: SeriesResult): { text: string; latex: string } {
  return { text: orderedSum(r.terms, text), latex: orderedSum(r.terms, latex) };
}
