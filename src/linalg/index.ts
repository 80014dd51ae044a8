/**
 * Lousa linear algebra. `dense`: numeric matrices over Float64Array (LU, QR, Cholesky, symmetric eigen, SVD),
 * as a namespace because its short names (`add`, `det`, `solve`, …) would clash with the expression API.
 * The exact (symbolic) routines on matrices of expressions are exported by name.
 */
export * as dense from './dense/index.js';
export {
  type Matrix as DenseMatrix, DimensionError, SingularMatrixError, NotPositiveDefiniteError, ConvergenceError,
  luDecompose, qrDecompose, cholesky, symmetricEigen, svd, leastSquares,
} from './dense/index.js';
export * from './exact/index.js';
