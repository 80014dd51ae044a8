/**
 * Lowering of the expression DAG to kernel IR, in the order `evaluate` computes (so operations that are the
 * same give the same bits), with the spellings a person writes by hand:
 *   a + (−c)·b → a − c·b;   a·b⁻¹·c⁻² → a / (b·c·c);   x² → x·x, x³ → x·x·x, x⁴ → (x·x)·(x·x);
 *   x^(1/2) → √x;   x^(−n) → 1/xⁿ;   exact rationals → doubles;   pi, e → numbers.
 * Symbols become inputs by position only: no name ever reaches generated code.
 */
import { type Expr, type Num, children, float, mul, numOf, numberValue } from '../../ast/expr.js';
import { CONSTANTS } from '../../ast/ops.js';
import { lookupCall } from './calls.js';
import { CompileError } from './errors.js';
import type { Builder } from './ir.js';

export interface LowerOptions {
  /** Symbol → instruction id (inputs, or placeholders of a local derivative). */
  readonly env: ReadonlyMap<string, number>;
  /** Allow functions outside the operator table that gradients need (digamma). */
  readonly internal?: boolean;
}

/** Largest |n| for which x^n becomes a product. */
const MAX_UNROLLED_POWER = 4;

const smallInt = (e: Expr): number | undefined => {
  if (e.kind !== 'num' || e.value[1] !== 1n) return undefined;
  const n = Number(e.value[0]);
  return Math.abs(n) <= MAX_UNROLLED_POWER ? n : undefined;
};
const isHalf = (e: Expr, sign: 1n | -1n): boolean => e.kind === 'num' && e.value[0] === sign && e.value[1] === 2n;

/** A negative numeric coefficient of a product, if any: mul(−3, x) → 3·x as an expression. */
function negatedTerm(t: Expr): Expr | undefined {
  if (t.kind !== 'mul') return undefined;
  const c = t.args[0]!;
  if (c.kind === 'num' && c.value[0] < 0n) return mul(numOf([-c.value[0], c.value[1]]), ...t.args.slice(1));
  if (c.kind === 'float' && c.value < 0) return mul(float(-c.value), ...t.args.slice(1));
  return undefined;
}

/** If `f` is b^(−k) with a small integer k > 0 or k = 1/2, its base and positive exponent. */
function denominator(f: Expr): { base: Expr; exp: Num } | undefined {
  if (f.kind !== 'pow' || f.exp.kind !== 'num') return undefined;
  const [p, q] = f.exp.value;
  if (p >= 0n) return undefined;
  const positive = numOf([-p, q]);
  if (q === 1n && -p <= BigInt(MAX_UNROLLED_POWER)) return { base: f.base, exp: positive };
  if (q === 2n && p === -1n) return { base: f.base, exp: positive };
  return undefined;
}

export function lower(b: Builder, root: Expr, opts: LowerOptions): number {
  const memo = new Map<Expr, number>();
  const go = (e: Expr): number => {
    const hit = memo.get(e);
    if (hit !== undefined) return hit;
    const id = node(e);
    memo.set(e, id);
    return id;
  };

  const power = (base: number, e: Expr): number => {
    const n = smallInt(e);
    if (n !== undefined && n > 0) {
      if (n === 1) return base;
      const sq = b.mul(base, base);
      return n === 2 ? sq : n === 3 ? b.mul(sq, base) : b.mul(sq, sq);
    }
    if (n !== undefined && n < 0) return b.div(b.const(1), power(base, numOf([BigInt(-n), 1n])));
    if (isHalf(e, 1n)) return b.sqrt(base);
    if (isHalf(e, -1n)) return b.div(b.const(1), b.sqrt(base));
    return b.pow(base, go(e));
  };

  const node = (e: Expr): number => {
    switch (e.kind) {
      case 'num': case 'float': return b.const(numberValue(e));
      case 'sym': {
        const id = opts.env.get(e.name);
        if (id !== undefined) return id;
        const c = CONSTANTS.get(e.name);
        if (c !== undefined && e.name !== 'i') return b.const(c.value);
        if (e.name === 'i') throw new CompileError('i is imaginary: kernels compute over the real numbers');
        throw new CompileError(`'${e.name}' is not one of the kernel's inputs; add it to the list of inputs`);
      }
      case 'add': {
        let acc = go(e.args[0]!);
        for (let k = 1; k < e.args.length; k++) {
          const t = e.args[k]!;
          const m = negatedTerm(t);
          acc = m === undefined ? b.add(acc, go(t)) : b.sub(acc, go(m));
        }
        return acc;
      }
      case 'mul': {
        let num: number | undefined;
        const dens: number[] = [];
        let negate = false;
        for (let k = 0; k < e.args.length; k++) {
          const f = e.args[k]!;
          if (k === 0 && f.kind === 'num' && f.value[0] === -1n && f.value[1] === 1n) {
            negate = true;
            continue;
          }
          const d = denominator(f);
          if (d !== undefined) {
            dens.push(power(go(d.base), d.exp));
          } else {
            const v = go(f);
            num = num === undefined ? v : b.mul(num, v);
          }
        }
        // One division for all denominators, a / (b·c), as a person writes it: divisions cost several
        // multiplications. (The product can underflow or overflow where a / b / c would not, for operands
        // near the ends of the double range.)
        let out = num ?? b.const(1);
        if (dens.length > 0) out = b.div(out, dens.reduce((p, d) => b.mul(p, d)));
        return negate ? b.neg(out) : out;
      }
      case 'pow': {
        if (e.exp.kind === 'num') return power(go(e.base), e.exp);
        return b.pow(go(e.base), go(e.exp));
      }
      case 'call': {
        const fn = lookupCall(e.fn, e.args.length, opts.internal === true);
        if (fn === undefined) throw new CompileError(`'${e.fn}' with ${e.args.length} argument(s) is not a function a kernel can call`);
        const [lo, hi] = fn.arity;
        if (e.args.length < lo || e.args.length > hi) {
          throw new CompileError(`${e.fn} takes ${lo === hi ? lo : `${lo} to ${hi}`} argument(s), got ${e.args.length}`);
        }
        return b.call(fn, e.args.map(go));
      }
      case 'list': throw new CompileError('a kernel output is one number; give a list of outputs instead of a list expression');
      case 'rel': throw new CompileError('a kernel output is one number, not an equation or inequality');
      case 'define': throw new CompileError('a definition (:=) cannot be compiled');
    }
  };
  // Lower children before parents with an explicit stack, so that arbitrarily deep expressions built through
  // the API do not exhaust the call stack (go() then only ever recurses one level).
  for (const e of postOrder(root)) go(e);
  return go(root);
}

function postOrder(root: Expr): Expr[] {
  const out: Expr[] = [];
  const seen = new Set<Expr>();
  const stack: [Expr, boolean][] = [[root, false]];
  while (stack.length > 0) {
    const [e, expanded] = stack.pop()!;
    if (expanded) {
      out.push(e);
      continue;
    }
    if (seen.has(e)) continue;
    seen.add(e);
    stack.push([e, true]);
    const kids = children(e);
    for (let k = kids.length - 1; k >= 0; k--) if (!seen.has(kids[k]!)) stack.push([kids[k]!, false]);
  }
  return out;
}
