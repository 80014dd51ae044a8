/**
 * Resultants and discriminants with respect to any variable, coefficients in ℚ[other variables],
 * by the subresultant algorithm as given by H. Cohen (1993), "A Course in Computational Algebraic
 * Number Theory", Algorithm 3.3.7 (after Collins 1967 and Brown & Traub 1971). All divisions are
 * exact, so res_x(a(x), b(x) − t·a'(x)) (Rothstein–Trager) comes out as a polynomial in t.
 */
import { Poly, PolyError } from './poly.js';
import { divideExact, pseudoRemainder } from './division.js';
import { derivative, leadingCoefficientIn } from './structure.js';

/** res_{x_v}(a, b): a polynomial free of x_v; 0 when a and b have a common factor involving x_v. */
export function resultant(a: Poly, b: Poly, v: number): Poly {
  if (a.nvars !== b.nvars) throw new PolyError('resultant of polynomials with different numbers of variables');
  const n = a.nvars;
  if (a.isZero() || b.isZero()) return Poly.zero(n);
  let da = a.degree(v);
  let db = b.degree(v);
  if (da === 0 && db === 0) return Poly.one(n);
  if (db === 0) return b.pow(da);
  if (da === 0) return a.pow(db);
  let s = 1;
  if (da < db) {
    [a, b] = [b, a];
    [da, db] = [db, da];
    if (da % 2 === 1 && db % 2 === 1) s = -1;
  }
  let g = Poly.one(n);
  let h = Poly.one(n);
  for (;;) {
    const delta = a.degree(v) - b.degree(v);
    if (a.degree(v) % 2 === 1 && b.degree(v) % 2 === 1) s = -s;
    const r = pseudoRemainder(a, b, v);
    a = b;
    if (r.isZero()) return Poly.zero(n);
    b = divideExact(r, g.mul(h.pow(delta)));
    g = leadingCoefficientIn(a, v);
    h = delta === 0 ? h : divideExact(g.pow(delta), h.pow(delta - 1));
    if (b.degree(v) === 0) {
      const m = a.degree(v);
      const hh = divideExact(b.pow(m), h.pow(m - 1));
      return s < 0 ? hh.neg() : hh;
    }
  }
}

/** disc_{x_v}(a) = (−1)^{n(n−1)/2} res(a, ∂a/∂x_v) / lc_v(a), n = deg_v a ≥ 1. */
export function discriminant(a: Poly, v: number): Poly {
  const n = a.degree(v);
  if (n < 1) throw new PolyError('discriminant needs a polynomial of degree at least 1 in the variable');
  const r = divideExact(resultant(a, derivative(a, v), v), leadingCoefficientIn(a, v));
  return ((n * (n - 1)) / 2) % 2 === 1 ? r.neg() : r;
}
