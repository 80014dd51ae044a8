/**
 * Walks over the DAG that every area needs: each distinct node once (shared subexpressions are not revisited),
 * without recursion, and substitution that rebuilds only what changed.
 */
import { type Expr, children, withChildren } from './expr.js';

/** Every distinct node of `e` (parents before children), each once. */
export function* nodes(e: Expr): Generator<Expr> {
  const seen = new Set<Expr>();
  const stack = [e];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (seen.has(x)) continue;
    seen.add(x);
    yield x;
    const kids = children(x);
    for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]!);
  }
}

/** Does any node of `e` satisfy `test`? */
export function someNode(e: Expr, test: (x: Expr) => boolean): boolean {
  for (const x of nodes(e)) if (test(x)) return true;
  return false;
}

/** Replace subexpressions by others (simultaneously), sharing work across the DAG; `e` itself if nothing changed. */
export function substitute(e: Expr, map: ReadonlyMap<Expr, Expr>): Expr {
  const memo = new Map<Expr, Expr>();
  const go = (x: Expr): Expr => {
    const direct = map.get(x);
    if (direct !== undefined) return direct;
    const hit = memo.get(x);
    if (hit !== undefined) return hit;
    const kids = children(x);
    const out = kids.length === 0 ? x : withChildren(x, kids.map(go));
    memo.set(x, out);
    return out;
  };
  return go(e);
}
