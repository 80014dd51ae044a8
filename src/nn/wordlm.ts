/**
 * A character-level language model over a list of words, as makemore frames it: index 0 marks both the start
 * and the end of a word, the letters are 1…V−1 in sorted order, and a word w of length n is the input
 * [0, w₁, …, wₙ, 0, …] with targets [w₁, …, wₙ, 0, ignored, …] over block = longest word + 1 positions.
 * Training draws a batch of words with replacement; evaluation is the mean loss of batches of distinct words
 * drawn without replacement; sampling feeds each drawn letter back until the end mark.
 */
import type { Expr } from '../ast/expr.js';
import { Rng } from '../stats/rng.js';
import { NnError } from './errors.js';
import { gptLogits, gptLoss, type GptConfig } from './gpt.js';
import { Model } from './model.js';
import { decayWeightsOnly, type Schedule } from './optim.js';
import { compileEval, compileStep, type TrainStep } from './train.js';
import { tensor } from './tensor.js';
import type { DType, TensorProgram } from './compile/program.js';

export interface Alphabet { readonly chars: readonly string[]; readonly block: number }

/** The sorted characters of the words and the block size (longest word + 1). */
export function alphabetOf(words: readonly string[]): Alphabet {
  if (words.length === 0) throw new NnError('no words to learn from');
  const set = new Set<string>();
  let longest = 0;
  for (const w of words) {
    for (const ch of w) set.add(ch);
    longest = Math.max(longest, [...w].length);
  }
  return { chars: [...set].sort(), block: longest + 1 };
}

/** Write word `w` into row `r` of X (inputs), Y (targets, 0 where ignored) and W (1 where the target counts). */
export function encodeWord(a: Alphabet, w: string, r: number, X: ArrayLike<number> & { [k: number]: number }, Y: typeof X, Wt: typeof X): void {
  const T = a.block, o = r * T;
  const ix = [...w].map((ch) => {
    const k = a.chars.indexOf(ch);
    if (k < 0) throw new NnError(`the character '${ch}' of '${w}' is not in the model's alphabet`);
    return k + 1;
  });
  if (ix.length >= T) throw new NnError(`'${w}' is longer than the model's ${T - 1} letters`);
  for (let t = 0; t < T; t++) {
    X[o + t] = t === 0 ? 0 : t <= ix.length ? ix[t - 1]! : 0;
    Y[o + t] = t < ix.length ? ix[t]! : 0;
    Wt[o + t] = t <= ix.length ? 1 : 0;
  }
}

export interface WordModelOptions {
  readonly layers?: number; readonly heads?: number; readonly embd?: number; readonly block?: number;
  readonly seed?: number; readonly dtype?: DType; readonly batch?: number;
  readonly lr?: number; readonly weightDecay?: number; readonly beta1?: number; readonly beta2?: number; readonly eps?: number;
  /** 'all' (makemore: AdamW over every parameter) or 'weights' (no decay on biases, gains and embeddings). */
  readonly decay?: 'all' | 'weights';
  readonly clipNorm?: number;
}

/** A GPT over the characters of a word list, with its compiled training step and evaluation programs. */
export class WordModel {
  readonly model: Model;
  readonly config: GptConfig;
  readonly alphabet: Alphabet;
  readonly batch: number;
  readonly opts: WordModelOptions;
  private stepFn: TrainStep | undefined;
  private readonly evals = new Map<number, TensorProgram>();
  private sampler: { n: number; prog: TensorProgram } | undefined;
  steps = 0;

  constructor(alphabet: Alphabet, o: WordModelOptions = {}) {
    this.alphabet = alphabet;
    this.opts = o;
    this.config = { vocab: alphabet.chars.length + 1, block: o.block ?? alphabet.block, layers: o.layers ?? 4, heads: o.heads ?? 4, embd: o.embd ?? 64 };
    if (this.config.block < alphabet.block) throw new NnError(`block ${this.config.block} is shorter than the longest word + 1 (${alphabet.block})`);
    this.model = new Model(o.seed ?? 3407, o.dtype ?? 'float32');
    this.batch = o.batch ?? 32;
    gptLogits(this.model, this.config, tensor('X', [1, this.config.block])); // declares the parameters
  }

  /** The compiled training step (built on first use): AdamW with makemore's defaults unless told otherwise. */
  get step(): TrainStep {
    if (this.stepFn === undefined) {
      const o = this.opts;
      this.stepFn = compileStep(this.model, gptLoss(this.model, this.config, this.batch), {
        optimizer: { kind: 'adamw', beta1: o.beta1 ?? 0.9, beta2: o.beta2 ?? 0.99, eps: o.eps ?? 1e-8, weightDecay: o.weightDecay ?? 0.01 },
        decay: o.decay === 'weights' ? decayWeightsOnly : undefined,
        clipNorm: o.clipNorm,
      });
    }
    return this.stepFn;
  }

  private fill(p: { input(name: string): ArrayLike<number> & { [k: number]: number } }, words: readonly string[]): void {
    const X = p.input('X'), Y = p.input('Y'), W = p.input('W');
    const a: Alphabet = { chars: this.alphabet.chars, block: this.config.block };
    words.forEach((w, r) => encodeWord(a, w, r, X, Y, W));
  }

  /** One training step on a batch of words drawn with replacement; returns the batch loss. */
  trainStep(words: readonly string[], rng: Rng, lr: number): number {
    const s = this.step;
    const batch = Array.from({ length: this.batch }, () => words[rng.int(words.length)]!);
    this.fill(s, batch);
    this.steps++;
    return s.step(lr);
  }

  /** Train for `steps` steps; `log` gets a progress line every `every` steps. */
  train(words: readonly string[], steps: number, o: { rng: Rng; lr?: Schedule; log?: (s: string) => void; every?: number; onStep?: (k: number) => void }): { loss: number; stepsPerSecond: number; seconds: number } {
    const lr = o.lr ?? ((): number => this.opts.lr ?? 5e-4);
    const t0 = performance.now();
    let last = NaN, acc = 0, n = 0, tMark = t0, kMark = 0;
    const every = o.every ?? Math.max(1, Math.floor(steps / 10));
    for (let k = 0; k < steps; k++) {
      last = this.trainStep(words, o.rng, lr(this.steps));
      if (!Number.isFinite(last)) throw new NnError(`the loss became ${last} at step ${this.steps}; try a smaller learning rate`);
      acc += last; n++;
      o.onStep?.(k + 1);
      if (o.log !== undefined && ((k + 1) % every === 0 || k + 1 === steps)) {
        const now = performance.now();
        o.log(`step ${String(this.steps).padStart(String(steps).length)}  loss ${(acc / n).toFixed(4)}  lr ${lr(this.steps - 1).toPrecision(3)}  ${((k + 1 - kMark) / ((now - tMark) / 1000)).toFixed(1)} steps/s`);
        acc = 0; n = 0; tMark = now; kMark = k + 1;
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    return { loss: last, stepsPerSecond: steps / seconds, seconds };
  }

  /** Mean loss over `batches` batches of `size` distinct words drawn (without replacement) from `words`. */
  evaluate(words: readonly string[], rng: Rng, batches = 10, size = 100): number {
    const b = Math.min(size, words.length);
    let p = this.evals.get(b);
    if (p === undefined) this.evals.set(b, (p = compileEval(this.model, [gptLoss(this.model, this.config, b)])));
    const order = [...words.keys()];
    let at = order.length, total = 0;
    for (let k = 0; k < batches; k++) {
      if (at + b > order.length) { // a new epoch: reshuffle
        for (let i = order.length - 1; i > 0; i--) { const j = rng.int(i + 1); [order[i], order[j]] = [order[j]!, order[i]!]; }
        at = 0;
      }
      this.fill(p, order.slice(at, at + b).map((i) => words[i]!));
      at += b;
      p.run();
      total += p.output(0)[0]!;
    }
    return total / batches;
  }

  /** The logits program of n sequences (built once per n). */
  logitsProgram(n: number): TensorProgram {
    if (this.sampler === undefined || this.sampler.n !== n) {
      this.sampler = { n, prog: compileEval(this.model, [gptLogits(this.model, this.config, tensor('X', [n, this.config.block]))]) };
    }
    return this.sampler.prog;
  }

  /** n words sampled letter by letter from the model (temperature 1), each stopped at the end mark. */
  sample(n: number, rng: Rng): string[] {
    if (!Number.isInteger(n) || n < 1) throw new NnError(`sample: the number of words must be a positive whole number, got ${n}`);
    const T = this.config.block, V = this.config.vocab;
    const p = this.logitsProgram(n);
    const X = p.input('X');
    X.fill(0);
    const done = new Array<boolean>(n).fill(false);
    const out: string[] = new Array<string>(n).fill('');
    for (let t = 0; t < T - 1 && done.some((d) => !d); t++) {
      p.run();
      const L = p.output(0);
      for (let r = 0; r < n; r++) {
        if (done[r]) continue;
        const o = (r * T + t) * V;
        let m = -Infinity;
        for (let v = 0; v < V; v++) m = Math.max(m, L[o + v]!);
        let z = 0;
        for (let v = 0; v < V; v++) z += Math.exp(L[o + v]! - m);
        let u = rng.next() * z, pick = V - 1;
        for (let v = 0; v < V; v++) {
          u -= Math.exp(L[o + v]! - m);
          if (u <= 0) { pick = v; break; }
        }
        if (pick === 0) done[r] = true;
        else { out[r] += this.alphabet.chars[pick - 1]!; X[r * T + t + 1] = pick; }
      }
    }
    return out;
  }

  /** Logits of one batch of token rows (for checks and export). */
  logitsOf(rows: readonly (readonly number[])[]): Float64Array {
    const p = this.logitsProgram(rows.length);
    const X = p.input('X');
    X.fill(0);
    rows.forEach((r, i) => r.forEach((v, t) => { X[i * this.config.block + t] = v; }));
    p.run();
    return Float64Array.from(p.output(0));
  }

  /** The logits expression of `n` sequences with input leaf 'X' [n, block]. */
  logitsExpr(n: number): Expr {
    return gptLogits(this.model, this.config, tensor('X', [n, this.config.block]));
  }
}

/** makemore's split: a seeded permutation, the last min(1000, 10%) words are the test set. */
export function splitTest(words: readonly string[], seed: number): { train: string[]; test: string[] } {
  const rng = new Rng(seed);
  const order = [...words.keys()];
  for (let i = order.length - 1; i > 0; i--) { const j = rng.int(i + 1); [order[i], order[j]] = [order[j]!, order[i]!]; }
  const nTest = Math.min(1000, Math.floor(words.length * 0.1));
  return { train: order.slice(0, order.length - nTest).map((i) => words[i]!), test: order.slice(order.length - nTest).map((i) => words[i]!) };
}
