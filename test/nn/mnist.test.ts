import { describe, it, expect } from 'vitest';
import { loadMnist, splitMnist, MNIST_PIXELS } from '../../src/nn/data/mnist.js';
import { Model } from '../../src/nn/model.js';
import { mlp } from '../../src/nn/layers.js';
import { crossEntropy } from '../../src/nn/losses.js';
import { tensor } from '../../src/nn/tensor.js';
import { compileEval, compileStep } from '../../src/nn/train.js';
import { Rng } from '../../src/stats/rng.js';

describe('MNIST from the mnist package', () => {
  it('holds 28×28 grey images in [0, 1] with every digit represented, and the seeded order is reproducible', () => {
    const d = loadMnist();
    expect(d.n).toBeGreaterThanOrEqual(9000);
    expect(d.images.length).toBe(d.n * MNIST_PIXELS);
    let lo = Infinity, hi = -Infinity;
    for (const v of d.images) { if (v < lo) lo = v; if (v > hi) hi = v; }
    expect(lo).toBe(0);
    expect(hi).toBeLessThanOrEqual(1);
    expect(hi).toBeGreaterThan(0.9);
    const counts = new Array<number>(10).fill(0);
    for (const l of d.labels) counts[l]!++;
    for (const c of counts) expect(c).toBeGreaterThan(d.n / 20);
    const a = loadMnist({ seed: 5, limit: 50 }), b = loadMnist({ seed: 5, limit: 50 }), c = loadMnist({ seed: 6, limit: 50 });
    expect([...a.labels]).toEqual([...b.labels]);
    expect([...a.images]).toEqual([...b.images]);
    expect([...a.labels]).not.toEqual([...c.labels]);
    expect(() => loadMnist({ limit: 0 })).toThrow(/limit/);
    expect(() => splitMnist(a, 50)).toThrow(/held-out/);
  });

  it('a 784-128-10 ReLU MLP trained 400 SGD steps classifies held-out digits far above chance', () => {
    const { train, test } = splitMnist(loadMnist({ seed: 1, limit: 6000 }), 1000);
    const B = 64;
    const m = new Model(3, 'float32');
    const logits = (b: number): ReturnType<typeof mlp> => mlp(m, 'mlp', tensor('x', [b, 784]), [128, 10], 'relu');
    const step = compileStep(m, crossEntropy(logits(B), tensor('y', [B])), { optimizer: { kind: 'sgd' } });
    const x = step.input('x'), y = step.input('y');
    const rng = new Rng(9);
    for (let k = 0; k < 400; k++) {
      for (let r = 0; r < B; r++) {
        const i = rng.int(train.n);
        x.set(train.images.subarray(i * 784, (i + 1) * 784), r * 784);
        y[r] = train.labels[i]!;
      }
      step.step(0.1);
    }
    const ev = compileEval(m, [logits(test.n)]);
    ev.input('x').set(test.images);
    ev.run();
    const z = ev.output(0);
    // Independent forward pass in plain JavaScript for the first rows (same parameters, double precision).
    const W0 = m.params.get('mlp.0.W')!.data, b0 = m.params.get('mlp.0.b')!.data, W1 = m.params.get('mlp.1.W')!.data, b1 = m.params.get('mlp.1.b')!.data;
    for (let r = 0; r < 5; r++) {
      const h = new Float64Array(128);
      for (let j = 0; j < 128; j++) {
        let s = b0[j]!;
        for (let p = 0; p < 784; p++) s += test.images[r * 784 + p]! * W0[p * 128 + j]!;
        h[j] = Math.max(0, s);
      }
      for (let c = 0; c < 10; c++) {
        let s = b1[c]!;
        for (let j = 0; j < 128; j++) s += h[j]! * W1[j * 10 + c]!;
        expect(Math.abs(z[r * 10 + c]! - s)).toBeLessThan(1e-3 * (1 + Math.abs(s)));
      }
    }
    let right = 0;
    for (let r = 0; r < test.n; r++) {
      let best = 0;
      for (let c = 1; c < 10; c++) if (z[r * 10 + c]! > z[r * 10 + best]!) best = c;
      if (best === test.labels[r]) right++;
    }
    // Chance is 10 %; this short run lands at 89 %.
    expect(right / test.n).toBeGreaterThan(0.8);
  }, 20_000);
});
