/**
 * R(x, B₁^(r₁), B₂^(r₂), …) where every radical base Bᵢ is a product of integer powers of at most two linear
 * polynomials L₁ = α₁x + β₁, L₂ = α₂x + β₂ (so (a x + b)^(p/q), ((a x + b)/(c x + d))^(p/q), and products
 * (a + b x)^m (c + d x)^n with m + n an integer, which are linear-fractional radicals in disguise).
 *
 * The rationalising substitution t = (L₁/L₂)^(1/n), n the lcm of the denominators (one linear factor: t = L₁^(1/n)),
 * gives x = (β₂tⁿ − β₁)/(α₁ − α₂tⁿ) and L₂ = (α₁β₂ − α₂β₁)/(α₁ − α₂tⁿ), and every radical becomes
 * B^r = κ^r · t^(n·m₁·r) · L₂^((m₁ + m₂)·r). The integrand is evaluated as a sum ∑ R_e(t)·L₂^e graded by the
 * fractional part e of the exponent of L₂; it is rational in t exactly when only e = 0 is left. (G. H. Hardy,
 * 1916, "The Integration of Functions of a Single Variable", §II: R(x, ((a x + b)/(c x + d))^(1/n)) is rationalised
 * by ((a x + b)/(c x + d))^(1/n) = t.)
 */
import { type Expr, type Sym, pow, numOf, mul, sym, children } from '../ast/expr.js';
import { type Rational, rat, rdiv, rmul, radd, rneg, rsub, bgcd, iroot, ONE as RONE, ZERO as RZERO } from '../ast/rational.js';
import { diff } from '../diff/diff.js';
import { factor as polyFactor } from '../poly/index.js';
import type { Ctx, Found } from './types.js';
import { free, freshSymbol, substituteMap } from './linear.js';
import { type URat, asRational } from './ratexpr.js';
import { type UPoly, toPoly, fromPoly, deg, toExprP } from './upoly.js';
import { rConst, rPoly, rMul, rAdd, rPow, rDeriv, rToExpr, mkRat, rScale, rCompose } from './radical-urat.js';
import { valueAt } from './verify.js';
import { node } from './found.js';
import { type Term, gradedEval, floorR, fracR } from './radical-graded.js';

/** The radicals b^(p/q) (q > 1) of f whose base depends on x. */
export function radicalsOf(f: Expr, x: Sym): Expr[] {
  const out = new Set<Expr>();
  const seen = new Set<Expr>();
  const visit = (e: Expr): void => {
    if (seen.has(e) || free(e, x)) return;
    seen.add(e);
    if (e.kind === 'pow' && e.exp.kind === 'num' && e.exp.value[1] !== 1n) out.add(e);
    for (const c of children(e)) visit(c);
  };
  visit(f);
  return [...out];
}

const expOf = (r: Expr): Rational => (r as { exp: { value: Rational } }).exp.value;
const baseOf = (r: Expr): Expr => (r as { base: Expr }).base;
const lcm = (a: bigint, b: bigint): bigint => (a * b) / bgcd(a, b);

/** c^(p/q) when it is rational (c > 0). */
export function rationalPower(c: Rational, e: Rational): Rational | undefined {
  if (c[0] <= 0n) return undefined;
  const [p, q] = e;
  const k = p < 0n ? -p : p;
  const n0 = c[0] ** k;
  const d0 = c[1] ** k;
  const rn = iroot(n0, q);
  const rd = iroot(d0, q);
  if (rn === undefined || rd === undefined) return undefined;
  return p < 0n ? rat(rd, rn) : rat(rn, rd);
}

/** A base as κ·∏ (q x + p)^m over ℚ (p/q = c in lowest terms, listed as c), or undefined when some factor is not linear. */
function linearFactors(r: URat): { unit: Rational; facs: [Rational, number][] } | undefined {
  let unit: Rational = RONE;
  const facs: [Rational, number][] = [];
  const take = (p: UPoly, sign: 1 | -1): boolean => {
    if (deg(p) <= 0) {
      const c = p[0] ?? RZERO;
      unit = sign > 0 ? rmul(unit, c) : rdiv(unit, c);
      return true;
    }
    const fz = polyFactor(toPoly(p));
    unit = sign > 0 ? rmul(unit, fz.unit) : rdiv(unit, fz.unit);
    for (const [f, m] of fz.factors) {
      const u = fromPoly(f);
      if (deg(u) === 0) { unit = sign > 0 ? rmul(unit, rPowInt(u[0]!, m)) : rdiv(unit, rPowInt(u[0]!, m)); continue; }
      if (deg(u) !== 1) return false;
      // written as (q x + p)^m with p/q the root's negative in lowest terms (integer, primitive)
      const c = rdiv(u[0]!, u[1]!);
      const a = rdiv(u[1]!, rat(c[1]));
      unit = sign > 0 ? rmul(unit, rPowInt(a, m)) : rdiv(unit, rPowInt(a, m));
      facs.push([c, sign * m]);
    }
    return true;
  };
  if (!take(r.num, 1) || !take(r.den, -1)) return undefined;
  return { unit, facs };
}

function rPowInt(c: Rational, m: number): Rational {
  let r: Rational = RONE;
  for (let k = 0; k < m; k++) r = rmul(r, c);
  return r;
}

const key = (c: Rational): string => `${c[0]}/${c[1]}`;

export const _internal = { linearFactors, rationalPower };

type RadInfo = { unit: Rational; facs: [Rational, number][] };

/**
 * The substitution, or undefined when the radicals of f are not all of this kind. Each linear factor is oriented
 * (L or −L) so that the radicals' constants κ are positive, preferring the sign it has at the sample points.
 */
export function linearRadicals(f: Expr, x: Sym, ctx: Ctx): Found | undefined {
  const rads = radicalsOf(f, x);
  if (rads.length === 0) return undefined;
  const info = new Map<Expr, RadInfo>();
  const roots: Rational[] = [];
  for (const r of rads) {
    const b = asRational(baseOf(r), x);
    if (b === undefined) return undefined;
    const lf = linearFactors(b);
    if (lf === undefined) return undefined;
    info.set(r, lf);
    for (const [c] of lf.facs) if (!roots.some((s) => key(s) === key(c))) roots.push(c);
  }
  if (roots.length === 0 || roots.length > 2) return undefined;
  // The orientation must make L₁, L₂ > 0 on every interval of the real domain (the identities
  // (uv)^r = u^r v^r need positive factors), except when every radical is (L₁/L₂)^(m₁r)·L₂^(2k) in disguise
  // ((m₁ + m₂)·r an even integer): then B^r = κ^r (L₁/L₂)^(m₁r) L₂^((m₁+m₂)r) wherever L₁/L₂ > 0.
  const pats = domainSigns(f, x, roots);
  if (pats.length === 0) return undefined;
  const mobius = roots.length === 2 && rads.every((r) => {
    const k = rmul(rat(BigInt(info.get(r)!.facs.reduce((acc, [, m]) => acc + m, 0))), expOf(r));
    return k[1] === 1n && k[0] % 2n === 0n;
  });
  const [s1, s2] = pats[0]!;
  const same = pats.every(([a, b]) => mobius ? a * b === s1 * s2 : a === s1 && b === s2);
  if (!same) return undefined;
  const r = substituteFor(f, x, ctx, rads, info, roots[0]!, roots[1], s1, s2);
  return r === 'orientation' ? undefined : r;
}

/** Sign patterns (of x + c for each root c) of the intervals between the roots where f takes real values. */
function domainSigns(f: Expr, x: Sym, roots: Rational[]): [1 | -1, 1 | -1][] {
  const rs = roots.map((c) => -Number(c[0]) / Number(c[1]));
  const sorted = [...rs].sort((a, b) => a - b);
  const probes: number[][] = [];
  probes.push([0.53, 2.31, 7.13].map((d) => sorted[0]! - d));
  for (let k = 0; k + 1 < sorted.length; k++) {
    const [a, b] = [sorted[k]!, sorted[k + 1]!];
    probes.push([0.31, 0.5, 0.73].map((w) => a + w * (b - a)));
  }
  probes.push([0.53, 2.31, 7.13].map((d) => sorted[sorted.length - 1]! + d));
  const out: [1 | -1, 1 | -1][] = [];
  for (const ps of probes) {
    if (!ps.some((p) => Number.isFinite(valueAt(f, x, p)))) continue;
    const p = ps[1]!;
    const sg = (r: number | undefined): 1 | -1 => (r === undefined || p - r > 0 ? 1 : -1);
    out.push([sg(rs[0]), sg(rs[1])]);
  }
  return out;
}

const linPoly = (c: Rational, s: 1 | -1): UPoly => [rat(BigInt(s) * c[0]), rat(BigInt(s) * c[1])];

function substituteFor(
  f: Expr, x: Sym, ctx: Ctx, rads: Expr[], info: Map<Expr, RadInfo>,
  c1: Rational, c2: Rational | undefined, s1: 1 | -1, s2: 1 | -1,
): Found | undefined | 'orientation' {
  // L₁ = s₁(q₁x + p₁), L₂ = s₂(q₂x + p₂)
  const L1 = linPoly(c1, s1);
  const L2 = c2 === undefined ? [RONE] : linPoly(c2, s2);
  const plan = new Map<Expr, Term>();
  for (const r of rads) {
    const { unit, facs } = info.get(r)!;
    const e = expOf(r);
    let n1 = 0;
    let n2 = 0;
    let kappa = unit;
    for (const [c, m] of facs) {
      const first = key(c) === key(c1);
      if (first) n1 += m;
      else n2 += m;
      if ((first ? s1 : s2) < 0 && m % 2 !== 0) kappa = rneg(kappa);
    }
    const kr = rationalPower(kappa, e);
    if (kr === undefined) return kappa[0] < 0n ? 'orientation' : undefined;
    const E1 = rmul(rat(BigInt(n1)), e);
    const E2 = rmul(rat(BigInt(n2)), e);
    const R = [rPow(rPoly(L1), Number(floorR(E1))), rPow(rPoly(L2), Number(floorR(E2)))];
    if (R[0] === undefined || R[1] === undefined) return undefined;
    plan.set(r, { e1: fracR(E1), e2: fracR(E2), r: rScale(rMul(R[0], R[1]), kr) });
  }
  const xr: URat = { num: [RZERO, RONE], den: [RONE] };
  const g = gradedEval(f, x, plan, xr, rPoly(L1), rPoly(L2));
  if (g === undefined || g.size === 0) return undefined;
  const terms = [...g.values()];
  // Which substitution: t = L₁^(1/n), t = L₂^(1/n) or t = (L₁/L₂)^(1/n).
  let mode: 1 | 2 | 3;
  if (terms.every((t) => t.e2[0] === 0n)) mode = 1;
  else if (terms.every((t) => t.e1[0] === 0n)) mode = 2;
  else if (terms.every((t) => fracR(radd(t.e1, t.e2))[0] === 0n)) mode = 3;
  else return undefined;
  let n = 1n;
  for (const t of terms) n = lcm(n, (mode === 2 ? t.e2 : t.e1)[1]);
  const N = Number(n);
  if (N > 12) return undefined;
  const zeros = (k: number): Rational[] => Array<Rational>(k).fill(RZERO);
  const tn: UPoly = [...zeros(N), RONE];
  let xt: URat | undefined;
  let l1t: URat | undefined;
  let l2t: URat | undefined;
  const [b1, a1] = [L1[0] ?? RZERO, L1[1] ?? RZERO];
  const [b2, a2] = [L2[0] ?? RZERO, L2[1] ?? RZERO];
  if (mode === 1) {
    xt = mkRat(subPlain(tn, [b1]), [a1]);
    l1t = rPoly(tn);
    l2t = xt && rCompose(rPoly(L2), xt);
  } else if (mode === 2) {
    xt = mkRat(subPlain(tn, [b2]), [a2]);
    l2t = rPoly(tn);
    l1t = xt && rCompose(rPoly(L1), xt);
  } else {
    // L₁ = tⁿL₂ ⇒ x = (β₂tⁿ − β₁)/(α₁ − α₂tⁿ)
    const den = normP([a1, ...zeros(N - 1), rneg(a2)]);
    xt = mkRat(normP([rneg(b1), ...zeros(N - 1), b2]), den);
    l2t = mkRat([rsub(rmul(a1, b2), rmul(a2, b1))], den);
    l1t = l2t && rMul(rPoly(tn), l2t);
  }
  if (xt === undefined || l1t === undefined || l2t === undefined) return undefined;
  let acc: URat = rConst(RZERO);
  for (const t of terms) {
    const rt = rCompose(t.r, xt);
    if (rt === undefined) return undefined;
    let factor: URat | undefined;
    if (mode === 1) factor = rPow(rPoly([RZERO, RONE]), Number(rmul(t.e1, rat(n))[0]));
    else if (mode === 2) factor = rPow(rPoly([RZERO, RONE]), Number(rmul(t.e2, rat(n))[0]));
    else {
      // L₁^E₁ L₂^E₂ = (L₁/L₂)^E₁ · L₂^(E₁ + E₂) = t^(n E₁) · L₂(t)^(E₁ + E₂)
      const tp = rPow(rPoly([RZERO, RONE]), Number(rmul(t.e1, rat(n))[0]));
      const lp = rPow(l2t, Number(radd(t.e1, t.e2)[0]));
      factor = tp && lp && rMul(tp, lp);
    }
    if (factor === undefined) return undefined;
    acc = rAdd(acc, rMul(rt, factor));
  }
  const integrand = rMul(acc, rDeriv(xt));
  if (Math.max(deg(integrand.num), deg(integrand.den)) > 80) return undefined;
  const T = freshSymbol('t', f);
  const k = ctx.integrate(rToExpr(integrand, T), T);
  if (k === undefined) return undefined;
  const inv = numOf(rat(1n, n));
  const L1x = toExprP(L1, x);
  const L2x = toExprP(L2, x);
  const u = mode === 1 ? pow(L1x, inv) : mode === 2 ? pow(L2x, inv) : pow(mul(L1x, pow(L2x, numOf(rat(-1n)))), inv);
  const value = substituteMap(k.value, new Map([[T, u]]));
  return node('int/radical-substitution', f, x, k.before, value, [k], [['u', u], ['du', mul(diff(u, x), sym('dx'))]], k.value);
}

function normP(p: Rational[]): UPoly {
  let n = p.length;
  while (n > 0 && p[n - 1]![0] === 0n) n--;
  return p.slice(0, n);
}
const subPlain = (a: UPoly, b: UPoly): UPoly => normP(Array.from({ length: Math.max(a.length, b.length) }, (_, k) => rsub(a[k] ?? RZERO, b[k] ?? RZERO)));
