/**
 * R(x, √Q) for a quadratic Q = a x² + b x + c over ℚ (Δ = b² − 4ac ≠ 0), any sign of a and c.
 *
 * 1. The integrand is read in ℚ(x)[y]/(y² − Q) as R₁(x) + R₂(x)·y (quotients rationalised by the conjugate).
 *    ∫R₁ is a rational integral; R₂·y = A/(D·√Q) with A/D = R₂·Q.
 * 2. Hermite–Ostrogradsky reduction for √Q (M. V. Ostrogradsky, 1845, "De l'intégration des fractions
 *    rationnelles", extended to √Q as in G. H. Hardy, 1916, "The Integration of Functions of a Single Variable",
 *    §II.13): with D = Q^j·E, gcd(E, Q) = 1, E⁻ = gcd(E, E'), E* = E/E⁻,
 *        ∫ A/(D√Q) dx = U·Q^(1/2 − j)/E⁻ + ∫ W/(E*√Q) dx,
 *    U, W polynomials found by undetermined coefficients (a linear system over ℚ) from
 *        A = E*(U'Q + (½ − j)UQ') − U·Q·E*E⁻'/E⁻ + W·Q^j·E⁻.
 * 3. W/E* = λ + ∑ partial fractions over the factors of E* in ℚ[x]: λ∫dx/√Q and, for linear factors,
 *    ∫dx/((x − r)√Q) in closed form (radical-quadratic-forms.ts); higher-degree factors are searched for again.
 */
import { type Expr, type Sym, add, mul, pow, numOf, int, HALF, ONE, sym, children } from '../ast/expr.js';
import { type Rational, rat, rdiv, rmul, rsub, radd, ZERO as RZERO, ONE as RONE } from '../ast/rational.js';
import { factor as polyFactor } from '../poly/index.js';
import type { Ctx, Found } from './types.js';
import { free } from './linear.js';
import { type URat, asRational } from './ratexpr.js';
import {
  type UPoly, deg, addP, subP, mulP, divmodP, derivP, gcdP, xgcdP, scaleP, toExprP, toPoly, fromPoly, powP, evalP, lc,
} from './upoly.js';
import { rConst, rPoly, rMul, rAdd, rSub, rInv, rScale, rToExpr, rIsZero, mkRat, rCompose } from './radical-urat.js';
import { rationalPower } from './radical-linear.js';
import { inverseSqrtIntegral, poleIntegral } from './radical-quadratic-forms.js';
import { solveRational } from './radical-solve.js';
import { integral, leaf, node } from './found.js';

/** r₁ + r₂·√Q */
interface QElt { readonly a: URat; readonly b: URat }

/**
 * The common radicand Q of f's square roots (every radical is (κQ)^(k/2) or (κ/Q)^(k/2)) and the map from each
 * radical to (κ^(k/2), ±k), or undefined. `degOk` limits the degree of Q.
 */
export function findRadicand(f: Expr, x: Sym, degOk: (d: number) => boolean): { Q: UPoly; rads: Map<Expr, [Rational, number]> } | undefined {
  let Q: UPoly | undefined;
  const rads = new Map<Expr, [Rational, number]>();
  let ok = true;
  const seen = new Set<Expr>();
  const visit = (e: Expr): void => {
    if (!ok || seen.has(e) || free(e, x)) return;
    seen.add(e);
    if (e.kind === 'pow' && e.exp.kind === 'num' && e.exp.value[1] !== 1n) {
      const p = e.exp.value;
      const r = asRational(e.base, x);
      if (p[1] !== 2n || r === undefined) { ok = false; return; }
      // base = c·P or c/P with P a polynomial
      const inverted = r.den.length > 1;
      if (inverted && r.num.length !== 1) { ok = false; return; }
      const P = inverted ? r.den : scaleP(r.num, rdiv(RONE, r.den[0]!));
      const c = inverted ? r.num[0]! : RONE;
      if (!degOk(deg(P))) { ok = false; return; }
      if (Q === undefined) Q = P;
      // P = κ·Q
      const kappa = rdiv(lc(P), lc(Q));
      if (subP(P, scaleP(Q, kappa)).length !== 0) { ok = false; return; }
      // (κQ)^(k/2) = κ^(k/2) Q^(k/2);  (c/(κQ))^(k/2) = (c/κ)^(k/2) Q^(−k/2)
      const kr = rationalPower(inverted ? rdiv(c, kappa) : kappa, p);
      if (kr === undefined) { ok = false; return; }
      rads.set(e, [kr, inverted ? -Number(p[0]) : Number(p[0])]);
      return;
    }
    for (const c of children(e)) visit(c);
  };
  visit(f);
  return ok && Q !== undefined ? { Q, rads } : undefined;
}

function evalQ(f: Expr, x: Sym, Q: UPoly, rads: Map<Expr, [Rational, number]>): QElt | undefined {
  const Qr = rPoly(Q);
  const zero = rConst(RZERO);
  const mulE = (u: QElt, v: QElt): QElt => ({ a: rAdd(rMul(u.a, v.a), rMul(rMul(u.b, v.b), Qr)), b: rAdd(rMul(u.a, v.b), rMul(u.b, v.a)) });
  const invE = (u: QElt): QElt | undefined => {
    const n = rSub(rMul(u.a, u.a), rMul(rMul(u.b, u.b), Qr));
    const ni = rInv(n);
    return ni && { a: rMul(u.a, ni), b: rScale(rMul(u.b, ni), rat(-1n)) };
  };
  const memo = new Map<Expr, QElt | undefined>();
  const go = (e: Expr): QElt | undefined => {
    if (memo.has(e)) return memo.get(e);
    let v: QElt | undefined;
    if (e.kind === 'num') v = { a: rConst(e.value), b: zero };
    else if (e === x) v = { a: rPoly([RZERO, RONE]), b: zero };
    else if (e.kind === 'add' || e.kind === 'mul') {
      let acc: QElt | undefined = { a: rConst(e.kind === 'add' ? RZERO : RONE), b: zero };
      for (const t of e.args) {
        const w = go(t);
        if (w === undefined) { acc = undefined; break; }
        acc = e.kind === 'add' ? { a: rAdd(acc!.a, w.a), b: rAdd(acc!.b, w.b) } : mulE(acc!, w);
      }
      v = acc;
    } else if (e.kind === 'pow' && e.exp.kind === 'num') {
      const rq = rads.get(e);
      if (rq !== undefined) {
        // Q^(k/2) = Q^((k − 1)/2)·y
        const [kr, k] = rq;
        const h = (k - 1) / 2;
        const qp = h >= 0 ? rPoly(powP(Q, h)) : mkRat([RONE], powP(Q, -h))!;
        v = { a: zero, b: rScale(qp, kr) };
      } else if (e.exp.value[1] === 1n && Math.abs(Number(e.exp.value[0])) <= 30) {
        const n = Number(e.exp.value[0]);
        let b = go(e.base);
        if (b !== undefined && n < 0) b = invE(b);
        if (b !== undefined) {
          let acc: QElt = { a: rConst(RONE), b: zero };
          for (let k = 0; k < Math.abs(n); k++) acc = mulE(acc, b);
          v = acc;
        }
      }
    }
    memo.set(e, v);
    return v;
  };
  return go(f);
}

/** Reduction ∫A/(D√Q) = U·Q^(1/2−j)/E⁻ + ∫W/(E*√Q); undefined when the system has no solution. */
export function reduceQuadraticRadical(A: UPoly, D: UPoly, Q: UPoly) {
  let j = 0;
  let E = D;
  for (;;) {
    const { q, r } = divmodP(E, Q);
    if (r.length !== 0) break;
    E = q;
    j++;
  }
  if (deg(gcdP(E, Q)) > 0) return undefined;
  const Em = gcdP(E, derivP(E));
  const Es = divmodP(E, Em).q;
  const dEm = divmodP(mulP(Es, derivP(Em)), Em).q; // E*·E⁻'/E⁻ (exact)
  const m = deg(Em);
  const s = deg(Es);
  const du = Math.max(deg(A) - s - 1, m + 2 * j, 0);
  const Qd = derivP(Q);
  const QjEm = mulP(powP(Q, j), Em);
  const half = rsub(rat(1n, 2n), rat(BigInt(j)));
  const cols: UPoly[] = [];
  for (let k = 0; k <= du; k++) {
    const U: UPoly = [...Array<Rational>(k).fill(RZERO), RONE];
    const term = subP(mulP(Es, addP(mulP(derivP(U), Q), scaleP(mulP(U, Qd), half))), mulP(mulP(U, Q), dEm));
    cols.push(term);
  }
  for (let k = 0; k <= s; k++) cols.push(mulP([...Array<Rational>(k).fill(RZERO), RONE], QjEm));
  const sol = solveRational(cols, A);
  if (sol === undefined) return undefined;
  const U = trim(sol.slice(0, du + 1));
  const W = trim(sol.slice(du + 1));
  return { U, W, j, Em, Es };
}

const trim = (p: Rational[]): UPoly => {
  let n = p.length;
  while (n > 0 && p[n - 1]![0] === 0n) n--;
  return p.slice(0, n);
};

export function quadraticRadical(f: Expr, x: Sym, ctx: Ctx): Found | undefined {
  const fq = findRadicand(f, x, (d) => d === 2);
  if (fq === undefined) return undefined;
  const { Q } = fq;
  const disc = rsub(rmul(Q[1] ?? RZERO, Q[1] ?? RZERO), rmul(rat(4n), rmul(Q[0] ?? RZERO, Q[2]!)));
  if (disc[0] === 0n) return undefined;
  const el = evalQ(f, x, Q, fq.rads);
  if (el === undefined || rIsZero(el.b)) return undefined;
  const sq = pow(toExprP(Q, x), HALF);
  const kids: Found[] = [];
  const mids: Expr[] = [];
  const values: Expr[] = [];
  if (!rIsZero(el.a)) {
    const g = rToExpr(el.a, x);
    const k = ctx.integrate(g, x);
    if (k === undefined) return undefined;
    kids.push(k);
    mids.push(k.before);
    values.push(k.value);
  }
  const AD = rMul(el.b, rPoly(Q));
  const red = reduceQuadraticRadical(AD.num, AD.den, Q);
  if (red === undefined) return undefined;
  const { U, W, j, Em, Es } = red;
  if (U.length > 0) {
    const alg = mul(overDenominator(U, Em, x), pow(toExprP(Q, x), numOf(rsub(rat(1n, 2n), rat(BigInt(j))))));
    mids.push(alg);
    values.push(alg);
  }
  if (W.length > 0) {
    const pieces = logPieces(W, Es, Q, x, sq, ctx);
    if (pieces === undefined) return undefined;
    for (const [c, F] of pieces) {
      kids.push(F);
      mids.push(mul(numOf(c), F.before));
      values.push(mul(numOf(c), F.value));
    }
  }
  return node('int/quadratic-radical', f, x, add(...mids), add(...values), kids, [['Q', toExprP(Q, x)]]);
}

/**
 * U/E⁻ as an expression; when E⁻ = c·Lᵐ for one linear L, U is written in powers of L (a Taylor shift), which
 * keeps the value well conditioned near the pole instead of a ratio of large expanded polynomials.
 */
function overDenominator(U: UPoly, Em: UPoly, x: Sym): Expr {
  const plain = mul(toExprP(U, x), pow(toExprP(Em, x), int(-1)));
  if (deg(Em) < 2) return plain;
  const fz = polyFactor(toPoly(Em));
  const facs = fz.factors.filter(([g]) => fromPoly(g).length > 1);
  if (facs.length !== 1 || deg(fromPoly(facs[0]![0])) !== 1) return plain;
  const L = fromPoly(facs[0]![0]);
  const m = deg(Em);
  const [beta, alpha] = [L[0] ?? RZERO, L[1]!];
  // x = (s − β)/α;  E⁻ = lc(E⁻)/αᵐ · Lᵐ
  const V = rCompose(rPoly(U), { num: [rdiv(rsub(RZERO, beta), alpha), rdiv(RONE, alpha)], den: [RONE] });
  if (V === undefined || V.den.length !== 1) return plain;
  const Lx = toExprP(L, x);
  const c = rdiv(lc(Em), powR(alpha, m));
  return mul(numOf(rdiv(RONE, c)), toExprP(V.num, Lx), pow(Lx, int(-m)));
}

const powR = (a: Rational, m: number): Rational => {
  let r: Rational = RONE;
  for (let k = 0; k < m; k++) r = rmul(r, a);
  return r;
};

/** ∫ W/(E*√Q) as ∑ c·∫piece, the pieces integrated in closed form or by the search. */
function logPieces(W: UPoly, Es: UPoly, Q: UPoly, x: Sym, sq: Expr, ctx: Ctx): [Rational, Found][] | undefined {
  const out: [Rational, Found][] = [];
  let W1 = W;
  if (deg(W) >= deg(Es)) {
    const lam = rdiv(lc(W), lc(Es));
    W1 = subP(W, scaleP(Es, lam));
    const F = inverseSqrtIntegral(Q, x, sq);
    if (F === undefined) return undefined;
    out.push([lam, leaf('int/inverse-sqrt-quadratic', pow(sq, int(-1)), x, F)]);
  }
  if (W1.length === 0) return out;
  const facs = polyFactor(toPoly(Es)).factors.map(([p]) => fromPoly(p)).filter((p) => deg(p) > 0);
  for (const d of facs) {
    const rest = divmodP(Es, d).q;
    const { s } = xgcdP(rest, d);
    const ai = divmodP(mulP(W1, s), d).r; // W1/E* = ∑ ai/d
    if (ai.length === 0) continue;
    if (deg(d) === 1) {
      const r = rdiv(rsub(RZERO, d[0]!), d[1]!);
      const c = rdiv(ai[0]!, d[1]!);
      const piece = pow(mul(add(x, numOf(rsub(RZERO, r))), sq), int(-1));
      out.push([c, leaf('int/pole-sqrt-quadratic', piece, x, poleIntegral(Q, r, x, sq))]);
      continue;
    }
    const g = mul(toExprP(ai, x), pow(mul(toExprP(d, x), sq), int(-1)));
    const k = ctx.integrate(g, x);
    if (k === undefined) return undefined;
    out.push([RONE, k]);
  }
  return out;
}

/**
 * √(P²·R) = |P|·√R: with y = √(P²R), y/(P√R) is constant (±1) on each interval between the roots of P, so
 * ∫ B(x)·y dx = (y/(P√R))·∫ B(x)·P(x)·√R dx there (R = c for a perfect square).
 */
export function squareRadical(f: Expr, x: Sym, ctx: Ctx): Found | undefined {
  const fq = findRadicand(f, x, (d) => d >= 2);
  if (fq === undefined) return undefined;
  const { Q } = fq;
  if (deg(gcdP(Q, derivP(Q))) === 0) return undefined;
  const fz = polyFactor(toPoly(Q));
  let P: UPoly = [RONE];
  let R: UPoly = [fz.unit];
  for (const [g, m] of fz.factors) {
    const u = fromPoly(g);
    P = mulP(P, powP(u, Math.floor(m / 2)));
    R = mulP(R, powP(u, m % 2));
  }
  if (deg(P) === 0) return undefined;
  const el = evalQ(f, x, Q, fq.rads);
  if (el === undefined || rIsZero(el.b)) return undefined;
  const kids: Found[] = [];
  const mids: Expr[] = [];
  const values: Expr[] = [];
  if (!rIsZero(el.a)) {
    const k = ctx.integrate(rToExpr(el.a, x), x);
    if (k === undefined) return undefined;
    kids.push(k);
    mids.push(k.before);
    values.push(k.value);
  }
  const constR = deg(R) === 0;
  if (constR && R[0]![0] <= 0n) return undefined;
  const sqrtR = constR ? ONE : pow(toExprP(R, x), HALF);
  const k = ctx.integrate(mul(rToExpr(rMul(el.b, rPoly(P)), x), sqrtR), x);
  if (k === undefined) return undefined;
  const s = mul(pow(toExprP(Q, x), HALF), pow(mul(toExprP(P, x), sqrtR), int(-1)));
  kids.push(k);
  mids.push(mul(s, k.before));
  values.push(mul(s, k.value));
  return node('int/square-radical', f, x, add(...mids), add(...values), kids);
}

export const _internal = { evalQ, evalP, radd, sym, integral };
