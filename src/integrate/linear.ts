/** Small helpers on expressions in one variable: freeness, linear arguments, fresh symbols, substitution. */
import { type Expr, type Sym, add, mul, neg, sym, children, withChildren, ZERO } from '../ast/expr.js';
import { substitute } from '../ast/walk.js';
import { isFreeOf } from '../rewrite/free.js';
import { replaceAll } from '../rewrite/whole.js';
import { asPolynomial } from './ratexpr.js';
import { numOf } from '../ast/expr.js';

export const free = (e: Expr, x: Expr): boolean => isFreeOf(e, x);

/** e = a·x + b with a ≠ 0 and a, b free of x. */
export function linearParts(e: Expr, x: Expr): { a: Expr; b: Expr } | undefined {
  if (e === x) return { a: numOf([1n, 1n]), b: ZERO };
  const p = asPolynomial(e, x);
  if (p !== undefined) return p.length === 2 ? { a: numOf(p[1]!), b: p[0] === undefined ? ZERO : numOf(p[0]) } : undefined;
  if (e.kind === 'add') {
    const dep = e.args.filter((t) => !free(t, x));
    const rest = e.args.filter((t) => free(t, x));
    if (dep.length !== 1) return undefined;
    const inner = linearParts(dep[0]!, x);
    return inner === undefined ? undefined : { a: inner.a, b: add(inner.b, ...rest) };
  }
  if (e.kind === 'mul') {
    const dep = e.args.filter((t) => !free(t, x));
    const rest = e.args.filter((t) => free(t, x));
    if (dep.length !== 1 || dep[0] !== x) return undefined;
    return { a: mul(...rest), b: ZERO };
  }
  return undefined;
}

/** Split a product into the factor free of x and the rest. */
export function splitConstant(e: Expr, x: Expr): [Expr, Expr] {
  if (e.kind !== 'mul') return free(e, x) ? [e, numOf([1n, 1n])] : [numOf([1n, 1n]), e];
  const c = e.args.filter((t) => free(t, x));
  const d = e.args.filter((t) => !free(t, x));
  return [mul(...c), mul(...d)];
}

export function factorsOf(e: Expr): readonly Expr[] {
  return e.kind === 'mul' ? e.args : [e];
}

let counter = 0;
/** A symbol not occurring in any of `es`. */
export function freshSymbol(base: string, ...es: Expr[]): Sym {
  let s = sym(base);
  while (es.some((e) => !free(e, s))) s = sym(`${base}${++counter}`);
  return s;
}

export const replace = (e: Expr, before: Expr, after: Expr): Expr => replaceAll(e, before, after);

/** Substitute several symbols or subterms at once (the DAG walk every area shares). */
export const substituteMap = substitute;

export const minus = neg;

/** Number of nodes of e as a tree, counting at most `cap` (for size guards). */
export function treeSize(e: Expr, cap = 10_000): number {
  let n = 0;
  const stack: Expr[] = [e];
  while (stack.length > 0 && n < cap) {
    const t = stack.pop()!;
    n++;
    for (const c of children(t)) stack.push(c);
  }
  return n;
}
