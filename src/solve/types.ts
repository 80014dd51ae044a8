/** What `solve` returns, and the error it raises when it cannot give a complete, checked answer. */
import type { Expr, Sym } from '../ast/expr.js';

export class SolveError extends Error {
  override name = 'SolveError';
}

/**
 * One solution. `value` is a single number or formula; when the equation is periodic `general` is the whole
 * family, written with the integer symbol of `Solutions.k` (π/6 + 2kπ), and `value` is its member in one period.
 * `conditions` are what the parameters must satisfy for the value to be a (real) solution ("0 < p < 1").
 * `numeric` marks a value found numerically (a double, bracketed by a sign change).
 */
export interface Root {
  readonly value: Expr;
  readonly general?: Expr;
  /** The step between members of the family (2π for sin(x) = 1/2), when it is one. */
  readonly period?: Expr;
  readonly conditions: readonly string[];
  readonly numeric?: boolean;
}

/** A family too large to list: `value` with k = 0, 1, …, count − 1 (the 1000 roots of x¹⁰⁰⁰ = 1). */
export interface Family {
  readonly value: Expr;
  readonly count: number;
}

export interface Solutions {
  /** The values of `roots`, for callers that want only the list. */
  readonly values: readonly Expr[];
  readonly roots: readonly Root[];
  /** The integer symbol used by general forms (k unless the equation uses k). */
  readonly k: Sym;
  readonly family?: Family;
  /** How numeric roots were found and what they do not prove (set when any root is numeric). */
  readonly note?: string;
}

export const root = (value: Expr, conditions: readonly string[] = [], general?: Expr): Root =>
  general === undefined ? { value, conditions } : { value, conditions, general };
