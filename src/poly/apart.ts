/**
 * Partial fraction decomposition over ℚ: p/q = P + Σ_i Σ_{j=1..k_i} A_ij / f_i^j with f_i the monic
 * irreducible factors of q over ℚ and deg A_ij < deg f_i. The coprime split of the denominator uses
 * the extended Euclidean algorithm, and each prime-power part is expanded f-adically (repeated
 * division by f_i) — the classical method, e.g. K. O. Geddes, S. R. Czapor & G. Labahn (1992),
 * "Algorithms for Computer Algebra", §6.3.
 */
import { Poly, PolyError } from './poly.js';
import { cancel } from './gcd.js';
import { divmodIn, divideExact, DivisionByZeroError } from './division.js';
import { factor } from './factor.js';
import { monic } from './content.js';
import { solveDiophantine } from './euclid.js';
import { rdiv } from '../ast/rational.js';

export interface PartialFractionTerm {
  /** Numerator A with deg A < deg factor (a constant for linear factors). */
  numerator: Poly;
  /** Monic irreducible factor f of the denominator. */
  factor: Poly;
  /** The power j in A / f^j (1 ≤ j ≤ multiplicity of f). */
  power: number;
}

export interface PartialFractions {
  polynomial: Poly;
  terms: PartialFractionTerm[];
}

/** Partial fractions of p/q (univariate in one common variable; q ≠ 0). Terms with zero numerator are omitted. */
export function apart(p: Poly, q: Poly): PartialFractions {
  if (q.isZero()) throw new DivisionByZeroError('apart: the denominator is the zero polynomial');
  const vars = new Set([...p.variables(), ...q.variables()]);
  if (vars.size > 1) throw new PolyError('apart needs univariate polynomials in one common variable');
  const v = vars.size === 0 ? 0 : [...vars][0]!;
  const { num, den } = cancel(p, q);
  const { q: polynomial, r } = divmodIn(num, den, v);
  const fz = factor(den);
  const terms: PartialFractionTerm[] = [];
  // Work with monic factors; den = unit' · ∏ f_i^k_i.
  const parts = fz.factors.map(([f, k]) => ({ f: monic(f), k }));
  const lcDen = parts.reduce((acc, { f, k }) => acc.mul(f.pow(k)), Poly.one(p.nvars));
  let rem = r.scale(rdiv(lcDen.lc(), den.lc()));
  let rest = lcDen;
  for (const { f, k } of parts) {
    const F = f.pow(k);
    rest = divideExact(rest, F);
    // rem / (F·rest) = a/F + b/rest with a·rest + b·F = rem, deg a < deg F.
    const { s: a, t: b } = solveDiophantine(rest, F, rem);
    terms.push(...fAdic(a, f, k, v));
    rem = b;
  }
  return { polynomial, terms };
}

/** a / f^k as Σ_j c_j / f^j with deg c_j < deg f, from a = Σ_i c'_i f^i (f-adic digits). */
function fAdic(a: Poly, f: Poly, k: number, v: number): PartialFractionTerm[] {
  const out: PartialFractionTerm[] = [];
  let cur = a;
  for (let i = 0; i < k && !cur.isZero(); i++) {
    const { q, r } = divmodIn(cur, f, v);
    if (!r.isZero()) out.push({ numerator: r, factor: f, power: k - i });
    cur = q;
  }
  if (!cur.isZero()) throw new Error('internal: numerator degree too high in partial fractions');
  return out.sort((x, y) => x.power - y.power);
}
