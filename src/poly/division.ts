/**
 * Division of polynomials over ℚ: exact division, division with remainder (lex leading terms, which
 * for a univariate divisor is ordinary Euclidean division), division in a main variable, and
 * pseudo-division.
 */
import { type Rational, rdiv, rmul } from '../ast/rational.js';
import { monoDiv, zeroExponents } from './monomial.js';
import { Poly, PolyError, type Term } from './poly.js';
import { leadingCoefficientIn } from './structure.js';

export class DivisionByZeroError extends PolyError {
  override name = 'DivisionByZeroError';
}

function nonZero(b: Poly, what: string): void {
  if (b.isZero()) throw new DivisionByZeroError(`${what}: division by the zero polynomial`);
}

/** a / b when b divides a exactly in ℚ[x…], else undefined. */
export function tryDivide(a: Poly, b: Poly): Poly | undefined {
  nonZero(b, 'tryDivide');
  if (a.isZero()) return a;
  const lt = b.leadingTerm();
  if (b.terms.length === 1) {
    const inv: Rational = rdiv([1n, 1n], lt.coef);
    const out: Term[] = [];
    for (const t of a.terms) {
      const e = monoDiv(t.exp, lt.exp);
      if (!e) return undefined;
      out.push({ exp: e, coef: rmul(t.coef, inv) });
    }
    return Poly.fromSorted(a.nvars, out);
  }
  const q: Term[] = [];
  let r = a;
  while (!r.isZero()) {
    const t = r.leadingTerm();
    const e = monoDiv(t.exp, lt.exp);
    if (!e) return undefined;
    const c = rdiv(t.coef, lt.coef);
    q.push({ exp: e, coef: c });
    r = r.sub(b.mulTerm(e, c));
  }
  return Poly.fromSorted(a.nvars, q);
}

/** a / b, throwing a PolyError when the division is not exact. */
export function divideExact(a: Poly, b: Poly): Poly {
  const q = tryDivide(a, b);
  if (!q) throw new PolyError('polynomial division is not exact');
  return q;
}

/**
 * Division with remainder by lex leading terms: a = q·b + r where no term of r is divisible by the
 * leading monomial of b. For univariate a and b this is Euclidean division with deg r < deg b.
 */
export function divmod(a: Poly, b: Poly): { q: Poly; r: Poly } {
  nonZero(b, 'divmod');
  const lt = b.leadingTerm();
  const q: Term[] = [];
  const rem: Term[] = [];
  let p = a;
  while (!p.isZero()) {
    const t = p.leadingTerm();
    const e = monoDiv(t.exp, lt.exp);
    if (e) {
      const c = rdiv(t.coef, lt.coef);
      q.push({ exp: e, coef: c });
      p = p.sub(b.mulTerm(e, c));
    } else {
      rem.push(t);
      p = Poly.fromSorted(p.nvars, p.terms.slice(1) as Term[]);
    }
  }
  return { q: Poly.fromSorted(a.nvars, q), r: Poly.fromSorted(a.nvars, rem) };
}

/**
 * Division in the main variable x_v: a = q·b + r with deg_v r < deg_v b, the other variables treated
 * as coefficients. Each step divides by lc_v(b) exactly, so this succeeds whenever lc_v(b) is a
 * constant (or happens to divide); otherwise use `pseudoDivide`.
 */
export function divmodIn(a: Poly, b: Poly, v: number): { q: Poly; r: Poly } {
  nonZero(b, 'divmodIn');
  const db = b.degree(v);
  const lb = leadingCoefficientIn(b, v);
  let q = Poly.zero(a.nvars);
  let r = a;
  for (let dr = r.degree(v); dr >= db; dr = r.degree(v)) {
    const lr = leadingCoefficientIn(r, v);
    const c = tryDivide(lr, lb);
    if (!c) throw new PolyError(`leading coefficient in x${v} of the divisor does not divide; use pseudoDivide`);
    const exp = zeroExponents(a.nvars);
    exp[v] = dr - db;
    const t = c.mulTerm(exp, [1n, 1n]);
    q = q.add(t);
    r = r.sub(t.mul(b));
  }
  return { q, r };
}

/**
 * Pseudo-division in x_v: lc_v(b)^(deg_v a − deg_v b + 1) · a = q·b + r with deg_v r < deg_v b.
 * Needs no division of coefficients, so it works over ℤ[other variables].
 */
export function pseudoDivide(a: Poly, b: Poly, v: number): { q: Poly; r: Poly; multiplier: Poly } {
  nonZero(b, 'pseudoDivide');
  const db = b.degree(v);
  const lb = leadingCoefficientIn(b, v);
  let delta = Math.max(a.degree(v) - db + 1, 0);
  const multiplier = lb.pow(delta);
  let q = Poly.zero(a.nvars);
  let r = a;
  for (let dr = r.degree(v); dr >= db && !r.isZero(); dr = r.degree(v)) {
    const exp = zeroExponents(a.nvars);
    exp[v] = dr - db;
    const t = leadingCoefficientIn(r, v).mulTerm(exp, [1n, 1n]);
    q = q.mul(lb).add(t);
    r = r.mul(lb).sub(t.mul(b));
    delta--;
  }
  const f = lb.pow(delta);
  return { q: q.mul(f), r: r.mul(f), multiplier };
}

/** Pseudo-remainder only (see `pseudoDivide`). */
export function pseudoRemainder(a: Poly, b: Poly, v: number): Poly {
  return pseudoDivide(a, b, v).r;
}


