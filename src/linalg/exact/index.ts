/** Exact linear algebra on matrices and vectors of expressions (lists of lists). */
export { MatrixShapeError, SingularExactMatrixError, EigenClosedFormError } from './errors.js';
export {
  type ExprMatrix, toExprMatrix, toExprVector, matrixExpr, vectorExpr, identityExpr, transposeExpr, matmulExpr, dotExpr,
  addMatrices, scaleMatrix, mapMatrix, traceExpr,
} from './matrix.js';
export { detExact, detRational, bareissInteger } from './det.js';
export { rrefExact, rankExact, inverseExact, nullspaceExact, solveExact, type RrefResult } from './elimination.js';
export { charpolyExact, charpolyCoefficients } from './charpoly.js';
export { eigenExact, eigenvaluesExact, type EigenPair } from './eigen.js';
export { diffMatrix, jacobianOf, gradientOf, hessianOf, gradientWrtMatrix } from './calculus.js';
export { toDense, fromDense, hasFloats } from './bridge.js';
