/**
 * sum(f, k, a, b): Σ_{k=a}^{b} f in closed form, b possibly inf. Each method is a named rule (labels.ts):
 * writing out a few terms, a constant summand, Faulhaber's polynomial sums, geometric and
 * arithmetico-geometric sums, the exponential and binomial series, telescoping partial fractions with ζ(2n)
 * for the rest, linearity; an infinite series that does not converge is reported with a proof.
 */
import { type Expr, type Sym, ZERO, ONE, add, mul, sub, pow, call, int, sym, isInteger, children, withChildren } from '../ast/expr.js';
import { substitute } from '../ast/walk.js';
import { freeSymbols } from '../eval/n.js';
import { evaluate } from '../eval/evaluate.js';
import { evaluateExact } from '../eval/exact.js';
import { text } from '../render/text.js';
import { simplify, expand, factor } from '../simplify/index.js';
import { dependsOn } from '../simplify/vars.js';
import type { Assumptions } from '../simplify/assume.js';
import { INF, NEG_INF } from '../limit/points.js';
import { polyCoeffs, readSummand, termCount, writeOut } from './terms.js';
import { polynomialSum } from './faulhaber.js';
import { geometricSum, geometricSeries } from './geometric.js';
import { exponentialSeries, binomialTheorem } from './exponential.js';
import { rationalSum } from './rational.js';
import { gosper } from './gosper.js';
import { limit, NoLimitError } from '../limit/index.js';
import { diverges } from './divergence.js';
import { SumError, DivergesError } from './errors.js';

export interface SumStep {
  readonly rule: string;
  readonly before: Expr;
  readonly after: Expr;
}

export interface SumResult {
  readonly value: Expr;
  readonly steps: readonly SumStep[];
  /** A condition the value needs (|r| < 1), in words; absent when none. */
  readonly condition?: string;
}

export interface SumOptions {
  readonly assumptions?: Assumptions;
  /** The caller knows the series converges (|r| < 1 for a probability's ratio): no condition is stated. */
  readonly convergent?: boolean;
}

const WRITE_OUT_MAX = 200;

/** The nicer of the expanded and the factored form. */
function tidy(e: Expr): Expr {
  const s = simplify(evaluateExact(e));
  let best = s;
  for (const cand of [() => simplify(expand(s)), () => factor(simplify(expand(s)))]) {
    try {
      const c = cand();
      if (text(c).length < text(best).length) best = c;
    } catch {
      // keep the simplified form
    }
  }
  return best;
}

/** |r| < 1 decided for a closed constant: true, false, or undefined when r has parameters. */
function insideUnitDisc(r: Expr): boolean | undefined {
  if (freeSymbols(r).length > 0) return undefined;
  try {
    const v = evaluate(r);
    return Number.isFinite(v) ? Math.abs(v) < 1 : undefined;
  } catch {
    return undefined;
  }
}

/** binomial(u, v) written as u!/(v!(u − v)!), the form the methods read. */
function binomialsAsFactorials(e: Expr): Expr {
  const kids = children(e);
  const inner = kids.length === 0 ? e : withChildren(e, kids.map(binomialsAsFactorials));
  if (inner.kind === 'call' && inner.fn === 'binomial' && inner.args.length === 2) {
    const [u, v] = inner.args as [Expr, Expr];
    return mul(call('factorial', [u]), pow(call('factorial', [v]), int(-1)), pow(call('factorial', [sub(u, v)]), int(-1)));
  }
  return inner;
}

export function symbolicSum(f0: Expr, k: Sym, a: Expr, b: Expr, opts: SumOptions = {}): SumResult {
  const input = call('sum', [f0, k, a, b]);
  const f = binomialsAsFactorials(f0);
  const steps: SumStep[] = [];
  const done = (rule: string, value: Expr, condition?: string): SumResult => {
    const v = tidy(value);
    steps.push({ rule, before: input, after: v });
    return condition === undefined ? { value: v, steps } : { value: v, steps, condition };
  };
  if (a === INF || a === NEG_INF || b === NEG_INF) throw new SumError('a sum runs from a finite lower bound up to a bound or inf');
  if (dependsOn(a, k) || dependsOn(b, k)) throw new SumError(`the bounds must not depend on ${k.name}`);
  const infinite = b === INF;

  if (!infinite) {
    const n = termCount(a, b);
    if (n !== undefined && n <= 0) return done('sum/empty', ZERO);
    if (n !== undefined && n <= WRITE_OUT_MAX && (freeSymbols(a).length === 0)) return done('sum/write-out', writeOut(f, k, a, n));
  }
  if (!dependsOn(f, k)) {
    if (!infinite) return done('sum/constant', mul(f, add(sub(b, a), ONE)));
    if (simplify(f) === ZERO) return done('sum/constant', ZERO);
    const d = diverges(f, k, opts.assumptions);
    throw new DivergesError(`the series diverges: ${d?.reason ?? `the terms are the constant ${text(f)}, not 0`}`, d?.to ?? 0);
  }
  let why: string | undefined;
  const poly = polyCoeffs(f, k);
  if (poly !== undefined) {
    if (!infinite) return done('sum/faulhaber', polynomialSum(poly, a, b));
    const lead = poly[poly.length - 1]!;
    const to = freeSymbols(lead).length === 0 ? Math.sign(evaluate(lead)) : 0;
    throw new DivergesError('the series diverges: the terms are a nonconstant polynomial in k, which does not tend to 0', to);
  }
  const s = readSummand(f, k);
  const restPoly = polyCoeffs(s.rest, k);
  if (s.ratio !== ONE && s.factorialShifts.length === 0 && restPoly !== undefined) {
    const p = restPoly.map((c) => mul(s.constant, c));
    const rule = restPoly.length === 1 ? 'sum/geometric' : 'sum/arithmetico-geometric';
    if (!infinite) return done(rule, geometricSum(p, s.ratio, a, b), freeSymbols(s.ratio).length > 0 ? `${text(s.ratio)} ≠ 1` : undefined);
    const inside = insideUnitDisc(s.ratio);
    if (inside === false) throw new DivergesError(`the series diverges: |${text(s.ratio)}| ≥ 1, so the terms do not tend to 0`);
    return done(`${rule}-series`, geometricSeries(p, s.ratio, a), inside === true || opts.convergent === true ? undefined : `|${text(s.ratio)}| < 1`);
  }
  if (infinite && s.factorialShifts.length === 1 && restPoly !== undefined) {
    // Σ_{k≥a} P(k) x^k/(k + σ)! with j = k + σ: Σ_{j ≥ a + σ} P(j − σ) x^(j − σ)/j!
    const sigma = s.factorialShifts[0]!;
    const j = k;
    const shifted = simplify(expand(substitute(s.rest, new Map([[k, sub(j, sigma)]]))));
    const cs = polyCoeffs(shifted, j);
    const start = simplify(add(a, sigma));
    if (cs !== undefined && isInteger(start)) {
      const x = s.ratio;
      const first = Math.max(0, Number(start.value[0]));
      const head = Array.from({ length: first }, (_, i) =>
        mul(substitute(shifted, new Map([[j, int(i)]])), pow(x, int(i)), pow(call('factorial', [int(i)]), int(-1))));
      const tail = sub(exponentialSeries(cs, x), add(...head));
      return done('sum/exponential-series', mul(s.constant, pow(x, mul(int(-1), sigma)), tail));
    }
  }
  if (!infinite && a === ZERO) {
    const r = binomialTheorem(f, k, b);
    if (r !== undefined) return done('sum/binomial', r);
  }
  if (s.ratio === ONE && s.factorialShifts.length === 0) {
    try {
      return done(infinite ? 'sum/telescoping-series' : 'sum/telescoping', rationalSum(f, k, a, infinite ? 'inf' : b));
    } catch (err) {
      if (err instanceof DivergesError) throw new DivergesError(`the series diverges: ${err.message}`, err.to);
      if (!(err instanceof SumError)) throw err;
      if (err.message.includes("undefined at")) why = err.message;
    }
  }
  const z = why === undefined ? gosper(f, k) : undefined;
  if (z !== undefined) {
    const at = (v: Expr): Expr => substitute(z, new Map([[k, v]]));
    // z(k) = R(k)·t(k) may be 0·∞ where t vanishes: start the telescoping at the first index J where the closed
    // form agrees with direct summation.
    for (let J = 0; J <= 3; J++) {
      const head = add(...Array.from({ length: J }, (_, j) => substitute(f, new Map([[k, add(a, int(j))]]))));
      const finite = (upper: Expr): Expr => add(sub(at(add(upper, ONE)), at(add(a, int(J)))), head);
      if (!agreesWithDirect(f, k, a, finite(sym('u\u2080')), sym('u\u2080'), J)) continue;
      if (!infinite) return done('sum/gosper', finite(b));
      const m = sym('m\u2080');
      try {
        const tail = limit(at(m), m, INF, 'both', { assumptions: opts.assumptions, budgetMs: 2000 });
        if (tail !== INF && tail !== NEG_INF) return done('sum/gosper-series', add(sub(tail, at(add(a, int(J)))), head));
      } catch (err) {
        if (!(err instanceof NoLimitError)) throw err;
      }
      break;
    }
  }
  const expanded = expand(f);
  if (expanded.kind === 'add' && why === undefined) {
    const parts: Expr[] = [];
    const conditions: string[] = [];
    for (const t of expanded.args) {
      try {
        const r = symbolicSum(t, k, a, b, opts);
        parts.push(r.value);
        if (r.condition !== undefined) conditions.push(r.condition);
      } catch (err) {
        if (!(err instanceof SumError)) throw err;
        parts.length = 0;
        break;
      }
    }
    if (parts.length === expanded.args.length) return done('sum/linearity', add(...parts), conditions.length > 0 ? [...new Set(conditions)].join(', ') : undefined);
  }
  if (infinite) {
    const d = diverges(f, k, opts.assumptions);
    if (d !== undefined) throw new DivergesError(`the series diverges: ${d.reason}`, d.to);
  }
  throw new SumError(why ?? `no closed form was found for the sum of ${text(f)} over ${k.name}`);
}

/** Does the closed form (in the upper bound u) match Σ f added up directly, at a few whole-number bounds? */
function agreesWithDirect(f: Expr, k: Sym, a: Expr, closed: Expr, u: Sym, from: number): boolean {
  const lows = freeSymbols(a).length === 0 ? [a] : [int(1), int(2)];
  for (const lo of lows) {
    for (const len of [from + 2, from + 5]) {
      const env = new Map<Expr, Expr>([[u, add(lo, int(len))]]);
      if (freeSymbols(a).length > 0) env.set(a, lo);
      let direct = 0;
      let got: number;
      try {
        for (let j = 0; j <= len; j++) direct += evaluate(substitute(f, new Map<Expr, Expr>([[k, add(lo, int(j))]])));
        got = evaluate(substitute(substitute(closed, new Map<Expr, Expr>([[a, lo]])), env));
      } catch {
        return false;
      }
      if (!(Math.abs(got - direct) <= 1e-9 * Math.max(1, Math.abs(direct)))) return false;
    }
  }
  return true;
}
