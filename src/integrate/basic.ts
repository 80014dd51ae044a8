/** The first methods tried: constants, the table, constant multiples, linearity, rational functions, expansion. */
import { type Expr, type Sym, add, mul, call, children, withChildren } from '../ast/expr.js';
import { expand } from '../simplify/index.js';
import type { Ctx, Found, Method } from './types.js';
import { free, splitConstant, linearParts } from './linear.js';
import { tableLookup, expTrig } from './table.js';
import { asRational } from './ratexpr.js';
import { integrateRational } from './rational.js';
import { integral, leaf, node } from './found.js';

export const constant: Method = (f, x) => (free(f, x) ? leaf('int/constant', f, x, mul(f, x)) : undefined);

export const table: Method = (f, x) => {
  const hit = tableLookup(f, x);
  return hit === undefined ? undefined : leaf(hit[0], f, x, hit[1]);
};

export const constMultiple: Method = (f, x, ctx) => {
  if (f.kind !== 'mul') return undefined;
  const [c, g] = splitConstant(f, x);
  if (c.kind === 'num' && c.value[0] === 1n && c.value[1] === 1n) return undefined;
  const k = ctx.integrate(g, x);
  return k && node('int/const-multiple', f, x, mul(c, k.before), mul(c, k.value), [k]);
};

export const sum: Method = (f, x, ctx) => {
  if (f.kind !== 'add') return undefined;
  const kids: Found[] = [];
  for (const t of f.args) {
    const k = ctx.integrate(t, x);
    if (k === undefined) return undefined;
    kids.push(k);
  }
  return node('int/sum', f, x, add(...kids.map((k) => k.before)), add(...kids.map((k) => k.value)), kids);
};

export const rational: Method = (f, x) => {
  const r = asRational(f, x);
  if (r === undefined) return undefined;
  const v = integrateRational(r, x);
  if (v === undefined) return undefined;
  return leaf('int/rational', f, x, v.value, [['polynomial', v.polynomial], ['rational', v.rationalPart], ['log', v.logPart]]);
};

export const cyclicParts: Method = (f, x) => {
  const v = expTrig(f, x);
  return v === undefined ? undefined : leaf('int/parts-cyclic', f, x, v);
};

/** Multiply out products of sums and integer powers of sums, then integrate term by term. */
export const expandFirst: Method = (f, x, ctx) => {
  if (f.kind !== 'mul' && f.kind !== 'pow') return undefined;
  let g: Expr;
  try {
    g = expand(f);
  } catch {
    return undefined;
  }
  if (g === f || g.kind !== 'add' || g.args.length > 60) return undefined;
  const k = ctx.integrate(g, x);
  return k && node('int/expand', f, x, k.before, k.value, [k]);
};

export const unevaluated = (f: Expr, x: Sym): Expr => call('integrate', [f, x]);
export { integral };

/** exp(a + b) = exp(a) exp(b) and c^g = exp(g log c): spellings that let substitution see the structure. */
export const expSplit: Method = (f, x, ctx) => {
  let changed = false;
  const go = (e: Expr): Expr => {
    if (e.kind === 'call' && e.fn === 'exp' && e.args[0]!.kind === 'add' && e.args[0]!.args.filter((t) => !free(t, x)).length > 1) {
      changed = true;
      return mul(...e.args[0]!.args.map((t) => call('exp', [go(t)])));
    }
    if (e.kind === 'pow' && free(e.base, x) && !free(e.exp, x) && linearParts(e.exp, x) === undefined) {
      changed = true;
      return call('exp', [mul(go(e.exp), call('log', [e.base]))]);
    }
    const kids = children(e);
    return kids.length === 0 ? e : withChildren(e, kids.map(go));
  };
  const g = go(f);
  if (!changed || g === f) return undefined;
  const k = ctx.integrate(g, x);
  return k && node('int/rewrite-exp', f, x, k.before, k.value, [k]);
};
