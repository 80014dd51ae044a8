/**
 * Does an expression depend on a symbol? Answered once per (node, symbol) and cached on the DAG, so guards
 * such as `isConstant(a, x)` cost O(1) after the first look at a shared subtree.
 */
import { type Expr, children } from '../ast/expr.js';

const caches = new Map<string, WeakMap<Expr, boolean>>();

/** True when the symbol `name` occurs in `e`. Iterative, so deep expressions cannot overflow the stack. */
export function dependsOn(e: Expr, name: string): boolean {
  let cache = caches.get(name);
  if (cache === undefined) {
    cache = new WeakMap();
    caches.set(name, cache);
  }
  const hit = cache.get(e);
  if (hit !== undefined) return hit;
  // Post-order walk: a node is decided once all its children are.
  const stack: Expr[] = [e];
  while (stack.length > 0) {
    const x = stack[stack.length - 1]!;
    if (cache.has(x)) {
      stack.pop();
      continue;
    }
    if (x.kind === 'sym') {
      cache.set(x, x.name === name);
      stack.pop();
      continue;
    }
    const kids = children(x);
    let pending = false;
    let found = false;
    for (const k of kids) {
      const v = cache.get(k);
      if (v === undefined) {
        stack.push(k);
        pending = true;
      } else if (v) found = true;
    }
    if (pending) continue;
    cache.set(x, found);
    stack.pop();
  }
  return cache.get(e)!;
}

/** True when `e` does not depend on `x` (a symbol, or any expression: then on none of its symbols). */
export function isFreeOf(e: Expr, x: Expr): boolean {
  if (x.kind === 'sym') return !dependsOn(e, x.name);
  if (e === x) return false;
  const stack: Expr[] = [x];
  const seen = new Set<Expr>();
  while (stack.length > 0) {
    const y = stack.pop()!;
    if (seen.has(y)) continue;
    seen.add(y);
    if (y.kind === 'sym' && dependsOn(e, y.name)) return false;
    stack.push(...children(y));
  }
  return true;
}
