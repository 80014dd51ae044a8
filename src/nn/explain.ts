/**
 * `explain('grad', L, W)`: the matrix-calculus steps of a gradient for people. The first step applies the
 * local adjoint rule of the node that consumes W, with δ standing for the adjoint of that node (for a linear
 * layer Y = X W: ∂L/∂W = Xᵀ δ, δ = ∂L/∂Y); the second replaces δ by its value from the reverse walk. Tensor
 * leaves are shown by their names.
 */
import { type Expr, call, children, sym, withChildren } from '../ast/expr.js';
import { shapeRule } from '../ast/shapes.js';
import { registerLabels } from '../render/labels.js';
import { registerExplainer } from '../rewrite/explain.js';
import type { Derivation, Step } from '../rewrite/types.js';
import { NnError } from './errors.js';
import { adjointMap, childrenOf, localAdjoints, topoOrder } from './grad.js';
import { isTensorLeaf, leafName, tensor } from './tensor.js';
import { explainAttentionGrad, findHead } from './explain-attention.js';

registerLabels({
  'nn/local-adjoint': { en: 'matrix chain rule through the node using the parameter, δ its adjoint', pt: 'regra da cadeia matricial pelo nó que usa o parâmetro, δ o seu adjunto' },
  'nn/delta': { en: 'δ from the reverse walk', pt: 'δ pela passagem reversa' },
});

/**
 * The expression with each tensor leaf shown as its name. Names are scalars to the core, so the tensor functions
 * above them are shown capitalised (Matmul, Transpose, …): display names without shape rules.
 */
export function named(e: Expr): Expr {
  const memo = new Map<Expr, Expr>();
  const go = (x: Expr): Expr => {
    if (isTensorLeaf(x)) return sym(leafName(x));
    const hit = memo.get(x);
    if (hit !== undefined) return hit;
    const kids = children(x);
    let out: Expr;
    if (kids.length === 0) out = x;
    else if (x.kind === 'call' && shapeRule(x.fn) !== undefined) out = call(x.fn[0]!.toUpperCase() + x.fn.slice(1), kids.map(go));
    else out = withChildren(x, kids.map(go));
    memo.set(x, out);
    return out;
  };
  return go(e);
}

export function explainGrad(loss: Expr, w: Expr): Derivation {
  if (!isTensorLeaf(w)) throw new NnError('explain("grad", L, W) takes a tensor leaf W');
  if (findHead(loss, w) !== undefined) return explainAttentionGrad(loss, w);
  const adj = adjointMap(loss, [w]);
  const consumer = topoOrder([loss]).find((e) => childrenOf(e).includes(w) && adj.has(e));
  const input = call('D', [named(loss), sym(leafName(w))]);
  const result = adj.get(w);
  if (consumer === undefined || result === undefined) throw new NnError(`the loss does not depend on ${leafName(w)}`);
  const delta = tensor('delta', consumer.shape);
  const kids = childrenOf(consumer);
  const local = localAdjoints(consumer, delta);
  const parts = kids.map((k, i) => (k === w ? local[i] : undefined)).filter((x): x is Expr => x !== undefined);
  const first = named(parts.length === 1 ? parts[0]! : call('add', parts));
  const final = named(result);
  const steps: Step[] = [
    { rule: 'nn/local-adjoint', at: [], before: input, after: first, bindings: new Map([['delta', named(adj.get(consumer)!)]]), substeps: [], whole: first },
    { rule: 'nn/delta', at: [], before: first, after: final, bindings: new Map(), substeps: [], whole: final },
  ];
  return { op: 'grad', input, result: final, steps, stopped: 'fixpoint' };
}

registerExplainer('grad', (...args: Expr[]) => {
  if (args.length !== 2) throw new NnError('explain("grad", L, W) takes a scalar loss and a tensor');
  return explainGrad(args[0]!, args[1]!);
});
