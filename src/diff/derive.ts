/**
 * Direct differentiation: one memoised recursive pass over the DAG that applies, at each node, exactly the rule
 * of rules.ts that the rewrite engine would pick first (same priority, same table, same right-hand sides built
 * with the same constructors), with the derivatives of the parts put where the rewrite would leave `D(part, x)`.
 * Because the constructors are canonical (flattening, folding and ordering commute with putting a value in
 * place of a `D` node), the result is the very expression the rewrite reaches — without matching, without
 * building the intermediate `D` nodes and without the engine's bookkeeping. It is forward symbolic
 * differentiation memoised over the DAG, so each shared node is differentiated once.
 *
 * Inputs the pass does not mirror exactly — nested `D` calls (the engine evaluates them first, wherever they
 * are) and lists inside sums, products, powers or calls (a held `D` of a list is a scalar to the constructors)
 * — are reported by `directApplies` so the caller can use the rewrite engine instead.
 */
import { type Expr, type Sym, MINUS_ONE, ONE, TWO, ZERO, add, call, children, isNegativeNumber, list, mul, pow } from '../ast/expr.js';
import { LimitError } from '../ast/limits.js';
import { tick } from '../ast/budget.js';
import { isFreeOf } from '../rewrite/free.js';
import { DEFAULT_LIMITS, type Limits } from '../rewrite/types.js';
import { D, isZeroConstant } from './rules.js';
import { partialList } from './table.js';

/** Nodes that contain a `D` call, or a list below something other than a list (cached on the DAG). */
const held = new WeakMap<Expr, boolean>();

/** True when the direct pass gives exactly the rewrite's answer for `e` (see the module comment). */
export function directApplies(e: Expr): boolean {
  const stack: Expr[] = [e];
  while (stack.length > 0) {
    const y = stack[stack.length - 1]!;
    if (held.has(y)) {
      stack.pop();
      continue;
    }
    const kids = children(y);
    let pending = false;
    let bad = y.kind === 'call' && y.fn === 'D';
    for (const k of kids) {
      const v = held.get(k);
      if (v === undefined) {
        stack.push(k);
        pending = true;
      } else if (v || (k.kind === 'list' && y.kind !== 'list')) bad = true;
    }
    if (pending) continue;
    held.set(y, bad);
    stack.pop();
  }
  return !held.get(e)!;
}

/**
 * The derivative of `e` with respect to `x`, as the rewrite with DIFF_RULES would give it (before tidying).
 * `memo` maps a subterm to its derivative with respect to this `x` and may be reused for the same `x`.
 */
export function derive(e: Expr, x: Sym, memo: Map<Expr, Expr> = new Map(), limits: Limits = {}): Expr {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  const start = Date.now();
  const maxHeight = e.height + lim.height;
  let count = 0;

  const d = (f: Expr): Expr => {
    const hit = memo.get(f);
    if (hit !== undefined) return hit;
    tick();
    if (++count >= lim.steps) throw new LimitError(`differentiation stopped (step-limit) after ${count.toLocaleString('en')} steps`);
    if ((count & 1023) === 0 && Date.now() - start > lim.timeMs) {
      throw new LimitError(`differentiation stopped (time-limit) after ${count.toLocaleString('en')} steps`);
    }
    const r = rule(f);
    if (r.height > maxHeight || memo.size > lim.nodes) {
      throw new LimitError(`differentiation stopped (size-limit) after ${count.toLocaleString('en')} steps`);
    }
    memo.set(f, r);
    return r;
  };

  // One case per rule of DIFF_RULES, in its order.
  const rule = (f: Expr): Expr => {
    if (isFreeOf(f, x)) return ZERO; // d/const
    if (f === x) return ONE; // d/var
    switch (f.kind) {
      case 'list': return list(f.items.map(d)); // d/list
      case 'add': return add(...f.args.map(d)); // d/sum
      case 'mul': return product(f.args);
      case 'pow': return power(f.base, f.exp);
      case 'call': return chainCall(f);
      default: return D(f, x);
    }
  };

  const product = (fs: readonly Expr[]): Expr => {
    // d/const-multiple: the constant factors c (all of them: the matcher offers the largest groups first).
    let c: Expr[] | undefined;
    let u: Expr[] | undefined;
    for (let i = 0; i < fs.length; i++) {
      if (isFreeOf(fs[i]!, x)) {
        if (c === undefined) {
          c = [];
          u = fs.slice(0, i);
        }
        c.push(fs[i]!);
      } else u?.push(fs[i]!);
    }
    // D(u) of the product u of the other factors: that product's own rule, without building u's node.
    if (c !== undefined) return mul(...c, u!.length === 1 ? d(u![0]!) : dependentProduct(u!));
    return dependentProduct(fs);
  };

  /** The derivative of a product whose factors all depend on x (canonical order, at least two). */
  const dependentProduct = (fs: readonly Expr[]): Expr => {
    // d/quotient on the first factor v^n with a negative number n.
    for (let j = 0; j < fs.length; j++) {
      const p = fs[j]!;
      if (p.kind !== 'pow' || !isNegativeNumber(p.exp)) continue;
      const rest = fs.filter((_, k) => k !== j);
      const v = p.base;
      const n = p.exp;
      const w = pow(v, mul(MINUS_ONE, n));
      const dTop = rest.length === 1 ? d(rest[0]!) : dependentProduct(rest);
      return mul(add(mul(w, dTop), mul(MINUS_ONE, ...rest, d(w))), pow(v, mul(TWO, n)));
    }
    // d/product (Leibniz); a factor with derivative 0 contributes nothing.
    const terms: Expr[] = [];
    for (let i = 0; i < fs.length; i++) {
      const di = d(fs[i]!);
      if (di !== ZERO) terms.push(mul(...fs.filter((_, j) => j !== i), di));
    }
    return add(...terms);
  };

  const power = (base: Expr, exp: Expr): Expr => {
    if (isZeroConstant(base)) return ZERO; // d/zero-power
    const baseFree = isFreeOf(base, x);
    const expFree = isFreeOf(exp, x);
    if (base === x && expFree) return mul(exp, pow(x, add(exp, MINUS_ONE))); // d/power
    if (exp === x && baseFree) return mul(pow(base, x), call('log', [base])); // d/exponential
    if (!baseFree && !expFree) {
      // d/general-power
      return mul(pow(base, exp), add(mul(d(exp), call('log', [base])), mul(exp, d(base), pow(base, MINUS_ONE))));
    }
    // d/chain through a power
    if (expFree) return mul(exp, pow(base, add(exp, MINUS_ONE)), d(base));
    return mul(pow(base, exp), call('log', [base]), d(exp));
  };

  const chainCall = (f: Expr & { kind: 'call' }): Expr => {
    // The table rules d/sin, d/cos, … are the chain rule with D(x, x) = 1: the same expression.
    const ps = partialList(f.fn, f.args);
    if (ps === undefined || f.args.some((a, k) => ps[k] === undefined && !isFreeOf(a, x))) return D(f, x);
    if (f.args.length === 1) {
      const du = d(f.args[0]!);
      return du === ONE ? ps[0]! : mul(ps[0]!, du);
    }
    const terms: Expr[] = [];
    f.args.forEach((a, k) => {
      if (!isFreeOf(a, x)) terms.push(mul(ps[k]!, d(a)));
    });
    return add(...terms);
  };

  return d(e);
}
