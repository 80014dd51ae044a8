/** Arithmetic on rational functions num/den over ℚ (ratexpr.ts `URat`), kept in lowest terms with a monic den. */
import { type Rational, rdiv, rmul, ONE as RONE } from '../ast/rational.js';
import { type Expr, div } from '../ast/expr.js';
import { type UPoly, ONEP, addP, subP, mulP, powP, constP, gcdP, divmodP, lc, scaleP, derivP, toExprP, deg } from './upoly.js';
import type { URat } from './ratexpr.js';

export function mkRat(n: UPoly, d: UPoly): URat | undefined {
  if (d.length === 0) return undefined;
  const g = gcdP(n, d);
  const num = deg(g) > 0 ? divmodP(n, g).q : n;
  const den = deg(g) > 0 ? divmodP(d, g).q : d;
  const c = rdiv(RONE, lc(den));
  return { num: scaleP(num, c), den: scaleP(den, c) };
}

export const rConst = (c: Rational): URat => ({ num: constP(c), den: ONEP });
export const rPoly = (p: UPoly): URat => ({ num: p, den: ONEP });
export const rIsZero = (a: URat): boolean => a.num.length === 0;

export const rAdd = (a: URat, b: URat): URat => mkRat(addP(mulP(a.num, b.den), mulP(b.num, a.den)), mulP(a.den, b.den))!;
export const rSub = (a: URat, b: URat): URat => mkRat(subP(mulP(a.num, b.den), mulP(b.num, a.den)), mulP(a.den, b.den))!;
export const rMul = (a: URat, b: URat): URat => mkRat(mulP(a.num, b.num), mulP(a.den, b.den))!;
export const rScale = (a: URat, c: Rational): URat => mkRat(scaleP(a.num, c), a.den)!;
export const rInv = (a: URat): URat | undefined => (a.num.length === 0 ? undefined : mkRat(a.den, a.num));

export function rPow(a: URat, k: number): URat | undefined {
  if (k >= 0) return { num: powP(a.num, k), den: powP(a.den, k) };
  const i = rInv(a);
  return i && { num: powP(i.num, -k), den: powP(i.den, -k) };
}

export const rDeriv = (a: URat): URat => mkRat(subP(mulP(derivP(a.num), a.den), mulP(a.num, derivP(a.den))), mulP(a.den, a.den))!;

export const rDegree = (a: URat): number => Math.max(deg(a.num), deg(a.den));

/** Substitute u(t) for the variable: a(u(t)) by Horner's scheme on num and den. */
export function rCompose(a: URat, u: URat): URat | undefined {
  const horner = (p: UPoly): URat => {
    let acc: URat = rConst([0n, 1n]);
    for (let k = p.length - 1; k >= 0; k--) acc = rAdd(rMul(acc, u), rConst(p[k]!));
    return acc;
  };
  const n = horner(a.num);
  const d = rInv(horner(a.den));
  return d && rMul(n, d);
}

export const rToExpr = (a: URat, t: Expr): Expr => div(toExprP(a.num, t), toExprP(a.den, t));

export const rTimesConst = rmul;
