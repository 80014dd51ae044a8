/**
 * Reading a summand: which factors are free of the index, which are geometric (r^(αk + β), exp(αk + β)), which
 * are factorials of k + s, and the polynomial that remains.
 */
import { type Expr, type Sym, ONE, ZERO, add, mul, pow, call, int, neg, sub, isInteger } from '../ast/expr.js';
import { substitute } from '../ast/walk.js';
import { dependsOn } from '../simplify/vars.js';
import { coeffs, expand, simplify } from '../simplify/index.js';

/** Coefficients [c0, c1, …] of e as a polynomial in k, or undefined when it is not one. */
export function polyCoeffs(e: Expr, k: Sym): Expr[] | undefined {
  if (!dependsOn(e, k)) return [e];
  try {
    const l = coeffs(expand(e), k);
    return l.kind === 'list' ? [...l.items] : undefined;
  } catch {
    return undefined;
  }
}

/** e = α·k + β with α, β free of k. */
export function linearIn(e: Expr, k: Sym): [Expr, Expr] | undefined {
  const c = polyCoeffs(e, k);
  if (c === undefined || c.length > 2) return undefined;
  return [c[1] ?? ZERO, c[0]!];
}

export interface Summand {
  /** Factors free of k. */
  readonly constant: Expr;
  /** The ratio r of the geometric part r^k (ONE when there is none). */
  readonly ratio: Expr;
  /** Factorials of k + s in the denominator, by shift s (an integer). */
  readonly factorialShifts: readonly Expr[];
  /** Every other factor, multiplied. */
  readonly rest: Expr;
}

/** Split a product into constant, geometric, 1/(k + s)! and the rest. */
export function readSummand(f: Expr, k: Sym): Summand {
  const factors = f.kind === 'mul' ? f.args : [f];
  const constant: Expr[] = [];
  const ratio: Expr[] = [];
  const facts: Expr[] = [];
  const rest: Expr[] = [];
  for (const g of factors) {
    if (!dependsOn(g, k)) {
      constant.push(g);
      continue;
    }
    if (g.kind === 'pow' && !dependsOn(g.base, k)) {
      const lin = linearIn(g.exp, k);
      if (lin !== undefined) {
        constant.push(pow(g.base, lin[1]));
        ratio.push(pow(g.base, lin[0]));
        continue;
      }
    }
    if (g.kind === 'call' && g.fn === 'exp') {
      const lin = linearIn(g.args[0]!, k);
      if (lin !== undefined) {
        constant.push(call('exp', [lin[1]]));
        ratio.push(call('exp', [lin[0]]));
        continue;
      }
    }
    if (g.kind === 'pow' && g.exp === int(-1) && g.base.kind === 'call' && g.base.fn === 'factorial') {
      const lin = linearIn(g.base.args[0]!, k);
      if (lin !== undefined && lin[0] === ONE && isInteger(simplify(lin[1]))) {
        facts.push(simplify(lin[1]));
        continue;
      }
    }
    rest.push(g);
  }
  return { constant: simplify(mul(...constant)), ratio: simplify(mul(...ratio)), factorialShifts: facts, rest: mul(...rest) };
}

/** Σ_{k=a}^{b} written out for a small number of terms (b − a a small whole number). */
export function writeOut(f: Expr, k: Sym, a: Expr, count: number): Expr {
  const terms: Expr[] = [];
  for (let j = 0; j < count; j++) terms.push(substitute(f, new Map([[k, add(a, int(j))]])));
  return simplify(add(...terms));
}

/** A whole number of terms b − a + 1 when it is a known integer. */
export function termCount(a: Expr, b: Expr): number | undefined {
  const d = simplify(sub(b, a));
  return isInteger(d) ? Number(d.value[0]) + 1 : undefined;
}

export const minusOne = (e: Expr): Expr => simplify(add(e, neg(ONE)));
