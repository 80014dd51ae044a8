/**
 * Integration of rational functions with rational coefficients.
 *
 * - Polynomial part: division.
 * - Rational part: Hermite reduction in Mack's linear form (M. Bronstein, 2005, "Symbolic Integration I:
 *   Transcendental Functions", 2nd ed., §2.2, HermiteReduce): ∫A/D = g + ∫H/D* with D* square-free.
 * - Logarithmic part: over the complete factorisation of D* over ℚ; linear and quadratic factors in closed form
 *   (log and atan), higher-degree factors by the Rothstein–Trager resultant (M. Rothstein, 1976; B. Trager, 1976):
 *   ∑_{c : R(c) = 0} c·log(gcd(A − c D', D)) with R(t) = res_x(A − t D', D), whose roots are rational or
 *   quadratic irrationalities (see quadfield.ts for the latter, written in real log/atan form).
 */
import { type Expr, add, mul, pow, call, numOf, div, HALF, int, ZERO, neg } from '../ast/expr.js';
import { type Rational, rat, rdiv, rmul, rsub, rneg, ONE as RONE } from '../ast/rational.js';
import { factor as polyFactor, resultant, Poly } from '../poly/index.js';
import {
  type UPoly, deg, lc, addP, subP, mulP, divmodP, derivP, gcdP, diophantP, xgcdP, scaleP, toExprP, toPoly, fromPoly, monicP,
} from './upoly.js';
import type { URat } from './ratexpr.js';
import { logPartQuadratic } from './quadfield.js';
import { rootsLog } from './rootsLog.js';

export const logAbs = (e: Expr): Expr => call('log', [call('abs', [e])]);

function integratePolynomial(p: UPoly, x: Expr): Expr {
  const q: Rational[] = [rat(0n)];
  p.forEach((c, k) => q.push(rdiv(c, rat(BigInt(k + 1)))));
  return toExprP(q, x);
}

/** Hermite reduction: returns the rational part g (as num/den pairs) and the remaining integrand H/Ds. */
export function hermite(A: UPoly, D: UPoly): { g: [UPoly, UPoly][]; h: UPoly; ds: UPoly } {
  const g: [UPoly, UPoly][] = [];
  let dm = gcdP(D, derivP(D));
  const ds = divmodP(D, dm).q;
  let a = A;
  while (deg(dm) > 0) {
    const dm2 = gcdP(dm, derivP(dm));
    const dms = divmodP(dm, dm2).q;
    const lhs = scaleP(divmodP(mulP(ds, derivP(dm)), dm).q, rat(-1n));
    const { s: B, t: C } = diophantP(lhs, dms, a);
    a = subP(C, divmodP(mulP(derivP(B), ds), dms).q);
    if (B.length > 0) g.push([B, dm]);
    dm = dm2;
  }
  return { g, h: a, ds };
}

/** ∫ a/d for d irreducible over ℚ of degree ≤ 2, deg a < deg d. */
function lowDegreeLog(a: UPoly, d: UPoly, x: Expr): Expr {
  const l = lc(d);
  const dm = monicP(d);
  const am = scaleP(a, rdiv(RONE, l));
  if (deg(dm) === 1) return mul(numOf(am[0]!), logAbs(toExprP(d, x)));
  const p = dm[1]!;
  const q = dm[0]!;
  const a1 = am[1] ?? rat(0n);
  const a0 = am[0] ?? rat(0n);
  const disc = rsub(rmul(p, p), rmul(rat(4n), q)); // p² − 4q ≠ 0 (d is irreducible)
  const terms: Expr[] = [];
  const dExpr = toExprP(d, x);
  if (a1[0] !== 0n) terms.push(mul(numOf(rdiv(a1, rat(2n))), disc[0] < 0n ? call('log', [dExpr]) : logAbs(dExpr)));
  const c = rsub(a0, rdiv(rmul(a1, p), rat(2n)));
  if (c[0] !== 0n) {
    const lin = add(mul(int(2), x), numOf(p));
    if (disc[0] < 0n) {
      const s = pow(numOf(rneg(disc)), HALF);
      terms.push(mul(numOf(rmul(rat(2n), c)), pow(s, int(-1)), call('atan', [mul(lin, pow(s, int(-1)))])));
    } else {
      const s = pow(numOf(disc), HALF);
      terms.push(mul(numOf(c), pow(s, int(-1)), logAbs(div(add(lin, neg(s)), add(lin, s)))));
    }
  }
  return add(...terms);
}

/** Rothstein–Trager for an irreducible d with deg a < deg d; undefined when R(t) has roots of degree > 2. */
function rothsteinTrager(a: UPoly, d: UPoly, x: Expr): Expr | undefined {
  const dp = derivP(d);
  // a − t·d' in ℚ[x, t] (x is variable 0, t is variable 1).
  const A2 = toPoly(a, 2, 0).sub(toPoly(dp, 2, 0).mul(Poly.variable(2, 1)));
  const R = resultant(A2, toPoly(d, 2, 0), 0);
  const Rt = fromPoly(R, 1);
  const f = polyFactor(toPoly(Rt));
  const terms: Expr[] = [];
  for (const [fac] of f.factors) {
    const r = fromPoly(fac);
    if (deg(r) === 0) continue;
    if (deg(r) === 1) {
      const c = rneg(rdiv(r[0]!, r[1]!));
      const g = gcdP(subP(a, scaleP(dp, c)), d);
      terms.push(mul(numOf(c), logAbs(toExprP(g, x))));
    } else if (deg(r) === 2) {
      const t = logPartQuadratic(a, d, r, x);
      if (t === undefined) return undefined;
      terms.push(t);
    } else return undefined;
  }
  return add(...terms);
}

export interface RationalIntegral {
  readonly value: Expr;
  /** The pieces, for the derivation: polynomial part, Hermite's rational part, logarithmic part. */
  readonly polynomial: Expr;
  readonly rationalPart: Expr;
  readonly logPart: Expr;
}

/** ∫ num/den dx in closed form, or undefined when a logarithmic part needs algebraic numbers of degree > 2. */
export function integrateRational(r: URat, x: Expr): RationalIntegral | undefined {
  const { q, r: rem } = divmodP(r.num, r.den);
  const polynomial = integratePolynomial(q, x);
  let rationalPart: Expr = ZERO;
  let logPart: Expr = ZERO;
  if (rem.length > 0) {
    const { g, h, ds } = hermite(rem, r.den);
    rationalPart = add(...g.map(([n, d]) => div(toExprP(n, x), toExprP(d, x))));
    if (h.length > 0) {
      const fz = polyFactor(toPoly(ds));
      const facs = fz.factors.map(([p]) => fromPoly(p)).filter((p) => deg(p) > 0);
      const terms: Expr[] = [];
      for (const d of facs) {
        const rest = divmodP(ds, d).q;
        const { s } = xgcdP(rest, d); // s·rest ≡ 1 (mod d)
        const ai = divmodP(mulP(h, s), d).r;
        if (ai.length === 0) continue;
        const t = deg(d) <= 2 ? lowDegreeLog(ai, d, x) : rothsteinTrager(ai, d, x) ?? rootsLog(ai, d, x);
        if (t === undefined) return undefined;
        terms.push(t);
      }
      logPart = add(...terms);
    }
  }
  return { value: add(polynomial, rationalPart, logPart), polynomial, rationalPart, logPart };
}

