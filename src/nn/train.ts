/**
 * The compiled training step: forward pass, gradients by reverse mode (as expressions), and the optimiser
 * update, lowered once into JavaScript kernels over the model's own arrays. A step fills nothing but the
 * batch (and any dropout masks), runs the kernels and updates the parameters in place: no allocation.
 */
import type { Expr } from '../ast/expr.js';
import { NnError } from './errors.js';
import { gradients } from './grad.js';
import type { Model, Param } from './model.js';
import { compileTensors, type Buffer, type TensorProgram } from './compile/program.js';
import { clipGradNorm, compileUpdate, type Optimizer, type Schedule, type Update } from './optim.js';

export interface StepOptions {
  readonly optimizer?: Optimizer;
  /** Which parameters are weight-decayed (default: all); e.g. `decayWeightsOnly`. */
  readonly decay?: (p: Param) => boolean;
  /** Clip the gradients' joint norm to this before each update. */
  readonly clipNorm?: number;
}

export interface TrainStep {
  /** One step with learning rate lr; returns the batch loss (before the update). */
  step(lr: number): number;
  /** The array of an input tensor (a batch tensor the caller fills before each step). */
  input(name: string): Buffer;
  readonly program: TensorProgram;
  readonly gradients: readonly Expr[];
  /** Milliseconds to differentiate, plan, generate and compile. */
  readonly compileMs: number;
  readonly steps: number;
  /** The gradients' norm before clipping at the last step (NaN without clipping). */
  readonly gradNorm: number;
}

export function compileStep(model: Model, loss: Expr, opts: StepOptions = {}): TrainStep {
  const t0 = performance.now();
  const params = [...model.params.values()];
  if (params.length === 0) throw new NnError('the model has no parameters to train');
  const grads = gradients(loss, params.map((p) => p.expr));
  const stats = [...model.stats.values()];
  const bind = new Map<string, Buffer>(params.map((p) => [p.name, p.data]));
  const program = compileTensors([loss, ...grads, ...stats.map((s) => s.batchStat)], { dtype: model.dtype, bind });
  const gradBufs = grads.map((_, k) => program.output(1 + k));
  const decays = opts.decay === undefined ? undefined : params.map(opts.decay);
  const update: Update = compileUpdate(params.map((p) => p.data), gradBufs, opts.optimizer ?? { kind: 'sgd' }, model.dtype, decays);
  const clip = opts.clipNorm;
  if (clip !== undefined && !(clip > 0)) throw new NnError(`the gradient-norm bound must be positive, got ${clip}`);
  let gradNorm = NaN;
  const noise = [...model.noise.values()].filter((n) => program.inputs.has(n.name));
  const statOut = stats.map((s, k) => ({ s, out: program.output(1 + grads.length + k) }));
  const lossOut = program.output(0);
  let t = 0;
  return {
    step(lr: number): number {
      for (const n of noise) n.fill(program.input(n.name), model.rng);
      program.run();
      const l = lossOut[0]!;
      if (clip !== undefined) gradNorm = clipGradNorm(gradBufs, clip);
      update(lr, ++t);
      for (const { s, out } of statOut) {
        const a = s.data, m = s.momentum;
        for (let i = 0; i < a.length; i++) a[i] = (1 - m) * a[i]! + m * out[i]!;
      }
      return l;
    },
    input: (name) => program.input(name),
    program,
    gradients: grads,
    compileMs: performance.now() - t0,
    get steps() { return t; },
    get gradNorm() { return gradNorm; },
  };
}

/** A program computing `outputs` with the model's current parameters (and running statistics) bound. */
export function compileEval(model: Model, outputs: readonly Expr[]): TensorProgram {
  const bind = new Map<string, Buffer>();
  for (const p of model.params.values()) bind.set(p.name, p.data);
  for (const s of model.stats.values()) bind.set(s.name, s.data);
  return compileTensors(outputs, { dtype: model.dtype, bind });
}

export interface LoopOptions {
  readonly steps: number;
  /** Fill the step's input arrays for step k (0-based). */
  readonly batch: (k: number, step: TrainStep) => void;
  readonly lr: Schedule;
  /** Called with a progress line every `every` steps (and at the end). */
  readonly log?: (line: string) => void;
  readonly every?: number;
}

export interface LoopResult { readonly finalLoss: number; readonly meanLastLoss: number; readonly stepsPerSecond: number; readonly seconds: number }

/** Run the step `steps` times, reporting loss and steps per second. */
export function trainLoop(step: TrainStep, o: LoopOptions): LoopResult {
  const every = o.every ?? Math.max(1, Math.floor(o.steps / 20));
  const t0 = performance.now();
  let last = NaN, window = 0, windowN = 0, tMark = t0, kMark = 0;
  for (let k = 0; k < o.steps; k++) {
    o.batch(k, step);
    last = step.step(o.lr(k));
    if (!Number.isFinite(last)) throw new NnError(`the loss became ${last} at step ${k + 1}; try a smaller learning rate`);
    window += last;
    windowN++;
    if (o.log !== undefined && ((k + 1) % every === 0 || k + 1 === o.steps)) {
      const now = performance.now();
      const rate = (k + 1 - kMark) / ((now - tMark) / 1000);
      o.log(progressLine(k + 1, o.steps, window / windowN, o.lr(k), rate));
      tMark = now;
      kMark = k + 1;
      if (k + 1 !== o.steps) { window = 0; windowN = 0; }
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  return { finalLoss: last, meanLastLoss: windowN > 0 ? window / windowN : last, stepsPerSecond: o.steps / seconds, seconds };
}

export function progressLine(k: number, total: number, loss: number, lr: number, rate: number): string {
  const w = String(total).length;
  return `step ${String(k).padStart(w)}/${total}  loss ${loss.toFixed(4)}  lr ${lr.toPrecision(3)}  ${Math.round(rate)} steps/s`;
}
