/** Between matrices of expressions and the dense Float64Array matrices of src/linalg/dense. */
import { type Expr, float, isNumber } from '../../ast/expr.js';
import { evaluate } from '../../eval/evaluate.js';
import { freeSymbols } from '../../eval/n.js';
import { text } from '../../render/text.js';
import { type Matrix, fromArrays, toArrays } from '../dense/matrix.js';
import { MatrixShapeError } from './errors.js';
import type { ExprMatrix } from './matrix.js';

/** The numeric value of every entry; throws when an entry has a free symbol. */
export function toDense(m: ExprMatrix, what = 'matrix'): Matrix {
  return fromArrays(m.map((r) => r.map((x) => {
    const free = freeSymbols(x);
    if (free.length > 0) throw new MatrixShapeError(`${what} must be numeric here, but the entry ${text(x)} has the symbol '${free[0]}'`);
    return evaluate(x);
  })));
}

export const fromDense = (m: Matrix): ExprMatrix => toArrays(m).map((r) => r.map((x) => float(x)));

/** True when some entry is a decimal (floating-point) number: then numeric routines are the right tool. */
export const hasFloats = (m: ExprMatrix): boolean => m.some((r) => r.some((x) => x.kind === 'float' || (isNumber(x) === false && containsFloat(x))));

function containsFloat(e: Expr): boolean {
  if (e.kind === 'float') return true;
  if (e.kind === 'add' || e.kind === 'mul' || e.kind === 'call') return e.args.some(containsFloat);
  if (e.kind === 'pow') return containsFloat(e.base) || containsFloat(e.exp);
  return false;
}
