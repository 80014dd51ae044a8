/**
 * Local adjoint rules of the tensor functions: given a node `f(a, b, …)` and the adjoint `g` of its result
 * (same shape as the node), the adjoint contribution for each argument (undefined for integer arguments and
 * indices, which carry no gradient). Matrix calculus for the product: for Y = A B, ∂L/∂A = Ḡ Bᵀ and
 * ∂L/∂B = Aᵀ Ḡ (see e.g. Giles (2008), "Collected matrix derivative results for forward and reverse mode AD").
 */
import { type Expr, type Shape, ZERO, add, call, mul, neg, frac } from '../ast/expr.js';
import {
  broadcastTo, gather, intArg, matmul, padSlice, pick, reshape, scatterAdd, slice, sumTo, transpose, unpick, eq,
  where, permute, inversePermutation,
} from './tensor.js';

export type Adjoint = (node: Expr & { kind: 'call' }, g: Expr) => (Expr | undefined)[];

const ADJOINTS = new Map<string, Adjoint>();

/** Declare the adjoint rule of a tensor function. */
export function registerAdjoint(fn: string, rule: Adjoint): void {
  ADJOINTS.set(fn, rule);
}
export function adjointRule(fn: string): Adjoint | undefined {
  return ADJOINTS.get(fn);
}

/** Sum a broadcast adjoint back to the shape of the operand it came from. */
export const unbroadcast = (g: Expr, shape: Shape): Expr => sumTo(g, shape);

const keepShape = (s: Shape, axis: number): number[] => s.map((d, k) => (k === axis ? 1 : d));

registerAdjoint('matmul', (node, g) => {
  const [a, b] = node.args as [Expr, Expr];
  const k = a.shape[a.shape.length - 1]!, n = b.shape[b.shape.length - 1]!;
  const dA = matmul(g, transpose(b));
  const dB = b.shape.length === 2 && a.shape.length > 2
    ? matmul(transpose(reshape(a, [-1, k])), reshape(g, [-1, n]))
    : matmul(transpose(a), g);
  return [dA, dB];
});
registerAdjoint('transpose', (_node, g) => [transpose(g)]);
registerAdjoint('reshape', (node, g) => [reshape(g, node.args[0]!.shape)]);

function reductionAdjoint(kind: 'sum' | 'mean' | 'amax' | 'logsumexp'): Adjoint {
  return (node, g) => {
    const x = node.args[0]!;
    const axis = intArg(node.args[1]);
    const ks = keepShape(x.shape, axis);
    const gk = g.shape.length === 0 ? g : reshape(g, ks);
    const back = (e: Expr): Expr => reshape(e, ks);
    switch (kind) {
      case 'sum': return [broadcastTo(gk, x.shape)];
      case 'mean': return [mul(frac(1, x.shape[axis]!), broadcastTo(gk, x.shape))];
      // Ties share the adjoint of the maximum (each tied entry receives it).
      case 'amax': return [mul(gk, eq(x, back(node)))];
      // ∂ log Σ exp(x) / ∂x = softmax(x) = exp(x − lse).
      case 'logsumexp': return [mul(gk, call('exp', [add(x, neg(back(node)))]))];
    }
  };
}
registerAdjoint('sum', reductionAdjoint('sum'));
registerAdjoint('mean', reductionAdjoint('mean'));
registerAdjoint('amax', reductionAdjoint('amax'));
registerAdjoint('logsumexp', reductionAdjoint('logsumexp'));

registerAdjoint('broadcastto', (node, g) => [sumTo(g, node.args[0]!.shape)]);
registerAdjoint('sumto', (node, g) => [broadcastTo(g, node.args[0]!.shape)]);
registerAdjoint('gather', (node, g) => [scatterAdd(g, node.args[1]!, node.args[0]!.shape[0]!), undefined]);
registerAdjoint('scatteradd', (node, g) => [gather(g, node.args[1]!), undefined, undefined]);
registerAdjoint('pick', (node, g) => {
  const x = node.args[0]!;
  return [unpick(g, node.args[1]!, x.shape[x.shape.length - 1]!), undefined];
});
registerAdjoint('unpick', (node, g) => [pick(g, node.args[1]!), undefined, undefined]);
registerAdjoint('slice', (node, g) => {
  const a = node.args[0]!, axis = intArg(node.args[1]), start = intArg(node.args[2]);
  return [padSlice(g, axis, start, a.shape[axis]!)];
});
registerAdjoint('padslice', (node, g) => {
  const a = node.args[0]!, axis = intArg(node.args[1]), start = intArg(node.args[2]);
  return [slice(g, axis, start, start + a.shape[axis]!)];
});
registerAdjoint('concat', (node, g) => {
  const axis = intArg(node.args[0]);
  let at = 0;
  return [undefined, ...node.args.slice(1).map((p) => {
    const s = slice(g, axis, at, at + p.shape[axis]!);
    at += p.shape[axis]!;
    return s;
  })];
});
registerAdjoint('where', (node, g) => {
  const [c, a, b] = node.args as [Expr, Expr, Expr];
  return [undefined, unbroadcast(where(c, g, ZERO), a.shape), unbroadcast(where(c, ZERO, g), b.shape)];
});
registerAdjoint('gt', () => [undefined, undefined]);
registerAdjoint('eq', () => [undefined, undefined]);

registerAdjoint('permute', (node, g) => [permute(g, inversePermutation(node.args.slice(1).map((a) => intArg(a)))), ...node.args.slice(1).map(() => undefined)]);
registerAdjoint('arange', () => [undefined]);
