/**
 * Candidate solutions of lhs = rhs: every method here returns a list that contains every solution (over ℂ for
 * polynomials, over ℝ otherwise), or undefined when it does not apply; the numeric fallback alone may miss
 * some and says so. Candidates may include extra values (from squaring, applying inverse functions); the
 * caller substitutes each back. Methods are tried in order: polynomial, isolation, logarithms of both sides,
 * the same one-to-one function on both sides, piecewise cases, trig equations in one function, powers of one
 * exponential, inverse functions applied to both sides, squaring away radicals, and last numeric roots.
 */
import { type Expr, type Sym, I, ZERO, rel, add, mul, neg, pow, call, int, float, numOf, sym, PI, MINUS_ONE } from '../ast/expr.js';
import { substitute, nodes, someNode } from '../ast/walk.js';
import { freeSymbols } from '../eval/n.js';
import { evaluate } from '../eval/evaluate.js';
import { together, factor as factorExpr } from '../simplify/index.js';
import { asPolynomial } from '../integrate/ratexpr.js';
import { type Branch, type Context, branch, difference, has, tidy } from './context.js';
import { sparseTerms, KSYM, binomialRoots, formulaRoots, polynomialCoefficients, rationalPolynomialRoots } from './polynomial.js';
import { isolate } from './isolate.js';
import { takeLogs, sameFunction } from './logs.js';
import { cases } from './piecewise.js';
import { halfAngleForm, angleOf, commonBase } from './trig.js';
import { applyForward, squareAway, splitFraction } from './radical.js';
import { signChangeRoots, allPolynomialRoots, complexValue, NUMERIC_RANGE } from './numeric.js';
import type { Family } from './types.js';

export interface Found {
  readonly branches: Branch[];
  /** Set when the list came from the numeric fallback: how it was found and what it does not prove. */
  readonly numeric?: string;
  readonly family?: Family;
  /** Values already in final form (many roots of unity): printed as they are. */
  readonly final?: boolean;
  /** The method, for messages and steps. */
  readonly method: string;
}

const found = (method: string, branches: Branch[], extra: Partial<Found> = {}): Found => ({ method, branches, ...extra });
const plain = (values: readonly Expr[]): Branch[] => values.map((v) => branch(v));

/** Candidates of a polynomial equation num = 0 in x, or undefined when num is not a polynomial in x. */
function polynomial(num: Expr, ctx: Context): Found | undefined {
  const { x } = ctx;
  const sparse = sparseTerms(num, x);
  if (sparse !== undefined && sparse.size === 2) {
    // a xⁿ + b x^m: 0 (when m > 0) and the roots of a x^(n−m) + b
    const [m, n] = [...sparse.keys()].sort((a, b) => a - b) as [number, number];
    const [b, a] = [tidy(sparse.get(m)!), tidy(sparse.get(n)!)];
    const rationalSmall = a.kind === 'num' && b.kind === 'num' && n - m <= 12; // factoring gives radicals
    if (n - m >= 3 && b !== ZERO && a !== ZERO && !rationalSmall) {
      const r = binomialRoots(tidy(neg(mul(b, pow(a, MINUS_ONE)))), n - m);
      if ('family' in r) {
        if (m > 0) return undefined;
        return found('roots of unity', [], { family: { value: substitute(r.family.value, new Map([[KSYM as Expr, ctx.k]])), count: r.family.count } });
      }
      return found('binomial', plain([...(m > 0 ? [ZERO] : []), ...r.roots]), n - m > 12 ? { final: true } : {});
    }
  }
  const rational = asPolynomial(num, x);
  const c = rational !== undefined ? undefined : polynomialCoefficients(num, x);
  const n = rational !== undefined ? rational.length - 1 : c === undefined ? -1 : c.length - 1;
  if (n < 1) return undefined;
  const coef: Expr[] = rational !== undefined ? rational.map((r) => numOf(r)) : c!;
  if (rational !== undefined) {
    const roots = rationalPolynomialRoots(rational);
    if (roots !== undefined) return found('polynomial', plain(roots), { final: true });
  } else {
    const f = formulaRoots(coef);
    const lead = coef[coef.length - 1]!;
    // the formula divides by the leading coefficient: it holds where that is not 0
    const conds = freeSymbols(lead).length > 0 ? [rel('!=', lead, ZERO)] : [];
    if (f !== undefined) return found('polynomial', f.map((v) => branch(v, conds)));
  }
  // numeric coefficients: all n roots numerically
  if (coef.every((t) => freeSymbols(t).length === 0) && n <= 120) {
    let values: number[];
    try { values = coef.map((t) => evaluate(t)); } catch { return undefined; }
    const roots = allPolynomialRoots(values);
    if (roots === undefined) return undefined;
    roots.sort((a, b) => (a[1] === 0 ? 0 : 1) - (b[1] === 0 ? 0 : 1) || a[0] - b[0] || a[1] - b[1]);
    return found('numeric polynomial roots', plain(roots.map(complexValue)), { numeric: `numeric: all ${n} roots of the polynomial (Durand–Kerner iteration; no closed form found)` });
  }
  return undefined;
}


/** The factors of e that contain x (powers by their base), factoring a sum when that gives a product. */
function productFactors(e: Expr, x: Sym): Expr[] {
  let p = e;
  if (e.kind === 'add' && sparseTerms(e, x) === undefined) {
    try {
      const f = factorExpr(e);
      if (f.kind === 'mul' || f.kind === 'pow') p = f;
    } catch {
      // not factorable: one factor
    }
  }
  const base = (t: Expr): Expr => (t.kind === 'pow' && t.exp.kind === 'num' && t.exp.value[0] > 0n ? t.base : t);
  const fs = (p.kind === 'mul' ? p.args : [p]).filter((t) => has(t, x)).map(base);
  return fs.length === 1 && fs[0] === e ? [e] : fs;
}

/** The two sides to work on: the given ones, or a split of a sum into its x-terms and the rest. */
function sides(lhs: Expr, rhs: Expr, x: Sym): [Expr, Expr] {
  if (rhs !== ZERO || lhs.kind !== 'add') return [lhs, rhs];
  const inX = lhs.args.filter((t) => has(t, x));
  const rest = lhs.args.filter((t) => !has(t, x));
  if (inX.length === 2 && rest.length === 0) return [inX[0]!, tidy(neg(inX[1]!))];
  if (rest.length > 0) return [add(...inX), tidy(neg(add(...rest)))];
  return [lhs, rhs];
}

/** exp(n u) for integer n written as uⁿ: the equation as a polynomial in one exponential. */
function oneExponential(e: Expr, ctx: Context): { inU: Expr; u: Sym; base: Expr } | undefined {
  const exps = [...new Set([...nodes(e)].filter((n) => n.kind === 'call' && n.fn === 'exp' && has(n, ctx.x)))];
  if (exps.length < 2) return undefined;
  const cb = commonBase(exps.map((t) => (t as { args: readonly Expr[] }).args[0]!));
  if (cb === undefined) return undefined;
  const [base, ns] = cb;
  const us = sym('u__');
  const inU = substitute(e, new Map(exps.map((t, j) => [t, pow(us, int(ns[j]!))])));
  return has(inU, ctx.x) ? undefined : { inU, u: us, base };
}

/** Every candidate of lhs = rhs for ctx.x, or undefined when no method applies. */
export function candidates(lhs: Expr, rhs: Expr, ctx: Context): Found | undefined {
  if (ctx.depth > 8) return undefined;
  const sub = (l: Expr, r: Expr = ZERO, c: Context = ctx): Found | undefined => {
    c.depth++;
    try { return candidates(l, r, c); } finally { c.depth--; }
  };
  const { x } = ctx;
  const e = difference(lhs, rhs);
  const [num, den] = splitFraction(together(e));
  if (!has(num, x)) {
    if (tidy(num) === ZERO) return undefined;
    if (freeSymbols(num).length === 0) return found('no solution', []); // c/q(x) = 0 with c ≠ 0
    return undefined;
  }
  const poly = polynomial(num, ctx);
  if (poly !== undefined) return poly;
  if (has(den, x) && num !== e) {
    // num/den = 0 only where num = 0 (values where den is 0 or undefined are removed by the check back)
    const f = sub(num);
    if (f !== undefined) return f;
  }
  const product = productFactors(num, x);
  if (product.length > 1) {
    // a product is 0 where one factor is 0 (and the others are defined: the check back sees to that)
    const out: Branch[] = [];
    let numeric: string | undefined;
    for (const fac of product) {
      const f = sub(fac);
      if (f === undefined || f.family !== undefined) return undefined;
      numeric ??= f.numeric;
      out.push(...f.branches);
    }
    return found('product', out, numeric === undefined ? {} : { numeric });
  }
  for (const [l, r] of [[lhs, rhs], [rhs, lhs]] as const) {
    if (!has(l, x) || has(r, x)) continue;
    const iso = isolate(l, r, ctx);
    if (iso !== undefined) return found('isolation', iso);
  }
  const [L, R] = sides(lhs, rhs, x);
  if (L !== lhs || R !== rhs) {
    const iso = has(R, x) ? undefined : isolate(L, R, ctx);
    if (iso !== undefined) return found('isolation', iso);
  }
  const logs = takeLogs(L, R, x) ?? sameFunction(L, R);
  if (logs !== undefined) {
    const f = sub(logs);
    if (f !== undefined) return f;
  }
  const split = cases(e, x);
  if (split !== undefined) {
    const out: Branch[] = [];
    let numeric: string | undefined;
    for (const c of split) {
      const f = sub(c.e);
      if (f === undefined) return undefined;
      numeric ??= f.numeric;
      for (const b of f.branches) out.push(branch(b.value, [...b.conds, substitute(c.when, new Map([[x as Expr, b.value]]))]));
    }
    return found('cases', out, numeric === undefined ? {} : { numeric });
  }
  const trig = halfAngleForm(e, ctx);
  if (trig !== undefined) {
    const tctx: Context = { ...ctx, x: trig.t };
    const f = sub(trig.inT, ZERO, tctx);
    if (f !== undefined && f.family === undefined) {
      const out: Branch[] = [];
      const twoPiK = mul(int(2), PI, ctx.k);
      const angles = f.branches.filter((b) => !someNode(b.value, (n) => n === I))
        .map((b) => ({ angle: b.value.kind === 'float' ? float(2 * Math.atan(b.value.value)) : angleOf(b.value), conds: b.conds }));
      angles.push({ angle: PI, conds: [] }); // t = tan(u/2) is infinite at u = π
      for (const a of angles) {
        const iso = isolate(trig.u, add(a.angle, twoPiK), ctx, a.conds);
        if (iso === undefined) return undefined;
        out.push(...iso);
      }
      return found('half-angle', out, f.numeric === undefined ? {} : { numeric: f.numeric });
    }
  }
  const ex = oneExponential(num, ctx);
  if (ex !== undefined) {
    const f = sub(ex.inU, ZERO, { ...ctx, x: ex.u });
    if (f !== undefined && f.family === undefined) {
      const out: Branch[] = [];
      for (const b of f.branches) {
        const iso = isolate(call('exp', [ex.base]), b.value, ctx, b.conds);
        if (iso === undefined) return undefined;
        out.push(...iso);
      }
      return found('one exponential', out, f.numeric === undefined ? {} : { numeric: f.numeric });
    }
  }
  const forward = applyForward(L, R, ctx) ?? applyForward(lhs, rhs, ctx);
  if (forward !== undefined) {
    const f = sub(forward);
    if (f !== undefined) return f;
  }
  const squared = squareAway(num, ctx);
  if (squared !== undefined && has(squared, x)) {
    const f = sub(squared);
    if (f !== undefined) return f;
  }
  if (ctx.params.length === 0 && freeSymbols(e).every((s) => s === x.name)) {
    const roots = signChangeRoots(e, x);
    if (roots.length > 0) {
      return found('numeric', plain(roots.map((r) => float(r))), {
        numeric: `numeric: the real roots where the sign changes in [-${NUMERIC_RANGE}, ${NUMERIC_RANGE}]; others may exist`,
      });
    }
  }
  return undefined;
}
