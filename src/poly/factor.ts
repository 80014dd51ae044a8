/**
 * Factorisation over ℚ. Univariate polynomials: rational content, Yun square-free decomposition,
 * then Zassenhaus over ℤ (`zassenhaus.ts`). Multivariate polynomials: split by contents in each
 * variable (recursively), Yun's square-free decomposition in a main variable, then evaluation and
 * Hensel lifting (`mfactor.ts`) for each square-free piece. A piece primitive and of degree 1 in
 * some variable is irreducible without further work. `complete` is false only if no usable
 * evaluation point was found for some piece, or its recombination passed its limit; that piece is
 * then returned unsplit. Univariate recombination past its limit throws FactorLimitError.
 */
import { type Rational, rdiv, rmul, ONE } from '../ast/rational.js';
import { Poly } from './poly.js';
import { primitiveZ } from './content.js';
import { contentInZ } from './gcd.js';
import { divideExact } from './division.js';
import { rpow } from './ratutil.js';
import { polyToString } from './format.js';
import { squareFreeIn, zsquareFree } from './sqf.js';
import { factorSquareFree } from './zassenhaus.js';
import { factorMultivariate } from './mfactor.js';
import { binomialFactors } from './cyclotomic.js';

/** p = unit · ∏ factor^multiplicity, factors primitive over ℤ with positive leading coefficient. */
export interface Factorization {
  unit: Rational;
  factors: [factor: Poly, multiplicity: number][];
  /** True when every factor is proven irreducible over ℚ (always so for univariate input). */
  complete: boolean;
}

interface Piece {
  poly: Poly;
  mult: number;
  irreducible: boolean;
}

/** Factor p over ℚ (see the module comment for what is complete in several variables). */
export function factor(p: Poly): Factorization {
  return binomial(p) ?? run(p, true);
}

/** c·(x^n ± 1) in one variable: its cyclotomic factors (cyclotomic.ts), without any search. */
function binomial(p: Poly): Factorization | undefined {
  const vars = p.variables();
  if (vars.length !== 1 || p.terms.length !== 2) return undefined;
  const v = vars[0]!;
  const n = p.degree(v);
  const low = p.terms.find((t) => t.exp[v] === 0);
  if (low === undefined || n < 2 || n > 5000) return undefined;
  const lc = p.lc();
  const c0 = low.coef;
  if (c0[1] !== lc[1] || (c0[0] !== lc[0] && c0[0] !== -lc[0])) return undefined;
  const factors = binomialFactors(p.nvars, v, n, c0[0] === lc[0] ? 1 : -1);
  return { unit: lc, factors: factors.map((q) => [q, 1] as [Poly, number]), complete: true };
}

/** Square-free decomposition p = unit·∏ a_i^i (factors pairwise coprime and square-free). */
export function squareFreeDecomposition(p: Poly): Factorization {
  const f = run(p, false);
  // Group by multiplicity so each multiplicity appears once.
  const byMult = new Map<number, Poly>();
  for (const [q, k] of f.factors) byMult.set(k, (byMult.get(k) ?? Poly.one(p.nvars)).mul(q));
  const factors = [...byMult.entries()].sort((a, b) => a[0] - b[0]).map(([k, q]) => [q, k] as [Poly, number]);
  return { unit: f.unit, factors, complete: f.factors.length === factors.length && f.complete };
}

/** The square-free part: product of the distinct irreducible factors, primitive over ℤ (1 for constants, 0 for 0). */
export function squareFreePart(p: Poly): Poly {
  if (p.isZero()) return p;
  return run(p, false).factors.reduce((acc, [q]) => acc.mul(q), Poly.one(p.nvars));
}

function run(p: Poly, full: boolean): Factorization {
  if (p.isZero()) return { unit: [0n, 1n], factors: [], complete: true };
  const { primitive } = primitiveZ(p);
  const pieces = decompose(primitive, full);
  pieces.sort((a, b) => a.poly.degree() - b.poly.degree() || a.mult - b.mult || cmpStr(polyToString(a.poly), polyToString(b.poly)));
  let lcProduct: Rational = ONE;
  for (const q of pieces) lcProduct = rmul(lcProduct, rpow(q.poly.lc(), q.mult));
  return {
    unit: rdiv(p.lc(), lcProduct),
    factors: pieces.map((q) => [q.poly, q.mult]),
    complete: pieces.every((q) => q.irreducible),
  };
}

/** Pieces of a primitive integer polynomial with positive leading coefficient. */
function decompose(P: Poly, full: boolean): Piece[] {
  const vars = P.variables();
  if (vars.length === 0) return [];
  if (vars.length === 1) return univariate(P, vars[0]!, full);
  const v = vars[0]!;
  const c = contentInZ(P, v);
  const out = c.isConstant() ? [] : decompose(c, full);
  const rest = divideExact(P, c);
  squareFreeIn(rest, v).forEach((a, i) => {
    if (a.isConstant()) return;
    const parts = full ? splitByContents(a) : [a];
    for (const q of parts) {
      if (q.variables().length === 1) out.push(...univariate(q, q.variables()[0]!, full).map((x) => ({ ...x, mult: x.mult * (i + 1) })));
      else if (!full || linearPrimitive(q)) out.push({ poly: q, mult: i + 1, irreducible: full });
      else {
        const fs = factorMultivariate(q);
        for (const g of fs ?? [q]) out.push({ poly: g, mult: i + 1, irreducible: fs !== undefined });
      }
    }
  });
  return out;
}

function univariate(P: Poly, v: number, full: boolean): Piece[] {
  const dense = new Array<bigint>(P.degree(v) + 1).fill(0n);
  for (const t of P.terms) dense[t.exp[v]!] = t.coef[0];
  const out: Piece[] = [];
  zsquareFree(dense).forEach((a, i) => {
    if (a.length <= 1) return;
    const fs = full ? factorSquareFree(a) : [a];
    for (const f of fs) out.push({ poly: Poly.fromCoeffs(P.nvars, v, f), mult: i + 1, irreducible: full || a.length === 2 });
  });
  return out;
}

/** Split off contents with respect to each variable until none is left (pieces primitive in every variable). */
function splitByContents(a: Poly): Poly[] {
  for (const w of a.variables()) {
    const c = contentInZ(a, w);
    if (!c.isConstant()) return [...splitByContents(c), ...splitByContents(divideExact(a, c))];
  }
  return [a];
}

/** Degree 1 in some variable and primitive in it ⇒ irreducible. */
function linearPrimitive(q: Poly): boolean {
  return q.variables().some((w) => q.degree(w) === 1 && contentInZ(q, w).isConstant());
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
