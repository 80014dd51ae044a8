/**
 * Layers as small functions over expressions. Activations are compositions of operator-table functions, so
 * their derivatives come from the derivative table: GELU is x Φ(x) with Φ written through erf (Hendrycks &
 * Gimpel (2016)), softplus log(1 + eˣ), sigmoid 1/(1 + e⁻ˣ). Layer norm: Ba, Kiros & Hinton (2016); batch norm:
 * Ioffe & Szegedy (2015) (batch statistics in training, running averages in evaluation); dropout: Srivastava et
 * al. (2014), inverted (kept units scaled by 1/(1 − p) in training, identity in evaluation).
 */
import { type Expr, ONE, HALF, ZERO, add, call, float, frac, mul, neg, pow, sub } from '../ast/expr.js';
import { NnError } from './errors.js';
import type { Init, Model } from './model.js';
import { gather, matmul, mean } from './tensor.js';

export const tanh = (x: Expr): Expr => call('tanh', [x]);
export const relu = (x: Expr): Expr => call('max', [x, ZERO]);
export const sigmoid = (x: Expr): Expr => pow(add(ONE, call('exp', [neg(x)])), num(-1));
export const softplus = (x: Expr): Expr => call('log', [add(ONE, call('exp', [x]))]);
export const gelu = (x: Expr): Expr => mul(HALF, x, add(ONE, call('erf', [mul(pow(num(2), frac(-1, 2)), x)])));
function num(n: number): Expr {
  return frac(n, 1);
}

export type Activation = 'tanh' | 'relu' | 'gelu' | 'sigmoid' | 'softplus' | 'identity';
export const ACTIVATIONS: Record<Activation, (x: Expr) => Expr> = { tanh, relu, gelu, sigmoid, softplus, identity: (x) => x };

export interface LinearOptions { readonly bias?: boolean; readonly init?: Init; readonly biasInit?: Init }

/** x W + b, with W of shape [in, out] (in = x's last axis). */
export function linear(m: Model, name: string, x: Expr, out: number, opts: LinearOptions = {}): Expr {
  const nIn = x.shape[x.shape.length - 1];
  if (nIn === undefined) throw new NnError(`linear '${name}' needs an input with at least one axis`);
  const W = m.param(`${name}.W`, [nIn, out], opts.init ?? 'xavier');
  const y = matmul(x, W);
  return opts.bias === false ? y : add(y, m.param(`${name}.b`, [out], opts.biasInit ?? 'zeros'));
}

/** A multilayer perceptron: linear layers of the given widths with an activation between them. */
export function mlp(m: Model, name: string, x: Expr, widths: readonly number[], act: Activation = 'tanh', init?: Init): Expr {
  let h = x;
  widths.forEach((w, k) => {
    h = linear(m, `${name}.${k}`, h, w, { init: init ?? (act === 'relu' ? 'he' : 'xavier') });
    if (k < widths.length - 1) h = ACTIVATIONS[act](h);
  });
  return h;
}

/** Rows of an embedding table [vocab, dim] picked by integer indices. */
export function embedding(m: Model, name: string, idx: Expr, vocab: number, dim: number, init: Init = { normal: 1 }): Expr {
  return gather(m.param(name, [vocab, dim], init, 'embedding'), idx);
}

/** Normalise over the last axis, then scale and shift (learned gain and bias). */
export function layerNorm(m: Model, name: string, x: Expr, eps = 1e-5): Expr {
  const n = x.shape[x.shape.length - 1]!;
  const mu = mean(x, -1, true);
  const centred = sub(x, mu);
  const variance = mean(pow(centred, num(2)), -1, true);
  const xhat = mul(centred, pow(add(variance, float(eps)), frac(-1, 2)));
  return add(mul(xhat, m.param(`${name}.gain`, [n], 'ones', 'gain')), m.param(`${name}.bias`, [n], 'zeros', 'bias'));
}

/** Batch normalisation over axis 0 with running averages (momentum `mom`) used in evaluation. */
export function batchNorm(m: Model, name: string, x: Expr, eps = 1e-5, mom = 0.1): Expr {
  const n = x.shape[x.shape.length - 1]!;
  const shape = [n];
  let mu: Expr, variance: Expr;
  if (m.training) {
    mu = mean(x, 0);
    variance = mean(pow(sub(x, mu), num(2)), 0);
    m.runningStat(`${name}.mean`, shape, mu, mom, 0);
    m.runningStat(`${name}.var`, shape, variance, mom, 1);
  } else {
    mu = m.runningStat(`${name}.mean`, shape, ZERO, mom, 0);
    variance = m.runningStat(`${name}.var`, shape, ONE, mom, 1);
  }
  const xhat = mul(sub(x, mu), pow(add(variance, float(eps)), frac(-1, 2)));
  return add(mul(xhat, m.param(`${name}.gain`, shape, 'ones', 'gain')), m.param(`${name}.bias`, shape, 'zeros', 'bias'));
}

let dropouts = 0;
/** Inverted dropout with drop probability p (identity when the model is not training). */
export function dropout(m: Model, x: Expr, p: number): Expr {
  if (!(p >= 0 && p < 1)) throw new NnError(`dropout probability must be in [0, 1), got ${p}`);
  if (!m.training || p === 0) return x;
  const keep = 1 / (1 - p);
  const mask = m.noiseInput(`dropout${dropouts++}`, x.shape, (a, rng) => {
    for (let i = 0; i < a.length; i++) a[i] = rng.next() < p ? 0 : keep;
  });
  return mul(x, mask);
}
