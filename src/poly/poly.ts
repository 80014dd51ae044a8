/**
 * Sparse multivariate polynomials over ℚ in canonical form.
 *
 * A `Poly` knows only how many variables it has (`nvars`); variable i is position i of whatever
 * variable list (`string[]`) the caller keeps. Terms are stored with non-zero rational coefficients,
 * in strictly decreasing lexicographic order of their exponent vectors, so two polynomials are equal
 * exactly when their term lists are equal. Instances are immutable.
 */
import { type Rational, radd, rmul, rneg, ZERO } from '../ast/rational.js';
import { type Exponents, lexCompare, monoMul, monoKey, monoDegree, zeroExponents } from './monomial.js';
import { type Coef, toRat, risZero, req } from './ratutil.js';
import { polyToString } from './format.js';

export interface Term {
  readonly exp: Exponents;
  readonly coef: Rational;
}

export class PolyError extends Error {
  override name = 'PolyError';
}

export class Poly {
  private constructor(
    readonly nvars: number,
    readonly terms: readonly Term[],
  ) {}

  /** Build from arbitrary terms: merges like monomials, drops zeros, sorts. */
  static fromTerms(nvars: number, terms: Iterable<{ exp: Exponents; coef: Coef }>): Poly {
    checkNvars(nvars);
    const acc = new Map<string, { exp: Exponents; coef: Rational }>();
    for (const t of terms) {
      if (t.exp.length !== nvars) {
        throw new PolyError(`exponent vector of length ${t.exp.length} given for a polynomial in ${nvars} variables`);
      }
      for (const e of t.exp) {
        if (!Number.isInteger(e) || e < 0) throw new PolyError(`exponent ${e} is not a non-negative integer`);
      }
      const k = monoKey(t.exp);
      const c = toRat(t.coef);
      const old = acc.get(k);
      acc.set(k, { exp: old ? old.exp : t.exp.slice(), coef: old ? radd(old.coef, c) : c });
    }
    return Poly.fromMap(nvars, acc);
  }

  /** @internal Terms from a map of already-valid entries (used by the algorithms of this folder). */
  static fromMap(nvars: number, acc: Map<string, { exp: Exponents; coef: Rational }>): Poly {
    const out: Term[] = [];
    for (const t of acc.values()) if (!risZero(t.coef)) out.push(t);
    out.sort((a, b) => lexCompare(b.exp, a.exp));
    return new Poly(nvars, out);
  }

  /** @internal Trusted constructor for term lists already in canonical order; no checks. */
  static fromSorted(nvars: number, terms: Term[]): Poly {
    return new Poly(nvars, terms);
  }

  static zero(nvars: number): Poly {
    checkNvars(nvars);
    return new Poly(nvars, []);
  }

  static constant(nvars: number, c: Coef): Poly {
    checkNvars(nvars);
    const r = toRat(c);
    return new Poly(nvars, risZero(r) ? [] : [{ exp: zeroExponents(nvars), coef: r }]);
  }

  static one(nvars: number): Poly {
    return Poly.constant(nvars, 1n);
  }

  /** The variable with index `i`, raised to `power` (default 1). */
  static variable(nvars: number, i: number, power = 1): Poly {
    checkNvars(nvars);
    if (!Number.isInteger(i) || i < 0 || i >= nvars) throw new PolyError(`variable index ${i} outside 0..${nvars - 1}`);
    const exp = zeroExponents(nvars);
    exp[i] = power;
    return Poly.fromTerms(nvars, [{ exp, coef: 1n }]);
  }

  static monomial(nvars: number, exp: Exponents, coef: Coef = 1n): Poly {
    return Poly.fromTerms(nvars, [{ exp, coef }]);
  }

  /** Univariate in variable v from coefficients listed from degree 0 upwards. */
  static fromCoeffs(nvars: number, v: number, coeffs: readonly Coef[]): Poly {
    checkNvars(nvars);
    if (!Number.isInteger(v) || v < 0 || v >= nvars) throw new PolyError(`variable index ${v} outside 0..${nvars - 1}`);
    return Poly.fromTerms(
      nvars,
      coeffs.map((c, k) => {
        const exp = zeroExponents(nvars);
        exp[v] = k;
        return { exp, coef: c };
      }),
    );
  }

  isZero(): boolean {
    return this.terms.length === 0;
  }

  isConstant(): boolean {
    return this.terms.length === 0 || (this.terms.length === 1 && monoDegree(this.terms[0]!.exp) === 0);
  }

  /** The constant value; throws unless the polynomial is constant. */
  constantValue(): Rational {
    if (!this.isConstant()) throw new PolyError('polynomial is not constant');
    return this.terms.length === 0 ? ZERO : this.terms[0]!.coef;
  }

  equals(o: Poly): boolean {
    if (this.nvars !== o.nvars || this.terms.length !== o.terms.length) return false;
    for (let i = 0; i < this.terms.length; i++) {
      const a = this.terms[i]!;
      const b = o.terms[i]!;
      if (!req(a.coef, b.coef) || lexCompare(a.exp, b.exp) !== 0) return false;
    }
    return true;
  }

  add(o: Poly): Poly {
    this.check(o);
    return this.combine(o, false);
  }

  sub(o: Poly): Poly {
    this.check(o);
    return this.combine(o, true);
  }

  neg(): Poly {
    return new Poly(
      this.nvars,
      this.terms.map((t) => ({ exp: t.exp, coef: rneg(t.coef) })),
    );
  }

  /** Multiply every coefficient by the rational c. */
  scale(c: Coef): Poly {
    const r = toRat(c);
    if (risZero(r)) return Poly.zero(this.nvars);
    return new Poly(
      this.nvars,
      this.terms.map((t) => ({ exp: t.exp, coef: rmul(t.coef, r) })),
    );
  }

  /** Multiply by the monomial c·x^exp. */
  mulTerm(exp: Exponents, c: Rational): Poly {
    if (risZero(c)) return Poly.zero(this.nvars);
    return new Poly(
      this.nvars,
      this.terms.map((t) => ({ exp: monoMul(t.exp, exp), coef: rmul(t.coef, c) })),
    );
  }

  mul(o: Poly): Poly {
    this.check(o);
    if (this.isZero() || o.isZero()) return Poly.zero(this.nvars);
    if (o.terms.length === 1) return this.mulTerm(o.terms[0]!.exp, o.terms[0]!.coef);
    if (this.terms.length === 1) return o.mulTerm(this.terms[0]!.exp, this.terms[0]!.coef);
    const acc = new Map<string, { exp: Exponents; coef: Rational }>();
    for (const a of this.terms) {
      for (const b of o.terms) {
        const exp = monoMul(a.exp, b.exp);
        const k = monoKey(exp);
        const c = rmul(a.coef, b.coef);
        const old = acc.get(k);
        if (old) old.coef = radd(old.coef, c);
        else acc.set(k, { exp, coef: c });
      }
    }
    return Poly.fromMap(this.nvars, acc);
  }

  /** Power by repeated squaring; k must be a non-negative integer. */
  pow(k: number): Poly {
    if (!Number.isInteger(k) || k < 0) throw new PolyError(`polynomial power ${k} is not a non-negative integer`);
    let result = Poly.one(this.nvars);
    let base: Poly = this;
    while (k > 0) {
      if (k & 1) result = result.mul(base);
      k >>= 1;
      if (k > 0) base = base.mul(base);
    }
    return result;
  }

  /** Degree in variable v, or the total degree when v is omitted. The zero polynomial has degree -1. */
  degree(v?: number): number {
    let d = -1;
    for (const t of this.terms) d = Math.max(d, v === undefined ? monoDegree(t.exp) : t.exp[v]!);
    return d;
  }

  /** Leading term in lex order. Throws on zero. */
  leadingTerm(): Term {
    const t = this.terms[0];
    if (!t) throw new PolyError('the zero polynomial has no leading term');
    return t;
  }

  /** Leading coefficient in lex order (zero for the zero polynomial). */
  lc(): Rational {
    return this.terms.length === 0 ? ZERO : this.terms[0]!.coef;
  }

  /** Indices of the variables that occur. */
  variables(): number[] {
    const seen = new Array<boolean>(this.nvars).fill(false);
    for (const t of this.terms) t.exp.forEach((e, i) => { if (e > 0) seen[i] = true; });
    return seen.flatMap((s, i) => (s ? [i] : []));
  }

  /** Value at a point (one rational per variable). */
  evaluate(point: readonly Coef[]): Rational {
    if (point.length !== this.nvars) throw new PolyError(`point has ${point.length} coordinates, polynomial has ${this.nvars} variables`);
    const pt = point.map(toRat);
    let s: Rational = ZERO;
    for (const t of this.terms) {
      let m: Rational = t.coef;
      t.exp.forEach((e, i) => { for (let j = 0; j < e; j++) m = rmul(m, pt[i]!); });
      s = radd(s, m);
    }
    return s;
  }

  /** Readable text such as `3*x^2*y - 1/2*x + 7`; names default to x, y, z or x0, x1, … . */
  toString(vars?: readonly string[]): string {
    return polyToString(this, vars);
  }

  private combine(o: Poly, negate: boolean): Poly {
    const a = this.terms;
    const b = o.terms;
    const out: Term[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      const c = i >= a.length ? -1 : j >= b.length ? 1 : lexCompare(a[i]!.exp, b[j]!.exp);
      if (c > 0) out.push(a[i++]!);
      else if (c < 0) {
        const t = b[j++]!;
        out.push(negate ? { exp: t.exp, coef: rneg(t.coef) } : t);
      } else {
        const bc = b[j]!.coef;
        const s = radd(a[i]!.coef, negate ? rneg(bc) : bc);
        if (!risZero(s)) out.push({ exp: a[i]!.exp, coef: s });
        i++;
        j++;
      }
    }
    return new Poly(this.nvars, out);
  }

  private check(o: Poly): void {
    if (o.nvars !== this.nvars) throw new PolyError(`polynomials in ${this.nvars} and ${o.nvars} variables cannot be combined`);
  }
}

function checkNvars(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new PolyError(`number of variables ${n} is not a non-negative integer`);
}

