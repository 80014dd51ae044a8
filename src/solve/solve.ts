/**
 * Solving one equation in one unknown, symbolically.
 *
 * - Polynomial (and rational) equations with rational coefficients: the numerator is factored over ℚ and each
 *   irreducible factor solved in closed form where one exists (linear, quadratic, Cardano/Viète, Ferrari,
 *   binomials xⁿ − c and their factors, P(xᵏ) — the root finder the integrator uses, src/integrate/roots.ts).
 *   Real roots come first in increasing order, then complex pairs α ± β i. Roots of the denominator are dropped.
 * - Polynomials of degree ≤ 2 whose coefficients are symbols: the linear and quadratic formulas.
 * - Otherwise the unknown is isolated by undoing what was done to it, outermost first: moving terms and factors
 *   that do not contain it, taking roots, logarithms, and the inverse functions of the operator table. Periodic
 *   inverses give the principal solution only, and the result says so.
 */
import { type Expr, type Sym, ZERO, add, mul, neg, pow, call, numOf, int, HALF, MINUS_ONE, I } from '../ast/expr.js';
import { FUNCTIONS } from '../ast/ops.js';
import { evaluate } from '../eval/evaluate.js';
import { evaluateExact } from '../eval/exact.js';
import { someNode } from '../ast/walk.js';
import { freeSymbols } from '../eval/n.js';
import { simplify, together, collect, degree } from '../simplify/index.js';
import { text } from '../render/text.js';
import { factor as polyFactor } from '../poly/index.js';
import { asPolynomial } from '../integrate/ratexpr.js';
import { toPoly, fromPoly, deg, type UPoly } from '../integrate/upoly.js';
import { rootsOf } from '../integrate/rootsLog.js';
import { shiftRoots } from '../integrate/roots.js';

export class SolveError extends Error {
  override name = 'SolveError';
}

export interface Solutions {
  readonly values: readonly Expr[];
  /** Set when periodic solutions were reduced to their principal value (sin(x) = 1/2 has x = π/6 + 2kπ, …). */
  readonly principalOnly: boolean;
}

const has = (e: Expr, x: Sym): boolean => freeSymbols(e).includes(x.name);

/** numerator and denominator of e as a single fraction. */
function fraction(e: Expr): [Expr, Expr] {
  const t = together(e);
  const factors = t.kind === 'mul' ? t.args : [t];
  const num: Expr[] = [];
  const den: Expr[] = [];
  for (const f of factors) {
    if (f.kind === 'pow' && f.exp.kind === 'num' && f.exp.value[0] < 0n) den.push(pow(f.base, numOf([-f.exp.value[0], f.exp.value[1]])));
    else num.push(f);
  }
  return [mul(...num), mul(...den)];
}

const tidy = (e: Expr): Expr => {
  try {
    return simplify(evaluateExact(e));
  } catch {
    return e;
  }
};

function polynomialRoots(p: UPoly): Expr[] | undefined {
  const f = polyFactor(toPoly(p));
  const real: Expr[] = [];
  const complex: Expr[] = [];
  for (const [fac] of f.factors) {
    const d = fromPoly(fac);
    if (deg(d) < 1) continue;
    const r = rootsOf(d);
    if (r === undefined) return undefined;
    const roots = r.h[0] === 0n ? r.roots : shiftRoots(r.roots, r.h);
    for (const x of roots.real) real.push(tidy(x.e));
    for (const pr of roots.pairs) {
      const a = tidy(pr.alpha);
      const b = tidy(pr.beta);
      complex.push(add(a, mul(int(-1), b, I)), add(a, mul(b, I)));
    }
  }
  const value = (e: Expr): number => { try { return evaluate(e); } catch { return NaN; } };
  real.sort((a, b) => value(a) - value(b));
  return [...real, ...complex];
}

/** a x + b = 0 and a x² + b x + c = 0 with symbolic coefficients. */
function formula(e: Expr, x: Sym): Expr[] | undefined {
  const deg = (t: Expr): number => {
    try {
      const d = degree(t, x);
      return d.kind === 'num' && d.value[1] === 1n ? Number(d.value[0]) : -1;
    } catch {
      return -1;
    }
  };
  const n = deg(e);
  if (n !== 1 && n !== 2) return undefined;
  const c = collect(e, x);
  const coef = (k: number): Expr => {
    const terms = c.kind === 'add' ? c.args : [c];
    const pick = terms.filter((t) => deg(t) === k);
    return tidy(mul(add(...pick), pow(x, int(-k))));
  };
  if ([0, 1, 2].slice(0, n + 1).some((k) => has(coef(k), x))) return undefined;
  if (n === 1) return [tidy(neg(mul(coef(0), pow(coef(1), MINUS_ONE))))];
  const [a, b, cc] = [coef(2), coef(1), coef(0)];
  const disc = tidy(add(mul(b, b), mul(int(-4), a, cc)));
  const root = pow(disc, HALF);
  const twoA = pow(mul(int(2), a), MINUS_ONE);
  return [tidy(mul(add(neg(b), neg(root)), twoA)), tidy(mul(add(neg(b), root), twoA))];
}

const PERIODIC = new Set(['sin', 'cos', 'tan']);

/** Isolate x in lhs = rhs by undoing the outermost operation repeatedly; undefined when stuck. */
function isolate(lhs: Expr, rhs: Expr, x: Sym, depth = 0): { values: Expr[]; principal: boolean } | undefined {
  if (depth > 30) return undefined;
  if (lhs === x) return { values: [rhs], principal: false };
  if (lhs.kind === 'add') {
    const inside = lhs.args.filter((a) => has(a, x));
    if (inside.length !== 1) return undefined;
    const outside = lhs.args.filter((a) => !has(a, x));
    return isolate(inside[0]!, add(rhs, neg(add(...outside))), x, depth + 1);
  }
  if (lhs.kind === 'mul') {
    const inside = lhs.args.filter((a) => has(a, x));
    if (inside.length !== 1) return undefined;
    const outside = mul(...lhs.args.filter((a) => !has(a, x)));
    return isolate(inside[0]!, mul(rhs, pow(outside, MINUS_ONE)), x, depth + 1);
  }
  if (lhs.kind === 'pow') {
    if (!has(lhs.exp, x)) {
      const inv = pow(rhs, pow(lhs.exp, MINUS_ONE));
      const even = lhs.exp.kind === 'num' && lhs.exp.value[0] % 2n === 0n;
      const branches = even ? [inv, neg(inv)] : [inv];
      const out: Expr[] = [];
      let principal = false;
      for (const b of branches) {
        const r = isolate(lhs.base, b, x, depth + 1);
        if (r === undefined) return undefined;
        out.push(...r.values);
        principal ||= r.principal;
      }
      return { values: out, principal };
    }
    if (!has(lhs.base, x)) return isolate(lhs.exp, mul(call('log', [rhs]), pow(call('log', [lhs.base]), MINUS_ONE)), x, depth + 1);
    return undefined;
  }
  if (lhs.kind === 'call' && lhs.args.length === 1) {
    const row = FUNCTIONS.get(lhs.fn);
    const inverse = lhs.fn === 'exp' ? 'log' : lhs.fn === 'log' ? 'exp' : row?.inverse;
    if (inverse === undefined) return undefined;
    const r = isolate(lhs.args[0]!, call(inverse, [rhs]), x, depth + 1);
    return r && { values: r.values, principal: r.principal || PERIODIC.has(lhs.fn) };
  }
  return undefined;
}

/** Is v a solution, as far as a numeric check at v (and at random values of other symbols) can tell? */
function satisfies(e: Expr, den: Expr, x: Sym, v: Expr): boolean {
  const others = freeSymbols(v).concat(freeSymbols(e)).filter((s) => s !== x.name);
  const env: Record<string, number> = {};
  others.forEach((s, k) => { env[s] = 0.7 + 0.41 * k; });
  let xv: number;
  const complex = someNode(v, (n) => n === I);
  try {
    xv = evaluate(v, env);
  } catch {
    return complex; // written with i: trust the derivation; otherwise a value that is not real (log(−1))
  }
  if (!Number.isFinite(xv)) return complex;
  const at = { ...env, [x.name]: xv };
  try {
    if (den !== ZERO && Math.abs(evaluate(den, at)) < 1e-12) return false;
    const r = evaluate(e, at);
    return !Number.isFinite(r) || Math.abs(r) <= 1e-8 * (1 + Math.abs(xv));
  } catch {
    return true;
  }
}

/** The solutions of `eq` (an equation a = b, or an expression meaning expr = 0) for x. */
export function solve(eq: Expr, xArg: Expr): Solutions {
  if (xArg.kind !== 'sym') throw new SolveError(`solve for a variable, got ${text(xArg)}`);
  const x = xArg;
  let e: Expr;
  if (eq.kind === 'rel') {
    if (eq.op !== '=') throw new SolveError(`solve takes an equation a = b, not an inequality (${text(eq)})`);
    e = add(eq.lhs, neg(eq.rhs));
  } else if (eq.kind === 'list' || eq.kind === 'define') {
    throw new SolveError(`solve takes one equation in one unknown, got ${text(eq)}`);
  } else e = eq;
  if (!has(e, x)) throw new SolveError(`${text(eq)} does not contain ${x.name}`);
  const [num, den] = fraction(e);
  if (tidy(num) === ZERO) throw new SolveError(`${text(eq)} holds for every ${x.name}`);
  if (!has(num, x)) return { values: [], principalOnly: false }; // c/q(x) = 0 with c ≠ 0 has no solution
  // 1. polynomial numerator over ℚ
  const p = asPolynomial(num, x);
  if (p !== undefined && p.length > 1) {
    const roots = polynomialRoots(p);
    if (roots !== undefined) return { values: roots.filter((v) => satisfies(num, den, x, v)), principalOnly: false };
  }
  // 2. linear or quadratic with symbolic coefficients
  const byFormula = formula(num, x);
  if (byFormula !== undefined) return { values: byFormula, principalOnly: false };
  // 3. isolate x
  const eqSide = eq.kind === 'rel' ? isolate(eq.lhs, eq.rhs, x) ?? isolate(eq.rhs, eq.lhs, x) : isolate(e, ZERO, x);
  if (eqSide !== undefined) {
    const values: Expr[] = [];
    for (const v of eqSide.values) {
      try {
        const t = tidy(v);
        if (satisfies(e, ZERO, x, t)) values.push(t);
      } catch {
        // a branch with no value (1/0, log of 0): not a solution
      }
    }
    const seen = new Set<Expr>();
    return { values: values.filter((v) => (seen.has(v) ? false : (seen.add(v), true))), principalOnly: eqSide.principal };
  }
  const dg = p === undefined ? undefined : p.length - 1;
  throw new SolveError(dg !== undefined && dg >= 5
    ? `no closed form for the roots of this degree-${dg} polynomial; nsolve(f, x, x0) finds them numerically`
    : `cannot solve ${text(eq)} for ${x.name} in closed form; nsolve(f, x, x0) finds a root numerically`);
}
