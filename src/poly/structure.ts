/**
 * Viewing a multivariate polynomial as a polynomial in one variable with polynomial coefficients,
 * and the operations built on that view: derivative, substitution, composition, partial evaluation.
 */
import { type Rational, rmul, radd, ZERO } from '../ast/rational.js';
import { type Exponents, monoKey } from './monomial.js';
import { Poly, PolyError, type Term } from './poly.js';
import { type Coef, toRat } from './ratutil.js';

/** Coefficients of p as a polynomial in x_v: result[k] is the coefficient of x_v^k (free of x_v). */
export function coefficientsIn(p: Poly, v: number): Poly[] {
  checkVar(p, v);
  const buckets: Term[][] = [];
  for (const t of p.terms) {
    const k = t.exp[v]!;
    while (buckets.length <= k) buckets.push([]);
    const exp = t.exp.slice();
    exp[v] = 0;
    buckets[k]!.push({ exp, coef: t.coef });
  }
  // Removing one variable keeps the relative lex order of the terms within a bucket.
  return buckets.map((ts) => Poly.fromSorted(p.nvars, ts));
}

/** Inverse of `coefficientsIn`: Σ coeffs[k]·x_v^k (coefficients must be free of x_v). */
export function fromCoefficientsIn(nvars: number, v: number, coeffs: readonly Poly[]): Poly {
  const terms: { exp: Exponents; coef: Rational }[] = [];
  coeffs.forEach((c, k) => {
    for (const t of c.terms) {
      if (t.exp[v] !== 0) throw new PolyError(`coefficient of x${v}^${k} still contains x${v}`);
      const exp = t.exp.slice();
      exp[v] = k;
      terms.push({ exp, coef: t.coef });
    }
  });
  return Poly.fromTerms(nvars, terms);
}

/** Leading coefficient of p as a polynomial in x_v (a polynomial free of x_v). */
export function leadingCoefficientIn(p: Poly, v: number): Poly {
  const cs = coefficientsIn(p, v);
  return cs.length === 0 ? Poly.zero(p.nvars) : cs[cs.length - 1]!;
}

/** ∂p/∂x_v. */
export function derivative(p: Poly, v: number): Poly {
  checkVar(p, v);
  const terms: Term[] = [];
  for (const t of p.terms) {
    const e = t.exp[v]!;
    if (e === 0) continue;
    const exp = t.exp.slice();
    exp[v] = e - 1;
    terms.push({ exp, coef: rmul(t.coef, [BigInt(e), 1n]) });
  }
  return Poly.fromTerms(p.nvars, terms);
}

/** p with x_v replaced by q (q may contain any variables, including x_v). Horner in x_v. */
export function substitute(p: Poly, v: number, q: Poly): Poly {
  checkVar(p, v);
  if (q.nvars !== p.nvars) throw new PolyError(`substituted polynomial has ${q.nvars} variables, expected ${p.nvars}`);
  const cs = coefficientsIn(p, v);
  let r = Poly.zero(p.nvars);
  for (let k = cs.length - 1; k >= 0; k--) r = r.mul(q).add(cs[k]!);
  return r;
}

/**
 * Simultaneous substitution x_i ↦ qs[i] for every i; the results may live in a different number of
 * variables (all qs must agree). Useful to rename, reorder or embed variables.
 */
export function compose(p: Poly, qs: readonly Poly[]): Poly {
  if (qs.length !== p.nvars) throw new PolyError(`compose needs ${p.nvars} polynomials, got ${qs.length}`);
  const m = qs.length > 0 ? qs[0]!.nvars : 0;
  if (qs.some((q) => q.nvars !== m)) throw new PolyError('compose: substituted polynomials disagree on the number of variables');
  const powers = qs.map((q) => [Poly.one(m), q]);
  const power = (i: number, e: number): Poly => {
    const ps = powers[i]!;
    while (ps.length <= e) ps.push(ps[ps.length - 1]!.mul(qs[i]!));
    return ps[e]!;
  };
  let r = Poly.zero(m);
  for (const t of p.terms) {
    let mono = Poly.constant(m, t.coef);
    t.exp.forEach((e, i) => { if (e > 0) mono = mono.mul(power(i, e)); });
    r = r.add(mono);
  }
  return r;
}

/** p with x_v set to the rational value c (the variable stays in the list, with exponent 0). */
export function evaluateAt(p: Poly, v: number, c: Coef): Poly {
  checkVar(p, v);
  const x = toRat(c);
  const acc = new Map<string, { exp: Exponents; coef: Rational }>();
  for (const t of p.terms) {
    let coef = t.coef;
    for (let j = 0; j < t.exp[v]!; j++) coef = rmul(coef, x);
    const exp = t.exp.slice();
    exp[v] = 0;
    const k = monoKey(exp);
    const old = acc.get(k);
    acc.set(k, { exp, coef: old ? radd(old.coef, coef) : coef });
  }
  return Poly.fromMap(p.nvars, acc);
}

/** Dense coefficient list (degree 0 upwards) of a polynomial in x_v alone; throws if other variables occur. */
export function toDense(p: Poly, v: number): Rational[] {
  checkVar(p, v);
  const out: Rational[] = new Array<Rational>(Math.max(p.degree(v) + 1, 0)).fill(ZERO);
  for (const t of p.terms) {
    if (t.exp.some((e, i) => i !== v && e !== 0)) throw new PolyError(`polynomial is not univariate in x${v}`);
    out[t.exp[v]!] = t.coef;
  }
  return out;
}

/** The single variable a polynomial depends on, 0 for constants; throws if it has several. */
export function mainVariable(p: Poly): number {
  const vs = p.variables();
  if (vs.length > 1) throw new PolyError(`expected a univariate polynomial, got one in variables ${vs.join(', ')}`);
  return vs[0] ?? 0;
}

function checkVar(p: Poly, v: number): void {
  if (!Number.isInteger(v) || v < 0 || v >= p.nvars) throw new PolyError(`variable index ${v} outside 0..${p.nvars - 1}`);
}
