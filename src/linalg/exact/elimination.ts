/**
 * Gauss–Jordan elimination over exact entries: reduced row echelon form, rank, inverse, nullspace and exact
 * solutions of linear systems. Pivots are the first entry (top to bottom) that is not zero; with symbols a
 * pivot like `a - b` is assumed non-zero (the generic case), as in every computer algebra system.
 */
import { type Expr, MINUS_ONE, ONE, ZERO, add, mul, neg, pow } from '../../ast/expr.js';
import { isZeroEntry, normal } from './field.js';
import { SingularExactMatrixError, MatrixShapeError } from './errors.js';
import { type ExprMatrix, colsOf, identityExpr, requireSquare, rowsOf } from './matrix.js';

export interface RrefResult {
  readonly matrix: ExprMatrix;
  /** Column index of each pivot, row by row. */
  readonly pivots: readonly number[];
}

/** Reduced row echelon form (pivots 1, zeros above and below), looking for pivots in the first `limit` columns. */
export function rrefExact(input: ExprMatrix, limit = colsOf(input)): RrefResult {
  const m = input.map((r) => r.map(normal));
  const rows = rowsOf(m);
  const cols = colsOf(m);
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < limit && r < rows; c++) {
    let p = r;
    while (p < rows && isZeroEntry(m[p]![c]!)) p++;
    if (p === rows) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    const inv = pow(m[r]![c]!, MINUS_ONE);
    m[r] = m[r]!.map((x, j) => (j < c ? ZERO : j === c ? ONE : normal(mul(x, inv))));
    const pr = m[r]!;
    for (let i = 0; i < rows; i++) {
      if (i === r) continue;
      const f = m[i]![c]!;
      if (isZeroEntry(f)) continue;
      m[i] = m[i]!.map((x, j) => (j === c ? ZERO : j < c ? x : normal(add(x, neg(mul(f, pr[j]!))))));
    }
    pivots.push(c);
    r++;
  }
  void cols;
  return { matrix: m, pivots };
}

export const rankExact = (m: ExprMatrix): number => rrefExact(m).pivots.length;

/** Inverse by Gauss–Jordan on [A | I]; throws when A is singular. */
export function inverseExact(a: ExprMatrix): ExprMatrix {
  const n = requireSquare(a, 'inverse');
  const id = identityExpr(n);
  const { matrix, pivots } = rrefExact(a.map((r, i) => [...r, ...id[i]!]), n);
  if (pivots.length < n) throw new SingularExactMatrixError(`the matrix is singular (rank ${pivots.length} < ${n}), so it has no inverse`);
  return matrix.map((r) => r.slice(n));
}

/** A basis of the nullspace {x : A x = 0}, one vector per free column (empty when A has full column rank). */
export function nullspaceExact(a: ExprMatrix): Expr[][] {
  const { matrix, pivots } = rrefExact(a);
  const cols = colsOf(a);
  const basis: Expr[][] = [];
  for (let free = 0; free < cols; free++) {
    if (pivots.includes(free)) continue;
    const v: Expr[] = new Array<Expr>(cols).fill(ZERO);
    v[free] = ONE;
    pivots.forEach((pc, r) => {
      v[pc] = normal(neg(matrix[r]![free]!));
    });
    basis.push(v);
  }
  return basis;
}

/** The exact solution of A x = b for square non-singular A (b a vector or a matrix of right-hand sides). */
export function solveExact(a: ExprMatrix, b: ExprMatrix): ExprMatrix {
  const n = requireSquare(a, 'solve');
  if (rowsOf(b) !== n) throw new MatrixShapeError(`solve: A is ${n}×${n} but b has ${rowsOf(b)} rows`);
  const { matrix, pivots } = rrefExact(a.map((r, i) => [...r, ...b[i]!]), n);
  if (pivots.length < n) throw new SingularExactMatrixError(`solve: A is singular (rank ${pivots.length} < ${n}); use lstsq for a least-squares answer`);
  return matrix.map((r) => r.slice(n));
}
