/**
 * Bengio, Ducharme, Vincent & Jauvin (2003), "A neural probabilistic language model", JMLR 3, at the scale of
 * the makemore reproduction on names.txt: characters, block size 3, 10-dimensional embeddings, 200 tanh hidden
 * units (11,897 parameters), 200,000 SGD steps of batch 32 with lr 0.1 then 0.01 after 100,000, 80/10/10
 * split after a seeded shuffle. The add-one smoothed bigram model is printed first as the baseline.
 */
import { Model } from '../src/nn/model.js';
import { crossEntropy } from '../src/nn/losses.js';
import { compileEval, compileStep, trainLoop } from '../src/nn/train.js';
import { stepLr } from '../src/nn/optim.js';
import { add, call, type Expr } from '../src/ast/expr.js';
import { gather, matmul, reshape, tensor } from '../src/nn/tensor.js';
import { bigramNll, charDataset, loadNames, loadNamesOrFallback, splitWords, vocabulary, type CharDataset } from '../src/nn/data/names.js';
import { Rng } from '../src/stats/rng.js';

export interface BengioOptions {
  readonly steps?: number;
  /** Step at which the learning rate drops from 0.1 to 0.01 (default: half of `steps`). */
  readonly decayAt?: number;
  readonly data?: string;
  readonly seed?: number;
  readonly dtype?: 'float32' | 'float64';
  /** Use a stand-in word list when names.txt is missing (tests); otherwise a missing file is an error. */
  readonly fallback?: boolean;
  readonly log?: (line: string) => void;
  /**
   * 'normal' (default): every parameter N(0, 1), as in the makemore reproduction. 'scaled': W1 with tanh's
   * Kaiming gain 5/3 ÷ √fan-in, small output layer (×0.01, bias 0) — converges in far fewer steps (for tests).
   */
  readonly init?: 'normal' | 'scaled';
  /** Evaluate on at most this many examples of each split (default: all). */
  readonly evalLimit?: number;
}

export interface BengioResult {
  readonly source: string; readonly words: number; readonly bigram: number; readonly params: number;
  readonly train: number; readonly dev: number; readonly test: number; readonly stepsPerSecond: number;
  readonly compileMs: number; readonly seconds: number;
}

const BLOCK = 3, EMB = 10, HIDDEN = 200;

/** The network's mean cross-entropy on a batch of `b` contexts (inputs X [b, 3] and y [b]). */
export function bengioLoss(m: Model, b: number, vocab: number, init: 'normal' | 'scaled' = 'normal'): Expr {
  const scaled = init === 'scaled';
  const C = m.param('C', [vocab, EMB], { normal: 1 });
  const W1 = m.param('W1', [BLOCK * EMB, HIDDEN], { normal: scaled ? 5 / 3 / Math.sqrt(BLOCK * EMB) : 1 });
  const b1 = m.param('b1', [HIDDEN], { normal: scaled ? 0.01 : 1 });
  const W2 = m.param('W2', [HIDDEN, vocab], { normal: scaled ? 0.01 : 1 });
  const b2 = m.param('b2', [vocab], scaled ? 'zeros' : { normal: 1 });
  const emb = reshape(gather(C, tensor('X', [b, BLOCK])), [b, BLOCK * EMB]);
  const h = call('tanh', [add(matmul(emb, W1), b1)]);
  return crossEntropy(add(matmul(h, W2), b2), tensor('y', [b]));
}

/** Mean loss of the model over a whole dataset, in chunks (a compiled program per chunk size). */
export function datasetLoss(m: Model, d: CharDataset, vocab: number, limit = Infinity, chunk = 2000): number {
  const progs = new Map<number, ReturnType<typeof compileEval>>();
  let total = 0;
  const n = Math.min(d.n, limit);
  for (let at = 0; at < n; at += chunk) {
    const b = Math.min(chunk, n - at);
    let p = progs.get(b);
    if (p === undefined) progs.set(b, (p = compileEval(m, [bengioLoss(m, b, vocab)])));
    p.input('X').set(d.X.subarray(at * BLOCK, (at + b) * BLOCK));
    p.input('y').set(d.Y.subarray(at, at + b));
    p.run();
    total += p.output(0)[0]! * b;
  }
  return total / n;
}

export function runBengio(o: BengioOptions = {}): BengioResult {
  const log = o.log ?? (() => {});
  const { words, source } = o.fallback === true ? loadNamesOrFallback(o.data) : loadNames(o.data);
  const bigram = bigramNll(words);
  log(`data: ${words.length} words from ${source}`);
  log(`add-one smoothed bigram baseline (all words): ${bigram.toFixed(4)} nats/char`);
  const vocab = vocabulary(words);
  const V = vocab.length;
  const split = splitWords(words, o.seed ?? 42);
  const [tr, dv, te] = [split.train, split.dev, split.test].map((w) => charDataset(w, vocab, BLOCK)) as [CharDataset, CharDataset, CharDataset];
  const m = new Model(o.seed ?? 2147483647, o.dtype ?? 'float64');
  const B = 32;
  const step = compileStep(m, bengioLoss(m, B, V, o.init), { optimizer: { kind: 'sgd' } });
  log(`model: ${m.parameterCount} parameters; training step compiled in ${step.compileMs.toFixed(0)} ms (${step.program.kernels} kernels)`);
  const steps = o.steps ?? 200_000;
  const rng = new Rng((o.seed ?? 42) + 1);
  const X = step.input('X'), y = step.input('y');
  const res = trainLoop(step, {
    steps,
    lr: stepLr(0.1, [[o.decayAt ?? Math.floor(steps / 2), 0.01]]),
    batch: () => {
      for (let r = 0; r < B; r++) {
        const i = rng.int(tr.n);
        for (let c = 0; c < BLOCK; c++) X[r * BLOCK + c] = tr.X[i * BLOCK + c]!;
        y[r] = tr.Y[i]!;
      }
    },
    log,
    every: Math.max(1, Math.floor(steps / 10)),
  });
  const lim = o.evalLimit ?? Infinity;
  const train = datasetLoss(m, tr, V, lim), dev = datasetLoss(m, dv, V, lim), test = datasetLoss(m, te, V, lim);
  log(`train ${train.toFixed(4)}  dev ${dev.toFixed(4)}  test ${test.toFixed(4)}  (${res.stepsPerSecond.toFixed(0)} steps/s, ${res.seconds.toFixed(1)} s)`);
  return { source, words: words.length, bigram, params: m.parameterCount, train, dev, test, stepsPerSecond: res.stepsPerSecond, compileMs: step.compileMs, seconds: res.seconds };
}
