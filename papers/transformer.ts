/**
 * The makemore transformer (Karpathy's makemore, `--type transformer`): a GPT of 4 layers, 4 heads, 64
 * channels over the characters of names.txt, block 16 (longest name + 1), batch 32, AdamW with lr 5e-4,
 * weight decay 0.01 on every parameter, betas 0.9/0.99, eps 1e-8, no schedule. The test set is the last 1,000
 * words of a seeded permutation; the losses are means of 10 batches of 100 words, every 500 steps. PyTorch
 * 1.13 on one thread, on the same model and data: test 2.013 at 5k steps, 1.972 at 10k, best 1.966 near 15k.
 */
import { loadNamesOrFallback } from '../src/nn/data/names.js';
import { WordModel, alphabetOf, splitTest } from '../src/nn/wordlm.js';
import { Rng } from '../src/stats/rng.js';

export interface TransformerOptions {
  readonly steps?: number;
  readonly data?: string;
  readonly seed?: number;
  readonly layers?: number; readonly heads?: number; readonly embd?: number; readonly batch?: number;
  readonly dtype?: 'float32' | 'float64';
  /** Evaluate every this many steps (default 500). */
  readonly evalEvery?: number;
  readonly samples?: number;
  readonly log?: (line: string) => void;
}

export interface TransformerResult {
  readonly source: string; readonly params: number; readonly train: number; readonly test: number;
  readonly curve: readonly { step: number; train: number; test: number }[];
  readonly samples: readonly string[]; readonly stepsPerSecond: number; readonly seconds: number;
}

/** PyTorch's test losses on this model (1 thread), by step. */
export const PYTORCH_TEST: ReadonlyMap<number, number> = new Map([[5000, 2.013], [10000, 1.972], [15000, 1.966]]);

export function runTransformer(o: TransformerOptions = {}): TransformerResult {
  const log = o.log ?? (() => {});
  const seed = o.seed ?? 3407;
  const { words, source } = loadNamesOrFallback(o.data);
  const { train, test } = splitTest(words, seed);
  const wm = new WordModel(alphabetOf(words), { layers: o.layers ?? 4, heads: o.heads ?? 4, embd: o.embd ?? 64, batch: o.batch ?? 32, seed, dtype: o.dtype ?? 'float32' });
  const c = wm.config;
  log(`data: ${words.length} words from ${source}; ${train.length} train, ${test.length} test; vocabulary ${c.vocab}, block ${c.block}`);
  log(`model: GPT ${c.layers} layers, ${c.heads} heads, embd ${c.embd}: ${wm.model.parameterCount} parameters (${wm.model.dtype})`);
  const step = wm.step;
  log(`training step compiled in ${step.compileMs.toFixed(0)} ms (${step.program.kernels} kernels, ${(step.program.scratchBytes / 2 ** 20).toFixed(1)} MiB scratch)`);
  const steps = o.steps ?? 10_000;
  const every = o.evalEvery ?? 500;
  const rng = new Rng(seed + 1), evalRng = new Rng(seed + 2);
  const curve: { step: number; train: number; test: number }[] = [];
  let trainSeconds = 0, done = 0;
  log('  step   train    test   PyTorch test');
  const checkpoint = (): void => {
    const tr = wm.evaluate(train, evalRng), te = wm.evaluate(test, evalRng);
    curve.push({ step: done, train: tr, test: te });
    const ref = PYTORCH_TEST.get(done);
    log(`${String(done).padStart(6)}  ${tr.toFixed(4)}  ${te.toFixed(4)}   ${ref === undefined ? '' : ref.toFixed(3)}`);
  };
  while (done < steps) {
    const n = Math.min(every - (done % every), steps - done);
    const r = wm.train(train, n, { rng, lr: () => 5e-4 });
    trainSeconds += r.seconds;
    done += n;
    if (done % every === 0 || done === steps) checkpoint();
  }
  const best = curve.reduce((a, b) => (b.test < a.test ? b : a), curve[0]!);
  log(`best test ${best.test.toFixed(4)} at step ${best.step} (PyTorch: 2.013 at 5k, 1.972 at 10k, best 1.966 near 15k)`);
  const samples = wm.sample(o.samples ?? 20, new Rng(seed + 3));
  const trainSet = new Set(train), testSet = new Set(test);
  log(`${samples.length} samples (* in train, + in test):`);
  log(samples.map((s) => `${s === '' ? '(empty)' : s}${trainSet.has(s) ? '*' : testSet.has(s) ? '+' : ''}`).join(' '));
  const last = curve[curve.length - 1]!;
  const rate = steps / trainSeconds;
  log(`train ${last.train.toFixed(4)}  test ${last.test.toFixed(4)}  (${rate.toFixed(1)} steps/s, ${trainSeconds.toFixed(0)} s)`);
  return { source, params: wm.model.parameterCount, train: last.train, test: last.test, curve, samples, stepsPerSecond: rate, seconds: trainSeconds };
}
