/**
 * Explicit limits. Every place that could otherwise hang, overflow the stack or exhaust memory checks one
 * of these and throws a `LimitError` that says which limit was hit and why.
 */
export const LIMITS = {
  /** Longest input `parse` accepts, in characters. */
  maxInputLength: 100_000,
  /** Deepest nesting of brackets, and of operators and calls (a flat chain a + b + c counts once), `parse` accepts. */
  maxDepth: 1_000,
  /** Largest exact integer (numerator or denominator) arithmetic will build, in bits (~315,000 digits). */
  maxExactBits: 1_048_576,
  /** Largest n for which n! is computed exactly. */
  maxExactFactorial: 50_000,
};

export class LimitError extends Error {
  override name = 'LimitError';
}
