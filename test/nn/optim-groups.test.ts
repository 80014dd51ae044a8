import { describe, it, expect } from 'vitest';
import { clipGradNorm, compileUpdate, decayWeightsOnly, warmupCosineLr } from '../../src/nn/optim.js';
import { Model } from '../../src/nn/model.js';
import { layerNorm, linear, embedding } from '../../src/nn/layers.js';
import { tensor } from '../../src/nn/tensor.js';

describe('AdamW with parameter groups, clipping and the warm-up cosine schedule', () => {
  it('decoupled decay shrinks only the decayed group when the gradient is zero', () => {
    const w = Float64Array.of(2, -4), b = Float64Array.of(3);
    const up = compileUpdate([w, b], [new Float64Array(2), new Float64Array(1)], { kind: 'adamw', weightDecay: 0.1 }, 'float64', [true, false]);
    up(0.5, 1);
    expect(Array.from(w)).toEqual([2 * 0.95, -4 * 0.95]);
    expect(b[0]).toBe(3);
  });
  it('one AdamW step matches the formula with bias correction', () => {
    const p = Float64Array.of(1), g = Float64Array.of(0.3);
    const up = compileUpdate([p], [g], { kind: 'adamw', beta1: 0.9, beta2: 0.99, eps: 1e-8, weightDecay: 0.01 }, 'float64');
    up(1e-3, 1);
    // m̂ = g, v̂ = g², so the step is lr · g/(|g| + eps) after the decay p(1 − lr·wd)
    expect(p[0]).toBeCloseTo(1 * (1 - 1e-5) - 1e-3 * 0.3 / (0.3 + 1e-8), 14);
  });
  it('groups by kind: weights decay; biases, layer-norm gains and embeddings do not', () => {
    const m = new Model(1);
    const x = embedding(m, 'emb', tensor('i', [3]), 5, 4);
    linear(m, 'lin', layerNorm(m, 'ln', x), 2);
    const kinds = Object.fromEntries([...m.params.values()].map((p) => [p.name, decayWeightsOnly(p)]));
    expect(kinds).toEqual({ 'emb': false, 'ln.gain': false, 'ln.bias': false, 'lin.W': true, 'lin.b': false });
  });
  it('clipping scales every gradient by one factor to the bound', () => {
    const a = Float64Array.of(3, 0), b = Float64Array.of(4);
    expect(clipGradNorm([a, b], 1)).toBeCloseTo(5, 14);
    expect(Math.hypot(a[0]!, a[1]!, b[0]!)).toBeCloseTo(1, 6);
    expect(a[0]! / b[0]!).toBeCloseTo(0.75, 14);
    const c = Float64Array.of(0.1);
    clipGradNorm([c], 1);
    expect(c[0]).toBe(0.1);
  });
  it('warm-up is linear, then a cosine from lr0 down to the floor', () => {
    const s = warmupCosineLr(1, 10, 110, 0.1);
    expect(s(0)).toBeCloseTo(0.1, 14);
    expect(s(9)).toBeCloseTo(1, 14);
    expect(s(10)).toBeCloseTo(1, 14);
    expect(s(60)).toBeCloseTo(0.55, 14);
    expect(s(110)).toBeCloseTo(0.1, 14);
    expect(s(500)).toBe(0.1);
  });
});
