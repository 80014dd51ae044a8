/**
 * The graded evaluation behind radical-linear.ts: an expression in x and radicals of two linear factors L₁, L₂
 * read as ∑ R(x)·L₁^E₁·L₂^E₂ with rational functions R over ℚ and fractional parts 0 ≤ Eᵢ < 1 (integer parts are
 * carried into R). Sums keep one term per (E₁, E₂); products add exponents; only single-term values are inverted.
 */
import type { Expr, Sym } from '../ast/expr.js';
import { type Rational, rat, radd, rsub, babs, ONE as RONE, ZERO as RZERO } from '../ast/rational.js';
import type { URat } from './ratexpr.js';
import { rConst, rMul, rAdd, rInv, rIsZero } from './radical-urat.js';

const key = (c: Rational): string => `${c[0]}/${c[1]}`;

/** ∑ R(x)·L₁^E₁·L₂^E₂ with 0 ≤ Eᵢ < 1, keyed by (E₁, E₂). */
export interface Term { e1: Rational; e2: Rational; r: URat }
export type Graded = Map<string, Term>;

export function floorR(q: Rational): bigint {
  const [n, d] = q;
  return n >= 0n ? n / d : -((-n + d - 1n) / d);
}
export const fracR = (q: Rational): Rational => rsub(q, rat(floorR(q)));
const gkey = (a: Rational, b: Rational): string => `${key(a)}|${key(b)}`;

/** f as ∑ R(x)·L₁^E₁·L₂^E₂, or undefined when f is not a rational function of x and the planned radicals. */
export function gradedEval(f: Expr, x: Sym, plan: Map<Expr, Term>, xr: URat, L1: URat, L2: URat): Graded | undefined {
  const one = (r: URat): Graded => new Map([[gkey(RZERO, RZERO), { e1: RZERO, e2: RZERO, r }]]);
  const gAdd = (A: Graded, B: Graded): Graded => {
    const out: Graded = new Map(A);
    for (const [k, v] of B) {
      const w = out.get(k);
      const s = w === undefined ? v.r : rAdd(w.r, v.r);
      if (rIsZero(s)) out.delete(k);
      else out.set(k, { ...v, r: s });
    }
    return out;
  };
  const gMul = (A: Graded, B: Graded): Graded => {
    let out: Graded = new Map();
    for (const a of A.values()) {
      for (const b of B.values()) {
        let e1 = radd(a.e1, b.e1);
        let e2 = radd(a.e2, b.e2);
        let r = rMul(a.r, b.r);
        if (floorR(e1) >= 1n) { e1 = rsub(e1, RONE); r = rMul(r, L1); }
        if (floorR(e2) >= 1n) { e2 = rsub(e2, RONE); r = rMul(r, L2); }
        out = gAdd(out, new Map([[gkey(e1, e2), { e1, e2, r }]]));
      }
    }
    return out;
  };
  const gInv = (A: Graded): Graded | undefined => {
    if (A.size !== 1) return undefined;
    const { e1, e2, r } = [...A.values()][0]!;
    let ri = rInv(r);
    if (ri === undefined) return undefined;
    // (R L₁^e₁ L₂^e₂)⁻¹ = R⁻¹ L₁^(−e₁) L₂^(−e₂) = R⁻¹ L₁⁻¹ L₁^(1 − e₁) …
    const f1 = e1[0] === 0n ? RZERO : rsub(RONE, e1);
    const f2 = e2[0] === 0n ? RZERO : rsub(RONE, e2);
    if (e1[0] !== 0n) ri = rMul(ri, rInv(L1)!);
    if (e2[0] !== 0n) ri = rMul(ri, rInv(L2)!);
    return new Map([[gkey(f1, f2), { e1: f1, e2: f2, r: ri }]]);
  };
  const gPow = (A: Graded, k: number): Graded | undefined => {
    if (k < 0) {
      const i = gInv(A);
      return i && gPow(i, -k);
    }
    let out = one(rConst(RONE));
    for (let j = 0; j < k; j++) out = gMul(out, A);
    return out;
  };
  const memo = new Map<Expr, Graded | undefined>();
  const go = (e: Expr): Graded | undefined => {
    if (memo.has(e)) return memo.get(e);
    let v: Graded | undefined;
    if (e.kind === 'num') v = e.value[0] === 0n ? new Map() : one(rConst(e.value));
    else if (e === x) v = one(xr);
    else if (e.kind === 'add' || e.kind === 'mul') {
      v = e.kind === 'add' ? new Map() : one(rConst(RONE));
      for (const a of e.args) {
        const w = go(a);
        if (w === undefined) { v = undefined; break; }
        v = e.kind === 'add' ? gAdd(v!, w) : gMul(v!, w);
      }
    } else if (e.kind === 'pow' && e.exp.kind === 'num') {
      const p = plan.get(e);
      if (p !== undefined) v = new Map([[gkey(p.e1, p.e2), p]]);
      else if (e.exp.value[1] === 1n && babs(e.exp.value[0]) <= 40n) {
        const b = go(e.base);
        v = b && gPow(b, Number(e.exp.value[0]));
      }
    }
    memo.set(e, v);
    return v;
  };
  return go(f);
}

