/**
 * Roots of polynomials, every one of them over ℂ: with rational coefficients by factoring over ℚ and solving
 * each factor in radicals (src/integrate/roots.ts); binomials a xⁿ + b with any constant or symbolic b as
 * |c|^(1/n) times the n-th roots of unity (x¹⁰⁰ = 1 lists all 100, larger ones as a family); degree ≤ 2 with
 * symbolic coefficients by the formula. Whatever has no closed form falls to the numeric root finder.
 */
import { type Expr, type Sym, ONE, ZERO, sym, add, mul, neg, pow, int, frac, HALF, MINUS_ONE, I, PI, call, numOf } from '../ast/expr.js';
import { evaluate } from '../eval/evaluate.js';
import { freeSymbols } from '../eval/n.js';
import { coeffs } from '../simplify/index.js';
import { factor as polyFactor } from '../poly/index.js';
import { toPoly, fromPoly, deg, type UPoly } from '../integrate/upoly.js';
import { rootsOf } from '../integrate/rootsLog.js';
import { shiftRoots } from '../integrate/roots.js';
import { someNode } from '../ast/walk.js';
import { has, tidy } from './context.js';
import type { Family } from './types.js';

/** Largest n for which the n roots of xⁿ = c are listed one by one. */
export const MAX_LISTED_ROOTS = 128;

const value = (e: Expr): number => { try { return evaluate(e); } catch { return NaN; } };

/** The roots of a polynomial with rational coefficients, real ones first in increasing order; undefined when
 *  some irreducible factor has no closed form or the closed forms do not account for every root. */
export function rationalPolynomialRoots(p: UPoly): Expr[] | undefined {
  const f = polyFactor(toPoly(p));
  const real: Expr[] = [];
  const complex: Expr[] = [];
  for (const [fac] of f.factors) {
    const d = fromPoly(fac);
    if (deg(d) < 1) continue;
    const r = rootsOf(d);
    if (r === undefined) return undefined;
    const roots = r.h[0] === 0n ? r.roots : shiftRoots(r.roots, r.h);
    if (roots.real.length + 2 * roots.pairs.length !== deg(d)) return undefined;
    for (const x of roots.real) real.push(tidy(x.e));
    for (const pr of roots.pairs) {
      const a = tidy(pr.alpha);
      const b = tidy(pr.beta);
      complex.push(add(a, mul(int(-1), b, I)), add(a, mul(b, I)));
    }
  }
  real.sort((a, b) => value(a) - value(b));
  return [...real, ...complex];
}

/** Coefficients c₀ … c_d of e as a polynomial in x (each free of x), or undefined. */
export function polynomialCoefficients(e: Expr, x: Sym): Expr[] | undefined {
  try {
    const c = coeffs(e, x);
    if (c.kind !== 'list' || c.items.some((t) => has(t, x))) return undefined;
    return c.items.map(tidy);
  } catch {
    return undefined;
  }
}

/** e^(±iπ·q/m) for 0 ≤ q ≤ m, written exactly: ±1, ±i, else cos(θ) ± i sin(θ) with θ = πq/m. */
function unitRoot(q: number, m: number, conj: boolean): Expr {
  if (q === 0) return int(1);
  if (q === m) return int(-1);
  if (2 * q === m) return conj ? neg(I) : I;
  const angle = mul(frac(q, m), PI);
  const small = m <= 12; // cos(π/3) = 1/2 and the like are worth simplifying; larger m keep cos and sin
  const c = small ? tidy(call('cos', [angle])) : call('cos', [angle]);
  const s = small ? tidy(call('sin', [angle])) : call('sin', [angle]);
  return add(c, mul(conj ? int(-1) : int(1), s, I));
}

/** The n roots of xⁿ = c for c free of x: real ones first, then conjugate pairs; or a family when n is large. */
export function binomialRoots(c: Expr, n: number): { roots: Expr[] } | { family: Family } {
  const closed = freeSymbols(c).length === 0 && !someNode(c, (t) => t === I);
  const cv = closed ? value(c) : NaN;
  // for a real constant c, write x = |c|^(1/n) ω with ωⁿ = sign(c); otherwise x = c^(1/n) ω with ωⁿ = 1
  const negative = closed && cv < 0;
  const r = tidy(pow(negative ? neg(c) : c, numOf([1n, BigInt(n)])));
  const shift = negative ? 1 : 0; // ω = e^(iπ(2j + shift)/n)
  if (n > MAX_LISTED_ROOTS) {
    // exp(iπ(2k + shift)/n), k = 0 … n − 1
    const w = call('exp', [mul(I, PI, add(mul(int(2), KSYM), int(shift)), numOf([1n, BigInt(n)]))]);
    return { family: { value: r === ONE ? w : mul(r, w), count: n } };
  }
  // ω = e^(iπ(2j + shift)/n): the real ones (angle 0 or π), then pairs e^(∓iθ) for 0 < θ < π
  const scaled = (w: Expr): Expr => (r === ONE ? w : w.kind === 'add' ? add(...w.args.map((t) => mul(r, t))) : mul(r, w));
  const real: Expr[] = [];
  const pairs: Expr[] = [];
  for (let q = shift; q <= n; q += 2) {
    if (q === 0 || q === n) real.push(scaled(unitRoot(q, n, false)));
    else pairs.push(scaled(unitRoot(q, n, true)), scaled(unitRoot(q, n, false)));
  }
  real.sort((a, b) => value(a) - value(b));
  return { roots: [...real, ...pairs] };
}

/** The integer of families written by this file; the caller renames it to the context's k. */
export const KSYM = sym('k');

/** a x + b = 0 and a x² + b x + c = 0 with symbolic coefficients: x = −b/a; x = ±√(−c/a) when b = 0. */
export function formulaRoots(c: readonly Expr[]): Expr[] | undefined {
  if (c.length === 2) return [tidy(neg(mul(c[0]!, pow(c[1]!, MINUS_ONE))))];
  if (c.length !== 3) return undefined;
  const [cc, b, a] = c as [Expr, Expr, Expr];
  if (b === ZERO) {
    const s = tidy(pow(neg(mul(cc, pow(a, MINUS_ONE))), HALF));
    return [tidy(neg(s)), s];
  }
  const disc = tidy(add(mul(b, b), mul(int(-4), a, cc)));
  const root = pow(disc, HALF);
  const twoA = pow(mul(int(2), a), MINUS_ONE);
  return [tidy(mul(add(neg(b), neg(root)), twoA)), tidy(mul(add(neg(b), root), twoA))];
}

/** An expanded sum of terms c·xⁿ as a map n ↦ c (c free of x), read without expanding; undefined otherwise.
 *  Cheap for sparse high-degree input such as x¹⁰⁰⁰ − 1. */
export function sparseTerms(e: Expr, x: Sym): Map<number, Expr> | undefined {
  const out = new Map<number, Expr>();
  for (const t of e.kind === 'add' ? e.args : [e]) {
    let n = 0;
    const rest: Expr[] = [];
    for (const f of t.kind === 'mul' ? t.args : [t]) {
      if (f === x) n += 1;
      else if (f.kind === 'pow' && f.base === x && f.exp.kind === 'num' && f.exp.value[1] === 1n && f.exp.value[0] > 0n) n += Number(f.exp.value[0]);
      else if (has(f, x)) return undefined;
      else rest.push(f);
    }
    out.set(n, add(out.get(n) ?? ZERO, mul(...rest)));
  }
  return out;
}
