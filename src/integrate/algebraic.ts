/**
 * Algebraic integrands reduced to rational functions.
 * - R(x, (a x + b)^(p/q)) with one radical base: u = (a x + b)^(1/n), n the lcm of the denominators.
 * - R(x, √(a x² + b x + c)): Euler's substitutions (L. Euler, 1768, "Institutiones calculi integralis"):
 *   a > 0: √(a x² + b x + c) = u − √a·x;  c > 0: √(a x² + b x + c) = x u + √c;  otherwise, with a real root
 *   r: √(a(x − r)(x − s)) = (x − r) u.
 */
import { radicalsOf } from './radical-linear.js';
import { type Expr, type Sym, add, mul, pow, sub, div, numOf, int, HALF, ONE, MINUS_ONE, children, sym } from '../ast/expr.js';
import { type Rational, rat, rdiv, rmul, rsub, bgcd, iroot } from '../ast/rational.js';
import { diff } from '../diff/diff.js';
import { type Method, integrateSubstituted } from './types.js';
import { free, freshSymbol, substituteMap } from './linear.js';
import { asPolynomial, asRational } from './ratexpr.js';
import { node } from './found.js';
import { toExprP } from './upoly.js';
import { linearRadicals } from './radical-linear.js';
import { quadraticRadical, squareRadical } from './radical-quadratic.js';
import { mergeRadicalsMethod } from './radical-merge.js';
import { binomialSubstitution } from './binomial.js';
import { quarticPseudoElliptic } from './radical-quartic.js';
import { eulerNested } from './radical-euler.js';
import { checkAntiderivative, samplePoints, valueAt } from './verify.js';
import { expInverseHyperbolic } from './algebraic-rewrite.js';



function sqrtRational(r: Rational): Expr | undefined {
  if (r[0] <= 0n) return undefined;
  return pow(numOf(r), HALF);
}
void sqrtRational;

/**
 * Radicals tried before the general substitution search: exp(k·atanh u) as a radical (algebraic-rewrite.ts),
 * products of radicals merged (radical-merge.ts), √(c·P²) = √c·|P| (radical-quadratic.ts),
 * radicals of at most two linear factors by t = (L₁/L₂)^(1/n) (radical-linear.ts), R(x, √Q) for a quadratic Q
 * (radical-quadratic.ts), x^m·G(x^n) by u = x^n (binomial.ts), a pseudo-elliptic fourth-root pair
 * (radical-quartic.ts), Euler's substitution under a nested radical (radical-euler.ts). Each says no quickly when the integrand is not of its kind.
 */
const RADICAL_METHODS: readonly Method[] = [
  expInverseHyperbolic, quarticPseudoElliptic, mergeRadicalsMethod, squareRadical, quadraticRadical, linearRadicals,
  binomialSubstitution, eulerNested,
];

/** F is real wherever the integrand is, at the sample points (the derivative check alone does not see that). */
function realWhereDefined(F: Expr, f: Expr, x: Sym): boolean {
  return samplePoints(f, x).every((p) => Number.isFinite(valueAt(F, x, p)) || Number.isFinite(valueAt(F, x, p * (1 + 1e-6) + 1e-7)));
}

/** The first of RADICAL_METHODS whose candidate checks (so a failed candidate lets the next one try). */
export const radicalsMethod: Method = (f, x, ctx) => {
  for (const m of RADICAL_METHODS) {
    const r = m(f, x, ctx);
    if (r !== undefined && checkAntiderivative(r.value, f, x) && realWhereDefined(r.value, f, x)) return r;
  }
  return undefined;
};

export const algebraic: Method = (f, x, ctx) => {
  const rads = radicalsOf(f, x);
  if (rads.length === 0) return undefined;
  const bases = new Set(rads.map((r) => (r as { base: Expr }).base));
  if (bases.size !== 1) return severalRadicals(f, x, rads, ctx);
  const base = [...bases][0]!;
  const p = asPolynomial(base, x);
  const U = freshSymbol('u', f);
  let n = 1n;
  for (const r of rads) {
    const q = ((r as { exp: { value: Rational } }).exp.value)[1];
    n = n * q / bgcd(n, q);
  }
  // ((a x + b)/(c x + d))^(1/n) = u  ⇒  x = (d uⁿ − b)/(a − c uⁿ)
  const mobius = (b0: Expr) => {
    const r = asRational(b0, x);
    if (r === undefined || r.num.length !== 2 || r.den.length !== 2) return undefined;
    const [bb, a] = [r.num[0]!, r.num[1]!];
    const [d, c] = [r.den[0]!, r.den[1]!];
    const un = pow(U, numOf(rat(n)));
    const xOfU = div(sub(mul(numOf(d), un), numOf(bb)), sub(numOf(a), mul(numOf(c), un)));
    return tryRat(xOfU, U, pow(b0, numOf(rat(1n, n))), 'int/radical-substitution');
  };
  const tryRat = (xOfU: Expr, radOfU: Expr, u: Expr, rule: string) => {
    // every radical base^(k/n) becomes radOfU^(k·…); x becomes xOfU; dx = x'(u) du
    const map = new Map<Expr, Expr>();
    for (const r of rads) {
      const e = (r as { exp: { value: Rational } }).exp.value;
      map.set(r, pow(radOfU, numOf(rmul(e, rat(n)))));
    }
    map.set(x, xOfU);
    const sub1 = substituteMap(f, map);
    const pre = mul(sub1, diff(xOfU, U));
    const r = free(pre, x) ? asRational(pre, U) : undefined;
    if (r === undefined) return undefined;
    const g = div(toExprP(r.num, U), toExprP(r.den, U));
    const k = ctx.integrate(g, U);
    if (k === undefined) return undefined;
    return node(rule, f, x, k.before, substituteMap(k.value, new Map([[U, u]])), [k], [['u', u], ['du', mul(diff(u, x), sym('dx'))]], k.value);
  };
  if (p === undefined) return mobius(base);
  if (p.length === 2) {
    // base = a x + b: x = (u^n − b)/a, base^(1/n) = u
    const [b, a] = [p[0]!, p[1]!];
    const xOfU = div(sub(pow(U, numOf(rat(n))), numOf(b)), numOf(a));
    return tryRat(xOfU, U, pow(base, numOf(rat(1n, n))), 'int/radical-substitution');
  }
  if (p.length === 3 && n === 2n) {
    const [c, b, a] = [p[0]!, p[1]!, p[2]!];
    const sqrtOf = (r: Rational): Expr | undefined => {
      if (r[0] <= 0n) return undefined;
      const nn = iroot(r[0], 2n);
      const dd = iroot(r[1], 2n);
      return nn !== undefined && dd !== undefined ? numOf(rat(nn, dd)) : pow(numOf(r), HALF);
    };
    const attempts: (() => ReturnType<typeof tryRat>)[] = [];
    const sa = sqrtOf(a);
    if (sa !== undefined) {
      // √Q = u − √a x  ⇒  x = (u² − c)/(b + 2√a u)
      const xOfU = div(sub(pow(U, int(2)), numOf(c)), add(numOf(b), mul(int(2), sa, U)));
      const rad = sub(U, mul(sa, xOfU));
      attempts.push(() => tryRat(xOfU, rad, add(pow(base, HALF), mul(sa, x)), 'int/euler-1'));
    }
    const disc = rsub(rmul(b, b), rmul(rat(4n), rmul(a, c)));
    const sd = disc[0] > 0n ? iroot(disc[0] * disc[1], 2n) : undefined;
    if (sd !== undefined) {
      // rational roots r, s: √(a(x − r)(x − s)) = (x − r) u  ⇒  x = (a s − r u²)/(a − u²)
      const r = rdiv(rsub(rat(-b[0], b[1]), rat(sd, disc[1])), rmul(rat(2n), a));
      const s = rdiv(rat(-b[0] * 1n, b[1]), a);
      const s2 = rsub(s, r);
      const xOfU = div(sub(mul(numOf(a), numOf(s2)), mul(numOf(r), pow(U, int(2)))), sub(numOf(a), pow(U, int(2))));
      const rad = mul(sub(xOfU, numOf(r)), U);
      attempts.push(() => tryRat(xOfU, rad, div(pow(base, HALF), sub(x, numOf(r))), 'int/euler-3'));
    }
    const sc = sqrtOf(c);
    if (sc !== undefined) {
      // √Q = x u + √c  ⇒  x = (2√c u − b)/(a − u²)
      const xOfU = div(sub(mul(int(2), sc, U), numOf(b)), sub(numOf(a), pow(U, int(2))));
      const rad = add(mul(xOfU, U), sc);
      attempts.push(() => tryRat(xOfU, rad, div(sub(pow(base, HALF), sc), x), 'int/euler-2'));
    }
    for (const t of attempts) {
      const r = t();
      if (r) return r;
    }
  }
  return undefined;
};
void ONE; void MINUS_ONE;

/**
 * Several radical bases: remove one linear base first, u = (a x + b)^(1/n), leaving an integrand in u with one
 * base fewer (√(c x + d) becomes √ of a polynomial in u, e.g. a quadratic for Euler's substitutions).
 */
function severalRadicals(f: Expr, x: Sym, rads: Expr[], ctx: Parameters<Method>[2]) {
  if (ctx.substDepth >= 3) return undefined;
  for (const r of rads) {
    const base = (r as { base: Expr }).base;
    const p = asPolynomial(base, x);
    if (p === undefined || p.length !== 2) continue;
    let n = 1n;
    for (const t of rads) {
      if ((t as { base: Expr }).base !== base) continue;
      const q = ((t as { exp: { value: Rational } }).exp.value)[1];
      n = n * q / bgcd(n, q);
    }
    const U = freshSymbol('u', f);
    const [b, a] = [p[0] ?? rat(0n), p[1]!];
    const xOfU = div(sub(pow(U, numOf(rat(n))), numOf(b)), numOf(a));
    const map = new Map<Expr, Expr>();
    for (const t of rads) {
      if ((t as { base: Expr }).base !== base) continue;
      map.set(t, pow(U, numOf(rmul((t as { exp: { value: Rational } }).exp.value, rat(n)))));
    }
    map.set(x, xOfU);
    const g = mul(substituteMap(f, map), diff(xOfU, U));
    if (!free(g, x)) continue;
    const k = integrateSubstituted(ctx, g, U);
    if (k === undefined) continue;
    const u = pow(base, numOf(rat(1n, n)));
    return node('int/radical-substitution', f, x, k.before, substituteMap(k.value, new Map([[U, u]])), [k], [['u', u], ['du', mul(diff(u, x), sym('dx'))]], k.value);
  }
  return undefined;
}
