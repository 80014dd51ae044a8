/**
 * Euler's first substitution for a square root of a quadratic that sits inside other radicals
 * (L. Euler, 1768, "Institutiones calculi integralis", I §88): for Q = a x² + b x + c with a = α² (α rational),
 *   t = √Q + α x,   x = (t² − c)/(b + 2α t),   √Q = t − α x,
 * which makes x and √Q rational in t, so √(x + √(1 + x²)) becomes √t. The rest is searched in t.
 */
import { type Expr, type Sym, add, mul, pow, numOf, int, sym, children } from '../ast/expr.js';
import { type Rational, iroot, rat } from '../ast/rational.js';
import { diff } from '../diff/diff.js';
import { type Ctx, type Found, integrateSubstituted } from './types.js';
import { free, freshSymbol, substituteMap } from './linear.js';
import { asRational } from './ratexpr.js';
import { radicalsOf } from './radical-linear.js';
import { node } from './found.js';

const sqrtRational = (r: Rational): Rational | undefined => {
  if (r[0] <= 0n) return undefined;
  const n = iroot(r[0], 2n);
  const d = iroot(r[1], 2n);
  return n !== undefined && d !== undefined ? rat(n, d) : undefined;
};

/** Does e contain the node t (interned, so identity is structural equality)? */
function contains(e: Expr, t: Expr): boolean {
  if (e === t) return true;
  return children(e).some((c) => contains(c, t));
}

export function eulerNested(f: Expr, x: Sym, ctx: Ctx): Found | undefined {
  if (ctx.substDepth >= 3) return undefined;
  const rads = radicalsOf(f, x);
  // a square root of a quadratic with a square leading coefficient, inside another radical's base
  const inner = rads.find((r) => r.kind === 'pow' && r.exp.kind === 'num' && r.exp.value[0] === 1n && r.exp.value[1] === 2n &&
    rads.some((o) => o !== r && o.kind === 'pow' && contains(o.base, r)));
  if (inner === undefined || inner.kind !== 'pow') return undefined;
  const Q = asRational(inner.base, x);
  if (Q === undefined || Q.den.length !== 1 || Q.num.length !== 3) return undefined;
  const s = Q.den[0]!;
  const [c, b, a] = Q.num.map((v) => rat(v[0] * s[1], v[1] * s[0]));
  const alpha = sqrtRational(a!);
  if (alpha === undefined) return undefined;
  const T = freshSymbol('t', f);
  const xt = mul(add(pow(T, int(2)), mul(int(-1), numOf(c!))), pow(add(numOf(b!), mul(int(2), numOf(alpha), T)), int(-1)));
  const rt = add(T, mul(int(-1), numOf(alpha), xt));
  const g = mul(substituteMap(f, new Map<Expr, Expr>([[inner, rt], [x, xt]])), diff(xt, T));
  if (!free(g, x)) return undefined;
  const k = integrateSubstituted(ctx, g, T);
  if (k === undefined) return undefined;
  const u = add(inner, mul(numOf(alpha), x));
  const value = substituteMap(k.value, new Map([[T, u]]));
  return node('int/euler-1', f, x, k.before, value, [k], [['u', u], ['du', mul(diff(u, x), sym('dx'))]], k.value);
}
