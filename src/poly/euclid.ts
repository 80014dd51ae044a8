/**
 * Extended Euclidean algorithm over ℚ[x] and the polynomial Diophantine equation s·a + t·b = c
 * (univariate in a chosen variable; see von zur Gathen & Gerhard, "Modern Computer Algebra",
 * Algorithm 3.14, with monic normalisation of the remainders).
 */
import { Poly, PolyError } from './poly.js';
import { divmodIn } from './division.js';
import { monic } from './content.js';
import { rdiv } from '../ast/rational.js';

function univariateVar(...ps: Poly[]): number {
  const vs = new Set(ps.flatMap((p) => p.variables()));
  if (vs.size > 1) throw new PolyError('extended gcd needs univariate polynomials in one common variable');
  return vs.size === 0 ? 0 : [...vs][0]!;
}

/** g = gcd(a, b) monic (0 if both are 0), with s·a + t·b = g and deg s < deg b − deg g, deg t < deg a − deg g. */
export function xgcd(a: Poly, b: Poly): { g: Poly; s: Poly; t: Poly } {
  const v = univariateVar(a, b);
  const n = a.nvars;
  if (a.isZero() && b.isZero()) return { g: a, s: Poly.zero(n), t: Poly.zero(n) };
  let [r0, r1] = [a, b];
  let [s0, s1] = [Poly.one(n), Poly.zero(n)];
  let [t0, t1] = [Poly.zero(n), Poly.one(n)];
  while (!r1.isZero()) {
    const { q, r } = divmodIn(r0, r1, v);
    [r0, r1] = [r1, r];
    [s0, s1] = [s1, s0.sub(q.mul(s1))];
    [t0, t1] = [t1, t0.sub(q.mul(t1))];
  }
  const inv = rdiv([1n, 1n], r0.lc());
  return { g: monic(r0), s: s0.scale(inv), t: t0.scale(inv) };
}

/**
 * Solve s·a + t·b = c for coprime a, b (univariate): the unique solution with deg s < deg b
 * (then deg t < deg a when deg c < deg a + deg b). Throws if gcd(a, b) does not divide c.
 */
export function solveDiophantine(a: Poly, b: Poly, c: Poly): { s: Poly; t: Poly } {
  const v = univariateVar(a, b, c);
  const { g, s: s0, t: t0 } = xgcd(a, b);
  const { q: cq, r: cr } = divmodIn(c, g, v);
  if (!cr.isZero()) throw new PolyError('s·a + t·b = c has no solution: gcd(a, b) does not divide c');
  let s = s0.mul(cq);
  let t = t0.mul(cq);
  if (!b.isZero()) {
    const bg = divmodIn(b, g, v).q;
    const ag = divmodIn(a, g, v).q;
    const { q, r } = divmodIn(s, bg, v);
    s = r;
    t = t.add(q.mul(ag));
  }
  return { s, t };
}
