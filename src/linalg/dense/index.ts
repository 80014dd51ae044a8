/** Lousa dense numeric linear algebra over row-major Float64Array matrices. */
export type { Matrix } from './matrix.js';
export {
  zeros, identity, fromArrays, fromFlat, diag, toArrays, clone, get, transpose, multiply, matVec, add, subtract,
  scale, norm1, normInf, normFrobenius, vectorNorm2,
} from './matrix.js';
export { DimensionError, SingularMatrixError, NotPositiveDefiniteError, ConvergenceError, NonFiniteError } from './errors.js';
export type { LU, SolveResult } from './lu.js';
export {
  luDecompose, luRcond, solve, solveWithInfo, solveMatrix, solveMatrixWithInfo, det, inverse, inverseWithInfo,
  SINGULAR_RCOND, WARN_RCOND,
} from './lu.js';
export type { QR, LeastSquaresResult } from './qr.js';
export { qrDecompose, qrQ, qrR, applyQT, leastSquares, backSubstituteR, checkFullRank } from './qr.js';
export { cholesky, choleskySolve } from './cholesky.js';
export type { SymmetricEigen } from './symeig.js';
export { symmetricEigen, symmetricEigenvalues } from './symeig.js';
export type { SVD } from './svd.js';
export { svd, singularValues } from './svd.js';
export { cond, cond1Estimate, norm2, rank } from './cond.js';
