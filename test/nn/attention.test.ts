import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { type Expr, add, mul } from '../../src/ast/expr.js';
import { tensor, sum, permute, reshape } from '../../src/nn/tensor.js';
import { adjointMap, gradients } from '../../src/nn/grad.js';
import { evaluateTensors } from '../../src/nn/interp.js';
import { attention, causalMask, selfAttention, softmax, splitHeads, mergeHeads } from '../../src/nn/attention.js';
import { layerNorm } from '../../src/nn/layers.js';
import { Model } from '../../src/nn/model.js';
import { gptLoss } from '../../src/nn/gpt.js';
import { compileTensors } from '../../src/nn/compile/program.js';

const nameOf = (p: Expr): string => ((p as { args: readonly Expr[] }).args[0] as { name: string }).name;
const size = (s: readonly number[]): number => s.reduce((a, b) => a * b, 1);

function rnd(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
}

/** Gradients by reverse mode against central differences (h = 1e-5, doubles): |Δ| ≤ 1e-5 + 1e-4 |g|. */
function checkGrad(loss: Expr, params: Expr[], env: Map<string, number[]>): void {
  const gs = gradients(loss, params);
  const vals = evaluateTensors(gs, env);
  params.forEach((p, i) => {
    expect(gs[i]!.shape).toEqual(p.shape);
    const w = env.get(nameOf(p))!;
    w.forEach((o, k) => {
      w[k] = o + 1e-5;
      const lp = evaluateTensors([loss], env)[0]!.data[0]!;
      w[k] = o - 1e-5;
      const lm = evaluateTensors([loss], env)[0]!.data[0]!;
      w[k] = o;
      const fd = (lp - lm) / 2e-5, g = vals[i]!.data[k]!;
      expect(Math.abs(g - fd)).toBeLessThanOrEqual(1e-5 + 1e-4 * Math.abs(fd));
    });
  });
}

/** A scalar loss that weighs every entry differently (so no symmetry hides a wrong adjoint). */
function weighted(y: Expr, seed: number, env: Map<string, number[]>): Expr {
  const R = tensor('R', y.shape);
  const r = rnd(seed + 7);
  env.set('R', Array.from({ length: size(y.shape) }, r));
  return sum(mul(R, y));
}

describe('attention, softmax and layer norm: reverse mode against central differences', () => {
  it('softmax along any axis of random shapes', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }), fc.nat(), fc.integer({ min: 1, max: 1e6 }), (shape, ax, seed) => {
      const X = tensor('X', shape);
      const env = new Map<string, number[]>([['X', Array.from({ length: size(shape) }, () => 3 * rnd(seed)())]]);
      const r = rnd(seed);
      env.set('X', Array.from({ length: size(shape) }, () => 3 * r()));
      const y = softmax(X, ax % shape.length);
      const s = evaluateTensors([sum(y, ax % shape.length)], env)[0]!;
      for (const v of s.data) expect(v).toBeCloseTo(1, 12);
      checkGrad(weighted(y, seed, env), [X], env);
    }), { numRuns: 40 });
  });

  it('layer norm over the last axis (input, gain and bias)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 5 }), fc.integer({ min: 1, max: 1e6 }), (rows, n, seed) => {
      const m = new Model(seed, 'float64');
      const X = tensor('X', [rows, n]);
      const y = layerNorm(m, 'ln', X);
      const r = rnd(seed);
      const env = new Map<string, number[]>([['X', Array.from({ length: rows * n }, () => 2 * r())]]);
      for (const p of m.params.values()) env.set(p.name, Array.from({ length: p.data.length }, () => 1 + 0.5 * r()));
      checkGrad(weighted(y, seed, env), [X, ...[...m.params.values()].map((p) => p.expr)], env);
    }), { numRuns: 30 });
  });

  it('causal scaled dot-product attention in Q, K and V, batched over heads', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.boolean(), fc.integer({ min: 1, max: 1e6 }),
      (b, h, t, d, causal, seed) => {
        const Q = tensor('Q', [b, h, t, d]), K = tensor('K', [b, h, t, d]), V = tensor('V', [b, h, t, d]);
        const r = rnd(seed);
        const env = new Map<string, number[]>([Q, K, V].map((p) => [nameOf(p), Array.from({ length: size(p.shape) }, () => 1.5 * r())]));
        checkGrad(weighted(attention(Q, K, V, causal), seed, env), [Q, K, V], env);
      }), { numRuns: 40 });
  });

  it('multi-head self-attention layer in its parameters, through heads split and merged', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 3 }), fc.constantFrom(1, 2), fc.integer({ min: 1, max: 1e6 }), (b, t, heads, seed) => {
      const c = 2 * heads;
      const m = new Model(seed, 'float64');
      const X = tensor('X', [b, t, c]);
      const y = selfAttention(m, 'a', X, heads, { init: { normal: 0.7 } });
      const r = rnd(seed);
      const env = new Map<string, number[]>([['X', Array.from({ length: b * t * c }, r)]]);
      for (const p of m.params.values()) env.set(p.name, Array.from(p.data));
      checkGrad(weighted(y, seed, env), [X, ...[...m.params.values()].map((p) => p.expr)], env);
    }), { numRuns: 15 });
  });

  it('permute and its inverse; heads split then merged is the identity', () => {
    const X = tensor('X', [2, 3, 4]);
    const r = rnd(5);
    const env = new Map<string, number[]>([['X', Array.from({ length: 24 }, r)]]);
    const [x, back] = evaluateTensors([X, mergeHeads(splitHeads(X, 2))], env);
    expect(Array.from(back!.data)).toEqual(Array.from(x!.data));
    const P = permute(X, [2, 0, 1]);
    expect(P.shape).toEqual([4, 2, 3]);
    const pv = evaluateTensors([P], env)[0]!.data;
    expect(pv[1 * 6 + 1 * 3 + 2]).toBe(x!.data[1 * 12 + 2 * 4 + 1]); // P[c, a, b] = X[a, b, c]
    checkGrad(weighted(permute(reshape(X, [2, 12]), [1, 0]), 3, env), [X], env);
  });

  it('masked scores get exactly zero gradient and zero weight', () => {
    const S = tensor('S', [3, 3]), V = tensor('V', [3, 2]);
    const r = rnd(11);
    const env = new Map<string, number[]>([['S', Array.from({ length: 9 }, r)], ['V', Array.from({ length: 6 }, r)]]);
    const P = softmax(causalMask(S), -1);
    const loss = weighted(add(P, P), 2, env);
    const adj = adjointMap(loss, [S]);
    const [p, g] = evaluateTensors([P, adj.get(S)!], env);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
      if (j > i) {
        expect(p!.data[i * 3 + j]).toBe(0);
        expect(g!.data[i * 3 + j]).toBe(0);
      } else if (i > 0) { // row 0 has one visible score: its weight is 1 whatever the score, so its gradient is 0 too
        expect(Math.abs(g!.data[i * 3 + j]!)).toBeGreaterThan(0);
      }
    }
    void V;
  });
});

describe('the compiled GPT step against the interpreted graph in doubles', () => {
  // Tolerance, relative to the largest entry of each output: 1e-4 in float32 (measured ≈ 4e-7 here), 1e-9 in
  // float64 (same operations in another order).
  for (const [dtype, tol] of [['float32', 1e-4], ['float64', 1e-9]] as const) {
    it(`${dtype}: loss and every gradient agree within ${tol}`, () => {
      const m = new Model(3, dtype);
      const cfg = { vocab: 7, block: 5, layers: 2, heads: 2, embd: 8 };
      const loss = gptLoss(m, cfg, 3);
      const params = [...m.params.values()];
      for (const p of params) for (let i = 0; i < p.data.length; i++) p.data[i] = p.data[i]! * 1.5; // a little beyond PyTorch's initial scale, so every path matters
      const grads = gradients(loss, params.map((p) => p.expr));
      const prog = compileTensors([loss, ...grads], { dtype, bind: new Map(params.map((p) => [p.name, p.data])) });
      const r = rnd(9);
      const X = Array.from({ length: 15 }, () => Math.floor((r() + 1) * 3.5)), Y = Array.from({ length: 15 }, () => Math.floor((r() + 1) * 3.5));
      const W = Array.from({ length: 15 }, (_, i) => (i % 5 < 4 ? 1 : 0));
      prog.input('X').set(X); prog.input('Y').set(Y); prog.input('W').set(W);
      prog.run();
      const env = new Map<string, ArrayLike<number>>([['X', X], ['Y', Y], ['W', W], ...params.map((p) => [p.name, Array.from(p.data)] as [string, number[]])]);
      const ref = evaluateTensors([loss, ...grads], env);
      ref.forEach((v, k) => {
        const got = prog.output(k);
        let scale = 0;
        for (const x of v.data) scale = Math.max(scale, Math.abs(x));
        for (let i = 0; i < v.data.length; i++) expect(Math.abs(got[i]! - v.data[i]!)).toBeLessThanOrEqual(tol * Math.max(1, scale));
      });
    });
  }
});
