/**
 * Data-parallel training over worker threads. The global batch is cut into equal shards along its first axis;
 * every replica (the calling thread and W − 1 workers) builds the same model from the same builder, compiles
 * the loss and its gradients for one shard, and reads the parameters and its shard of the inputs from one
 * SharedArrayBuffer, so nothing is copied to start a step. After the forward and backward passes the workers
 * copy their gradients into shared slots; the calling thread averages them in a fixed order (replica 0, 1, …)
 * and applies the optimiser to the shared parameters. A step is therefore the same computation for a given
 * seed and number of workers, and, up to float rounding, the same as one replica on the whole batch (the loss
 * is a mean, and the mean of equal shards' means is the batch mean). Synchronisation: Atomics on a control
 * array (a step counter the workers wait on, one "done" counter per worker).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Expr } from '../ast/expr.js';
import { NnError } from './errors.js';
import { gradients, topoOrder } from './grad.js';
import { Model } from './model.js';
import { compileTensors, type Buffer, type DType, type TensorProgram } from './compile/program.js';
import { compileUpdate, type Optimizer } from './optim.js';
import { isTensorLeaf, leafName, sizeOf } from './tensor.js';

export interface ParallelSpec {
  /** URL of an ES module exporting the builder: `(model, shardBatch, ...args) => loss`. */
  readonly module: string;
  readonly export: string;
  /** Further arguments of the builder (structured-cloneable). */
  readonly args?: readonly unknown[];
  readonly seed?: number;
  readonly dtype?: DType;
  /** Global batch size (a multiple of `workers`). */
  readonly batch: number;
  /** Replicas, the calling thread included (1 runs without workers). */
  readonly workers: number;
  readonly optimizer?: Optimizer;
}

export interface ParallelStep {
  /** One step on the global batch with learning rate lr; returns the batch loss (before the update). */
  step(lr: number): number;
  /** The global array of a batch input (its first axis is the global batch), shared with the workers. */
  input(name: string): Buffer;
  /** The shared parameter arrays. */
  readonly params: ReadonlyMap<string, Buffer>;
  readonly workers: number;
  readonly compileMs: number;
  /** Stop the workers. */
  close(): Promise<void>;
}

interface Slot { readonly name: string; readonly offset: number; readonly length: number }
interface Layout {
  readonly bytes: number;
  readonly ctl: number;
  readonly losses: number;
  readonly params: readonly Slot[];
  /** Gradient slots of workers 1…W−1: worker w's gradient of param k at grads[w − 1][k]. */
  readonly grads: readonly (readonly Slot[])[];
  /** Inputs: the global array; shard w is the w-th of W equal parts. */
  readonly inputs: readonly Slot[];
}

const CTL_STEP = 0, CTL_DONE = 1;

interface Replica { readonly program: TensorProgram; readonly grads: readonly Buffer[] }

type Builder = (m: Model, batch: number, ...args: unknown[]) => Expr;

async function loadBuilder(spec: ParallelSpec): Promise<Builder> {
  const mod = (await import(spec.module)) as Record<string, unknown>;
  const fn = mod[spec.export];
  if (typeof fn !== 'function') throw new NnError(`'${spec.export}' is not a function exported by ${spec.module}`);
  return fn as Builder;
}

function buildModel(spec: ParallelSpec, build: Builder): { model: Model; loss: Expr } {
  const model = new Model(spec.seed ?? 42, spec.dtype ?? 'float32');
  const loss = build(model, spec.batch / spec.workers, ...(spec.args ?? []));
  if (loss.shape.length !== 0) throw new NnError('the builder must return a scalar loss');
  if (model.noise.size > 0 || model.stats.size > 0) throw new NnError('data-parallel training does not support dropout or batch-norm statistics yet');
  return { model, loss };
}

const view = (sab: SharedArrayBuffer, dtype: DType, s: Slot, from = 0, length = s.length): Buffer =>
  dtype === 'float32' ? new Float32Array(sab, s.offset + 4 * from, length) : new Float64Array(sab, s.offset + 8 * from, length);

/** A replica's program: parameters and its shard of the inputs bound to the shared arrays. */
function replica(spec: ParallelSpec, model: Model, loss: Expr, sab: SharedArrayBuffer, layout: Layout, index: number): Replica {
  const dtype = spec.dtype ?? 'float32';
  const params = [...model.params.values()];
  const bind = new Map<string, Buffer>();
  params.forEach((p, k) => bind.set(p.name, view(sab, dtype, layout.params[k]!)));
  for (const s of layout.inputs) {
    const shard = s.length / spec.workers;
    bind.set(s.name, view(sab, dtype, s, index * shard, shard));
  }
  const grads = gradients(loss, params.map((p) => p.expr));
  const program = compileTensors([loss, ...grads], { dtype, bind });
  return { program, grads: grads.map((_, k) => program.output(1 + k)) };
}

function planLayout(spec: ParallelSpec, model: Model, loss: Expr): Layout {
  const size = (spec.dtype ?? 'float32') === 'float32' ? 4 : 8;
  let at = 0;
  const take = (bytes: number): number => { const o = at; at += Math.ceil(bytes / 8) * 8; return o; };
  const ctl = take(4 * (1 + spec.workers));
  const losses = take(8 * spec.workers);
  const params = [...model.params.values()].map((p) => ({ name: p.name, length: p.data.length, offset: take(size * p.data.length) }));
  const grads = Array.from({ length: spec.workers - 1 }, () => params.map((p) => ({ name: p.name, length: p.length, offset: take(size * p.length) })));
  const inputs: Slot[] = [];
  for (const e of topoOrder([loss])) {
    if (!isTensorLeaf(e) || model.params.has(leafName(e))) continue;
    const length = sizeOf(e.shape) * spec.workers;
    inputs.push({ name: leafName(e), length, offset: take(size * length) });
  }
  return { bytes: at, ctl, losses, params, grads, inputs };
}

/** The worker's side: build the replica, report ready, then run a step each time the step counter moves. */
export async function workerMain(data: { spec: ParallelSpec; sab: SharedArrayBuffer; layout: Layout; index: number }, post: (m: unknown) => void): Promise<void> {
  const { spec, sab, layout, index } = data;
  const { model, loss } = buildModel(spec, await loadBuilder(spec));
  const r = replica(spec, model, loss, sab, layout, index);
  const ctl = new Int32Array(sab, layout.ctl, 1 + spec.workers);
  const losses = new Float64Array(sab, layout.losses, spec.workers);
  const dtype = spec.dtype ?? 'float32';
  const slots = layout.grads[index - 1]!.map((s) => view(sab, dtype, s));
  const out = r.program.output(0);
  post('ready');
  let seen = 0;
  for (;;) {
    Atomics.wait(ctl, CTL_STEP, seen);
    const now = Atomics.load(ctl, CTL_STEP);
    if (now < 0) return;
    seen = now;
    r.program.run();
    losses[index] = out[0]!;
    for (let k = 0; k < slots.length; k++) slots[k]!.set(r.grads[k]!);
    Atomics.store(ctl, CTL_DONE + index, seen);
    Atomics.notify(ctl, CTL_DONE + index);
  }
}

/**
 * A worker running parallel-worker: the compiled .js beside this file, or, run from the TypeScript sources
 * (tests, benches), the .ts file after registering tsx's loader in the worker.
 */
function startWorker(workerData: unknown): Worker {
  const ts = import.meta.url.endsWith('.ts');
  const url = new URL(ts ? './parallel-worker.ts' : './parallel-worker.js', import.meta.url);
  if (!ts) return new Worker(url, { workerData });
  // tsx's ES module API (index.mjs beside the CommonJS entry that require.resolve finds).
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
  const code = `import(${JSON.stringify(api)}).then((t) => { t.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(code, { eval: true, workerData });
}

export async function compileParallelStep(spec: ParallelSpec): Promise<ParallelStep> {
  const t0 = performance.now();
  const W = spec.workers, dtype = spec.dtype ?? 'float32';
  if (!(Number.isInteger(W) && W >= 1)) throw new NnError(`workers must be a positive integer, got ${W}`);
  if (!(Number.isInteger(spec.batch) && spec.batch >= W && spec.batch % W === 0)) throw new NnError(`the batch (${spec.batch}) must be a positive multiple of the number of workers (${W})`);
  const { model, loss } = buildModel(spec, await loadBuilder(spec));
  const layout = planLayout(spec, model, loss);
  const sab = new SharedArrayBuffer(layout.bytes);
  const params = [...model.params.values()];
  const shared = new Map<string, Buffer>();
  params.forEach((p, k) => {
    const v = view(sab, dtype, layout.params[k]!);
    v.set(p.data);
    shared.set(p.name, v);
  });
  const inputs = new Map(layout.inputs.map((s) => [s.name, view(sab, dtype, s)]));
  const own = replica(spec, model, loss, sab, layout, 0);
  const ctl = new Int32Array(sab, layout.ctl, 1 + W);
  const losses = new Float64Array(sab, layout.losses, W);
  const slots = layout.grads.map((g) => g.map((s) => view(sab, dtype, s)));
  // The averaged gradient the optimiser reads (replica 0's own output when there is a single replica).
  const mean = W === 1 ? own.grads : own.grads.map((g) => (dtype === 'float32' ? new Float32Array(g.length) : new Float64Array(g.length)));
  const update = compileUpdate([...shared.values()], mean, spec.optimizer ?? { kind: 'sgd' }, dtype);
  const workers: Worker[] = [];
  try {
    for (let w = 1; w < W; w++) workers.push(startWorker({ spec, sab, layout, index: w }));
    await Promise.all(workers.map((worker) => new Promise<void>((resolve, reject) => {
      worker.once('message', (m) => (m === 'ready' ? resolve() : reject(new NnError(String(m)))));
      worker.once('error', reject);
    })));
  } catch (e) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw e;
  }
  const out = own.program.output(0);
  let t = 0, gen = 0, closed = false;
  const inv = 1 / W;
  return {
    step(lr: number): number {
      if (closed) throw new NnError('this data-parallel step has been closed');
      gen++;
      Atomics.store(ctl, CTL_STEP, gen);
      Atomics.notify(ctl, CTL_STEP);
      own.program.run();
      losses[0] = out[0]!;
      for (let w = 1; w < W; w++) {
        // A short spin first: a step is often shorter than a sleep and wake-up.
        for (let spin = 0; spin < 20000 && Atomics.load(ctl, CTL_DONE + w) !== gen; spin++);
        while (Atomics.load(ctl, CTL_DONE + w) !== gen) Atomics.wait(ctl, CTL_DONE + w, Atomics.load(ctl, CTL_DONE + w), 1000);
      }
      let l = 0;
      for (let w = 0; w < W; w++) l += losses[w]!;
      if (W > 1) {
        for (let k = 0; k < mean.length; k++) {
          const m = mean[k]!, g0 = own.grads[k]!;
          m.set(g0);
          for (let w = 1; w < W; w++) { const g = slots[w - 1]![k]!; for (let i = 0; i < m.length; i++) m[i]! += g[i]!; }
          for (let i = 0; i < m.length; i++) m[i]! *= inv;
        }
      }
      update(lr, ++t);
      return l * inv;
    },
    input(name: string): Buffer {
      const b = inputs.get(name);
      if (b === undefined) throw new NnError(`this step has no input '${name}' (inputs: ${[...inputs.keys()].join(', ')})`);
      return b;
    },
    params: shared,
    workers: W,
    compileMs: performance.now() - t0,
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      Atomics.store(ctl, CTL_STEP, -1);
      Atomics.notify(ctl, CTL_STEP);
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
