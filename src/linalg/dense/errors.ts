/** Errors raised by Lousa's dense linear algebra. Each says what went wrong and why. */

/** Shapes do not fit the operation (e.g. multiplying 2×3 by 2×3). */
export class DimensionError extends Error {
  override name = 'DimensionError';
}

/** The matrix is singular (or numerically so) and the requested operation needs an inverse. */
export class SingularMatrixError extends Error {
  override name = 'SingularMatrixError';
  constructor(
    message: string,
    /** Reciprocal condition estimate when known (0 for an exact zero pivot). */
    readonly rcond = 0,
  ) {
    super(message);
  }
}

/** Cholesky was asked of a matrix that is not symmetric positive definite. */
export class NotPositiveDefiniteError extends Error {
  override name = 'NotPositiveDefiniteError';
}

/** An iterative algorithm did not converge within its iteration budget. */
export class ConvergenceError extends Error {
  override name = 'ConvergenceError';
}

/** The input contains NaN or ±Infinity, for which factorisations have no meaning. */
export class NonFiniteError extends Error {
  override name = 'NonFiniteError';
}
