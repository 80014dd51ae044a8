/**
 * Following a rewrite in the whole expression, for traces: where a subterm sits (its path) and the whole
 * expression after it is replaced. A subterm of a sum or product may have been merged into a larger one by
 * flattening (`(a + b) + c` is `a + b + c`); then it is found as a sub-multiset of that node's arguments.
 */
import { type Expr, add, children, mul, withChildren } from '../ast/expr.js';
import type { Path } from './types.js';

/** Path of the first occurrence of `target` in `e` (depth-first, left to right), or undefined. */
export function locate(e: Expr, target: Expr): Path | undefined {
  const stack: { node: Expr; path: number[] }[] = [{ node: e, path: [] }];
  const seen = new Set<Expr>();
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (node === target || containsArgs(node, target)) return path;
    if (seen.has(node) || node.height <= target.height) continue; // its children are too short to hold it
    seen.add(node);
    const kids = children(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, path: [...path, i] });
  }
  return undefined;
}

/** Is `target` (a sum or product) made of some of the arguments of `node`, a larger node of the same kind? */
function containsArgs(node: Expr, target: Expr): boolean {
  if ((target.kind !== 'add' && target.kind !== 'mul') || node.kind !== target.kind) return false;
  return leftover(node.args, target.args) !== undefined;
}

/** `have` minus `take` as multisets, or undefined when `take` is not contained in `have`. */
function leftover(have: readonly Expr[], take: readonly Expr[]): Expr[] | undefined {
  if (take.length >= have.length) return undefined;
  const rest = [...have];
  for (const t of take) {
    const k = rest.indexOf(t);
    if (k < 0) return undefined;
    rest.splice(k, 1);
  }
  return rest;
}

/** The node at `path` in `e`. */
export function at(e: Expr, path: Path): Expr {
  let x = e;
  for (const i of path) x = children(x)[i]!;
  return x;
}

/** `e` with every occurrence of `before` replaced by `after` (also inside flattened sums and products). */
export function replaceAll(e: Expr, before: Expr, after: Expr): Expr {
  const memo = new Map<Expr, Expr>();
  const go = (x: Expr): Expr => {
    if (x === before) return after;
    if (x.height < before.height) return x;
    const hit = memo.get(x);
    if (hit !== undefined) return hit;
    let out: Expr;
    if (containsArgs(x, before)) {
      const rest = leftover((x as { args: readonly Expr[] }).args, (before as { args: readonly Expr[] }).args)!;
      out = x.kind === 'add' ? add(...rest.map(go), after) : mul(...rest.map(go), after);
    } else {
      const kids = children(x);
      out = kids.length === 0 ? x : withChildren(x, kids.map(go));
    }
    memo.set(x, out);
    return out;
  };
  return go(e);
}
