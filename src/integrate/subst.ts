/**
 * Substitution by "derivative divides": for each composite subterm u of the integrand, divide the integrand by
 * u' and write the quotient in terms of u alone; if that leaves no x, ∫ f dx = ∫ g(u) du. When replacing u is
 * not enough, x is solved for in simple cases (u = a x + b, u = x^n, u = (a x + b)^(1/n)).
 */
import { type Expr, type Sym, children, mul, pow, add, div, neg, numOf, sym, MINUS_ONE, ONE } from '../ast/expr.js';
import { rdiv, ONE as RONE } from '../ast/rational.js';
import { diff } from '../diff/diff.js';
import { cancel } from '../simplify/index.js';
import type { Method } from './types.js';
import { free, linearParts, freshSymbol, replace, treeSize } from './linear.js';
import { node } from './found.js';
import { trigNormal } from './trignormal.js';

/** Composite subterms that depend on x, largest first (at most `limit`). */
export function candidates(f: Expr, x: Sym, limit = 14): Expr[] {
  const seen = new Set<Expr>();
  const visit = (e: Expr): void => {
    if (seen.has(e) || free(e, x) || e === x) return;
    seen.add(e);
    for (const c of children(e)) visit(c);
  };
  for (const c of children(f)) visit(c);
  if (f.kind === 'pow' || f.kind === 'call') visit(f);
  seen.delete(f);
  const out = [...seen].filter((u) => u.kind === 'call' || u.kind === 'pow' || u.kind === 'add' || u.kind === 'mul');
  // Prefer arguments of functions and bases of powers: they are the usual inner functions.
  out.sort((a, b) => b.height - a.height);
  return out.slice(0, limit);
}

function tryCancel(e: Expr): Expr {
  if (treeSize(e, 400) >= 400) return e;
  try {
    return cancel(e);
  } catch {
    return e;
  }
}

/** x in terms of U when u(x) = U can be solved simply. */
function inverse(u: Expr, x: Sym, U: Sym): Expr | undefined {
  const lin = linearParts(u, x);
  if (lin !== undefined) return div(add(U, neg(lin.b)), lin.a);
  if (u.kind === 'pow' && u.base === x && u.exp.kind === 'num') return pow(U, numOf(rdiv(RONE, u.exp.value)));
  if (u.kind === 'pow' && u.exp.kind === 'num' && u.exp.value[1] !== 1n) {
    const inner = linearParts(u.base, x);
    if (inner === undefined) return undefined;
    const root = pow(U, numOf(rdiv(RONE, u.exp.value)));
    return div(add(root, neg(inner.b)), inner.a);
  }
  return undefined;
}

function radicalCount(e: Expr): number {
  let n = 0;
  const seen = new Set<Expr>();
  const visit = (t: Expr): void => {
    if (seen.has(t)) return;
    seen.add(t);
    if (t.kind === 'pow' && t.exp.kind === 'num' && t.exp.value[1] !== 1n) n++;
    for (const c of children(t)) visit(c);
  };
  visit(e);
  return n;
}

export function rewriteIn(f: Expr, u: Expr, x: Sym, U: Sym): Expr | undefined {
  let du: Expr;
  try {
    du = diff(u, x);
  } catch {
    return undefined;
  }
  if (du === ONE && u === x) return undefined;
  const q = tryCancel(mul(f, pow(du, MINUS_ONE)));
  const g = replace(q, u, U);
  if (free(g, x)) return g;
  // tan x · cos²x / sin 2x is 1/2: quotients of trigonometric functions may need their normal form
  const gn = trigNormal(g, x);
  if (gn !== g && free(gn, x)) return gn;
  const xi = inverse(u, x, U);
  if (xi === undefined) return undefined;
  const h = tryCancel(replace(replace(q, u, U), x, xi));
  // Solving for x must not bring in new radicals (x = √u in ∫ x² sin x would).
  return free(h, x) && radicalCount(h) <= radicalCount(f) ? h : undefined;
}

export const substitution: Method = (f, x, ctx) => {
  if (ctx.depth > 10 || ctx.substDepth >= 3) return undefined;
  const size = treeSize(f);
  for (const u of candidates(f, x)) {
    if (ctx.substDepth > 0 && linearParts(u, x) !== undefined) continue;
    const U = freshSymbol('u', f);
    const g = rewriteIn(f, u, x, U);
    if (g === undefined || g === f || g.height > f.height + 1 || treeSize(g) > size + 4) continue;
    ctx.substDepth++;
    let k;
    try {
      k = ctx.integrate(g, U);
    } finally {
      ctx.substDepth--;
    }
    if (k === undefined) continue;
    const value = replace(k.value, U, u);
    return node('int/substitution', f, x, k.before, value, [k], [['u', u], ['du', mul(diff(u, x), sym('dx'))]], k.value);
  }
  return undefined;
};

export const _internal = { inverse };
void neg;
