/** Quadrature method names reported in results. */
export type QuadratureMethod = 'gauss-kronrod' | 'tanh-sinh';

/** Outcome of a numerical integration. */
export interface QuadratureResult {
  /** Approximation of the integral. */
  value: number;
  /** Estimated absolute error of `value`. */
  error: number;
  /** Calls made to the integrand (over every method tried). */
  evaluations: number;
  /** The method whose result is returned. */
  method: QuadratureMethod;
  /** True when the requested tolerance (or the limit of double precision) was reached. */
  converged: boolean;
}

/**
 * Integrand over a finite interval [a, b], given the abscissa x together
 * with its distances dA = x − a and dB = b − x computed without cancellation.
 * Transformations of infinite ranges use the distances to stay accurate
 * near the mapped endpoints.
 */
export type Integrand3 = (x: number, dA: number, dB: number) => number;

/** Result of one rule on its own (before the auto strategy combines them). */
export interface RuleResult {
  value: number;
  error: number;
  evaluations: number;
  converged: boolean;
}

/** Tolerance target: the larger of the absolute and the relative request. */
export function target(absTol: number, relTol: number, value: number): number {
  return Math.max(absTol, relTol * Math.abs(value));
}
