/**
 * A GPT (Radford et al. (2019), "Language models are unsupervised multitask learners") as a function of a
 * model and a batch of token indices: token and position embeddings, blocks of pre-norm self-attention and
 * MLP with residual connections, a final layer norm and a linear head without bias — the model of makemore's
 * `Transformer`. The MLP uses GELU's tanh form, as GPT-2 does. The loss of a batch of words ignores the
 * positions past a word's end (weight 0), like PyTorch's `ignore_index`.
 */
import { type Expr, add, call, float, frac, mul, pow, sub } from '../ast/expr.js';
import { NnError } from './errors.js';
import { selfAttention } from './attention.js';
import { layerNorm, linear } from './layers.js';
import type { Init, Model } from './model.js';
import { arange, gather, logsumexp, pick, sum, tensor } from './tensor.js';

export interface GptConfig {
  readonly vocab: number;
  /** Longest context (number of positions). */
  readonly block: number;
  readonly layers: number;
  readonly heads: number;
  readonly embd: number;
  /**
   * 'pytorch' (default, as makemore's Transformer): PyTorch's default initialisation — linear weights and biases
   * U(±1/√fan-in), embeddings N(0, 1). 'gpt2': N(0, 0.02) weights and embeddings, zero biases (minGPT).
   */
  readonly init?: 'pytorch' | 'gpt2';
}

/** GELU in the tanh form of GPT-2: ½ x (1 + tanh(√(2/π) (x + 0.044715 x³))). */
export function geluTanh(x: Expr): Expr {
  const inner = mul(float(Math.sqrt(2 / Math.PI)), add(x, mul(float(0.044715), pow(x, frac(3, 1)))));
  return mul(frac(1, 2), x, add(frac(1, 1), call('tanh', [inner])));
}

export function checkGptConfig(c: GptConfig): void {
  const pos = (n: number, what: string): void => {
    if (!Number.isInteger(n) || n < 1) throw new NnError(`transformer: ${what} must be a positive whole number, got ${n}`);
  };
  pos(c.vocab, 'vocab'); pos(c.block, 'block'); pos(c.layers, 'layers'); pos(c.heads, 'heads'); pos(c.embd, 'embd');
  if (c.embd % c.heads !== 0) throw new NnError(`transformer: embd ${c.embd} is not a multiple of heads ${c.heads}`);
}

/** Logits [.., T, vocab] of the tokens idx [.., T] (T ≤ block). */
export function gptLogits(m: Model, c: GptConfig, idx: Expr): Expr {
  checkGptConfig(c);
  const t = idx.shape[idx.shape.length - 1];
  if (t === undefined || t > c.block) throw new NnError(`transformer: a context of ${t ?? 0} positions, the model has ${c.block}`);
  const gpt2 = c.init === 'gpt2';
  const lin = (fanIn: number): { init: Init; biasInit: Init } => (gpt2
    ? { init: { normal: 0.02 }, biasInit: 'zeros' }
    : { init: { uniform: 1 / Math.sqrt(fanIn) }, biasInit: { uniform: 1 / Math.sqrt(fanIn) } });
  const emb: Init = gpt2 ? { normal: 0.02 } : { normal: 1 };
  const wte = m.param('wte', [c.vocab, c.embd], emb, 'embedding');
  const wpe = m.param('wpe', [c.block, c.embd], emb, 'embedding');
  let x = add(gather(wte, idx), gather(wpe, arange(t)));
  for (let l = 0; l < c.layers; l++) {
    x = add(x, selfAttention(m, `h${l}.attn`, layerNorm(m, `h${l}.ln1`, x), c.heads, lin(c.embd)));
    const h = geluTanh(linear(m, `h${l}.mlp.fc`, layerNorm(m, `h${l}.ln2`, x), 4 * c.embd, lin(c.embd)));
    x = add(x, linear(m, `h${l}.mlp.proj`, h, c.embd, lin(4 * c.embd)));
  }
  return linear(m, 'head', layerNorm(m, 'lnf', x), c.vocab, { bias: false, init: lin(c.embd).init });
}

/**
 * Mean cross-entropy over the positions of weight 1: Σ w (logsumexp z − z_y) / Σ w. Targets at weight-0
 * positions must still be valid indices (0 will do).
 */
export function weightedCrossEntropy(logits: Expr, targets: Expr, weights: Expr): Expr {
  const nll = sub(logsumexp(logits, -1), pick(logits, targets));
  return mul(sum(mul(weights, nll)), pow(sum(weights), frac(-1, 1)));
}

/** The training loss of a batch of b sequences: inputs 'X' [b, block], targets 'Y' and weights 'W' [b, block]. */
export function gptLoss(m: Model, c: GptConfig, b: number): Expr {
  const X = tensor('X', [b, c.block]), Y = tensor('Y', [b, c.block]), W = tensor('W', [b, c.block]);
  return weightedCrossEntropy(gptLogits(m, c, X), Y, W);
}
