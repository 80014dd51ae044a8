/**
 * Rational functions of x whose coefficients are algebraic numbers in one radical γ = c^{1/Q} (√2, 2^{1/3},
 * 1 + √3, …). The integrand is read as A/D over K = ℚ(γ); multiplying above and below by the conjugates of D,
 * i.e. by C = N/D with N = Norm_{K/ℚ}(D) = res_t(D(x, t), m(t)) ∈ ℚ[x] (m the minimal polynomial of γ), gives
 * A·C/N = ∑_j γ^j·P_j/N with P_j ∈ ℚ[x], and each ∫P_j/N is a rational integral over ℚ (rational.ts).
 */
import { type Expr, type Sym, add, mul, pow, div, numOf, children } from '../ast/expr.js';
import { type Rational, rat, bgcd, rcmp, rneg } from '../ast/rational.js';
import { factor as polyFactor } from '../poly/index.js';
import { type UPoly, deg, divmodP, gcdP, lc, scaleP, toPoly, fromPoly, evalP, monicP, xgcdP, mulP, toExprP } from './upoly.js';
import { hermite } from './rational.js';
import { rootsOf, residuePoly, logFromRoots } from './rootsLog.js';
import { taylorShift } from './roots.js';
import { rdiv, ONE as RONE } from '../ast/rational.js';
import { NumberField, type KPoly, type KElt } from './algnum.js';
import { type URat, asRational } from './ratexpr.js';
import { free } from './linear.js';
import type { Method } from './types.js';
import { integrateRational } from './rational.js';
import { leaf } from './found.js';

const MAX_DEGREE = 40;

/** The one radical base c and the lcm Q of the denominators of its exponents, when f has exactly one such base. */
function generator(f: Expr, x: Sym): { c: Rational; Q: bigint } | undefined {
  let c: Rational | undefined;
  let Q = 1n;
  let ok = true;
  const seen = new Set<Expr>();
  const visit = (e: Expr): void => {
    if (!ok || seen.has(e)) return;
    seen.add(e);
    if (e.kind === 'pow' && e.base.kind === 'num' && e.exp.kind === 'num' && e.exp.value[1] !== 1n) {
      const b = e.base.value;
      if (b[0] <= 0n || (c !== undefined && rcmp(c, b) !== 0)) { ok = false; return; }
      c = b;
      const q = e.exp.value[1];
      Q = Q * q / bgcd(Q, q);
      return;
    }
    if (e.kind === 'pow' && !(e.exp.kind === 'num' && e.exp.value[1] === 1n)) { ok = false; return; }
    if (e.kind === 'call' || e.kind === 'float' || (e.kind === 'sym' && e !== x)) { ok = false; return; }
    for (const k of children(e)) visit(k);
  };
  visit(f);
  return ok && c !== undefined && Q <= 12n ? { c, Q } : undefined;
}

/** The factor of t^Q − c that vanishes at the real positive root c^{1/Q}. */
function minimalPolynomial(c: Rational, Q: bigint): UPoly | undefined {
  const base: Rational[] = new Array<Rational>(Number(Q) + 1).fill(rat(0n));
  base[0] = rat(-c[0], c[1]);
  base[Number(Q)] = rat(1n);
  const g = (Number(c[0]) / Number(c[1])) ** (1 / Number(Q));
  for (const [p] of polyFactor(toPoly(base)).factors) {
    const m = fromPoly(p);
    if (deg(m) >= 1 && Math.abs(evalP(m, g)) < 1e-9 * Math.max(1, g ** deg(m))) return scaleP(m, rdiv(RONE, lc(m)));
  }
  return undefined;
}

interface KRat { readonly num: KPoly; readonly den: KPoly }

/** f as A/D over K (not reduced). */
function asKRational(f: Expr, x: Sym, K: NumberField, c: Rational, Q: bigint): KRat | undefined {
  const memo = new Map<Expr, KRat | undefined>();
  const one: KPoly = [[rat(1n)]];
  const tPow = (k: bigint): KElt => {
    let e = ((k % Q) + Q) % Q; // t^Q = c
    const shift = (k - e) / Q; // t^k = c^shift·t^e
    let r: KElt = [rat(1n)];
    for (; e > 0n; e--) r = K.mul(r, [rat(0n), rat(1n)]);
    const cs: Rational = shift >= 0n ? rat(c[0] ** shift, c[1] ** shift) : rat(c[1] ** -shift, c[0] ** -shift);
    return K.red(scaleP(r, cs));
  };
  const go = (e: Expr): KRat | undefined => {
    if (memo.has(e)) return memo.get(e);
    let r: KRat | undefined;
    if (e.kind === 'num') r = { num: e.value[0] === 0n ? [] : [[e.value]], den: one };
    else if (e === x) r = { num: [[], [rat(1n)]], den: one };
    else if (e.kind === 'pow' && e.base.kind === 'num' && e.exp.kind === 'num' && e.exp.value[1] !== 1n) {
      const k = e.exp.value[0] * (Q / e.exp.value[1]);
      r = { num: [tPow(k)], den: one };
    } else if (e.kind === 'add' || e.kind === 'mul') {
      let acc: KRat | undefined = e.kind === 'add' ? { num: [], den: one } : { num: one, den: one };
      for (const a of e.args) {
        const v = go(a);
        if (v === undefined || acc === undefined) { acc = undefined; break; }
        acc = e.kind === 'add'
          ? { num: K.addX(K.mulX(acc.num, v.den), K.mulX(v.num, acc.den)), den: K.mulX(acc.den, v.den) }
          : { num: K.mulX(acc.num, v.num), den: K.mulX(acc.den, v.den) };
        if (acc.num.length > MAX_DEGREE || acc.den.length > MAX_DEGREE) { acc = undefined; break; }
      }
      r = acc;
    } else if (e.kind === 'pow' && e.exp.kind === 'num' && e.exp.value[1] === 1n) {
      const b = go(e.base);
      const n = Number(e.exp.value[0]);
      if (b !== undefined && b.num.length > 0 && Math.abs(n) * Math.max(b.num.length, b.den.length) <= MAX_DEGREE) {
        let p: KPoly = one;
        let q: KPoly = one;
        for (let i = 0; i < Math.abs(n); i++) { p = K.mulX(p, b.num); q = K.mulX(q, b.den); }
        r = n >= 0 ? { num: p, den: q } : { num: q, den: p };
      }
    }
    memo.set(e, r);
    return r;
  };
  return go(f);
}

export interface AlgebraicRational {
  /** γ = c^{1/Q}. */
  readonly gamma: Expr;
  /** f = ∑_j γ^j·parts[j] (each over ℚ, lowest terms, monic denominator). */
  readonly parts: readonly URat[];
  /** The same without reduction: f = ∑_j γ^j·P_j/N over one denominator. */
  readonly P: readonly UPoly[];
  readonly N: UPoly;
  /** The denominator over K and the value of γ, to tell which roots of N are poles of f. */
  readonly D: KPoly;
  readonly gammaValue: number;
}

/** f as ∑_j γ^j·P_j/N with P_j, N ∈ ℚ[x], when f is a rational function of x over ℚ(γ) with γ a radical. */
export function asAlgebraicRational(f: Expr, x: Sym): AlgebraicRational | undefined {
  if (free(f, x)) return undefined;
  const g = generator(f, x);
  if (g === undefined) return undefined;
  const m = minimalPolynomial(g.c, g.Q);
  if (m === undefined) return undefined;
  const K = new NumberField(m);
  const Q = g.Q;
  const r = asKRational(f, x, K, g.c, Q);
  if (r === undefined || r.den.length === 0) return undefined;
  // the generator's power basis is γ^j for j < deg m; t here stands for c^{1/Q}
  let N: UPoly;
  let A: KPoly;
  if (r.den.every((k) => k.length <= 1)) {
    N = r.den.map((k) => k[0] ?? rat(0n));
    A = r.num;
  } else {
    N = K.norm(r.den);
    const { q: C, r: rem } = K.divmodX(N.map((v) => (v[0] === 0n ? [] : [v])), r.den);
    if (rem.length !== 0 || N.length < 2) return undefined;
    A = K.mulX(r.num, C);
  }
  const P = K.split(A);
  const parts: URat[] = P.map((P) => {
    if (P.length === 0) return { num: [], den: [rat(1n)] };
    const h = gcdP(P, N);
    const num = h.length > 1 ? divmodP(P, h).q : P;
    const den = h.length > 1 ? divmodP(N, h).q : N;
    const l = rdiv(RONE, lc(den));
    return { num: scaleP(num, l), den: scaleP(den, l) };
  });
  const gammaValue = (Number(g.c[0]) / Number(g.c[1])) ** (1 / Number(Q));
  return { gamma: pow(numOf(g.c), numOf(rat(1n, Q))), parts, P, N, D: r.den, gammaValue };
}

/** γ^j as an expression. */
export const gammaPower = (a: AlgebraicRational, j: number): Expr => pow(a.gamma, numOf(rat(BigInt(j))));

/** |D(z)|/∑|D_k||z|^k at z = re + i·im, with the coefficients of D evaluated at γ. */
function relativeValue(D: KPoly, g: number, re: number, im: number): number {
  let [a, b, sc] = [0, 0, 0];
  const m = Math.hypot(re, im);
  for (let k = D.length - 1; k >= 0; k--) {
    const c = evalP(D[k]!, g);
    [a, b] = [a * re - b * im + c, a * im + b * re];
    sc += Math.abs(c) * m ** k;
  }
  return Math.hypot(a, b) / sc;
}

/**
 * ∫ ∑_j γ^j P_j/N with one Hermite reduction per part and the logarithmic part taken root by root: the residue of
 * f at a root r of N is ∑_j γ^j b_j(r), and it is exactly 0 at the roots of N that are not poles of f (roots of the
 * conjugates of D), which are therefore left out.
 */
function integrateAlgebraic(a: AlgebraicRational, x: Sym): Expr | undefined {
  const N = monicP(a.N);
  const l = rdiv(RONE, lc(a.N));
  const terms: Expr[] = [];
  const hs: UPoly[] = [];
  let ds: UPoly = [];
  for (let j = 0; j < a.P.length; j++) {
    const { q, r } = divmodP(scaleP(a.P[j]!, l), N);
    const w = gammaPower(a, j);
    if (q.length > 0) terms.push(mul(w, integrateRational({ num: q, den: [RONE] }, x)!.value));
    if (r.length === 0) { hs.push([]); continue; }
    const H = hermite(r, N);
    terms.push(mul(w, add(...H.g.map(([n, d]) => div(toExprP(n, x), toExprP(d, x))))));
    hs.push(H.h);
    ds = H.ds;
  }
  if (ds.length === 0) return add(...terms);
  for (const [fp] of polyFactor(toPoly(ds)).factors) {
    const d = monicP(fromPoly(fp));
    if (deg(d) < 1) continue;
    const { s } = xgcdP(divmodP(ds, d).q, d);
    const as = hs.map((h) => (h.length === 0 ? [] : divmodP(mulP(h, s), d).r));
    if (as.every((t) => t.length === 0)) continue;
    const R = rootsOf(d);
    if (R === undefined) return undefined;
    const dsh = taylorShift(d, R.h);
    const bs = as.map((t, j) => ({ w: gammaPower(a, j), b: residuePoly(taylorShift(t, R.h), dsh) }));
    const hv = Number(R.h[0]) / Number(R.h[1]);
    const X = R.h[0] === 0n ? x : add(x, numOf(rneg(R.h)));
    terms.push(logFromRoots(bs, R.roots, X, (re, im) => relativeValue(a.D, a.gammaValue, re + hv, im) < 1e-6));
  }
  return add(...terms);
}

/** ∫ ∑_j γ^j·P_j/N = ∑_j γ^j·∫P_j/N. */
export const rationalAlgebraic: Method = (f, x) => {
  const a = asAlgebraicRational(f, x);
  if (a === undefined) return undefined;
  const direct = integrateAlgebraic(a, x);
  if (direct !== undefined) return leaf('int/rational-algebraic', f, x, direct, [['gamma', a.gamma]]);
  const terms: Expr[] = [];
  for (let j = 0; j < a.parts.length; j++) {
    const p = a.parts[j]!;
    if (p.num.length === 0) continue;
    const v = integrateRational(p, x);
    if (v === undefined) return undefined;
    terms.push(mul(gammaPower(a, j), v.value));
  }
  return leaf('int/rational-algebraic', f, x, add(...terms), [['gamma', a.gamma]]);
};

/**
 * Is e a rational function of x with coefficients in ℚ or in one radical field ℚ(c^{1/Q})? For callers that reduce
 * integrands to rational functions (Euler's substitutions bring √a into the coefficients): either kind is
 * integrated in closed form by the 'rational' and 'rational-algebraic' methods.
 */
export function isRationalOverRadicals(e: Expr, x: Sym): boolean {
  return asRational(e, x) !== undefined || asAlgebraicRational(e, x) !== undefined;
}
