/**
 * A simple algebraic number field K = ℚ(γ) = ℚ[t]/(m(t)), m irreducible, with elements as polynomials in t of
 * degree < deg m (UPoly), and dense polynomials in x over K (index k = coefficient of x^k). Inverses by the extended
 * Euclidean algorithm in ℚ[t]; the norm of a polynomial over K by the resultant res_t(D(x, t), m(t)).
 */
import { type Rational, rat } from '../ast/rational.js';
import { Poly, resultant } from '../poly/index.js';
import { type UPoly, addP, subP, mulP, divmodP, xgcdP, deg, fromPoly } from './upoly.js';

export type KElt = UPoly;
export type KPoly = readonly KElt[];

export class NumberField {
  constructor(readonly m: UPoly) {}

  red(a: UPoly): KElt {
    return a.length < this.m.length ? a : divmodP(a, this.m).r;
  }
  mul(a: KElt, b: KElt): KElt {
    return this.red(mulP(a, b));
  }
  inv(a: KElt): KElt {
    if (a.length === 0) throw new RangeError('inverse of zero in a number field');
    const { g, s } = xgcdP(a, this.m);
    if (deg(g) !== 0) throw new RangeError('the modulus of the number field is not irreducible');
    return this.red(s);
  }

  trim(p: KElt[]): KPoly {
    let n = p.length;
    while (n > 0 && p[n - 1]!.length === 0) n--;
    return p.slice(0, n);
  }
  addX(a: KPoly, b: KPoly): KPoly {
    const out: KElt[] = [];
    for (let k = 0; k < Math.max(a.length, b.length); k++) out.push(addP(a[k] ?? [], b[k] ?? []));
    return this.trim(out);
  }
  mulX(a: KPoly, b: KPoly): KPoly {
    if (a.length === 0 || b.length === 0) return [];
    const out: KElt[] = new Array<KElt>(a.length + b.length - 1).fill([]);
    for (let i = 0; i < a.length; i++) {
      if (a[i]!.length === 0) continue;
      for (let j = 0; j < b.length; j++) out[i + j] = addP(out[i + j]!, mulP(a[i]!, b[j]!));
    }
    return this.trim(out.map((c) => this.red(c)));
  }
  /** a = q·b + r over K. */
  divmodX(a: KPoly, b: KPoly): { q: KPoly; r: KPoly } {
    const r: KElt[] = [...a];
    const q: KElt[] = new Array<KElt>(Math.max(0, a.length - b.length + 1)).fill([]);
    const il = this.inv(b[b.length - 1]!);
    for (let k = a.length - b.length; k >= 0; k--) {
      const c = this.mul(r[k + b.length - 1]!, il);
      q[k] = c;
      if (c.length === 0) continue;
      for (let j = 0; j < b.length; j++) r[k + j] = subP(r[k + j]!, this.mul(c, b[j]!));
    }
    return { q: this.trim(q), r: this.trim(r.slice(0, Math.max(0, b.length - 1))) };
  }

  /** D as a polynomial in (x, t): variable 0 is x, 1 is t. */
  toPoly2(D: KPoly): Poly {
    const terms: { exp: number[]; coef: Rational }[] = [];
    D.forEach((c, k) => c.forEach((v, j) => { if (v[0] !== 0n) terms.push({ exp: [k, j], coef: v }); }));
    return Poly.fromTerms(2, terms);
  }

  /** N(x) = res_t(D(x, t), m(t)) ∈ ℚ[x]: the product of the conjugates of D (up to a constant factor). */
  norm(D: KPoly): UPoly {
    const mt = Poly.fromTerms(2, this.m.map((v, j) => ({ exp: [0, j], coef: v })).filter((t) => t.coef[0] !== 0n));
    return fromPoly(resultant(this.toPoly2(D), mt, 1), 0);
  }

  /** The ℚ[x]-parts of A: A = ∑_j t^j·P_j(x). */
  split(A: KPoly): UPoly[] {
    const out: UPoly[] = [];
    for (let j = 0; j < deg(this.m); j++) {
      const c: Rational[] = A.map((a) => a[j] ?? rat(0n));
      let n = c.length;
      while (n > 0 && c[n - 1]![0] === 0n) n--;
      out.push(c.slice(0, n));
    }
    return out;
  }
}
