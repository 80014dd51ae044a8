/**
 * solve(eq, x): every solution of one equation in one unknown, each checked by substitution, or a SolveError
 * saying why not. An empty list is returned only when the methods that found the candidates are complete
 * (polynomial roots, inverse functions with their ranges, cases, squaring) and every candidate was disproved.
 *
 * - Polynomials: all roots over ℂ (src/solve/polynomial.ts); anything else over ℝ.
 * - Periodic equations: the solutions in one period, each with its general form in an integer k
 *   (sin(x) = 1/2: π/6 and 5π/6, with π/6 + 2kπ and 5π/6 + 2kπ).
 * - Parameters: each value carries the conditions it needs (log(p/(1 − p)) when 0 < p < 1).
 * - Assumptions on x (x > 0) remove the values they rule out.
 */
import { type Expr, type Sym, ZERO, I, add, mul, neg, call, pow, int, numOf, MINUS_ONE } from '../ast/expr.js';
import { someNode, substitute } from '../ast/walk.js';
import { evaluate } from '../eval/evaluate.js';
import { freeSymbols } from '../eval/n.js';
import { text } from '../render/text.js';
import { Assumptions, together } from '../simplify/index.js';
import { bigDigits } from '../eval/n-big.js';
import { type Branch, type Context, difference, has, makeContext, tidy } from './context.js';
import { candidates } from './candidates.js';
import { sparseTerms } from './polynomial.js';
import { asPolynomial } from '../integrate/ratexpr.js';
import { splitFraction } from './radical.js';
import { verdict } from './check.js';
import { decideAll } from './conditions.js';
import { piMultiple } from './trig.js';
import { SolveError, type Root, type Solutions } from './types.js';

export { SolveError, type Solutions, type Root } from './types.js';

export interface SolveOptions {
  /** What is known about the symbols (from `assume`). */
  readonly assume?: Assumptions;
}

const numeric = (e: Expr): number => { try { return evaluate(e); } catch { return NaN; } };

/** Polynomial-like: only + × and integer powers of x, so complex roots are solutions too. */
function algebraicInX(e: Expr, x: Sym): boolean {
  return !someNode(e, (n) => (n.kind === 'call' && has(n, x)) || (n.kind === 'pow' && has(n, x) && !(n.exp.kind === 'num' && n.exp.value[1] === 1n)));
}

/** log(a)/log(b) as the rational r with bʳ = a, when there is a small one (2^x = 8 gives 3). */
function rationalLog(v: Expr): Expr {
  if (!someNode(v, (n) => n.kind === 'call' && n.fn === 'log') || freeSymbols(v).length > 0) return v;
  const d = numeric(v);
  if (!Number.isFinite(d)) return v;
  for (let q = 1; q <= 12; q++) {
    const p = Math.round(d * q);
    if (Math.abs(d * q - p) > 1e-12 * q * (1 + Math.abs(d))) continue;
    const exact = numOf([BigInt(p), BigInt(q)]);
    return confirmZero(add(v, neg(exact))) ? exact : v; // confirmed with 30 digits
  }
  return v;
}

function confirmZero(e: Expr): boolean {
  try { return Math.abs(Number(bigDigits(e, 30))) < 1e-250; } catch { return false; }
}

/** A numeric root that is a small fraction p/q at which e vanishes exactly (to 30 digits and beyond). */
function exactFor(r: number, e: Expr, x: Sym): Expr | undefined {
  for (let q = 1; q <= 12; q++) {
    const p = Math.round(r * q);
    if (Math.abs(r * q - p) > 1e-9 * q * (1 + Math.abs(r))) continue;
    const exact = numOf([BigInt(p), BigInt(q)]);
    try {
      evaluate(e, { [x.name]: p / q }); // defined there
    } catch {
      return undefined;
    }
    return confirmZero(substitute(e, new Map([[x as Expr, exact]]))) ? exact : undefined;
  }
  return undefined;
}

/** log(A) and −log(A) with A written as one fraction (−log(1/p − 1) is log(p/(1 − p))). */
function tidyLog(v: Expr): Expr {
  const asLog = (t: Expr): Expr | undefined => {
    if (t.kind === 'call' && t.fn === 'log' && t.args.length === 1) return call('log', [together1(t.args[0]!)]);
    if (t.kind === 'mul' && t.args.length === 2 && t.args[0] === MINUS_ONE && t.args[1]!.kind === 'call' && t.args[1]!.fn === 'log') {
      return call('log', [together1(pow(t.args[1]!.args[0]!, MINUS_ONE))]);
    }
    return undefined;
  };
  return asLog(v) ?? v;
}
/** A single fraction, with the signs of numerator and denominator chosen to print fewer minus signs. */
function together1(e: Expr): Expr {
  let t: Expr;
  try { t = together(e); } catch { return e; }
  const [n, d] = splitFraction(t);
  const flipped = mul(tidy(neg(n)), pow(tidy(neg(d)), MINUS_ONE));
  const minus = (u: Expr): number => text(u).split('-').length;
  return minus(flipped) < minus(t) ? flipped : t;
}

/** The member of a family v(k) in one period and its general form, when v is linear in k. */
function period(v: Expr, ctx: Context): { value: Expr; general?: Expr; period?: Expr } {
  if (!has(v, ctx.k)) return { value: v };
  const at = (j: number): Expr => tidy(substitute(v, new Map([[ctx.k as Expr, int(j)]])));
  const v0 = at(0);
  const p = tidy(add(at(1), neg(v0)));
  const linear = !has(p, ctx.k) && tidy(add(at(2), neg(v0), mul(int(-2), p))) === ZERO;
  if (!linear) return { value: v0, general: v };
  let rep = v0;
  const [pv, vv] = [numeric(p), numeric(v0)];
  if (Number.isFinite(pv) && Number.isFinite(vv) && pv !== 0) {
    const shift = Math.floor(vv / Math.abs(pv) + 1e-12);
    if (shift !== 0) rep = tidy(add(v0, mul(int(-shift), call('abs', [p]))));
  }
  if (rep.kind === 'add' || rep.kind === 'mul') rep = piMultiple(rep) ?? rep;
  const step = tidy(call('abs', [p]));
  return { value: rep, general: tidy(add(rep, mul(step, ctx.k))), period: step };
}

/** The verdict for a value, and for a periodic family at three of its members (sin(x)/x = 0 has x = 2kπ
 *  except k = 0: such a family is neither kept nor dropped whole). */
function familyVerdict(e: Expr, b: Branch, ctx: Context, exact: boolean): 'root' | 'not' | 'mixed' {
  if (!has(b.value, ctx.k)) return verdict(e, b, ctx, exact);
  const at = (j: number): Branch => ({ value: substitute(b.value, new Map([[ctx.k as Expr, int(j)]])), conds: b.conds });
  const vs = [0, 1, -1].map((j) => verdict(e, at(j), ctx));
  return vs.every((v) => v === vs[0]) ? vs[0]! : 'mixed';
}

/** Does the root survive the assumptions about x? */
function allowed(v: Expr, x: Sym, A: Assumptions): boolean {
  const facts = (['positive', 'nonnegative', 'negative', 'nonpositive', 'nonzero'] as const).filter((f) => A.has(x.name, f));
  if (facts.length === 0) return true;
  if (someNode(v, (n) => n === I)) return false; // a sign says x is real
  const d = numeric(v);
  if (Number.isFinite(d) && freeSymbols(v).length === 0) {
    return facts.every((f) => (f === 'positive' ? d > 0 : f === 'nonnegative' ? d >= 0 : f === 'negative' ? d < 0 : f === 'nonpositive' ? d <= 0 : d !== 0));
  }
  if (facts.includes('positive') && (A.isNegative(v))) return false;
  if (facts.includes('negative') && A.isPositive(v)) return false;
  return true;
}

/** Is e identically 0? Polynomials by their coefficients (x¹⁰⁰⁰ − 1 is not simplified), the rest by tidy. */
function isZero(e: Expr, x: Sym): boolean {
  const p = asPolynomial(e, x);
  if (p !== undefined) return p.length === 0;
  const sparse = sparseTerms(e, x);
  if (sparse !== undefined && sparse.size <= 4) return [...sparse.values()].every((c) => tidy(c) === ZERO);
  return tidy(e) === ZERO;
}

/** Does e have a denominator with a function of x that can be infinite (gamma, tan, …)? Then e may tend to 0
 *  where that denominator has a pole, which the methods here do not look for. */
function infiniteDenominator(e: Expr, x: Sym): boolean {
  const [, den] = splitFraction(together1(e));
  return someNode(den, (n) => n.kind === 'call' && has(n, x) && !['exp', 'sqrt', 'abs', 'sin', 'cos', 'sinh', 'cosh', 'atan', 'tanh'].includes(n.fn));
}

/** The solutions of `eq` (an equation a = b, or an expression meaning expr = 0) for x. */
export function solve(eq: Expr, xArg: Expr, opts: SolveOptions = {}): Solutions {
  if (xArg.kind !== 'sym') throw new SolveError(`solve for a variable, got ${text(xArg)}`);
  const x = xArg;
  let lhs: Expr;
  let rhs: Expr;
  if (eq.kind === 'rel') {
    if (eq.op !== '=') throw new SolveError(`solve takes an equation a = b, not an inequality (${text(eq)})`);
    [lhs, rhs] = [eq.lhs, eq.rhs];
  } else if (eq.kind === 'list' || eq.kind === 'define') {
    throw new SolveError(`solve takes one equation in one unknown, got ${text(eq)}`);
  } else [lhs, rhs] = [eq, ZERO];
  const e = difference(lhs, rhs);
  if (!has(e, x)) throw new SolveError(`${text(eq)} does not contain ${x.name}`);
  if (isZero(e, x)) throw new SolveError(`${text(eq)} holds for every ${x.name}`);
  const ctx = makeContext(x, e, opts.assume ?? new Assumptions());
  const f = candidates(lhs, rhs, ctx);
  if (f === undefined) throw new SolveError(`could not solve ${text(eq)} for ${x.name}: no method applies (try nsolve(f, ${x.name}, x0) from a starting point)`);
  if (f.family !== undefined) return { values: [], roots: [], k: ctx.k, family: f.family };
  const complexOk = algebraicInX(e, x);
  const roots: Root[] = [];
  const seen = new Set<Expr>();
  const seenValues: number[] = [];
  for (const b0 of f.branches) {
    let value = f.final === true ? b0.value : b0.value.kind === 'float' ? exactFor(b0.value.value, e, x) ?? b0.value : tidyLog(rationalLog(tidy(b0.value)));
    if (!complexOk && someNode(value, (n) => n === I)) continue;
    const conds: string[] = [];
    const kept: Expr[] = [];
    let impossible = false;
    for (const d of decideAll(b0.conds)) {
      if (d.kind === 'false') impossible = true;
      else if (d.kind === 'text') { if (!conds.includes(d.text)) conds.push(d.text); kept.push(...d.conds); }
    }
    if (impossible) continue; // outside the range of a function inverted on the way: proven not a solution
    const b: Branch = { value, conds: kept };
    const v = familyVerdict(e, b, ctx, f.final === true);
    if (v === 'not') continue;
    if (v === 'mixed') {
      throw new SolveError(`could not solve ${text(eq)} for ${x.name}: ${has(b0.value, ctx.k) ? `the family ${text(b0.value)} contains solutions and values that are not (for example where the equation is undefined)` : `the candidate ${text(value)} is a solution for some values of ${ctx.params.join(', ')} but not others, and the condition could not be stated`}`);
    }
    const p = period(value, ctx);
    value = p.value;
    if (!allowed(value, x, ctx.assume)) continue;
    if (seen.has(value)) continue;
    const nv = freeSymbols(value).length === 0 && !someNode(value, (n) => n === I) ? numeric(value) : NaN;
    if (Number.isFinite(nv) && seenValues.some((s) => Math.abs(s - nv) <= 1e-12 * (1 + Math.abs(nv)))) continue;
    seen.add(value);
    if (Number.isFinite(nv)) seenValues.push(nv);
    roots.push({ value, conditions: conds, ...(p.general === undefined ? {} : { general: p.general }), ...(p.period === undefined ? {} : { period: p.period }), ...(f.numeric === undefined ? {} : { numeric: true }) });
  }
  if (roots.length === 0 && infiniteDenominator(e, x)) {
    throw new SolveError(`could not solve ${text(eq)} for ${x.name}: no candidate is a solution, and values where a denominator becomes infinite were not examined`);
  }
  const key = (r: Root): number => (freeSymbols(r.value).length === 0 && !someNode(r.value, (n) => n === I) ? numeric(r.value) : Infinity);
  if (!roots.some((r) => someNode(r.value, (n) => n === I))) roots.sort((a, b) => { const [p, q] = [key(a), key(b)]; return p === q || (!Number.isFinite(p) && !Number.isFinite(q)) ? 0 : p - q; });
  if (roots.length === 0 && f.numeric !== undefined) {
    throw new SolveError(`could not solve ${text(eq)} for ${x.name}: the numeric search found no root it could confirm`);
  }
  return { values: roots.map((r) => r.value), roots, k: ctx.k, ...(f.numeric === undefined ? {} : { note: f.numeric }) };
}
