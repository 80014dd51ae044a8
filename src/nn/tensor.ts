/**
 * Tensor functions as nodes of the expression DAG. Symbols of the core always have shape `[]`, so a tensor
 * parameter or input is the call `tensor(W, 10, 200)`: a leaf whose registered shape rule reads its dimensions.
 * Every other tensor operation is a call with a shape rule, so a graph that does not fit throws a `ShapeError`
 * naming both shapes while it is being built, not when it runs. Integer arguments (axes, sizes) are numbers.
 */
import { type Expr, type Shape, call, int, sym } from '../ast/expr.js';
import { ShapeError, broadcast, registerShapeRule, showShape } from '../ast/shapes.js';

export const sizeOf = (s: Shape): number => s.reduce((a, b) => a * b, 1);
const same = (a: Shape, b: Shape): boolean => a.length === b.length && a.every((d, k) => d === b[k]);

/** The value of an integer literal argument. */
export function intArg(e: Expr | undefined, what = 'argument'): number {
  if (e === undefined || e.kind !== 'num' || e.value[1] !== 1n) throw new ShapeError(`${what} must be an integer literal`);
  return Number(e.value[0]);
}
const ints = (args: readonly Expr[], from: number): number[] => args.slice(from).map((a) => intArg(a, 'dimension'));

function axisOf(s: Shape, axis: number, fn: string): number {
  const a = axis < 0 ? axis + s.length : axis;
  if (!Number.isInteger(a) || a < 0 || a >= s.length) throw new ShapeError(`${fn}: axis ${axis} is outside a tensor of shape ${showShape(s)}`);
  return a;
}

// ---------------------------------------------------------------------------------------------------------
// Leaves

/** A named tensor (parameter or input) of a declared shape. */
export function tensor(name: string, shape: Shape): Expr {
  for (const d of shape) if (!Number.isInteger(d) || d < 1) throw new ShapeError(`tensor '${name}': dimensions must be positive integers, got ${showShape(shape)}`);
  return call('tensor', [sym(name), ...shape.map((d) => int(d))]);
}
export const isTensorLeaf = (e: Expr): e is Expr & { kind: 'call' } => e.kind === 'call' && e.fn === 'tensor';
export function leafName(e: Expr): string {
  if (!isTensorLeaf(e)) throw new ShapeError('not a tensor leaf');
  return (e.args[0] as { name: string }).name;
}
registerShapeRule('tensor', (args) => ints(args, 1));

// ---------------------------------------------------------------------------------------------------------
// Linear algebra

/** Matrix product over the last two axes; A may carry batch axes when B is a matrix, or both the same ones. */
export const matmul = (a: Expr, b: Expr): Expr => call('matmul', [a, b]);
// The names matmul, transpose, sum and mean are also commands of the language, applied to lists and to
// symbols whose values are not known yet (shape []). The rules therefore follow NumPy for vectors and say
// nothing (a scalar shape) about operands of unknown shape; they throw only when known shapes do not fit.
registerShapeRule('matmul', ([a, b]) => {
  const sa = a!.shape, sb = b!.shape;
  if (sa.length === 0 || sb.length === 0) return [];
  if (sa.length === 1 || sb.length === 1) {
    const k = sa[sa.length - 1]!, k2 = sb.length === 1 ? sb[0]! : sb[sb.length - 2]!;
    if (k !== k2) throw new ShapeError(`matmul: shapes ${showShape(sa)} and ${showShape(sb)} do not fit (inner ${k} vs ${k2})`);
    if (sa.length === 1 && sb.length === 1) return [];
    return sa.length === 1 ? [...sb.slice(0, -2), sb[sb.length - 1]!] : sa.slice(0, -1);
  }
  const k = sa[sa.length - 1]!, k2 = sb[sb.length - 2]!;
  const batchA = sa.slice(0, -2), batchB = sb.slice(0, -2);
  if (k !== k2 || (batchB.length > 0 && !same(batchA, batchB))) {
    throw new ShapeError(`matmul: shapes ${showShape(sa)} and ${showShape(sb)} do not fit (inner ${k} vs ${k2}${batchB.length > 0 ? ', batch axes must agree' : ''})`);
  }
  return [...batchA, sa[sa.length - 2]!, sb[sb.length - 1]!];
});

/** Swap the last two axes. */
export const transpose = (a: Expr): Expr => call('transpose', [a]);
registerShapeRule('transpose', ([a]) => {
  const s = a!.shape;
  if (s.length < 2) return s; // as NumPy: a vector or a scalar is its own transpose
  return [...s.slice(0, -2), s[s.length - 1]!, s[s.length - 2]!];
});

/** Same entries in a new shape; one dimension may be -1 (inferred). */
export function reshape(a: Expr, shape: readonly number[]): Expr {
  const n = sizeOf(a.shape);
  const known = shape.filter((d) => d !== -1);
  const free = shape.length - known.length;
  const k = sizeOf(known);
  if (free > 1 || (free === 1 && n % k !== 0)) throw new ShapeError(`reshape: cannot infer a dimension of ${showShape(shape)} from ${showShape(a.shape)}`);
  const dims = shape.map((d) => (d === -1 ? n / k : d));
  if (same(dims, a.shape)) return a;
  return call('reshape', [a, ...dims.map((d) => int(d))]);
}
registerShapeRule('reshape', (args) => {
  const dims = ints(args, 1);
  if (sizeOf(dims) !== sizeOf(args[0]!.shape)) throw new ShapeError(`reshape: ${showShape(args[0]!.shape)} has ${sizeOf(args[0]!.shape)} entries, ${showShape(dims)} has ${sizeOf(dims)}`);
  return dims;
});

// ---------------------------------------------------------------------------------------------------------
// Reductions: over one axis, keeping it as a 1 when `keep` is set.

export type Reduction = 'sum' | 'mean' | 'amax' | 'logsumexp';
export const REDUCTIONS: readonly Reduction[] = ['sum', 'mean', 'amax', 'logsumexp'];

function reduce(fn: Reduction, a: Expr, axis?: number, keep = false): Expr {
  if (axis === undefined) {
    const flat = reshape(a, [sizeOf(a.shape)]);
    return call(fn, [flat, int(0), int(0)]);
  }
  return call(fn, [a, int(axisOf(a.shape, axis, fn)), int(keep ? 1 : 0)]);
}
export const sum = (a: Expr, axis?: number, keep = false): Expr => reduce('sum', a, axis, keep);
export const mean = (a: Expr, axis?: number, keep = false): Expr => reduce('mean', a, axis, keep);
/** Largest entry along an axis (named like NumPy's amax: `max` is the operator table's elementwise maximum). */
export const amax = (a: Expr, axis?: number, keep = false): Expr => reduce('amax', a, axis, keep);
/** log Σ exp, computed stably (shifted by the maximum). */
export const logsumexp = (a: Expr, axis?: number, keep = false): Expr => reduce('logsumexp', a, axis, keep);

for (const fn of REDUCTIONS) {
  registerShapeRule(fn, (args) => {
    const [a, ax, kp] = args;
    const s = a!.shape;
    if (ax === undefined) return []; // the reduction of every entry, as the language's sum(list) and mean(list)
    if (fn === 'sum' && args.length === 4) return []; // the language's sum(f, k, a, b), a scalar
    const axis = axisOf(s, intArg(ax, `${fn} axis`), fn);
    const keep = intArg(kp, `${fn} keep flag`) === 1;
    return keep ? s.map((d, k) => (k === axis ? 1 : d)) : s.filter((_, k) => k !== axis);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Broadcasting made explicit (adjoints of each other)

/** Repeat `a` to `shape` by NumPy's rules. */
export function broadcastTo(a: Expr, shape: Shape): Expr {
  if (same(a.shape, shape)) return a;
  return call('broadcastto', [a, ...shape.map((d) => int(d))]);
}
/** Sum `a` down to `shape` (the adjoint of broadcasting `shape` up to a's shape). */
export function sumTo(a: Expr, shape: Shape): Expr {
  if (same(a.shape, shape)) return a;
  return call('sumto', [a, ...shape.map((d) => int(d))]);
}
registerShapeRule('broadcastto', (args) => {
  const dims = ints(args, 1);
  const b = broadcast([args[0]!.shape, dims], 'broadcastto');
  if (!same(b, dims)) throw new ShapeError(`cannot broadcast ${showShape(args[0]!.shape)} to ${showShape(dims)}`);
  return dims;
});
registerShapeRule('sumto', (args) => {
  const dims = ints(args, 1);
  const b = broadcast([args[0]!.shape, dims], 'sumto');
  if (!same(b, args[0]!.shape)) throw new ShapeError(`cannot sum ${showShape(args[0]!.shape)} down to ${showShape(dims)}`);
  return dims;
});

// ---------------------------------------------------------------------------------------------------------
// Indexing

/** Rows of a table picked by integer indices: table [V, D], idx of shape S → S + [D] (embedding lookup). */
export const gather = (table: Expr, idx: Expr): Expr => call('gather', [table, idx]);
registerShapeRule('gather', ([t, i]) => {
  if (t!.shape.length !== 2) throw new ShapeError(`gather needs a table of shape [V, D], got ${showShape(t!.shape)} (indices ${showShape(i!.shape)})`);
  return [...i!.shape, t!.shape[1]!];
});
/** Adjoint of gather: add the rows of g into a [V, D] table at the given indices. */
export const scatterAdd = (g: Expr, idx: Expr, rows: number): Expr => call('scatteradd', [g, idx, int(rows)]);
registerShapeRule('scatteradd', ([g, i, v]) => {
  const gs = g!.shape, is = i!.shape;
  if (!same(gs.slice(0, -1), is)) throw new ShapeError(`scatteradd: values ${showShape(gs)} do not match indices ${showShape(is)}`);
  return [intArg(v), gs[gs.length - 1]!];
});

/** x[..., t[...]]: one entry of the last axis per position (the target's logit in cross-entropy). */
export const pick = (x: Expr, t: Expr): Expr => call('pick', [x, t]);
registerShapeRule('pick', ([x, t]) => {
  if (!same(x!.shape.slice(0, -1), t!.shape)) throw new ShapeError(`pick: values ${showShape(x!.shape)} and indices ${showShape(t!.shape)} do not fit`);
  return t!.shape;
});
/** Adjoint of pick: g placed at the picked entries of a tensor with last axis `n`, zeros elsewhere. */
export const unpick = (g: Expr, t: Expr, n: number): Expr => call('unpick', [g, t, int(n)]);
registerShapeRule('unpick', ([g, t, n]) => {
  if (!same(g!.shape, t!.shape)) throw new ShapeError(`unpick: values ${showShape(g!.shape)} and indices ${showShape(t!.shape)} differ`);
  return [...g!.shape, intArg(n)];
});

/** Entries start ≤ k < end along an axis. */
export function slice(a: Expr, axis: number, start: number, end: number): Expr {
  const ax = axisOf(a.shape, axis, 'slice');
  return call('slice', [a, int(ax), int(start), int(end)]);
}
registerShapeRule('slice', ([a, ax, st, en]) => {
  const s = a!.shape, axis = intArg(ax), start = intArg(st), end = intArg(en);
  if (!(0 <= start && start < end && end <= s[axis]!)) throw new ShapeError(`slice ${start}:${end} is outside axis ${axis} of ${showShape(s)}`);
  return s.map((d, k) => (k === axis ? end - start : d));
});
/** Adjoint of slice: `a` placed at start along an axis of length n, zeros elsewhere. */
export const padSlice = (a: Expr, axis: number, start: number, n: number): Expr => call('padslice', [a, int(axis), int(start), int(n)]);
registerShapeRule('padslice', ([a, ax, st, n]) => {
  const s = a!.shape, axis = intArg(ax), start = intArg(st), len = intArg(n);
  if (start + s[axis]! > len) throw new ShapeError(`padslice: ${showShape(s)} at ${start} does not fit in length ${len}`);
  return s.map((d, k) => (k === axis ? len : d));
});

/** Join tensors along an axis. */
export function concat(parts: readonly Expr[], axis: number): Expr {
  if (parts.length === 0) throw new ShapeError('concat needs at least one tensor');
  if (parts.length === 1) return parts[0]!;
  return call('concat', [int(axisOf(parts[0]!.shape, axis, 'concat')), ...parts]);
}
registerShapeRule('concat', ([ax, ...parts]) => {
  const axis = intArg(ax);
  const s0 = parts[0]!.shape;
  let n = 0;
  for (const p of parts) {
    const s = p.shape;
    if (s.length !== s0.length || s.some((d, k) => k !== axis && d !== s0[k])) throw new ShapeError(`concat along axis ${axis}: shapes ${showShape(s0)} and ${showShape(s)} do not fit`);
    n += s[axis]!;
  }
  return s0.map((d, k) => (k === axis ? n : d));
});

// ---------------------------------------------------------------------------------------------------------
// Elementwise selection and comparison (broadcasting)

/** c ≠ 0 ? a : b, elementwise. */
export const where = (c: Expr, a: Expr, b: Expr): Expr => call('where', [c, a, b]);
/** 1 where a > b, else 0. */
export const gt = (a: Expr, b: Expr): Expr => call('gt', [a, b]);
/** 1 where a = b, else 0. */
export const eq = (a: Expr, b: Expr): Expr => call('eq', [a, b]);
export const ELEMENTWISE_EXTRA = new Set(['where', 'gt', 'eq']);
for (const fn of ELEMENTWISE_EXTRA) registerShapeRule(fn, (args) => broadcast(args.map((a) => a.shape), fn));

// ---------------------------------------------------------------------------------------------------------
// Axis permutation and positions

/** Reorder the axes: result axis k is axis perm[k] of `a` (NumPy's transpose(a, perm), PyTorch's permute). */
export function permute(a: Expr, perm: readonly number[]): Expr {
  const r = a.shape.length;
  const p = perm.map((k) => (k < 0 ? k + r : k));
  if (p.length !== r || new Set(p).size !== r || p.some((k) => !Number.isInteger(k) || k < 0 || k >= r)) {
    throw new ShapeError(`permute: [${perm.join(', ')}] is not a permutation of the ${r} axes of ${showShape(a.shape)}`);
  }
  if (p.every((k, i) => k === i)) return a;
  return call('permute', [a, ...p.map((k) => int(k))]);
}
/** The permutation undoing `perm`. */
export function inversePermutation(perm: readonly number[]): number[] {
  const inv = new Array<number>(perm.length);
  perm.forEach((k, i) => { inv[k] = i; });
  return inv;
}
registerShapeRule('permute', (args) => {
  const s = args[0]!.shape, p = ints(args, 1);
  if (p.length !== s.length) throw new ShapeError(`permute: ${p.length} axes given for a tensor of shape ${showShape(s)}`);
  return p.map((k) => {
    if (s[k] === undefined) throw new ShapeError(`permute: axis ${k} is outside ${showShape(s)}`);
    return s[k]!;
  });
});

/** The positions 0, 1, …, n − 1 as a vector (a constant of the graph: it carries no gradient). */
export const arange = (n: number): Expr => {
  if (!Number.isInteger(n) || n < 1) throw new ShapeError(`arange needs a positive integer length, got ${n}`);
  return call('arange', [int(n)]);
};
registerShapeRule('arange', (args) => [intArg(args[0], 'arange length')]);
