import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { type Expr, add, call, mul, pow, frac, neg } from '../../src/ast/expr.js';
import { ShapeError } from '../../src/ast/shapes.js';
import {
  tensor, matmul, sum, mean, amax, logsumexp, reshape, transpose, gather, pick, slice, concat, where, gt,
} from '../../src/nn/tensor.js';
import { gradients } from '../../src/nn/grad.js';
import { evaluateTensors } from '../../src/nn/interp.js';
import { gelu, sigmoid, softplus } from '../../src/nn/layers.js';

const leafName = (p: Expr): string => ((p as { args: readonly Expr[] }).args[0] as { name: string }).name;
const size = (p: Expr): number => p.shape.reduce((a, b) => a * b, 1);

/** Central differences of the scalar `loss` in every entry of `p` (h = 1e-5, in doubles). */
function finiteDiff(loss: Expr, p: Expr, env: Map<string, number[]>): number[] {
  const w = env.get(leafName(p))!;
  return w.map((_, k) => {
    const o = w[k]!;
    w[k] = o + 1e-5;
    const lp = evaluateTensors([loss], env)[0]!.data[0]!;
    w[k] = o - 1e-5;
    const lm = evaluateTensors([loss], env)[0]!.data[0]!;
    w[k] = o;
    return (lp - lm) / 2e-5;
  });
}

function checkGrad(loss: Expr, params: Expr[], env: Map<string, number[]>): void {
  const gs = gradients(loss, params);
  const vals = evaluateTensors(gs, env);
  params.forEach((p, i) => {
    expect(gs[i]!.shape).toEqual(p.shape);
    const fd = finiteDiff(loss, p, env);
    fd.forEach((v, k) => expect(vals[i]!.data[k]!).toBeCloseTo(v, 4));
  });
}

const UNARY: ((x: Expr) => Expr)[] = [
  (x) => call('tanh', [x]), sigmoid, softplus, gelu, (x) => call('sin', [x]), (x) => mul(x, x), (x) => call('exp', [mul(frac(1, 2), x)]),
];

describe('grad agrees with central finite differences', () => {
  it('on random small graphs of matmul, broadcasting, activations and reductions', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 0, max: UNARY.length - 1 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 1e6 }),
      (m, k, n, act, red, seed) => {
        const A = tensor('A', [m, k]), B = tensor('B', [k, n]), b = tensor('b', [n]), c = tensor('c', [m, 1]);
        const h = UNARY[act]!(add(matmul(A, B), b, mul(c, b)));
        const reds = [(x: Expr) => sum(x), (x: Expr) => mean(sum(x, 1)), (x: Expr) => sum(logsumexp(x, 0)), (x: Expr) => sum(amax(x, 1))];
        const loss = reds[red]!(h);
        let s = seed;
        const rnd = (): number => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
        const env = new Map<string, number[]>([A, B, b, c].map((p) => [leafName(p), Array.from({ length: size(p) }, rnd)]));
        checkGrad(loss, [A, B, b, c], env);
      }), { numRuns: 60 });
  });

  it('through gather, pick, reshape, transpose, slice, concat and where', () => {
    const C = tensor('C', [5, 2]), W = tensor('W', [4, 3]), X = tensor('X', [3, 2]), y = tensor('y', [3]);
    const emb = reshape(gather(C, X), [3, 4]);
    const z = matmul(emb, W);
    const zz = concat([slice(z, 1, 0, 2), slice(transpose(matmul(transpose(W), transpose(emb))), 1, 2, 3)], 1);
    const sel = where(gt(zz, frac(0, 1)), zz, mul(frac(1, 10), zz));
    const loss = mean(add(logsumexp(sel, 1), neg(pick(sel, y))));
    const env = new Map<string, number[]>([
      ['C', [0.3, -0.2, 0.5, 0.1, -0.7, 0.4, 0.2, 0.9, -0.3, 0.6]], ['W', [0.1, 0.2, -0.3, 0.4, -0.5, 0.6, 0.7, -0.8, 0.9, 0.15, -0.25, 0.35]],
      ['X', [0, 1, 2, 4, 3, 3]], ['y', [0, 2, 1]],
    ]);
    checkGrad(loss, [C, W], env);
  });

  it('the power rule with a tensor exponent and a layer-norm-like graph', () => {
    const x = tensor('x', [2, 3]), g = tensor('g', [3]);
    const mu = mean(x, -1, true);
    const xc = add(x, neg(mu));
    const loss = sum(mul(mul(xc, pow(add(mean(pow(xc, frac(2, 1)), -1, true), frac(1, 100)), frac(-1, 2))), g, g));
    const env = new Map<string, number[]>([['x', [0.1, 0.5, -0.3, 1.2, -0.4, 0.2]], ['g', [0.5, -1, 2]]]);
    checkGrad(loss, [x, g], env);
  });
});

describe('broadcasting adjoints', () => {
  it('sum back to each operand shape', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), (a, b, c) => {
      const X = tensor('X', [a, b, c]), r = tensor('r', [c]), col = tensor('col', [b, 1]), s = tensor('s', []);
      const loss = sum(call('tanh', [add(mul(X, r), col, s)]));
      const gs = gradients(loss, [X, r, col, s]);
      expect(gs.map((g) => g.shape)).toEqual([[a, b, c], [c], [b, 1], []]);
    }));
  });
});

describe('shape rules', () => {
  it('reject products that do not fit, naming both shapes', () => {
    expect(() => matmul(tensor('A', [2, 3]), tensor('B', [4, 5]))).toThrow(ShapeError);
    expect(() => matmul(tensor('A', [2, 3]), tensor('B', [4, 5]))).toThrow(/\[2, 3\].*\[4, 5\]/);
    expect(() => add(tensor('A', [2, 3]), tensor('B', [4]))).toThrow(ShapeError);
  });
  it('the loss must be scalar', () => {
    expect(() => gradients(tensor('A', [2]), [tensor('A', [2])])).toThrow(/scalar/);
  });
});
