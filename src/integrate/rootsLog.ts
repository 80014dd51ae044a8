/**
 * The logarithmic part ∫ a/d for d irreducible over ℚ (deg a < deg d) from the roots of d in closed form.
 *
 * With b ≡ a·(d')⁻¹ (mod d) (extended Euclid over ℚ), the residue of a/d at a root r is b(r), so
 *   ∫ a/d = ∑_{real r} b(r)·log|x − r| + ∑_{pairs α ± iβ} [Re b(r)·log((x − α)² + β²) − 2·Im b(r)·atan((x − α)/β)],
 * the real form of b(r)·log(x − r) + conj(b(r))·log(x − r̄) for r = α + iβ (the partial-fraction integration of
 * e.g. Bronstein, 2005, "Symbolic Integration I", §2.1, done over the splitting field). Re b(r) and Im b(r) are
 * computed exactly: from the polar form r = ρe^{iθ} as ∑ b_k ρ^k cos kθ and ∑ b_k ρ^k sin kθ, otherwise by reducing
 * b modulo the real quadratic factor x² − s x + P (s = 2α, P = |r|²): b ≡ c₁x + c₀ with c₁, c₀ ∈ ℚ[s, P], so
 * b(r) = c₁r + c₀, Re = c₁α + c₀, Im = c₁β.
 */
import { type Expr, add, mul, pow, call, numOf, int, neg, ZERO, ONE } from '../ast/expr.js';
import { type Rational, rat, rdiv, rneg, rmul } from '../ast/rational.js';
import { Poly } from '../poly/index.js';
import { type UPoly, deg, lc, derivP, xgcdP, mulP, divmodP, scaleP } from './upoly.js';
import { type Roots, type PairRoot, closedFormRoots, taylorShift, num } from './roots.js';
import { cosPi, sinPi } from './rootsTrig.js';

const logAbs = (e: Expr): Expr => call('log', [call('abs', [e])]);

/** ∑ b_k e^k. */
function atReal(b: UPoly, e: Expr): Expr {
  return add(...b.map((c, k) => mul(numOf(c), pow(e, int(k)))));
}

/** Re b(r), Im b(r) for the pair's r = α + iβ. */
export function reIm(b: UPoly, p: PairRoot): [Expr, Expr] {
  const pol = p.polar;
  if (pol !== undefined) {
    const re: Expr[] = [];
    const im: Expr[] = [];
    b.forEach((c, k) => {
      if (c[0] === 0n) return;
      const rk = mul(numOf(c), pow(pol.rho, int(k)));
      if (pol.q !== undefined) {
        const kq = rmul(pol.q, rat(BigInt(k)));
        re.push(mul(rk, cosPi(kq)));
        im.push(mul(rk, sinPi(kq)));
      } else {
        const kt = mul(int(k), pol.theta!);
        re.push(mul(rk, call('cos', [kt])));
        im.push(mul(rk, call('sin', [kt])));
      }
    });
    return [add(...re), add(...im)];
  }
  // r^k ≡ A_k r + B_k modulo r² = s r − P, in ℚ[s, P] (variables 0: α with s = 2α, 1: P)
  const alpha = Poly.variable(2, 0);
  const s = alpha.scale(2n);
  const P = Poly.variable(2, 1);
  let A = Poly.zero(2);
  let B = Poly.one(2);
  let c1 = Poly.zero(2);
  let c0 = Poly.zero(2);
  b.forEach((c) => {
    c1 = c1.add(A.scale(c));
    c0 = c0.add(B.scale(c));
    [A, B] = [s.mul(A).add(B), P.mul(A).neg()];
  });
  const toExpr = (q: Poly): Expr =>
    add(...q.terms.map((t) => mul(numOf(t.coef), pow(p.alpha, int(t.exp[0]!)), pow(p.mod2, int(t.exp[1]!)))));
  const C1 = toExpr(c1);
  return [add(mul(C1, p.alpha), toExpr(c0)), mul(C1, p.beta)];
}

/** A residue polynomial b_j with its weight w_j: the residue at r is ∑_j w_j·b_j(r). */
export interface WeightedResidue { readonly w: Expr; readonly b: UPoly }

/**
 * ∑ over the roots r of ∑_j w_j b_j(r)·log(x − r), in real form; `keep(re, im)` (the root's value) may drop roots
 * whose residue is known to vanish.
 */
export function logFromRoots(bs: readonly WeightedResidue[], roots: Roots, X: Expr, keep?: (re: number, im: number) => boolean): Expr {
  const terms: Expr[] = [];
  for (const r of roots.real) {
    if (keep !== undefined && !keep(num(r.e), 0)) continue;
    const c = add(...bs.map(({ w, b }) => mul(w, atReal(b, r.e))));
    terms.push(mul(c, logAbs(add(X, neg(r.e)))));
  }
  for (const p of roots.pairs) {
    if (keep !== undefined && !keep(num(p.alpha), num(p.beta))) continue;
    const ri = bs.map(({ w, b }) => reIm(b, p).map((t) => mul(w, t)));
    const u = add(...ri.map((t) => t[0]!));
    const v = add(...ri.map((t) => t[1]!));
    const quad = add(pow(X, int(2)), mul(int(-2), p.alpha, X), p.mod2);
    terms.push(mul(u, call('log', [quad])));
    terms.push(mul(int(-2), v, call('atan', [mul(add(X, neg(p.alpha)), pow(p.beta, int(-1)))])));
  }
  return add(...terms);
}

/** b ≡ a/d' (mod d). */
export function residuePoly(a: UPoly, d: UPoly): UPoly {
  const { s } = xgcdP(derivP(d), d); // s·d' + t·d = 1
  return divmodP(mulP(a, s), d).r;
}

/**
 * The roots of a monic irreducible d in closed form, directly or after the shift x = y + h that removes the
 * x^{n−1} term: roots of d(y + h) (h = 0 when not shifted).
 */
export function rootsOf(d: UPoly): { roots: Roots; h: Rational } | undefined {
  const direct = closedFormRoots(d);
  if (direct !== undefined) return { roots: direct, h: rat(0n) };
  const n = deg(d);
  const top = d[n - 1]!;
  if (n < 3 || top[0] === 0n) return undefined;
  const h = rdiv(rneg(top), rat(BigInt(n)));
  const shifted = closedFormRoots(taylorShift(d, h));
  return shifted && { roots: shifted, h };
}

/** ∫ a/d for d irreducible over ℚ, deg a < deg d; undefined when the roots of d have no closed form here. */
export function rootsLog(a: UPoly, d: UPoly, x: Expr): Expr | undefined {
  if (a.length === 0) return ZERO;
  const l = lc(d);
  const dm = scaleP(d, rdiv(rat(1n), l));
  const am = scaleP(a, rdiv(rat(1n), l));
  const R = rootsOf(dm);
  if (R === undefined) return undefined;
  const b = residuePoly(taylorShift(am, R.h), taylorShift(dm, R.h));
  return logFromRoots([{ w: ONE, b }], R.roots, R.h[0] === 0n ? x : add(x, numOf(rneg(R.h))));
}
