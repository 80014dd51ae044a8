/**
 * Products of radicals with the same exponent merged into one: A^r·B^r = (A·B)^r and A^r·B^(−r) = (A/B)^r.
 * In Lousa's real arithmetic a non-integer power of a negative number is not defined, so wherever the integrand
 * is defined A, B ≥ 0 and the identities hold exactly. The merge is kept only when it simplifies:
 * √(1 + x)·√(1 − x + x²) = √(1 + x³), √(1 − x⁴)/√(1 + x²) = √(1 − x²), √(2 + 4x²)·√(3 + 6x²) = √(6(1 + 2x²)²).
 */
import { type Expr, type Sym, mul, pow, numOf, children, withChildren } from '../ast/expr.js';
import { type Rational, rneg } from '../ast/rational.js';
import { expand } from '../simplify/index.js';
import type { Method } from './types.js';
import { free, treeSize } from './linear.js';
import { asRational } from './ratexpr.js';
import { rToExpr } from './radical-urat.js';
import { node } from './found.js';

/** Algebraic in x: built from x and numbers by +, ·, and powers with numeric exponents. */
const algebraicIn = (e: Expr): boolean =>
  e.kind === 'num' || e.kind === 'sym' || ((e.kind === 'add' || e.kind === 'mul') && e.args.every(algebraicIn)) ||
  (e.kind === 'pow' && e.exp.kind === 'num' && algebraicIn(e.base));

const isRadical = (e: Expr, x: Sym): e is Expr & { kind: 'pow'; base: Expr; exp: { kind: 'num'; value: Rational } } =>
  e.kind === 'pow' && e.exp.kind === 'num' && e.exp.value[1] !== 1n && !free(e.base, x) && algebraicIn(e.base);

const termCount = (e: Expr): number => (e.kind === 'add' ? e.args.length : 1);
const key = (r: Rational): string => `${r[0]}/${r[1]}`;

function mergeProduct(e: Expr & { kind: 'mul' }, x: Sym): Expr | undefined {
  const rads = e.args.filter((a) => isRadical(a, x)) as (Expr & { kind: 'pow'; base: Expr; exp: { kind: 'num'; value: Rational } })[];
  if (rads.length < 2) return undefined;
  const used = new Set<Expr>();
  const merged: Expr[] = [];
  for (const a of rads) {
    if (used.has(a)) continue;
    const r = a.exp.value;
    const same = rads.filter((b) => !used.has(b) && key(b.exp.value) === key(r));
    const opp = rads.filter((b) => !used.has(b) && key(b.exp.value) === key(rneg(r)));
    if (same.length >= 2) {
      let prod: Expr;
      try {
        prod = expand(mul(...same.map((b) => b.base)));
      } catch {
        continue;
      }
      if (treeSize(prod, 200) >= 200 || termCount(prod) >= same.reduce((s, b) => s + termCount(b.base), 0)) continue;
      same.forEach((b) => used.add(b));
      merged.push(pow(prod, numOf(r)));
    } else if (opp.length >= 1 && r[0] > 0n) {
      const b = opp[0]!;
      const q = asRational(mul(a.base, pow(b.base, numOf([-1n, 1n]))), x);
      const pa = asRational(a.base, x);
      const pb = asRational(b.base, x);
      if (q === undefined || pa === undefined || pb === undefined) continue;
      const size = (u: { num: readonly unknown[]; den: readonly unknown[] }): number => u.num.length + u.den.length;
      if (size(q) >= size(pa) + size(pb) - 2) continue;
      used.add(a);
      used.add(b);
      merged.push(pow(rToExpr(q, x), numOf(r)));
    }
  }
  if (merged.length === 0) return undefined;
  return mul(...e.args.filter((t) => !used.has(t)), ...merged);
}

export function mergeRadicals(f: Expr, x: Sym): Expr | undefined {
  let changed = false;
  const go = (e: Expr): Expr => {
    if (free(e, x)) return e;
    const kids = children(e);
    let out = kids.length === 0 ? e : withChildren(e, kids.map(go));
    if (out.kind === 'mul') {
      const m = mergeProduct(out, x);
      if (m !== undefined) {
        changed = true;
        out = m;
      }
    }
    return out;
  };
  const g = go(f);
  return changed && g !== f ? g : undefined;
}

export const mergeRadicalsMethod: Method = (f, x, ctx) => {
  const g = mergeRadicals(f, x);
  if (g === undefined) return undefined;
  const k = ctx.integrate(g, x);
  return k && node('int/merge-radicals', f, x, k.before, k.value, [k]);
};
