import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Expr, add, call, frac, mul } from '../../src/ast/expr.js';
import { tensor, matmul, sum, mean, amax, logsumexp, reshape, gather, pick, concat, slice, where, gt } from '../../src/nn/tensor.js';
import { gradients } from '../../src/nn/grad.js';
import { evaluateTensors } from '../../src/nn/interp.js';
import { compileTensors } from '../../src/nn/compile/program.js';
import { makeGemm } from '../../src/nn/compile/gemm.js';
import { Model } from '../../src/nn/model.js';
import { linear, layerNorm, batchNorm, dropout, gelu, relu } from '../../src/nn/layers.js';
import { crossEntropy, binaryCrossEntropy, mse } from '../../src/nn/losses.js';
import { compileEval, compileStep } from '../../src/nn/train.js';
import { saveCheckpoint, loadCheckpoint } from '../../src/nn/checkpoint.js';
import { compileUpdate } from '../../src/nn/optim.js';

const name = (p: Expr): string => ((p as { args: readonly Expr[] }).args[0] as { name: string }).name;
const size = (p: Expr): number => p.shape.reduce((a, b) => a * b, 1);

function compare(outputs: Expr[], leaves: Expr[], seed: number, ints: Record<string, number> = {}): void {
  let s = seed;
  const rnd = (): number => ((s = (s * 48271) % 2147483647) / 2147483647) * 2 - 1;
  const env = new Map<string, number[]>(leaves.map((p) => [name(p), Array.from({ length: size(p) }, () => {
    const n = ints[name(p)];
    return n === undefined ? rnd() : Math.floor(((rnd() + 1) / 2) * n);
  })]));
  const ref = evaluateTensors(outputs, env);
  for (const dtype of ['float64', 'float32'] as const) {
    const prog = compileTensors(outputs, { dtype });
    for (const [k, v] of env) if (prog.inputs.has(k)) prog.input(k).set(v);
    prog.run();
    ref.forEach((r, k) => {
      const o = prog.output(k);
      const tol = dtype === 'float64' ? 1e-10 : 1e-4;
      for (let i = 0; i < r.data.length; i++) expect(Math.abs(o[i]! - r.data[i]!)).toBeLessThanOrEqual(tol * (1 + Math.abs(r.data[i]!)));
    });
  }
}

describe('the compiled program equals the interpreted graph', () => {
  it('for random MLP-shaped graphs and their gradients', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }),
      fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 1e6 }), (b, k, n, act, seed) => {
        const X = tensor('X', [b, k]), W = tensor('W', [k, n]), c = tensor('c', [n]), y = tensor('y', [b]);
        const acts = [(x: Expr) => call('tanh', [x]), relu, gelu];
        const z = acts[act]!(add(matmul(X, W), c));
        const loss = add(crossEntropy(z, y), mul(frac(1, 10), sum(amax(z, 0))));
        compare([loss, ...gradients(loss, [X, W, c])], [X, W, c, y], seed, { y: n });
      }), { numRuns: 40 });
  });

  it('for embeddings, batched products, slices, concatenation and where', () => {
    const C = tensor('C', [7, 3]), I = tensor('I', [4, 2]), A = tensor('A', [2, 3, 5]), B = tensor('B', [2, 5, 4]);
    const e = reshape(gather(C, I), [4, 6]);
    const bm = sum(matmul(A, B), 0);
    const j = concat([slice(e, 1, 0, 2), slice(e, 1, 3, 6)], 1);
    const w = where(gt(j, frac(0, 1)), j, mul(frac(1, 5), j));
    const loss = add(sum(logsumexp(w, 1)), mean(mul(bm, bm)));
    compare([loss, ...gradients(loss, [C, A, B])], [C, I, A, B], 7, { I: 7 });
  });
});

describe('blocked matrix product', () => {
  it('matches the textbook triple loop for all transpositions', () => {
    const g = makeGemm();
    fc.assert(fc.property(fc.integer({ min: 1, max: 13 }), fc.integer({ min: 1, max: 13 }), fc.integer({ min: 1, max: 13 }), fc.boolean(), fc.boolean(),
      (m, n, k, tA, tB) => {
        const a = Float64Array.from({ length: m * k }, (_, i) => Math.sin(i + 1)), b = Float64Array.from({ length: k * n }, (_, i) => Math.cos(i));
        const c = new Float64Array(m * n);
        g(1, m, n, k, a, 0, tA, b, 0, tB, c);
        for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
          let s = 0;
          for (let q = 0; q < k; q++) s += (tA ? a[q * m + i]! : a[i * k + q]!) * (tB ? b[j * k + q]! : b[q * n + j]!);
          expect(c[i * n + j]!).toBeCloseTo(s, 12);
        }
      }), { numRuns: 200 });
  });
});

describe('training', () => {
  it('a compiled SGD step equals w − lr ∇L computed by the interpreter', () => {
    const m = new Model(3);
    const x = tensor('x', [5, 4]), t = tensor('t', [5, 2]);
    const loss = mse(linear(m, 'l', layerNorm(m, 'ln', x), 2), t);
    const params = [...m.params.values()];
    const env = new Map<string, number[]>([['x', Array.from({ length: 20 }, (_, i) => Math.sin(i))], ['t', Array.from({ length: 10 }, (_, i) => Math.cos(i))]]);
    for (const p of params) env.set(p.name, [...p.data]);
    const grads = evaluateTensors(gradients(loss, params.map((p) => p.expr)), env);
    const step = compileStep(m, loss, { optimizer: { kind: 'sgd' } });
    step.input('x').set(env.get('x')!);
    step.input('t').set(env.get('t')!);
    step.step(0.5);
    params.forEach((p, k) => p.data.forEach((v, i) => expect(v).toBeCloseTo(env.get(p.name)![i]! - 0.5 * grads[k]!.data[i]!, 10)));
  });

  it('Adam, AdamW and momentum reduce a convex loss; binary cross-entropy is finite for huge logits', () => {
    for (const kind of ['adam', 'adamw', 'momentum'] as const) {
      const m = new Model(5);
      const x = tensor('x', [8, 3]), y = tensor('y', [8, 1]);
      const loss = binaryCrossEntropy(linear(m, 'l', x, 1), y);
      const step = compileStep(m, loss, { optimizer: { kind } });
      step.input('x').set(Array.from({ length: 24 }, (_, i) => ((i * 7) % 5) - 2));
      step.input('y').set([1, 0, 1, 1, 0, 0, 1, 0]);
      const first = step.step(0.05);
      let last = first;
      for (let k = 0; k < 300; k++) last = step.step(0.05);
      expect(last).toBeLessThan(first);
    }
    const z = tensor('z', [2, 1]), t = tensor('t', [2, 1]);
    const v = evaluateTensors([binaryCrossEntropy(z, t)], new Map([['z', [800, -800]], ['t', [0, 1]]]))[0]!.data[0]!;
    expect(v).toBeCloseTo(800, 6);
  });

  it('batch norm, dropout and a step allocate once: running stats move, masks change, eval is deterministic', () => {
    const m = new Model(9);
    const x = tensor('x', [16, 4]);
    const h = dropout(m, batchNorm(m, 'bn', linear(m, 'l', x, 4)), 0.5);
    const step = compileStep(m, sum(mul(h, h)), { optimizer: { kind: 'sgd' } });
    step.input('x').set(Array.from({ length: 64 }, (_, i) => Math.sin(3 * i) * 3 + 1));
    const before = [...m.stats.get('bn.mean')!.data];
    step.step(0.01);
    expect([...m.stats.get('bn.mean')!.data]).not.toEqual(before);
    m.training = false;
    const ev = compileEval(m, [batchNorm(m, 'bn', linear(m, 'l', x, 4))]);
    ev.input('x').set(step.input('x'));
    ev.run();
    const a = [...ev.output(0)];
    ev.run();
    expect([...ev.output(0)]).toEqual(a);
  });

  it('checkpoints round-trip exactly through an atomic write', () => {
    const m = new Model(11);
    m.param('W', [3, 4]);
    m.param('b', [4], { normal: 1 });
    const dir = mkdtempSync(join(tmpdir(), 'lousa-nn-'));
    const path = join(dir, 'model.json');
    saveCheckpoint(m, path);
    expect(existsSync(path)).toBe(true);
    expect(readdirSync(dir)).toEqual(['model.json']);
    const m2 = new Model(12);
    m2.param('W', [3, 4]);
    m2.param('b', [4]);
    loadCheckpoint(m2, path);
    expect([...m2.params.get('W')!.data]).toEqual([...m.params.get('W')!.data]);
    const m3 = new Model(1);
    m3.param('W', [4, 3]);
    expect(() => loadCheckpoint(m3, path)).toThrow(/shape/);
  });

  it('rejects bad optimiser settings', () => {
    expect(() => compileUpdate([], [], { kind: 'adam', beta1: 1.5 }, 'float64')).toThrow(/β1/);
  });
});
