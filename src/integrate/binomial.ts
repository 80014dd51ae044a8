/**
 * x^m·G(x^n) with radicals in G, by u = x^n: ∫ x^m G(x^n) dx = H(x^n), H(u) = (1/n)∫ u^((m+1)/n − 1) G(u) du.
 * For the binomial differential x^m (a + b x^n)^p this leaves u^r (a + b u)^p, r = (m + 1)/n − 1, which the
 * linear-radical substitution rationalises exactly in P. L. Chebyshev's three cases (1853, "Sur l'intégration des
 * différentielles irrationnelles"): p, r or r + p an integer. A rational factor in x^n rides along.
 *
 * When r is not an integer and n is even, (x^n)^r = |x|^(nr): the antiderivative is then
 * x^(m+1)·(x^n)^(−(m+1)/n)·H(x^n), whose first factor is the constant sign(x)^(m+1) on each side of 0.
 */
import { type Expr, type Sym, mul, pow, numOf, sym, children, withChildren } from '../ast/expr.js';
import { type Rational, rat, rdiv, radd, rsub, rmul, bgcd, babs, ONE as RONE } from '../ast/rational.js';
import { diff } from '../diff/diff.js';
import { type Ctx, type Found, integrateSubstituted } from './types.js';
import { free, freshSymbol, substituteMap } from './linear.js';
import { node } from './found.js';

function rgcd(a: Rational, b: Rational): Rational {
  const n = bgcd(babs(a[0] * b[1]), babs(b[0] * a[1]));
  return rat(n, a[1] * b[1]);
}

/** The exponent of x in a factor x or x^e (numeric e), else undefined. */
function xPower(e: Expr, x: Sym): Rational | undefined {
  if (e === x) return RONE;
  if (e.kind === 'pow' && e.base === x && e.exp.kind === 'num') return e.exp.value;
  return undefined;
}

export function binomialSubstitution(f: Expr, x: Sym, ctx: Ctx): Found | undefined {
  if (ctx.substDepth >= 3) return undefined;
  // split off the monomial x^m
  let m: Rational = rat(0n);
  const rest: Expr[] = [];
  for (const a of f.kind === 'mul' ? f.args : [f]) {
    const k = xPower(a, x);
    if (k === undefined) rest.push(a);
    else m = radd(m, k);
  }
  if (rest.length === 0) return undefined;
  const G = mul(...rest);
  // gcd of the exponents of x in G; G must hold a radical whose base depends on x
  let n: Rational | undefined;
  let ok = true;
  let radical = false;
  const seen = new Set<Expr>();
  const visit = (e: Expr): void => {
    if (!ok || seen.has(e) || free(e, x)) return;
    seen.add(e);
    const k = xPower(e, x);
    if (k !== undefined) { n = n === undefined ? babsR(k) : rgcd(n, k); return; }
    if (e.kind === 'pow') {
      if (e.exp.kind !== 'num') { ok = false; return; }
      if (e.exp.value[1] !== 1n) radical = true;
    }
    if (e.kind === 'call' || e.kind === 'sym') { ok = false; return; }
    for (const c of children(e)) visit(c);
  };
  visit(G);
  if (!ok || !radical || n === undefined || (n[0] === 1n && n[1] === 1n)) return undefined;
  const N = n;
  const U = freshSymbol('u', f);
  const swap = (e: Expr): Expr => {
    if (free(e, x)) return e;
    const k = xPower(e, x);
    if (k !== undefined) return pow(U, numOf(rdiv(k, N)));
    const kids = children(e);
    return withChildren(e, kids.map(swap));
  };
  const r = rsub(rdiv(radd(m, RONE), N), RONE);
  const g = mul(numOf(rdiv(RONE, N)), pow(U, numOf(r)), swap(G));
  if (!free(g, x)) return undefined;
  const k = integrateSubstituted(ctx, g, U);
  if (k === undefined) return undefined;
  const u = pow(x, numOf(N));
  let value = substituteMap(k.value, new Map([[U, u]]));
  const evenN = N[1] === 1n && N[0] % 2n === 0n;
  if (r[1] !== 1n && evenN && m[1] === 1n) {
    const m1 = radd(m, RONE);
    value = mul(pow(x, numOf(m1)), pow(u, numOf(rmul(rat(-1n), rdiv(m1, N)))), value);
  }
  return node('int/binomial-substitution', f, x, k.before, value, [k], [['u', u], ['du', mul(diff(u, x), sym('dx'))]], k.value);
}

const babsR = (a: Rational): Rational => [babs(a[0]), a[1]];
