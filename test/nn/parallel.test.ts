import { describe, it, expect } from 'vitest';
import { compileParallelStep, type ParallelStep } from '../../src/nn/parallel.js';

const BUILDER = new URL('../../papers/bengio2003.ts', import.meta.url).href;
const make = (workers: number, batch = 8): Promise<ParallelStep> =>
  compileParallelStep({ module: BUILDER, export: 'bengioLoss', args: [27], seed: 5, batch, workers, dtype: 'float32', optimizer: { kind: 'adam' } });

/** The same global batches for every run: step k's contexts and targets. */
function fill(s: ParallelStep, k: number): void {
  const X = s.input('X'), y = s.input('y');
  for (let i = 0; i < X.length; i++) X[i] = (i * 7 + k * 3 + (i >> 2)) % 27;
  for (let i = 0; i < y.length; i++) y[i] = (i * 5 + k) % 27;
}

async function train(workers: number, steps: number): Promise<{ losses: number[]; params: Map<string, Float32Array> }> {
  const s = await make(workers);
  try {
    const losses: number[] = [];
    for (let k = 0; k < steps; k++) { fill(s, k); losses.push(s.step(0.01)); }
    return { losses, params: new Map([...s.params].map(([n, p]) => [n, Float32Array.from(p)])) };
  } finally {
    await s.close();
  }
}

describe('data-parallel training over worker threads', () => {
  it('the 2-worker step equals the 1-worker step on the same global batch (float32: relative 1e-5)', async () => {
    const one = await train(1, 4), two = await train(2, 4);
    one.losses.forEach((l, k) => expect(Math.abs(two.losses[k]! - l)).toBeLessThanOrEqual(1e-5 * Math.abs(l)));
    for (const [name, p] of one.params) {
      const q = two.params.get(name)!;
      let scale = 0, diff = 0;
      for (let i = 0; i < p.length; i++) { scale = Math.max(scale, Math.abs(p[i]!)); diff = Math.max(diff, Math.abs(p[i]! - q[i]!)); }
      expect(diff, name).toBeLessThanOrEqual(1e-5 * scale);
    }
    // and the steps did move the parameters
    expect(one.losses[3]).not.toBe(one.losses[0]);
  }, 60_000);

  it('is deterministic for a given seed and number of workers (bit for bit)', async () => {
    const a = await train(2, 3), b = await train(2, 3);
    expect(b.losses).toEqual(a.losses);
    for (const [name, p] of a.params) expect(b.params.get(name), name).toEqual(p);
  }, 60_000);

  it('says why when the batch does not split into equal shards', async () => {
    await expect(make(3, 8)).rejects.toThrow(/multiple of the number of workers/);
  });
});
