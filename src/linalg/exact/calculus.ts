/**
 * Matrix calculus on expressions, in the numerator layout used in deep-learning texts:
 * the Jacobian of f: ℝⁿ → ℝᵐ is m×n, the gradient of a scalar with respect to a matrix X of symbols has
 * X's shape (so d tr(A X)/dX = Aᵀ), and the Hessian of a scalar is the Jacobian of its gradient.
 */
import { type Expr } from '../../ast/expr.js';
import { diff } from '../../diff/index.js';
import { text } from '../../render/text.js';
import { MatrixShapeError } from './errors.js';
import { type ExprMatrix, mapMatrix } from './matrix.js';

function symbolsOf(xs: readonly Expr[], what: string): readonly Expr[] {
  for (const x of xs) if (x.kind !== 'sym') throw new MatrixShapeError(`${what} must hold variable names, got ${text(x)}`);
  return xs;
}

/** Entrywise derivative dM/dx. */
export const diffMatrix = (m: ExprMatrix, x: Expr): ExprMatrix => mapMatrix(m, (e) => diff(e, x));

/** Jacobian J[i][j] = ∂f_i/∂x_j. */
export function jacobianOf(fs: readonly Expr[], xs: readonly Expr[]): ExprMatrix {
  symbolsOf(xs, 'jacobian variables');
  return fs.map((f) => xs.map((x) => diff(f, x)));
}

/** Gradient of a scalar with respect to a vector of symbols. */
export const gradientOf = (f: Expr, xs: readonly Expr[]): Expr[] => symbolsOf(xs, 'gradient variables').map((x) => diff(f, x));

/** Hessian H[i][j] = ∂²f/∂x_i∂x_j. */
export const hessianOf = (f: Expr, xs: readonly Expr[]): ExprMatrix => jacobianOf(gradientOf(f, xs), xs);

/** ∂f/∂X for a matrix X of distinct symbols: a matrix of X's shape. */
export function gradientWrtMatrix(f: Expr, x: ExprMatrix): ExprMatrix {
  symbolsOf(x.flat(), 'the matrix variable');
  return mapMatrix(x, (xij) => diff(f, xij));
}
