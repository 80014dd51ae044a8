/**
 * The reverse sweep of reverse-mode differentiation (Linnainmaa (1970); Speelpenning (1980); Griewank &
 * Walther (2008), "Evaluating Derivatives", ch. 3), shared by Lousa's two reverse modes: scalar kernels over
 * the instruction IR (reverse.ts) and tensor programs over the expression DAG (src/nn/grad.ts). Walking the
 * nodes from the output back in reverse topological order, each active node's adjoint is the sum of the
 * contributions its users sent it, and it sends each active operand its local contribution. What differs
 * between the two modes is only what a node is and its local rules, passed in as `Rules`.
 */

export interface Rules<N> {
  /** Whether a node depends on an input (only those carry adjoints). */
  active(n: N): boolean;
  /** Operands of a node, in the order `local` returns their contributions. */
  operands(n: N): readonly N[];
  /** Contributions to the operands given the node's adjoint g (undefined: none, e.g. an inactive operand). */
  local(n: N, g: N): readonly (N | undefined)[];
  /** The sum of a node's contributions (two or more), in the order they were sent. */
  sum(parts: readonly N[]): N;
}

/**
 * Adjoints of every node reached from `out` (seeded with `seed`), walking `order` (operands before users)
 * from its end. Nodes in `stop` (the inputs) receive adjoints but send none further.
 */
export function sweep<N>(order: readonly N[], out: N, seed: N, rules: Rules<N>, stop: ReadonlySet<N> = new Set()): Map<N, N> {
  const parts = new Map<N, N[]>([[out, [seed]]]);
  const adjoint = new Map<N, N>();
  for (let k = order.length - 1; k >= 0; k--) {
    const e = order[k]!;
    const ps = parts.get(e);
    if (ps === undefined || !rules.active(e)) continue;
    const g = ps.length === 1 ? ps[0]! : rules.sum(ps);
    adjoint.set(e, g);
    if (stop.has(e)) continue;
    const ops = rules.operands(e);
    if (ops.length === 0) continue;
    const local = rules.local(e, g);
    ops.forEach((c, i) => {
      const a = local[i];
      if (a === undefined || !rules.active(c)) return;
      const l = parts.get(c);
      if (l === undefined) parts.set(c, [a]);
      else l.push(a);
    });
  }
  return adjoint;
}
