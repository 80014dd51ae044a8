/** Errors of exact (symbolic) linear algebra that a user can cause. */

/** The argument is not a matrix or vector, or the shapes do not fit the operation. */
export class MatrixShapeError extends Error {
  override name = 'MatrixShapeError';
}

/** The matrix has no inverse (its determinant is zero), so the operation is undefined. */
export class SingularExactMatrixError extends Error {
  override name = 'SingularExactMatrixError';
}

/** The characteristic polynomial has a factor whose roots have no closed form Lousa can write down. */
export class EigenClosedFormError extends Error {
  override name = 'EigenClosedFormError';
}
