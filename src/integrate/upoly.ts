/**
 * Dense univariate polynomials over ℚ for the rational-function integrator: `p[k]` is the coefficient of x^k,
 * with no trailing zeros (the zero polynomial is `[]`). Small and direct; factoring and resultants go through
 * src/poly (see `toPoly` / `fromPoly`).
 */
import { type Rational, rat, radd, rsub, rmul, rdiv, rneg, ZERO as RZERO, ONE as RONE } from '../ast/rational.js';
import { type Expr, add, mul, pow, numOf, ZERO } from '../ast/expr.js';
import { Poly } from '../poly/index.js';

export type UPoly = readonly Rational[];

const isZeroR = (r: Rational): boolean => r[0] === 0n;

export function norm(p: Rational[]): UPoly {
  let n = p.length;
  while (n > 0 && isZeroR(p[n - 1]!)) n--;
  return n === p.length ? p : p.slice(0, n);
}

export const deg = (p: UPoly): number => p.length - 1;
export const lc = (p: UPoly): Rational => p[p.length - 1] ?? RZERO;
export const constP = (c: Rational): UPoly => (isZeroR(c) ? [] : [c]);
export const X: UPoly = [RZERO, RONE];
export const ONEP: UPoly = [RONE];

export function addP(a: UPoly, b: UPoly): UPoly {
  const out: Rational[] = [];
  for (let k = 0; k < Math.max(a.length, b.length); k++) out.push(radd(a[k] ?? RZERO, b[k] ?? RZERO));
  return norm(out);
}
export const negP = (a: UPoly): UPoly => a.map(rneg);
export const subP = (a: UPoly, b: UPoly): UPoly => addP(a, negP(b));
export const scaleP = (a: UPoly, c: Rational): UPoly => (isZeroR(c) ? [] : a.map((x) => rmul(x, c)));

export function mulP(a: UPoly, b: UPoly): UPoly {
  if (a.length === 0 || b.length === 0) return [];
  const out: Rational[] = new Array<Rational>(a.length + b.length - 1).fill(RZERO);
  for (let i = 0; i < a.length; i++) {
    if (isZeroR(a[i]!)) continue;
    for (let j = 0; j < b.length; j++) out[i + j] = radd(out[i + j]!, rmul(a[i]!, b[j]!));
  }
  return norm(out);
}

export function powP(a: UPoly, n: number): UPoly {
  let r: UPoly = ONEP;
  for (let k = 0; k < n; k++) r = mulP(r, a);
  return r;
}

export function divmodP(a: UPoly, b: UPoly): { q: UPoly; r: UPoly } {
  if (b.length === 0) throw new RangeError('polynomial division by zero');
  const r = [...a];
  const q: Rational[] = new Array<Rational>(Math.max(0, a.length - b.length + 1)).fill(RZERO);
  const lb = lc(b);
  for (let k = a.length - b.length; k >= 0; k--) {
    const c = rdiv(r[k + b.length - 1]!, lb);
    q[k] = c;
    if (isZeroR(c)) continue;
    for (let j = 0; j < b.length; j++) r[k + j] = rsub(r[k + j]!, rmul(c, b[j]!));
  }
  return { q: norm(q), r: norm(r.slice(0, Math.max(0, b.length - 1))) };
}

export const derivP = (a: UPoly): UPoly => norm(a.slice(1).map((c, k) => rmul(c, rat(BigInt(k + 1)))));

export const monicP = (a: UPoly): UPoly => (a.length === 0 ? a : scaleP(a, rdiv(RONE, lc(a))));

export function gcdP(a: UPoly, b: UPoly): UPoly {
  while (b.length > 0) [a, b] = [b, divmodP(a, b).r];
  return monicP(a);
}

/** Extended Euclid: s·a + t·b = gcd(a, b) (monic). */
export function xgcdP(a: UPoly, b: UPoly): { g: UPoly; s: UPoly; t: UPoly } {
  let [r0, r1] = [a, b];
  let [s0, s1]: [UPoly, UPoly] = [ONEP, []];
  let [t0, t1]: [UPoly, UPoly] = [[], ONEP];
  while (r1.length > 0) {
    const { q, r } = divmodP(r0, r1);
    [r0, r1] = [r1, r];
    [s0, s1] = [s1, subP(s0, mulP(q, s1))];
    [t0, t1] = [t1, subP(t0, mulP(q, t1))];
  }
  const inv = rdiv(RONE, lc(r0));
  return { g: scaleP(r0, inv), s: scaleP(s0, inv), t: scaleP(t0, inv) };
}

/** s, t with s·a + t·b = c and deg s < deg b (a, b coprime). */
export function diophantP(a: UPoly, b: UPoly, c: UPoly): { s: UPoly; t: UPoly } {
  const { s, t } = xgcdP(a, b);
  let s1 = mulP(s, c);
  let t1 = mulP(t, c);
  if (b.length > 1) {
    const { q, r } = divmodP(s1, b);
    s1 = r;
    t1 = addP(t1, mulP(q, a));
  }
  return { s: s1, t: t1 };
}

export function evalP(p: UPoly, x: number): number {
  let v = 0;
  for (let k = p.length - 1; k >= 0; k--) v = v * x + Number(p[k]![0]) / Number(p[k]![1]);
  return v;
}

export function toPoly(p: UPoly, nvars = 1, v = 0): Poly {
  return Poly.fromTerms(nvars, p.map((coef, k) => {
    const exp = new Array<number>(nvars).fill(0);
    exp[v] = k;
    return { exp, coef };
  }).filter((t) => !isZeroR(t.coef)));
}

export function fromPoly(p: Poly, v = 0): UPoly {
  const out: Rational[] = [];
  for (const t of p.terms) {
    const k = t.exp[v] ?? 0;
    while (out.length <= k) out.push(RZERO);
    out[k] = radd(out[k]!, t.coef);
  }
  return norm(out);
}

/** The polynomial as an expression in `x`. */
export function toExprP(p: UPoly, x: Expr): Expr {
  if (p.length === 0) return ZERO;
  const terms: Expr[] = [];
  for (let k = p.length - 1; k >= 0; k--) if (!isZeroR(p[k]!)) terms.push(mul(numOf(p[k]!), pow(x, numOf(rat(BigInt(k))))));
  return add(...terms);
}
