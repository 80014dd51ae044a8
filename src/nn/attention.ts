/**
 * Attention as expressions (Vaswani et al. (2017), "Attention is all you need"; the decoder-only GPT form of
 * Radford et al. (2018, 2019)). Softmax along an axis is exp(x − logsumexp(x)), so it never overflows; the
 * causal mask is a `where` on the scores, built from the positions of the graph itself: a key j later than the
 * query i (j > i) gets −∞, whose softmax weight is exactly 0 — and the adjoint of `where` passes no gradient to
 * a masked score. Heads are an axis: [.., T, C] → [.., T, H, C/H] → [.., H, T, C/H], so one batched product
 * computes every head's scores. Every derivative comes from the reverse mode; nothing here has a backward.
 */
import { type Expr, call, float, frac, mul, pow } from '../ast/expr.js';
import { showShape } from '../ast/shapes.js';
import { NnError } from './errors.js';
import { linear } from './layers.js';
import type { Init, Model } from './model.js';
import { arange, gt, logsumexp, matmul, permute, reshape, slice, transpose, where } from './tensor.js';
import { sub } from '../ast/expr.js';

/** softmax along `axis`: exp(x − log Σ exp x), the log-sum-exp taken stably (shifted by the maximum). */
export function softmax(x: Expr, axis = -1): Expr {
  return call('exp', [sub(x, logsumexp(x, axis, true))]);
}

/** [T, T] with 1 where key position j comes after query position i (j > i): the entries the causal mask hides. */
export function futureMask(t: number): Expr {
  const pos = arange(t);
  return gt(reshape(pos, [1, t]), reshape(pos, [t, 1]));
}

/** Scores masked so that position i attends only to positions j ≤ i: where(j > i, −∞, s). */
export function causalMask(scores: Expr): Expr {
  const t = scores.shape[scores.shape.length - 1]!;
  return where(futureMask(t), float(-Infinity), scores);
}

/**
 * Scaled dot-product attention of one or many heads: softmax(mask(Q Kᵀ / √d)) V, with Q, K, V of shape
 * [.., T, d] (leading axes are batch and heads).
 */
export function attention(q: Expr, k: Expr, v: Expr, causal = true): Expr {
  const d = q.shape[q.shape.length - 1]!;
  const scores = mul(matmul(q, transpose(k)), pow(frac(d, 1), frac(-1, 2)));
  return matmul(softmax(causal ? causalMask(scores) : scores, -1), v);
}

/** [.., T, C] → [.., H, T, C/H]. */
export function splitHeads(x: Expr, heads: number): Expr {
  const s = x.shape, r = s.length, c = s[r - 1]!;
  const lead = s.slice(0, -1);
  const perm = [...lead.slice(0, -1).map((_, k) => k), r - 1, r - 2, r];
  return permute(reshape(x, [...lead, heads, c / heads]), perm);
}
/** [.., H, T, d] → [.., T, H·d]. */
export function mergeHeads(x: Expr): Expr {
  const s = x.shape, r = s.length;
  const perm = [...s.slice(0, -3).map((_, k) => k), r - 2, r - 3, r - 1];
  const y = permute(x, perm);
  return reshape(y, [...s.slice(0, -3), s[r - 2]!, s[r - 3]! * s[r - 1]!]);
}

export interface AttentionOptions { readonly init?: Init; readonly biasInit?: Init; readonly causal?: boolean }

/**
 * Multi-head causal self-attention on x of shape [.., T, C]: one linear map to queries, keys and values
 * ([C, 3C]), attention per head, heads side by side again, and an output projection [C, C].
 */
export function selfAttention(m: Model, name: string, x: Expr, heads: number, opts: AttentionOptions = {}): Expr {
  const s = x.shape;
  if (s.length < 2) throw new NnError(`self-attention '${name}' needs an input [.., T, C], got ${showShape(s)}`);
  const c = s[s.length - 1]!;
  if (!Number.isInteger(heads) || heads < 1 || c % heads !== 0) throw new NnError(`self-attention '${name}': ${c} channels do not split into ${heads} heads`);
  const init = opts.init ?? { normal: 0.02 };
  const biasInit = opts.biasInit;
  const qkv = linear(m, `${name}.qkv`, x, 3 * c, { init, biasInit });
  const last = s.length - 1;
  const [q, k, v] = [0, 1, 2].map((j) => splitHeads(slice(qkv, last, j * c, (j + 1) * c), heads)) as [Expr, Expr, Expr];
  const y = mergeHeads(attention(q, k, v, opts.causal ?? true));
  return linear(m, `${name}.proj`, y, c, { init, biasInit });
}
