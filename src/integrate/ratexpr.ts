/** Reading an expression as a rational function of one variable with rational coefficients. */
import type { Expr } from '../ast/expr.js';
import { type UPoly, ONEP, X, addP, mulP, powP, constP, gcdP, divmodP, lc, scaleP } from './upoly.js';
import { rdiv, ONE as RONE } from '../ast/rational.js';

export interface URat {
  readonly num: UPoly;
  readonly den: UPoly;
}

const MAX_DEGREE = 80;

function reduce(n: UPoly, d: UPoly): URat {
  const g = gcdP(n, d);
  let num = g.length > 1 ? divmodP(n, g).q : n;
  let den = g.length > 1 ? divmodP(d, g).q : d;
  const c = rdiv(RONE, lc(den));
  num = scaleP(num, c);
  den = scaleP(den, c);
  return { num, den };
}

/** `e` as num/den in `x` (den monic, lowest terms), or undefined when `e` is not such a rational function. */
export function asRational(e: Expr, x: Expr): URat | undefined {
  const memo = new Map<Expr, URat | undefined>();
  const go = (t: Expr): URat | undefined => {
    if (memo.has(t)) return memo.get(t);
    let r: URat | undefined;
    switch (t.kind) {
      case 'num': r = { num: constP(t.value), den: ONEP }; break;
      case 'sym': r = t === x ? { num: X, den: ONEP } : undefined; break;
      case 'add': {
        let acc: URat = { num: [], den: ONEP };
        for (const a of t.args) {
          const v = go(a);
          if (v === undefined) { acc = undefined as unknown as URat; break; }
          acc = reduce(addP(mulP(acc.num, v.den), mulP(v.num, acc.den)), mulP(acc.den, v.den));
        }
        r = acc;
        break;
      }
      case 'mul': {
        let acc: URat = { num: ONEP, den: ONEP };
        for (const a of t.args) {
          const v = go(a);
          if (v === undefined) { acc = undefined as unknown as URat; break; }
          acc = reduce(mulP(acc.num, v.num), mulP(acc.den, v.den));
        }
        r = acc;
        break;
      }
      case 'pow': {
        if (t.exp.kind !== 'num' || t.exp.value[1] !== 1n) break;
        const n = Number(t.exp.value[0]);
        const b = go(t.base);
        if (b === undefined || b.num.length === 0) break;
        const k = Math.abs(n);
        if (k * Math.max(b.num.length, b.den.length) > MAX_DEGREE) break;
        r = n >= 0 ? { num: powP(b.num, k), den: powP(b.den, k) } : reduce(powP(b.den, k), powP(b.num, k));
        break;
      }
      default: break;
    }
    memo.set(t, r);
    return r;
  };
  const r = go(e);
  return r === undefined || r.den.length === 0 ? undefined : r;
}

/** True when `e` is a polynomial in x with rational coefficients. */
export function asPolynomial(e: Expr, x: Expr): UPoly | undefined {
  const r = asRational(e, x);
  return r !== undefined && r.den.length === 1 ? r.num : undefined;
}
