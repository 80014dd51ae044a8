/**
 * Local partial derivatives of the operator-table functions, as expressions in placeholder arguments
 * `u0, u1, …`. They come from symbolic differentiation's derivative table (`partials` of src/diff), so the
 * calculus lives in one place; reverse mode lowers them into the same IR as the forward pass, where they
 * share every subexpression with the value being differentiated (tanh' = 1 − tanh² reuses the tanh).
 * Γ′ = Γ·ψ comes from the same table: digamma is an operator-table function with its own row, so a gradient
 * kernel and a compiled `diff` call the very same ψ. A partial the table leaves open (the order n of
 * polygamma, the shape a of gammainc) is undefined here, and reverse mode refuses to differentiate through it.
 */
import { type Expr, sym } from '../../ast/expr.js';
import { partialList } from '../../diff/table.js';

/** Placeholder symbols standing for a function's arguments inside a local partial. */
export const placeholder = (k: number): Expr => sym(`\u0000u${k}`);

/** ∂ fn(u0, …, un−1) / ∂ui as an expression in the placeholders, or undefined when none is known. */
export function localPartial(fn: string, arity: number, i: number): Expr | undefined {
  const u = Array.from({ length: arity }, (_, k) => placeholder(k));
  return partialList(fn, u)?.[i];
}
