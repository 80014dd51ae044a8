/**
 * Matrices and vectors of expressions: a matrix is a list of rows (`[[a, b], [c, d]]`), a vector a flat list.
 * Here they are held as plain arrays of `Expr` so that algorithms can index them; `toExprMatrix` and
 * `matrixExpr` convert from and to the language's list nodes.
 */
import { type Expr, type List, ONE, ZERO, add, list, mul } from '../../ast/expr.js';
import { text } from '../../render/text.js';
import { MatrixShapeError } from './errors.js';

/** Rows of entries; every row has the same length. */
export type ExprMatrix = Expr[][];

/** A list of lists as a rectangular matrix (a flat list of scalars is read as one column when `vectorAsColumn`). */
export function toExprMatrix(e: Expr, what = 'matrix', vectorAsColumn = false): ExprMatrix {
  if (e.kind !== 'list' || e.items.length === 0) throw new MatrixShapeError(`${what} must be a non-empty list of rows, got ${text(e)}`);
  if (e.items.every((r) => r.kind !== 'list')) {
    if (vectorAsColumn) return e.items.map((x) => [x]);
    throw new MatrixShapeError(`${what} must be a list of rows such as [[1, 2], [3, 4]], got the vector ${text(e)}`);
  }
  const rows = e.items.map((r, i) => {
    if (r.kind !== 'list') throw new MatrixShapeError(`${what}: row ${i + 1} is not a list (${text(r)})`);
    if (r.items.some((x) => x.kind === 'list')) throw new MatrixShapeError(`${what}: entries must be scalars, row ${i + 1} holds a list`);
    return [...r.items];
  });
  const n = rows[0]!.length;
  if (n === 0) throw new MatrixShapeError(`${what} has an empty row`);
  rows.forEach((r, i) => {
    if (r.length !== n) throw new MatrixShapeError(`${what} is not rectangular: row 1 has ${n} entries, row ${i + 1} has ${r.length}`);
  });
  return rows;
}

/** A flat list as a vector. */
export function toExprVector(e: Expr, what = 'vector'): Expr[] {
  if (e.kind !== 'list' || e.items.length === 0 || e.items.some((x) => x.kind === 'list')) {
    throw new MatrixShapeError(`${what} must be a non-empty list of scalars such as [1, 2, 3], got ${text(e)}`);
  }
  return [...e.items];
}

export const matrixExpr = (m: ExprMatrix): List => list(m.map((r) => list(r)));
export const vectorExpr = (v: readonly Expr[]): List => list(v);

export const rowsOf = (m: ExprMatrix): number => m.length;
export const colsOf = (m: ExprMatrix): number => m[0]!.length;

export function requireSquare(m: ExprMatrix, op: string): number {
  if (m.length !== m[0]!.length) throw new MatrixShapeError(`${op} needs a square matrix, got ${m.length}×${m[0]!.length}`);
  return m.length;
}

export function identityExpr(n: number): ExprMatrix {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? ONE : ZERO)));
}

export function transposeExpr(m: ExprMatrix): ExprMatrix {
  return m[0]!.map((_, j) => m.map((r) => r[j]!));
}

/** Matrix product; entries are sums of products built by the expression constructors (no expansion). */
export function matmulExpr(a: ExprMatrix, b: ExprMatrix): ExprMatrix {
  if (colsOf(a) !== rowsOf(b)) {
    throw new MatrixShapeError(`matmul: ${rowsOf(a)}×${colsOf(a)} times ${rowsOf(b)}×${colsOf(b)} does not fit (inner sizes ${colsOf(a)} and ${rowsOf(b)})`);
  }
  return a.map((r) => b[0]!.map((_, j) => add(...r.map((x, k) => mul(x, b[k]![j]!)))));
}

/** Dot product of two vectors of the same length. */
export function dotExpr(u: readonly Expr[], v: readonly Expr[]): Expr {
  if (u.length !== v.length) throw new MatrixShapeError(`dot: vectors of lengths ${u.length} and ${v.length}`);
  return add(...u.map((x, k) => mul(x, v[k]!)));
}

export function addMatrices(a: ExprMatrix, b: ExprMatrix): ExprMatrix {
  if (rowsOf(a) !== rowsOf(b) || colsOf(a) !== colsOf(b)) {
    throw new MatrixShapeError(`cannot add a ${rowsOf(a)}×${colsOf(a)} and a ${rowsOf(b)}×${colsOf(b)} matrix`);
  }
  return a.map((r, i) => r.map((x, j) => add(x, b[i]![j]!)));
}

export const scaleMatrix = (m: ExprMatrix, s: Expr): ExprMatrix => m.map((r) => r.map((x) => mul(s, x)));
export const mapMatrix = (m: ExprMatrix, f: (x: Expr, i: number, j: number) => Expr): ExprMatrix =>
  m.map((r, i) => r.map((x, j) => f(x, i, j)));

export function traceExpr(m: ExprMatrix): Expr {
  const n = requireSquare(m, 'trace');
  return add(...Array.from({ length: n }, (_, i) => m[i]![i]!));
}
