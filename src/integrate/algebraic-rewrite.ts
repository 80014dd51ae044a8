/**
 * Exponentials of inverse hyperbolic functions are algebraic, from their logarithmic forms
 *   atanh u = ½ log((1 + u)/(1 − u)),  asinh u = log(u + √(u² + 1)),  acosh u = log(u + √(u² − 1)):
 *   exp(k·atanh u) = ((1 + u)/(1 − u))^(k/2)   for |u| < 1, where atanh u is real,
 *   exp(k·asinh u) = (u + √(u² + 1))^k,  exp(k·acosh u) = (u + √(u² − 1))^k  (u ≥ 1).
 * These identities hold on the whole real domain of the left sides, so the rewrite is exact there. The
 * quotient (1 + u)/(1 − u) is put over a common denominator when u is rational in x (u = 1/x gives (x + 1)/(x − 1),
 * the usual form of exp(k·acoth x)).
 */
import { type Expr, type Sym, add, mul, pow, sub, call, numOf, int, ONE, HALF, children, withChildren } from '../ast/expr.js';
import { rat, rdiv, rneg } from '../ast/rational.js';
import type { Method } from './types.js';
import { free } from './linear.js';
import { asRational } from './ratexpr.js';
import { rToExpr } from './radical-urat.js';
import { node } from './found.js';

function ratio(u: Expr, x: Sym): Expr {
  const q = add(ONE, u);
  const d = sub(ONE, u);
  const r = asRational(mul(q, pow(d, int(-1))), x);
  if (r === undefined) return mul(q, pow(d, int(-1)));
  // (1 + x)/(1 − x) rather than −(x + 1)/(x − 1): a positive constant term below
  const flip = (r.den[0]?.[0] ?? 0n) < 0n;
  return flip ? rToExpr({ num: r.num.map(rneg), den: r.den.map(rneg) }, x) : rToExpr(r, x);
}

/** exp(k·g(u)) → algebraic form, for one term k·g(u) of an exponent; undefined when it is not of that shape. */
function algebraicPower(term: Expr, x: Sym): Expr | undefined {
  let k: Expr = ONE;
  let g = term;
  if (term.kind === 'mul' && term.args.length === 2 && term.args[0]!.kind === 'num') {
    k = term.args[0]!;
    g = term.args[1]!;
  }
  if (k.kind !== 'num' || g.kind !== 'call' || g.args.length !== 1 || free(g, x)) return undefined;
  const u = g.args[0]!;
  if (g.fn === 'atanh') return pow(ratio(u, x), numOf(rdiv(k.value, rat(2n))));
  const isInt = k.value[1] === 1n;
  if (g.fn === 'asinh' && isInt) return pow(add(u, pow(add(pow(u, int(2)), ONE), HALF)), k);
  if (g.fn === 'acosh' && isInt) return pow(add(u, pow(sub(pow(u, int(2)), ONE), HALF)), k);
  return undefined;
}

/** f with every exp(k·atanh u …) rewritten, or undefined when there is none. */
export function rewriteExpInverseHyperbolic(f: Expr, x: Sym): Expr | undefined {
  let changed = false;
  // memoised: a subterm is visited once however often it is reached (nested exps would otherwise cost 2ⁿ)
  const memo = new Map<Expr, Expr>();
  const go = (e: Expr): Expr => {
    const hit = memo.get(e);
    if (hit !== undefined) return hit;
    const v = visit(e);
    memo.set(e, v);
    return v;
  };
  const visit = (e: Expr): Expr => {
    if (free(e, x)) return e;
    if (e.kind === 'call' && e.fn === 'exp') {
      const a = e.args[0]!;
      const terms = a.kind === 'add' ? a.args : [a];
      const alg: Expr[] = [];
      const rest: Expr[] = [];
      for (const t of terms) {
        const v = algebraicPower(t, x);
        if (v === undefined) rest.push(go(t));
        else alg.push(v);
      }
      if (alg.length > 0) {
        changed = true;
        return mul(...alg, rest.length > 0 ? call('exp', [add(...rest)]) : ONE);
      }
    }
    const kids = children(e);
    return kids.length === 0 ? e : withChildren(e, kids.map(go));
  };
  const g = go(f);
  return changed && g !== f ? g : undefined;
}

export const expInverseHyperbolic: Method = (f, x, ctx) => {
  const g = rewriteExpInverseHyperbolic(f, x);
  if (g === undefined) return undefined;
  const k = ctx.integrate(g, x);
  return k && node('int/rewrite-exp-inverse-hyperbolic', f, x, k.before, k.value, [k]);
};
