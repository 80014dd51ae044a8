/**
 * Optimisers, generated as one loop per parameter over its entries and its gradient: plain SGD; momentum as in
 * Rumelhart, Hinton & Williams (1986) (Δw(t) = −ε ∂E/∂w + α Δw(t−1)); Adam (Kingma & Ba (2015), "Adam: a method
 * for stochastic optimization", with bias correction); AdamW (Loshchilov & Hutter (2019), "Decoupled weight
 * decay regularization"). State lives in arrays allocated once.
 */
import { NnError } from './errors.js';
import { makeBuffer, type Buffer, type DType } from './compile/program.js';

export type Optimizer =
  | { readonly kind: 'sgd' }
  | { readonly kind: 'momentum'; readonly momentum?: number }
  | { readonly kind: 'adam' | 'adamw'; readonly beta1?: number; readonly beta2?: number; readonly eps?: number; readonly weightDecay?: number };

/** Apply one update with learning rate `lr` at step `t` (1, 2, …). */
export type Update = (lr: number, t: number) => void;

/**
 * `decays[k]` says whether parameter k is weight-decayed (a parameter group; all are by default, as in
 * PyTorch's AdamW over `model.parameters()`).
 */
export function compileUpdate(params: readonly Buffer[], grads: readonly Buffer[], opt: Optimizer, dtype: DType, decays?: readonly boolean[]): Update {
  const state: Buffer[] = [];
  const S = (n: number): string => {
    state.push(makeBuffer(dtype, n));
    return `S[${state.length - 1}]`;
  };
  const lines: string[] = [];
  let pre = '';
  if (opt.kind === 'adam' || opt.kind === 'adamw') {
    const b1 = opt.beta1 ?? 0.9, b2 = opt.beta2 ?? 0.999, eps = opt.eps ?? 1e-8;
    const wd = opt.weightDecay ?? (opt.kind === 'adamw' ? 0.01 : 0);
    if (!(b1 >= 0 && b1 < 1 && b2 >= 0 && b2 < 1)) throw new NnError(`Adam's β1 and β2 must lie in [0, 1), got ${b1} and ${b2}`);
    pre = `const c1 = 1 / (1 - Math.pow(${b1}, t)), c2 = 1 / (1 - Math.pow(${b2}, t));`;
    params.forEach((p, k) => {
      const m = S(p.length), v = S(p.length);
      const on = decays?.[k] ?? true;
      const decay = opt.kind === 'adamw' && wd !== 0 && on ? `p[i] -= lr * ${wd} * p[i]; ` : '';
      const g = opt.kind === 'adam' && wd !== 0 && on ? `g[i] + ${wd} * p[i]` : 'g[i]';
      lines.push(`{ const p = P[${k}], g = G[${k}], m = ${m}, v = ${v};
  for (let i = 0; i < ${p.length}; i++) { const gi = ${g}; ${decay}m[i] = ${b1} * m[i] + ${1 - b1} * gi; v[i] = ${b2} * v[i] + ${1 - b2} * gi * gi;
    p[i] -= lr * (m[i] * c1) / (Math.sqrt(v[i] * c2) + ${eps}); } }`);
    });
  } else if (opt.kind === 'momentum') {
    const a = opt.momentum ?? 0.9;
    if (!(a >= 0 && a < 1)) throw new NnError(`momentum must lie in [0, 1), got ${a}`);
    params.forEach((p, k) => {
      const v = S(p.length);
      lines.push(`{ const p = P[${k}], g = G[${k}], v = ${v}; for (let i = 0; i < ${p.length}; i++) { v[i] = ${a} * v[i] - lr * g[i]; p[i] += v[i]; } }`);
    });
  } else if (opt.kind === 'sgd') {
    params.forEach((p, k) => lines.push(`{ const p = P[${k}], g = G[${k}]; for (let i = 0; i < ${p.length}; i++) p[i] -= lr * g[i]; }`));
  } else {
    throw new NnError(`unknown optimiser ${JSON.stringify(opt)}`);
  }
  // Generated from the parameter sizes above, so each loop has its bounds written in.
  return new Function('P', 'G', 'S', `return function update(lr, t) { ${pre}\n${lines.join('\n')} };`)(params, grads, state) as Update;
}

/** A learning rate as a function of the step number (0-based). */
export type Schedule = (step: number) => number;
export const constantLr = (lr: number): Schedule => () => lr;
/** lr0 until the first boundary, then each following rate from its boundary on. */
export const stepLr = (lr0: number, changes: readonly (readonly [number, number])[]): Schedule => (s) => {
  let lr = lr0;
  for (const [at, v] of changes) if (s >= at) lr = v;
  return lr;
};
export const exponentialLr = (lr0: number, gamma: number): Schedule => (s) => lr0 * Math.pow(gamma, s);
/** Cosine annealing (Loshchilov & Hutter (2017), SGDR) from lr0 to lrMin over `total` steps. */
export const cosineLr = (lr0: number, total: number, lrMin = 0): Schedule => (s) =>
  lrMin + 0.5 * (lr0 - lrMin) * (1 + Math.cos(Math.PI * Math.min(s, total) / total));
/** Linear warm-up over the first n steps, then `after`. */
export const warmupLr = (n: number, after: Schedule): Schedule => (s) => (s < n ? after(s) * (s + 1) / n : after(s));

/**
 * Scale the gradients in place so that their joint Euclidean norm is at most `maxNorm` (Pascanu, Mikolov &
 * Bengio (2013)); returns the norm before clipping.
 */
export function clipGradNorm(grads: readonly Buffer[], maxNorm: number): number {
  let s = 0;
  for (const g of grads) for (let i = 0; i < g.length; i++) s += g[i]! * g[i]!;
  const norm = Math.sqrt(s);
  if (norm > maxNorm) {
    const c = maxNorm / (norm + 1e-6);
    for (const g of grads) for (let i = 0; i < g.length; i++) g[i] *= c;
  }
  return norm;
}

/** Weight decay only on weight matrices: not on biases, layer-norm gains or embeddings (minGPT's groups). */
export const decayWeightsOnly = (p: { readonly kind: string }): boolean => p.kind === 'weight';

/** Linear warm-up over `warmup` steps to lr0, then cosine decay to lrMin at step `total` (and lrMin after). */
export const warmupCosineLr = (lr0: number, warmup: number, total: number, lrMin = 0): Schedule => (s) => {
  if (s < warmup) return lr0 * (s + 1) / warmup;
  if (s >= total) return lrMin;
  return lrMin + 0.5 * (lr0 - lrMin) * (1 + Math.cos(Math.PI * (s - warmup) / Math.max(1, total - warmup)));
};
