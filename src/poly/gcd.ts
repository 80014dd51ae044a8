/**
 * Greatest common divisors of multivariate polynomials.
 *
 * Recursive algorithm over ℤ[x…]: view both polynomials in a main variable, split off contents
 * (recursive gcds of the coefficients), and take the primitive part of the last non-zero term of the
 * subresultant polynomial remainder sequence — G. E. Collins (1967), "Subresultants and reduced
 * polynomial remainder sequences", J. ACM 14; W. S. Brown & J. F. Traub (1971), "On Euclid's
 * algorithm and the theory of subresultants", J. ACM 18. A heuristic gcd by evaluation at a large
 * integer (Char, Geddes & Gonnet 1989, "GCDHEU") is tried first (`heugcd.ts`, `heugcd-multi.ts`) and always
 * checked by division; on failure the subresultant algorithm answers (`zgcd.ts`).
 *
 * Normalisation: over ℚ a gcd is defined up to a non-zero constant; Lousa returns the primitive
 * integer representative with positive lex leading coefficient (1 for coprime inputs, 0 for gcd(0,0)).
 */
import { bgcd } from '../ast/rational.js';
import { Poly, PolyError } from './poly.js';
import { primitivePart, primitiveZ } from './content.js';
import { divideExact, pseudoRemainder, DivisionByZeroError } from './division.js';
import { coefficientsIn, leadingCoefficientIn } from './structure.js';
import { zgcd } from './zgcd.js';
import { heuristicGcdMulti } from './heugcd-multi.js';

export function gcd(a: Poly, b: Poly): Poly {
  if (a.nvars !== b.nvars) throw new PolyError('gcd of polynomials with different numbers of variables');
  if (a.isZero()) return primitivePart(b);
  if (b.isZero()) return primitivePart(a);
  return gcdZ(primitivePart(a), primitivePart(b));
}

/** gcd of a list (0 for an empty list). */
export function gcdList(ps: readonly Poly[], nvars: number): Poly {
  let g = Poly.zero(nvars);
  for (const p of ps) {
    g = gcd(g, p);
    if (g.isConstant() && !g.isZero()) break;
  }
  return g;
}

/** Least common multiple, primitive over ℤ with positive leading coefficient (0 if either is 0). */
export function lcm(a: Poly, b: Poly): Poly {
  if (a.isZero() || b.isZero()) return Poly.zero(a.nvars);
  const pa = primitivePart(a);
  return primitivePart(divideExact(pa, gcd(pa, b)).mul(primitivePart(b)));
}

/**
 * Cancel the common factor of the rational function p/q: returns num/den equal to p/q with
 * gcd(num, den) = 1 and den primitive over ℤ with positive leading coefficient.
 */
export function cancel(p: Poly, q: Poly): { num: Poly; den: Poly } {
  if (q.isZero()) throw new DivisionByZeroError('cancel: denominator is the zero polynomial');
  if (p.isZero()) return { num: p, den: Poly.one(p.nvars) };
  const g = gcd(p, q);
  const num = divideExact(p, g);
  const den0 = divideExact(q, g);
  const den = primitivePart(den0);
  const c = divideExact(den0, den).constantValue();
  return { num: num.scale([c[1], c[0]]), den };
}

/**
 * gcd over ℤ of polynomials with integer coefficients; sign normalised, integer content kept.
 * `heuristic = false` uses only the subresultant algorithm (a reference for tests).
 */
export function gcdZ(a: Poly, b: Poly, heuristic = true): Poly {
  if (a.isZero()) return signNormal(b);
  if (b.isZero()) return signNormal(a);
  if (a.isConstant() || b.isConstant()) {
    return Poly.constant(a.nvars, bgcd(integerContent(a), integerContent(b)));
  }
  const va = a.variables();
  const vb = b.variables();
  const common = va.filter((v) => vb.includes(v));
  if (common.length === 0) return Poly.constant(a.nvars, bgcd(integerContent(a), integerContent(b)));
  const only = va.find((v) => !vb.includes(v));
  if (only !== undefined) return gcdZ(contentInZ(a, only, heuristic), b, heuristic);
  const onlyB = vb.find((v) => !va.includes(v));
  if (onlyB !== undefined) return gcdZ(a, contentInZ(b, onlyB, heuristic), heuristic);
  if (common.length === 1) return univariateGcd(a, b, common[0]!, heuristic);
  if (heuristic) {
    const heu = heuristicGcdMulti(a, b, common[common.length - 1]!, gcdZ);
    if (heu) return heu;
  }
  // Main variable: the one of least degree keeps the remainder sequence short.
  let v = common[0]!;
  for (const w of common) if (Math.max(a.degree(w), b.degree(w)) < Math.max(a.degree(v), b.degree(v))) v = w;
  const ca = contentInZ(a, v, heuristic);
  const cb = contentInZ(b, v, heuristic);
  const c = gcdZ(ca, cb, heuristic);
  let pa = divideExact(a, ca);
  let pb = divideExact(b, cb);
  if (pa.degree(v) < pb.degree(v)) [pa, pb] = [pb, pa];
  const last = subresultantLast(pa, pb, v);
  if (last.degree(v) <= 0) return signNormal(c);
  return signNormal(c.mul(divideExact(last, contentInZ(last, v, heuristic))));
}

/**
 * Content of p in x_v over ℚ: c·gcd_ℤ of the coefficients in x_v of the integer primitive part,
 * where p = c·P; so p / contentIn(p, v) (see `primitivePartIn`) has coprime integer coefficients in
 * x_v and positive leading coefficient. Zero for p = 0.
 */
export function contentIn(p: Poly, v: number): Poly {
  if (p.isZero()) return p;
  const { content, primitive } = primitiveZ(p);
  return contentInZ(primitive, v).scale(content);
}

/** p divided by its content in x_v (0 for 0). */
export function primitivePartIn(p: Poly, v: number): Poly {
  return p.isZero() ? p : divideExact(p, contentIn(p, v));
}

/** gcd over ℤ of the coefficients of a (integer coefficients) as a polynomial in x_v (sign normalised). */
export function contentInZ(a: Poly, v: number, heuristic = true): Poly {
  let g = Poly.zero(a.nvars);
  for (const c of coefficientsIn(a, v)) {
    if (c.isZero()) continue;
    g = gcdZ(g, c, heuristic);
    if (g.isConstant() && g.constantValue()[0] === 1n) break;
  }
  return g;
}

/**
 * Last non-zero element of the subresultant PRS of a, b in x_v (deg_v a ≥ deg_v b), computed with
 * the reduced-coefficient recurrence g, h of Brown & Traub so every division is exact.
 */
function subresultantLast(a: Poly, b: Poly, v: number): Poly {
  let g = Poly.one(a.nvars);
  let h = Poly.one(a.nvars);
  for (;;) {
    const d = a.degree(v) - b.degree(v);
    const r = pseudoRemainder(a, b, v);
    if (r.isZero()) return b;
    if (r.degree(v) === 0) return r;
    a = b;
    b = divideExact(r, g.mul(h.pow(d)));
    g = leadingCoefficientIn(a, v);
    h = d === 0 ? h : divideExact(g.pow(d), h.pow(d - 1));
  }
}

function univariateGcd(a: Poly, b: Poly, v: number, heuristic: boolean): Poly {
  const dense = (p: Poly): bigint[] => {
    const out = new Array<bigint>(p.degree(v) + 1).fill(0n);
    for (const t of p.terms) out[t.exp[v]!] = t.coef[0];
    return out;
  };
  return Poly.fromCoeffs(a.nvars, v, zgcd(dense(a), dense(b), heuristic));
}

function integerContent(p: Poly): bigint {
  let g = 0n;
  for (const t of p.terms) {
    if (t.coef[1] !== 1n) throw new PolyError('gcdZ needs integer coefficients');
    g = bgcd(g, t.coef[0]);
  }
  return g;
}

function signNormal(p: Poly): Poly {
  return p.lc()[0] < 0n ? p.neg() : p;
}


