/**
 * Two rewrites for integrands that are easy once opened up, as backward-generated problems often are:
 * - 'int/distribute': a product with a sum as a factor, c·(t₁ + t₂)/D, becomes c·t₁/D + c·t₂/D with each term
 *   simplified (exp(2 − x)(exp(5x/2 + 1) − 3) → exp(3x/2 + 3) − 3 exp(2 − x); (1 − sin(u)(x² + 2))/(x² + 2) →
 *   1/(x² + 2) − sin(u)), without expanding the inner products that would hide the cancellation.
 * - 'int/parts-cancel': the derivative of a product g·h written out, g′h + g h′, whose terms are not integrable
 *   one by one (√(2 − x)·cosh(x/3 + 1) is not elementary): one term integrated by parts, ∫ g h′ = g h − ∫ g′ h,
 *   and the remaining integrand g′h + (the other terms) collapses, to 0 or something smaller.
 */
import { type Expr, type Sym, add, mul, neg, call } from '../ast/expr.js';
import { someNode } from '../ast/walk.js';
import { simplify } from '../simplify/index.js';
import { registerLabels } from '../render/labels.js';
import { diff } from '../diff/diff.js';
import type { Found, Method } from './types.js';
import { free, linearParts, treeSize } from './linear.js';
import { tableLookup } from './table.js';
import { node } from './found.js';
import { samplePoints, valueAt } from './verify.js';

registerLabels({
  'int/distribute': {
    en: 'multiply out the sum in the integrand and simplify each term',
    pt: 'distribuir a soma do integrando e simplificar cada termo',
  },
  'int/parts-cancel': {
    en: 'by parts on one term: the integral of g h′ is g h minus that of g′ h, which cancels the other terms',
    pt: 'por partes num termo: a integral de g h′ é g h menos a de g′ h, que cancela os outros termos',
  },
});

function simplified(e: Expr): Expr {
  try {
    return simplify(e);
  } catch {
    return e;
  }
}

/** The terms of f with one sum factor distributed and each term simplified; undefined when nothing changes. */
export function distributedTerms(f: Expr, x: Sym): Expr[] | undefined {
  if (f.kind !== 'mul') return undefined;
  const i = f.args.findIndex((t) => t.kind === 'add' && !free(t, x));
  if (i < 0) return undefined;
  const others = f.args.filter((_, j) => j !== i);
  const s = f.args[i] as { args: readonly Expr[] };
  if (s.args.length > 8) return undefined;
  const terms = s.args.map((t) => simplified(mul(...others, t)));
  // Over a common denominator, splitting only helps when some term loses it: otherwise each piece brings the
  // denominator's whole logarithmic part on its own (a rational function of cos x split three ways integrates to a
  // far larger answer than the whole).
  const denominators = others.filter((t) => t.kind === 'pow' && t.exp.kind === 'num' && t.exp.value[0] < 0n && !free(t, x))
    .map((t) => (t as { base: Expr }).base);
  if (denominators.length > 0 && terms.every((t) => denominators.every((d) => someNode(t, (n) => n === d)))) return undefined;
  return terms;
}

export const distribute: Method = (f, x, ctx) => {
  if (treeSize(f, 200) >= 200) return undefined;
  const terms = distributedTerms(f, x);
  if (terms === undefined) return undefined;
  const g = add(...terms);
  if (g === f || g.kind !== 'add') return undefined;
  const kids: Found[] = [];
  for (const t of g.args) {
    const k = ctx.integrate(t, x);
    if (k === undefined) return undefined;
    kids.push(k);
  }
  return node('int/distribute', f, x, add(...kids.map((k) => k.before)), add(...kids.map((k) => k.value)), kids, [['terms', g]]);
};

/** Is e numerically 0 wherever the integrand f is defined (at least three points)? */
function vanishes(e: Expr, f: Expr, x: Sym): boolean {
  const pts = samplePoints(f, x, 5);
  let n = 0;
  for (const p of pts) {
    const v = valueAt(e, x, p);
    if (!Number.isFinite(v)) continue;
    if (Math.abs(v) > 1e-9 * (1 + Math.abs(valueAt(f, x, p)))) return false;
    n++;
  }
  return n >= 3;
}

const INVERSES = new Set(['log', 'atan', 'asin', 'acos', 'asinh', 'acosh', 'atanh']);

/** The by-parts candidates g·H for each term of f: the transcendental factor integrated (or, for log/atan, kept). */
function* candidates(f: Expr, x: Sym, terms: readonly Expr[], ctx: Parameters<Method>[2]): Generator<[Expr, Expr, Expr]> {
  for (const t of terms) {
    const fs = t.kind === 'mul' ? t.args : [t];
    for (const h of fs) {
      if (h.kind !== 'call' || free(h, x)) continue;
      const g = mul(...fs.filter((u) => u !== h));
      if (INVERSES.has(h.fn)) {
        // ∫ g·L = G·L − ∫ G·L′ with G = ∫ g algebraic
        if (free(g, x)) continue;
        const G = ctx.integrate(g, x);
        if (G !== undefined) yield [mul(G.value, h), g, h];
      } else if (linearParts(h.args[0]!, x) !== undefined) {
        // ∫ g·h′ with h′ a table function of a linear argument: g·h − ∫ g′·h
        const H = tableLookup(h, x);
        if (H !== undefined) yield [mul(g, H[1]), g, h];
      }
    }
  }
  void f;
}

export const partsCancel: Method = (f, x, ctx) => {
  if (treeSize(f, 160) >= 160) return undefined;
  const terms = f.kind === 'add' ? f.args : distributedTerms(f, x);
  if (terms === undefined || terms.length < 2 || terms.length > 6) return undefined;
  const rests: [Expr, Expr, Expr, Expr][] = [];
  // first the candidates whose remaining integrand vanishes (no search), then the others
  for (const [F0, g, h] of candidates(f, x, terms, ctx)) {
    let rest: Expr;
    try {
      rest = add(f, neg(diff(F0, x)));
    } catch {
      continue;
    }
    if (vanishes(rest, f, x)) return node('int/parts-cancel', f, x, F0, F0, [], [['g', g], ['h', h]]);
    rests.push([F0, g, h, rest]);
  }
  for (const [F0, g, h, rest] of rests) {
    const r = simplified(rest);
    if (treeSize(r, 400) < treeSize(f, 400) && r.kind !== 'add') {
      const k = ctx.integrate(r, x);
      if (k !== undefined) return node('int/parts-cancel', f, x, add(F0, k.before), add(F0, k.value), [k], [['g', g], ['h', h]]);
    }
  }
  return undefined;
};

/** A product of exponentials as one: e^u·e^v = e^(u + v). */
export const expCombine: Method = (f, x, ctx) => {
  if (f.kind !== 'mul') return undefined;
  const exps = f.args.filter((t) => t.kind === 'call' && t.fn === 'exp' && !free(t, x));
  if (exps.length < 2) return undefined;
  const merged = call('exp', [simplified(add(...exps.map((e) => (e as { args: readonly Expr[] }).args[0]!)))]);
  const g = mul(...f.args.filter((t) => !exps.includes(t)), merged);
  const k = ctx.integrate(g, x);
  return k && node('int/distribute', f, x, k.before, k.value, [k], [['terms', g]]);
};
