/**
 * Reverse-mode differentiation over the expression DAG (Speelpenning (1980); Griewank & Walther (2008),
 * "Evaluating Derivatives", ch. 3): the backward sweep of src/numeric/compile/sweep.ts (the one scalar kernels
 * use too), from the loss back to the parameters in reverse topological order, summing each node's adjoint
 * contributions. Local rules: the sum, product and power rules
 * for `+ * ^`; the partial derivatives of the operator table from src/diff for elementwise functions (so the
 * derivative of tanh, sigmoid, softplus or GELU is derived, never written here); adjoint rules of the tensor
 * functions (adjoints.ts); and wherever NumPy broadcasting widened an operand, its adjoint is summed back to
 * the operand's shape. The gradients are ordinary expressions: they print, simplify and compile. Because the
 * DAG is interned, a gradient that needs `tanh(h)` shares the forward node itself.
 */
import { type Expr, MINUS_ONE, ONE, ZERO, add, call, mul, pow } from '../ast/expr.js';
import { FUNCTIONS } from '../ast/ops.js';
import { partials } from '../diff/table.js';
import { text } from '../render/text.js';
import { NnError } from './errors.js';
import { adjointRule, unbroadcast } from './adjoints.js';
import { broadcastTo, isTensorLeaf } from './tensor.js';
import { showShape } from '../ast/shapes.js';
import { sweep } from '../numeric/compile/sweep.js';

/** Nodes reachable from `root`, children before parents. */
export function topoOrder(roots: readonly Expr[]): Expr[] {
  const order: Expr[] = [];
  const seen = new Set<Expr>();
  const stack: [Expr, number][] = [];
  for (const r of roots) {
    if (seen.has(r)) continue;
    seen.add(r);
    stack.push([r, 0]);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const kids = childrenOf(top[0]);
      if (top[1] < kids.length) {
        const c = kids[top[1]++]!;
        if (!seen.has(c)) {
          seen.add(c);
          stack.push([c, 0]);
        }
      } else {
        stack.pop();
        order.push(top[0]);
      }
    }
  }
  return order;
}

/** Children that are subexpressions (a tensor leaf's name and sizes are not). */
export function childrenOf(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'add': case 'mul': return e.args;
    case 'call': return isTensorLeaf(e) ? [] : e.args;
    case 'pow': return [e.base, e.exp];
    case 'list': return e.items;
    default: return [];
  }
}

/** Local adjoints of node `e` for its children (same order as childrenOf), given its adjoint `g`. */
export function localAdjoints(e: Expr, g: Expr): (Expr | undefined)[] {
  switch (e.kind) {
    case 'add': return e.args.map((a) => unbroadcast(g, a.shape));
    case 'mul': return e.args.map((a, k) => unbroadcast(mul(g, ...e.args.filter((_, j) => j !== k)), a.shape));
    case 'pow': {
      const { base, exp } = e;
      const dBase = mul(g, exp, pow(base, add(exp, MINUS_ONE)));
      const dExp = mul(g, e, call('log', [base]));
      return [unbroadcast(dBase, base.shape), unbroadcast(dExp, exp.shape)];
    }
    case 'call': {
      const rule = adjointRule(e.fn);
      if (rule !== undefined) return rule(e, g);
      if (FUNCTIONS.has(e.fn)) {
        const ps = partials(e.fn, e.args);
        if (ps === undefined) throw new NnError(`no derivative of ${e.fn} is known, so ${text(e)} cannot be differentiated`);
        return e.args.map((a, k) => unbroadcast(mul(g, ps[k]!), a.shape));
      }
      throw new NnError(`no adjoint rule for the function '${e.fn}'`);
    }
    default:
      throw new NnError(`cannot differentiate through ${e.kind} ${text(e)}`);
  }
}

/**
 * Gradients of a scalar `loss` with respect to each tensor leaf in `params`: expressions of the same shapes as
 * the parameters (0 where the loss does not depend on one).
 */
export function gradients(loss: Expr, params: readonly Expr[]): Expr[] {
  const adj = adjointMap(loss, params);
  return params.map((p) => adj.get(p) ?? broadcastTo(ZERO, p.shape));
}

/** The adjoint ∂loss/∂node of every node on a path from the parameters to the loss. */
export function adjointMap(loss: Expr, params: readonly Expr[]): Map<Expr, Expr> {
  if (loss.shape.length !== 0) throw new NnError(`the loss must be a scalar, got shape ${showShape(loss.shape)}`);
  for (const p of params) if (!isTensorLeaf(p)) throw new NnError(`gradients are taken with respect to tensor leaves, got ${text(p)}`);
  const order = topoOrder([loss]);
  // Which nodes depend on a parameter: only those carry adjoints.
  const wanted = new Set<Expr>(params);
  const live = new Set<Expr>();
  for (const e of order) {
    if (wanted.has(e) || childrenOf(e).some((c) => live.has(c))) live.add(e);
  }
  const out = sweep(order, loss, ONE, {
    active: (e) => live.has(e),
    operands: childrenOf,
    local: localAdjoints,
    sum: (parts) => add(...parts),
  });
  if (!out.has(loss)) out.set(loss, ONE);
  return out;
}

