/**
 * The light algebra a Session applies to every result, as SymPy does when it builds an expression: like terms are
 * collected (`x + x = 2x`, `x - x = 0`), equal bases multiply by adding exponents (`x x = x^2`, `x/x = 1`), and
 * lists and matrices take part in arithmetic (`[1, 2] + [3, 4]`, `2A`, `A^2`, `A^-1`, `A^T`, `sin([0, x])`).
 * Deeper rewrites (factoring, trigonometric identities) stay with `simplify`, which shows them as steps.
 */
import {
  type Expr, type List, ONE, add, call, int, isNumber, list, mul, pow,
} from '../ast/expr.js';
import { FUNCTIONS } from '../ast/ops.js';
import { showShape } from '../ast/shapes.js';
import { EvalError } from '../eval/errors.js';
import { evaluateExact } from '../eval/exact.js';
import {
  type ExprMatrix, hasFloats, identityExpr, inverseExact, matmulExpr, matrixExpr, toExprMatrix, transposeExpr, fromDense, toDense,
} from '../linalg/exact/index.js';
import * as dense from '../linalg/dense/index.js';
import { text } from '../render/text.js';

/** Functions of the operator table that take a whole vector rather than applying entry by entry. */
export const VECTOR_FUNCTIONS: ReadonlySet<string> = new Set(['min', 'max', 'softmax', 'logsumexp']);

const isList = (e: Expr): e is List => e.kind === 'list';
/** A list of lists: a matrix. */
const isMatrix = (e: Expr): e is List => e.kind === 'list' && e.items.length > 0 && e.items.every(isList);

/**
 * Lists combine entry by entry with NumPy's broadcasting: shapes align on their last axes, a scalar stands for every
 * entry, and so does an axis of length 1 (`[[1, 2], [3, 4]] + [10, 20]` adds the vector to each row).
 */
function zipWith(parts: readonly Expr[], op: (xs: Expr[]) => Expr, what: string): Expr {
  const rank = Math.max(...parts.map((p) => (isList(p) ? p.shape.length : 0)));
  // Parts of the highest rank are split into their items; lower-rank parts go whole to every item.
  const top = parts.filter((p): p is List => isList(p) && p.shape.length === rank);
  const long = top.filter((l) => l.items.length !== 1);
  const n = long.length > 0 ? long[0]!.items.length : 1;
  for (const l of long) {
    if (l.items.length !== n) throw new EvalError(`${what}: shapes ${showShape(long[0]!.shape)} and ${showShape(l.shape)} do not fit`);
  }
  const itemOf = (p: Expr, k: number): Expr => (isList(p) && p.shape.length === rank ? p.items[p.items.length === 1 ? 0 : k]! : p);
  return list(Array.from({ length: n }, (_, k) => {
    const xs = parts.map((p) => itemOf(p, k));
    return xs.some(isList) ? zipWith(xs, op, what) : op(xs);
  }));
}

/** Sum of terms with like terms collected: c₁ t + c₂ t = (c₁ + c₂) t. */
function collectTerms(terms: readonly Expr[]): Expr | undefined {
  const groups = new Map<Expr, Expr[]>();
  for (const t of terms) {
    let coef: Expr = ONE;
    let rest = t;
    if (t.kind === 'mul') {
      const k = t.args.findIndex(isNumber);
      if (k >= 0) {
        coef = t.args[k]!;
        rest = mul(...t.args.filter((_, j) => j !== k));
      }
    }
    if (isNumber(t)) continue;
    const g = groups.get(rest);
    if (g === undefined) groups.set(rest, [coef]);
    else g.push(coef);
  }
  if ([...groups.values()].every((g) => g.length === 1)) return undefined;
  const numbers = terms.filter(isNumber);
  return add(...numbers, ...[...groups].map(([rest, cs]) => mul(add(...cs), rest)));
}

/** Product with equal bases merged: x^a x^b = x^(a + b) (x x = x^2, x/x = 1). Only scalars commute. */
function collectFactors(factors: readonly Expr[]): Expr | undefined {
  const groups = new Map<Expr, Expr[]>();
  const others: Expr[] = [];
  for (const f of factors) {
    if (isNumber(f) || f.shape.length > 0) {
      others.push(f);
      continue;
    }
    const [b, e] = f.kind === 'pow' ? [f.base, f.exp] : [f, ONE];
    const g = groups.get(b);
    if (g === undefined) groups.set(b, [e]);
    else g.push(e);
  }
  if ([...groups.values()].every((g) => g.length === 1)) return undefined;
  return mul(...others, ...[...groups].map(([b, es]) => pow(b, add(...es))));
}

function inverse(m: ExprMatrix): ExprMatrix {
  return hasFloats(m) ? fromDense(dense.inverse(toDense(m))) : inverseExact(m).map((r) => r.map(tidy));
}

/** M^n for a square matrix and a whole n (negative: powers of the inverse), by repeated squaring. */
function matrixPower(base: List, exp: Expr): Expr {
  const m = toExprMatrix(base);
  if (exp.kind === 'sym' && exp.name === 'T') return matrixExpr(transposeExpr(m));
  if (exp.kind !== 'num' || exp.value[1] !== 1n) {
    throw new EvalError(`a matrix can be raised to a whole power or ^T, not ^${text(exp)}; for entrywise powers write [a^k for entries] with a list of scalars`);
  }
  if (m.length !== m[0]!.length) throw new EvalError(`${text(base)}^${text(exp)} needs a square matrix, got ${m.length}×${m[0]!.length}`);
  let k = exp.value[0];
  let b = k < 0n ? inverse(m) : m;
  if (k < 0n) k = -k;
  let out: ExprMatrix = identityExpr(m.length);
  const square = (a: ExprMatrix, c: ExprMatrix): ExprMatrix => matmulExpr(a, c).map((r) => r.map(tidy));
  while (k > 0n) {
    if (k & 1n) out = square(out, b);
    k >>= 1n;
    if (k > 0n) b = square(b, b);
  }
  return matrixExpr(out);
}

/** A product of factors some of which are lists. */
function listProduct(factors: readonly Expr[]): Expr {
  const matrices = factors.filter(isMatrix);
  if (matrices.length >= 2) {
    // The constructor sorted the factors, so the order written is lost unless all the matrices are the same one.
    if (matrices.every((m) => m === matrices[0])) {
      return mul(...factors.filter((f) => !isMatrix(f)), matrixPower(matrices[0]!, int(matrices.length)));
    }
    throw new EvalError('a product of matrices whose order is not known here; write it with the matrices named or as matmul(A, B)');
  }
  if (matrices.length === 1 && factors.some((f) => isList(f) && !isMatrix(f))) {
    throw new EvalError('a product of a matrix and a vector whose order is not known here; write it with the matrix named or as matmul(A, v)');
  }
  return zipWith(factors, (xs) => tidy(mul(...xs)), 'entrywise product');
}

/** One node, its children already tidy. */
function tidyNode(x: Expr): Expr {
  switch (x.kind) {
    case 'add':
      if (x.args.some(isList)) return zipWith(x.args, (xs) => tidy(add(...xs)), 'sum');
      return collectTerms(x.args) ?? x;
    case 'mul':
      if (x.args.some(isList)) return listProduct(x.args);
      return collectFactors(x.args) ?? x;
    case 'pow':
      if (isMatrix(x.base)) return matrixPower(x.base, x.exp);
      if (isList(x.base) || isList(x.exp)) return zipWith([x.base, x.exp], ([b, e]) => tidy(evaluateExact(pow(b!, e!))), 'power');
      return x;
    case 'call':
      if (x.fn === 'matmul' && x.args.length === 2 && x.args.every(isList)) {
        const [a, b] = x.args as [List, List];
        const right = toExprMatrix(b, 'the right factor', true);
        const p = matmulExpr(toExprMatrix(a, 'the left factor'), right).map((r) => r.map(tidy));
        return b.items.every((e) => !isList(e)) ? list(p.map((r) => r[0]!)) : matrixExpr(p);
      }
      if (FUNCTIONS.has(x.fn) && !VECTOR_FUNCTIONS.has(x.fn) && x.args.some(isList)) {
        return zipWith(x.args, (xs) => tidy(evaluateExact(call(x.fn, xs))), x.fn);
      }
      return x;
    default:
      return x;
  }
}

/** The light algebra, bottom-up over the DAG (each shared node once). */
export function tidy(e: Expr): Expr {
  const memo = new Map<Expr, Expr>();
  const go = (x: Expr): Expr => {
    const hit = memo.get(x);
    if (hit !== undefined) return hit;
    let out: Expr;
    switch (x.kind) {
      case 'add': out = tidyNode(add(...x.args.map(go))); break;
      case 'mul': out = tidyNode(mul(...x.args.map(go))); break;
      case 'pow': out = tidyNode(pow(go(x.base), go(x.exp))); break;
      case 'call': out = tidyNode(call(x.fn, x.args.map(go))); break;
      case 'list': out = list(x.items.map(go)); break;
      default: out = x;
    }
    memo.set(x, out);
    return out;
  };
  return go(e);
}
