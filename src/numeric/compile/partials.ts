/**
 * Local partial derivatives of the operator-table functions, as expressions in placeholder arguments
 * `u0, u1, …`. They come from symbolic differentiation's derivative table (`partials` of src/diff), so the
 * calculus lives in one place; reverse mode lowers them into the same IR as the forward pass, where they
 * share every subexpression with the value being differentiated (tanh' = 1 − tanh² reuses the tanh).
 *
 * The only rows kept here are those the symbolic table leaves open because their derivative needs a function
 * the language cannot evaluate: gamma and factorial need digamma, which kernels have at run time.
 */
import { type Expr, add, call, mul, int, sym } from '../../ast/expr.js';
import { partials } from '../../diff/table.js';

type Partial = (u: readonly Expr[], w: Expr) => Expr;

const KERNEL_ONLY: Readonly<Record<string, Partial>> = Object.assign(Object.create(null) as Record<string, Partial>, {
  // Γ'(x) = Γ(x) ψ(x); (n!)' = Γ(n + 1) ψ(n + 1)
  gamma: ([u]: readonly Expr[], w: Expr) => mul(w, call('digamma', [u!])),
  factorial: ([u]: readonly Expr[], w: Expr) => mul(w, call('digamma', [add(u!, int(1))])),
});

/** Placeholder symbols standing for a function's arguments inside a local partial. */
export const placeholder = (k: number): Expr => sym(`\u0000u${k}`);

/** ∂ fn(u0, …, un−1) / ∂ui as an expression in the placeholders, or undefined when none is known. */
export function localPartial(fn: string, arity: number, i: number): Expr | undefined {
  const u = Array.from({ length: arity }, (_, k) => placeholder(k));
  const symbolic = partials(fn, u);
  if (symbolic !== undefined) return symbolic[i];
  return KERNEL_ONLY[fn]?.(u, call(fn, u));
}
