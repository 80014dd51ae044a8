/** A bottom-up map over the DAG on an explicit stack, memoised so each shared subtree is visited once. */
import { type Expr, children, withChildren } from '../ast/expr.js';

/**
 * `f` receives each node rebuilt from its already-mapped children (the node itself when none changed);
 * `memo` may be shared between calls that use the same `f`.
 */
export function bottomUp(e: Expr, f: (node: Expr) => Expr, memo: Map<Expr, Expr> = new Map()): Expr {
  const stack: Expr[] = [e];
  while (stack.length > 0) {
    const x = stack[stack.length - 1]!;
    if (memo.has(x)) {
      stack.pop();
      continue;
    }
    const kids = children(x);
    let ready = true;
    for (let i = kids.length - 1; i >= 0; i--) {
      if (!memo.has(kids[i]!)) {
        stack.push(kids[i]!);
        ready = false;
      }
    }
    if (!ready) continue;
    stack.pop();
    const rebuilt = kids.length === 0 ? x : withChildren(x, kids.map((k) => memo.get(k)!));
    memo.set(x, f(rebuilt));
  }
  return memo.get(e)!;
}
