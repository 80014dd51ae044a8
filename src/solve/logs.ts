/**
 * Equations between exponentials and powers. Taking logarithms of both sides: when each side is a positive
 * constant times exponentials exp(A) and powers a^B (a > 0), lhs = rhs ⇔ log lhs = log rhs, a sum of the
 * exponents (exp(2 − x²) = exp(−x) becomes 2 − x² = −x; 2^x = 8 becomes x log 2 = log 8). Both sides the same
 * one-to-one function: f(A) = f(B) ⇔ A = B (exp, sinh, tanh, atan, asinh, atanh, odd powers).
 */
import { type Expr, type Sym, add, mul, neg, call } from '../ast/expr.js';
import { evaluate } from '../eval/evaluate.js';
import { freeSymbols } from '../eval/n.js';
import { has } from './context.js';

/** log of a product of positive constants, exp(A) and a^B; undefined when a factor is not of that kind. */
function logOf(side: Expr, x: Sym): Expr | undefined {
  const factors = side.kind === 'mul' ? side.args : [side];
  const parts: Expr[] = [];
  for (const f of factors) {
    if (!has(f, x)) {
      if (freeSymbols(f).length > 0) return undefined;
      let v: number;
      try { v = evaluate(f); } catch { return undefined; }
      if (!(v > 0)) return undefined;
      parts.push(call('log', [f]));
    } else if (f.kind === 'call' && f.fn === 'exp') parts.push(f.args[0]!);
    else if (f.kind === 'pow' && !has(f.base, x) && freeSymbols(f.base).length === 0) {
      let b: number;
      try { b = evaluate(f.base); } catch { return undefined; }
      if (!(b > 0)) return undefined;
      parts.push(mul(f.exp, call('log', [f.base])));
    } else return undefined;
  }
  return add(...parts);
}

/** log(lhs) − log(rhs) when both sides are positive exponential products (one may be a positive constant). */
export function takeLogs(lhs: Expr, rhs: Expr, x: Sym): Expr | undefined {
  const a = logOf(lhs, x);
  const b = logOf(rhs, x);
  if (a === undefined || b === undefined) return undefined;
  return add(a, neg(b));
}

const ONE_TO_ONE = new Set(['exp', 'sinh', 'tanh', 'atan', 'asinh', 'atanh', 'erf', 'log', 'asin', 'acos', 'acosh', 'cbrt']);

/** A − B from f(A) = f(B) with f one-to-one where defined (log, asin, … need the check back for their domain). */
export function sameFunction(lhs: Expr, rhs: Expr): Expr | undefined {
  if (lhs.kind === 'call' && rhs.kind === 'call' && lhs.fn === rhs.fn && lhs.args.length === 1 && rhs.args.length === 1 && ONE_TO_ONE.has(lhs.fn)) {
    return add(lhs.args[0]!, neg(rhs.args[0]!));
  }
  if (lhs.kind === 'pow' && rhs.kind === 'pow' && lhs.exp === rhs.exp && lhs.exp.kind === 'num' && lhs.exp.value[1] === 1n && lhs.exp.value[0] % 2n !== 0n) {
    return add(lhs.base, neg(rhs.base));
  }
  return undefined;
}

