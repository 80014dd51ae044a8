/**
 * A small local tidy-up for derivatives until the simplifier takes over (swap `tidy` for `simplify` here and
 * nothing else changes): in products, powers of the same base are merged (`x x^-1 = 1`, `x^a x^b = x^(a + b)`);
 * in sums, like terms are collected (`2 x y + x y = 3 x y`) and factors common to every term are pulled out
 * (`x^x log(x) + x^x = x^x (log(x) + 1)`). Only identical factors are pulled out, so `x^2 cos(x) + 2 x sin(x)`
 * stays as it is. Nothing is expanded.
 */
import { type Expr, ONE, add, isNumber, mul, pow } from '../ast/expr.js';
import { bottomUp } from '../rewrite/walk.js';

export function tidy(e: Expr, memo?: Map<Expr, Expr>): Expr {
  return bottomUp(e, tidyNode, memo);
}

function tidyNode(e: Expr): Expr {
  if (e.kind === 'mul') return mergePowers(e.args);
  if (e.kind === 'add') return pullCommon(collectTerms(e.args));
  return e;
}

function mergePowers(args: readonly Expr[]): Expr {
  const numbers: Expr[] = [];
  const exps = new Map<Expr, Expr[]>();
  const firsts = new Map<Expr, Expr>();
  for (const a of args) {
    if (isNumber(a)) {
      numbers.push(a);
      continue;
    }
    const base = a.kind === 'pow' ? a.base : a;
    const list = exps.get(base);
    if (list === undefined) {
      exps.set(base, [a.kind === 'pow' ? a.exp : ONE]);
      firsts.set(base, a);
    } else list.push(a.kind === 'pow' ? a.exp : ONE);
  }
  if (exps.size === args.length - numbers.length) return mul(...args);
  const factors = [...exps].map(([base, es]) => (es.length === 1 ? firsts.get(base)! : pow(base, tidyNode(add(...es)))));
  return mul(...numbers, ...factors);
}

/** A term as coefficient times the rest: `3 x y` is `3` and `x y`. */
function split(t: Expr): [Expr, Expr] {
  if (isNumber(t)) return [t, ONE];
  if (t.kind === 'mul' && isNumber(t.args[0]!)) return [t.args[0]!, mul(...t.args.slice(1))];
  return [ONE, t];
}

function collectTerms(args: readonly Expr[]): Expr {
  const coefs = new Map<Expr, Expr[]>();
  for (const t of args) {
    const [c, rest] = split(t);
    const list = coefs.get(rest);
    if (list === undefined) coefs.set(rest, [c]);
    else list.push(c);
  }
  if (coefs.size === args.length) return add(...args);
  return add(...[...coefs].map(([rest, cs]) => mul(add(...cs), rest)));
}

const factorsOf = (t: Expr): readonly Expr[] =>
  isNumber(t) ? [] : t.kind === 'mul' ? t.args.filter((a) => !isNumber(a)) : [t];

function pullCommon(e: Expr): Expr {
  if (e.kind !== 'add') return e;
  let common = [...factorsOf(e.args[0]!)];
  for (const t of e.args.slice(1)) {
    if (common.length === 0) break;
    const fs = [...factorsOf(t)];
    common = common.filter((c) => {
      const k = fs.indexOf(c);
      if (k < 0) return false;
      fs.splice(k, 1);
      return true;
    });
  }
  if (common.length === 0) return e;
  const inner = e.args.map((t) => {
    const fs = t.kind === 'mul' ? [...t.args] : [t];
    for (const c of common) fs.splice(fs.indexOf(c), 1);
    return mul(...fs);
  });
  return mul(...common, tidyNode(add(...inner)));
}
