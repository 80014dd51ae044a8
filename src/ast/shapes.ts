/**
 * Shapes of expressions. Scalars have shape `[]`; lists `[n, …]`. Elementwise operators broadcast by NumPy's
 * rules; tensor operations (matmul, sum over an axis, reshape, …) register a rule that computes their result's
 * shape from their arguments and throws a `ShapeError` naming both shapes when they do not fit.
 */
import type { Expr, Shape } from './expr.js';

export class ShapeError extends Error {
  override name = 'ShapeError';
}

export const showShape = (s: Shape): string => `[${s.join(', ')}]`;

/** NumPy broadcasting: align trailing axes; each pair must be equal or contain a 1. */
export function broadcast(shapes: readonly Shape[], what = 'operands'): Shape {
  let out: number[] = [];
  for (const s of shapes) {
    if (s.length === 0) continue;
    if (out.length === 0) {
      out = [...s];
      continue;
    }
    const n = Math.max(out.length, s.length);
    const next: number[] = new Array(n);
    for (let k = 1; k <= n; k++) {
      const a = out[out.length - k] ?? 1;
      const b = s[s.length - k] ?? 1;
      if (a !== b && a !== 1 && b !== 1) {
        throw new ShapeError(`${what} of shapes ${showShape(out)} and ${showShape(s)} do not broadcast (axis ${-k}: ${a} vs ${b})`);
      }
      next[n - k] = a === 1 ? b : a;
    }
    out = next;
  }
  return out;
}

export type ShapeRule = (args: readonly Expr[]) => Shape;

const RULES = new Map<string, ShapeRule>();

/** Declare how a tensor function's result shape follows from its arguments. */
export function registerShapeRule(fn: string, rule: ShapeRule): void {
  RULES.set(fn, rule);
}

export function shapeRule(fn: string): ShapeRule | undefined {
  return RULES.get(fn);
}
