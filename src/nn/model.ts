/**
 * A model: its parameters (tensor leaves with their entries), noise inputs refilled every training step
 * (dropout masks) and running statistics updated after each step (batch norm). Layers add to it; the compiled
 * step reads and writes the very arrays held here. Initialisers: Glorot & Bengio (2010) uniform ("Xavier"),
 * He et al. (2015) normal, plain normal/uniform, zeros and ones.
 */
import type { Expr, Shape } from '../ast/expr.js';
import { showShape } from '../ast/shapes.js';
import { Rng } from '../stats/rng.js';
import { NnError } from './errors.js';
import { makeBuffer, type Buffer, type DType } from './compile/program.js';
import { sizeOf, tensor } from './tensor.js';

export type Init =
  | 'xavier' | 'he' | 'zeros' | 'ones'
  | { readonly normal: number } | { readonly uniform: number };

/** What a parameter is for: optimisers may treat the kinds differently (no weight decay on biases and gains). */
export type ParamKind = 'weight' | 'bias' | 'gain' | 'embedding';

export interface Param { readonly name: string; readonly expr: Expr; readonly shape: Shape; readonly data: Buffer; readonly kind: ParamKind }
export interface Noise { readonly name: string; readonly expr: Expr; readonly fill: (a: Buffer, rng: Rng) => void }
export interface RunningStat { readonly name: string; readonly expr: Expr; readonly data: Buffer; readonly batchStat: Expr; readonly momentum: number }

export class Model {
  readonly params = new Map<string, Param>();
  readonly noise = new Map<string, Noise>();
  readonly stats = new Map<string, RunningStat>();
  readonly rng: Rng;
  /** Layers that behave differently in training (dropout, batch norm) read this when the graph is built. */
  training = true;

  constructor(seed = 42, readonly dtype: DType = 'float64') {
    this.rng = new Rng(seed);
  }

  /** Declare (or fetch) a parameter; its entries are drawn now from the model's seeded generator. */
  param(name: string, shape: Shape, init: Init = 'xavier', kind: ParamKind = shape.length >= 2 ? 'weight' : 'bias'): Expr {
    const old = this.params.get(name);
    if (old !== undefined) {
      if (showShape(old.shape) !== showShape(shape)) throw new NnError(`parameter '${name}' exists with shape ${showShape(old.shape)}, asked for ${showShape(shape)}`);
      return old.expr;
    }
    const data = makeBuffer(this.dtype, sizeOf(shape));
    initialise(data, shape, init, this.rng);
    const p: Param = { name, expr: tensor(name, shape), shape, data, kind };
    this.params.set(name, p);
    return p.expr;
  }

  /** An input refilled with fresh noise before every training step. */
  noiseInput(name: string, shape: Shape, fill: Noise['fill']): Expr {
    const e = tensor(name, shape);
    this.noise.set(name, { name, expr: e, fill });
    return e;
  }

  /** A running statistic (an input in evaluation, updated from `batchStat` after each training step). */
  runningStat(name: string, shape: Shape, batchStat: Expr, momentum: number, start: number): Expr {
    let s = this.stats.get(name);
    if (s === undefined) {
      s = { name, expr: tensor(name, shape), data: makeBuffer(this.dtype, sizeOf(shape)).fill(start), batchStat, momentum };
      this.stats.set(name, s);
    } else if (s.batchStat !== batchStat) {
      s = { ...s, batchStat };
      this.stats.set(name, s);
    }
    return s.expr;
  }

  get parameterCount(): number {
    let n = 0;
    for (const p of this.params.values()) n += p.data.length;
    return n;
  }
}

export function initialise(a: Buffer, shape: Shape, init: Init, rng: Rng): void {
  const fanIn = shape.length >= 2 ? shape[shape.length - 2]! : shape[0] ?? 1;
  const fanOut = shape[shape.length - 1] ?? 1;
  if (init === 'zeros') a.fill(0);
  else if (init === 'ones') a.fill(1);
  else if (init === 'xavier') {
    const r = Math.sqrt(6 / (fanIn + fanOut));
    for (let i = 0; i < a.length; i++) a[i] = (2 * rng.next() - 1) * r;
  } else if (init === 'he') {
    const s = Math.sqrt(2 / fanIn);
    for (let i = 0; i < a.length; i++) a[i] = rng.normal() * s;
  } else if ('normal' in init) {
    for (let i = 0; i < a.length; i++) a[i] = rng.normal() * init.normal;
  } else {
    for (let i = 0; i < a.length; i++) a[i] = (2 * rng.next() - 1) * init.uniform;
  }
}
