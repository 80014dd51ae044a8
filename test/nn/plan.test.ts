import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { type Expr, add, call, mul, frac } from '../../src/ast/expr.js';
import { tensor, sum } from '../../src/nn/tensor.js';
import { gradients } from '../../src/nn/grad.js';
import { evaluateTensors } from '../../src/nn/interp.js';
import { compileTensors } from '../../src/nn/compile/program.js';
import { plan } from '../../src/nn/compile/plan.js';

/** A residual stream: x_{l+1} = x_l + tanh(x_l w_l), so x_L is one sum of L + 1 terms in the DAG. */
function residual(layers: number, n: number): { loss: Expr; leaves: Expr[] } {
  const x0 = tensor('x0', [n]);
  let x = x0;
  const leaves = [x0];
  for (let l = 0; l < layers; l++) {
    const w = tensor(`w${l}`, [n]);
    leaves.push(w);
    x = add(x, call('tanh', [mul(x, w)]));
  }
  return { loss: sum(mul(x, x)), leaves };
}

describe('planning shared partial sums', () => {
  it('a residual stream of n-ary sums is computed as each earlier sum plus the new term', () => {
    const { loss, leaves } = residual(6, 5);
    const outs = [loss, ...gradients(loss, leaves)];
    const p = plan(outs);
    expect(p.sumOf.size).toBeGreaterThanOrEqual(4);
    for (const [e, parts] of p.sumOf) {
      expect(e.kind).toBe('add');
      expect(parts.length).toBeLessThan((e as { args: readonly Expr[] }).args.length);
    }
  });

  it('the compiled program still equals the interpreted graph (both dtypes)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 1e6 }), (layers, n, seed) => {
      const { loss, leaves } = residual(layers, n);
      const outs = [loss, ...gradients(loss, leaves), add(leaves[0]!, frac(1, 3), leaves[0]!)];
      let s = seed;
      const rnd = (): number => ((s = (s * 48271) % 2147483647) / 2147483647) - 0.5;
      const env = new Map(leaves.map((e) => [(e as { args: readonly { name: string }[] }).args[0]!.name, Array.from({ length: n }, rnd)]));
      const ref = evaluateTensors(outs, env);
      for (const dtype of ['float64', 'float32'] as const) {
        const prog = compileTensors(outs, { dtype });
        for (const [k, v] of env) prog.input(k).set(v);
        prog.run();
        const tol = dtype === 'float64' ? 1e-12 : 1e-5;
        ref.forEach((r, k) => r.data.forEach((v, i) => expect(Math.abs(prog.output(k)[i]! - v)).toBeLessThanOrEqual(tol * (1 + Math.abs(v)))));
      }
    }), { numRuns: 60 });
  });
});
