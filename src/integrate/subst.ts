/**
 * Substitution by "derivative divides": for each composite subterm u of the integrand, divide the integrand by
 * u' and write the quotient in terms of u alone; if that leaves no x, ∫ f dx = ∫ g(u) du. When replacing u is
 * not enough, x is solved for in simple cases (u = a x + b, u = x^n, u = (a x + b)^(1/n)).
 */
import { type Expr, type Sym, children, mul, pow, add, div, neg, numOf, sym, call, MINUS_ONE, ONE } from '../ast/expr.js';
import { rat, rdiv, ONE as RONE } from '../ast/rational.js';
import { diff } from '../diff/diff.js';
import { cancel, expand } from '../simplify/index.js';
import { type Method, integrateSubstituted } from './types.js';
import { free, linearParts, freshSymbol, replace, treeSize } from './linear.js';
import { leaf, node } from './found.js';
import { valueAt } from './verify.js';
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
    const k = integrateSubstituted(ctx, g, U);
    if (k === undefined) continue;
    const value = replace(k.value, U, u);
    return node('int/substitution', f, x, k.before, value, [k], [['u', u], ['du', mul(diff(u, x), sym('dx'))]], k.value);
  }
  return undefined;
};

export const _internal = { inverse };
void neg;

/**
 * Logarithmic derivatives in disguise: f = N/D with N/D = c·(D m)'/(D m) for a multiplier m taken from the
 * exponentials of D (m = e^(a x) clears e^(−a x)): (cos x + sin x)/(e^(−x) + sin x) = (log(1 + e^x sin x))'.
 * Checked numerically first (c a small rational), then verified as usual.
 */
export const logDerivative: Method = (f, x) => {
  if (f.kind !== 'mul') return undefined;
  const den = f.args.filter((t) => t.kind === 'pow' && t.exp === MINUS_ONE && !free(t.base, x)).map((t) => (t as { base: Expr }).base);
  if (den.length !== 1) return undefined;
  const D = den[0]!;
  const mults: Expr[] = [ONE];
  const visit = (e: Expr): void => {
    if (e.kind === 'call' && e.fn === 'exp' && !free(e, x)) mults.push(call('exp', [neg(e.args[0]!)]));
    for (const c of children(e)) visit(c);
  };
  visit(D);
  for (const m of mults.slice(0, 4)) {
    const G = m === ONE ? D : tryExpand(mul(D, m));
    let dG: Expr;
    try {
      dG = diff(G, x);
    } catch {
      continue;
    }
    const ratio = (p: number): number => valueAt(f, x, p) * valueAt(G, x, p) / valueAt(dG, x, p);
    const r0 = ratio(0.3719);
    const c = Number.isFinite(r0) ? recogniseSmall(r0) : undefined;
    if (c === undefined) continue;
    if (![0.6183, 1.2941, -0.4571, 2.2367].every((p) => { const r = ratio(p); return !Number.isFinite(r) || Math.abs(r - r0) < 1e-9 * Math.max(1, Math.abs(r0)); })) continue;
    return leaf('int/log-derivative', f, x, mul(c, call('log', [call('abs', [G])])), [['g', G]]);
  }
  return undefined;
};

function tryExpand(e: Expr): Expr {
  try {
    return treeSize(e, 300) < 300 ? expand(e) : e;
  } catch {
    return e;
  }
}

function recogniseSmall(v: number): Expr | undefined {
  for (let q = 1; q <= 12; q++) {
    const p = Math.round(v * q);
    if (p !== 0 && Math.abs(p / q - v) < 1e-10 * Math.max(1, Math.abs(v))) return numOf(rat(BigInt(p), BigInt(q)));
  }
  return undefined;
}
