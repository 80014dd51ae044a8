/**
 * Multivariate Hensel lifting over ℚ for polynomials monic in a main variable x: from
 * F(x, 0, …, 0) = ∏ u_i(x) (monic, pairwise coprime) to F ≡ ∏ U_i mod (y_1, …, y_k)^{D+1}, one total
 * degree in the y's at a time, each correction from the multi-term Diophantine equation
 * Σ δ_i ∏_{j≠i} u_j = e solved by δ_i = e·s_i mod u_i — the linear lifting of D. Y. Y. Yun (1974),
 * "The Hensel lemma in algebraic manipulation", and P. S. Wang (1978), "An improved multivariate
 * polynomial factoring algorithm", Math. Comp. 32.
 */
import { Poly, type Term } from './poly.js';
import { divmodIn } from './division.js';
import { xgcd } from './euclid.js';
import { monoKey } from './monomial.js';

/** Total degree in every variable but x. */
export function yDegree(exp: readonly number[], x: number): number {
  let s = 0;
  exp.forEach((e, i) => { if (i !== x) s += e; });
  return s;
}

/** Terms of p of total y-degree ≤ d (when exact is false) or exactly d (when exact is true). */
export function truncateY(p: Poly, x: number, d: number, exact = false): Poly {
  const ts = p.terms.filter((t) => (exact ? yDegree(t.exp, x) === d : yDegree(t.exp, x) <= d));
  return Poly.fromSorted(p.nvars, ts as Term[]);
}

function mulTrunc(a: Poly, b: Poly, x: number, d: number): Poly {
  return truncateY(truncateY(a, x, d).mul(truncateY(b, x, d)), x, d);
}

/**
 * Lift the univariate factors us of F(x, 0…0) (F monic in x) to factors modulo the ideal
 * (y)^{D+1}. Returns the lifted factors, each truncated to y-degree ≤ D.
 */
export function liftFactors(F: Poly, us: readonly Poly[], x: number, D: number): Poly[] {
  const r = us.length;
  const one = Poly.one(F.nvars);
  // s_i ≡ (∏_{j≠i} u_j)^{-1} mod u_i, so that Σ s_i ∏_{j≠i} u_j = 1.
  const s = us.map((u, i) => {
    const others = us.reduce((acc, w, j) => (j === i ? acc : divmodIn(acc.mul(w), u, x).r), one);
    return divmodIn(xgcd(others, u).s, u, x).r;
  });
  const U = us.slice();
  for (let k = 1; k <= D; k++) {
    let P = one;
    for (const V of U) P = mulTrunc(P, V, x, k);
    const E = truncateY(F.sub(P), x, k, true);
    if (E.isZero()) continue;
    // Split the error by y-monomial: E = Σ_m c_m(x)·y^m.
    const groups = new Map<string, { ymono: number[]; terms: Term[] }>();
    for (const t of E.terms) {
      const ymono = t.exp.slice();
      ymono[x] = 0;
      const key = monoKey(ymono);
      const xexp = t.exp.map((e, i) => (i === x ? e : 0));
      const g = groups.get(key) ?? { ymono, terms: [] };
      g.terms.push({ exp: xexp, coef: t.coef });
      groups.set(key, g);
    }
    for (const { ymono, terms } of groups.values()) {
      const c = Poly.fromTerms(F.nvars, terms);
      for (let i = 0; i < r; i++) {
        const delta = divmodIn(c.mul(s[i]!), us[i]!, x).r;
        if (!delta.isZero()) U[i] = U[i]!.add(delta.mulTerm(ymono, [1n, 1n]));
      }
    }
  }
  return U;
}
