/** Errors and explicit size limits of Lousa's algebra commands (expand, factor, simplify, …). */
import { LimitError } from '../ast/limits.js';

/** A user asked for something that is not defined: a non-polynomial where a polynomial is needed, 0 as divisor, … */
export class AlgebraError extends Error {
  override name = 'AlgebraError';
}

export { LimitError };

export const ALGEBRA_LIMITS = {
  /** Most terms an expanded polynomial may have. */
  maxTerms: 20_000,
  /** Largest total degree a polynomial may reach while expanding. */
  maxDegree: 5_000,
  /** Most distinct kernels (symbols and non-polynomial subterms) one expression may hold. */
  maxKernels: 200,
  /** Most rounds of candidate search `simplify` makes before stopping. */
  maxSimplifyRounds: 12,
  /** Largest n for which sin(n x), cos(n x) are rewritten through the multiple-angle formulas. */
  maxMultipleAngle: 12,
  /** Most nodes an expression given to the costlier simplify strategies (factor, trig) may have. */
  maxSimplifyNodes: 2_000,
};

/** Binomial coefficient C(n, k) as a double (upper bound on a term count; Infinity on overflow is fine). */
export function binomialBound(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}
