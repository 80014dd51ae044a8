/**
 * Vector and matrix functions of the language that the operators do not cover: `eye(n)` (also `I(n)`), `cross`,
 * `norm`, and the two functions of neural networks that take a whole vector, `softmax` and `logsumexp` (over the
 * last axis of a matrix, as PyTorch's dim = -1). Exact entries give exact results; decimals are computed stably.
 */
import {
  type Expr, type Float, type Num, add, call, float, int, isNumber, list, mul, numberValue, pow, sub, HALF,
} from '../../ast/expr.js';
import { registerShapeRule } from '../../ast/shapes.js';
import { EvalError } from '../../eval/errors.js';
import { text } from '../../render/text.js';
import { identityExpr, matrixExpr, toExprVector } from '../../linalg/exact/index.js';
import { defineCommand } from '../registry.js';

const isList = (e: Expr): boolean => e.kind === 'list';

function sizeArg(e: Expr, what: string): number {
  if (e.kind !== 'num' || e.value[1] !== 1n || e.value[0] < 1n || e.value[0] > 10_000n) {
    throw new EvalError(`${what} must be a whole number from 1 to 10000, got ${text(e)}`);
  }
  return Number(e.value[0]);
}

for (const name of ['eye', 'I']) {
  defineCommand({
    name, usage: `${name}(n)`, arity: [1, 1],
    doc: 'the n×n identity matrix',
    run: ([n]) => matrixExpr(identityExpr(sizeArg(n!, `${name}(n): n`))),
  });
  registerShapeRule(name, ([n]) => (n !== undefined && n.kind === 'num' && n.value[1] === 1n && n.value[0] >= 1n ? [Number(n.value[0]), Number(n.value[0])] : []));
}
// The inverse has the shape of its argument (so `inv(A) B` keeps its order).
registerShapeRule('inv', ([a]) => a!.shape);

defineCommand({
  name: 'cross', usage: 'cross(u, v)', arity: [2, 2],
  doc: 'cross product of two vectors of length 3',
  run: ([u, v]) => {
    const a = toExprVector(u!, 'cross: u'), b = toExprVector(v!, 'cross: v');
    if (a.length !== 3 || b.length !== 3) throw new EvalError(`cross needs two vectors of length 3, got lengths ${a.length} and ${b.length}`);
    const [a1, a2, a3] = a as [Expr, Expr, Expr];
    const [b1, b2, b3] = b as [Expr, Expr, Expr];
    return list([sub(mul(a2, b3), mul(a3, b2)), sub(mul(a3, b1), mul(a1, b3)), sub(mul(a1, b2), mul(a2, b1))]);
  },
});

/** Entries of a vector or matrix, flattened. */
const entries = (e: Expr): Expr[] => (e.kind === 'list' ? e.items.flatMap(entries) : [e]);

defineCommand({
  name: 'norm', usage: 'norm(v, p?)', arity: [1, 2],
  doc: 'the Euclidean norm of a vector (Frobenius for a matrix); norm(v, 1) and norm(v, inf) for the others',
  run: ([v, p]) => {
    if (!isList(v!)) throw new EvalError(`norm takes a vector or a matrix, got ${text(v!)}`);
    const xs = entries(v!);
    const abs = (x: Expr): Expr => call('abs', [x]);
    if (p === undefined || p === int(2)) return pow(add(...xs.map((x) => pow(abs(x), int(2)))), HALF);
    if (p.kind === 'sym' && p.name === 'inf') return xs.length === 1 ? abs(xs[0]!) : call('max', xs.map(abs));
    if (p.kind === 'num' && p.value[0] > 0n) return pow(add(...xs.map((x) => pow(abs(x), p))), pow(p, int(-1)));
    throw new EvalError(`norm(v, p): p is a positive number or inf, got ${text(p)}`);
  },
});

/** The rows a function over the last axis applies to: a vector is one row. */
function rowsOf(args: readonly Expr[], name: string): { rows: Expr[][]; matrix: boolean } {
  const v = args.length === 1 ? args[0]! : list(args);
  if (v.kind !== 'list' || v.items.length === 0) throw new EvalError(`${name} takes a vector such as [1, 2, 3] (or a matrix, row by row), got ${text(v)}`);
  if (v.items.every(isList)) return { rows: v.items.map((r) => toExprVector(r, `${name}: a row`)), matrix: true };
  return { rows: [toExprVector(v, name)], matrix: false };
}

const allDecimal = (xs: readonly Expr[]): boolean => xs.every(isNumber) && xs.some((x) => x.kind === 'float');

/** log Σ exp(xᵢ): for decimals, max + log Σ exp(xᵢ − max), so large entries do not overflow. */
function logsumexpOf(xs: readonly Expr[]): Expr {
  if (allDecimal(xs)) {
    const v = xs.map((x) => numberValue(x as Num | Float));
    const m = Math.max(...v);
    if (!Number.isFinite(m)) return float(m);
    return float(m + Math.log(v.reduce((s, x) => s + Math.exp(x - m), 0)));
  }
  return call('log', [add(...xs.map((x) => call('exp', [x])))]);
}

/** exp(xᵢ) / Σ exp(xⱼ): for decimals, with the max subtracted first. */
function softmaxOf(xs: readonly Expr[]): Expr {
  if (allDecimal(xs)) {
    const v = xs.map((x) => numberValue(x as Num | Float));
    const m = Math.max(...v);
    const ex = v.map((x) => Math.exp(x - m));
    const s = ex.reduce((a, b) => a + b, 0);
    return list(ex.map((x) => float(x / s)));
  }
  const total = add(...xs.map((x) => call('exp', [x])));
  return list(xs.map((x) => mul(call('exp', [x]), pow(total, int(-1)))));
}

defineCommand({
  name: 'softmax', usage: 'softmax([x1, x2, …])', arity: [1, Infinity],
  doc: 'exp(x_i)/Σ exp(x_j) for each entry (row by row for a matrix); its derivative is diag(s) − s sᵀ',
  run: (args) => {
    const { rows, matrix } = rowsOf(args, 'softmax');
    return matrix ? list(rows.map(softmaxOf)) : softmaxOf(rows[0]!);
  },
});

defineCommand({
  name: 'logsumexp', usage: 'logsumexp([x1, x2, …])', arity: [1, Infinity],
  doc: 'log Σ exp(x_i), a smooth maximum (row by row for a matrix); its gradient is softmax',
  run: (args) => {
    const { rows, matrix } = rowsOf(args, 'logsumexp');
    return matrix ? list(rows.map(logsumexpOf)) : logsumexpOf(rows[0]!);
  },
});
