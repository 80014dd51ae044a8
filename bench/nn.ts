/**
 * Neural-network benchmark: training steps per second (per CPU-second and per wall-second) of Lousa's compiled
 * step against TensorFlow.js on its 'cpu' and 'wasm' backends, for the same two models with the same initial
 * parameters, batches and plain SGD:
 *   - the Bengio et al. (2003) character MLP (block 3, 10-d embeddings of 27 characters, 200 tanh units,
 *     11,897 parameters), batch 32, contexts from the names data;
 *   - a 784-128-10 ReLU MLP on real MNIST digits (the `mnist` package), batch 64.
 * Batches are drawn once (64 of them, cycled), so every engine trains on identical data; tfjs gets them as
 * tensors created once and steps with `optimizer.minimize` inside `tf.tidy`. Each figure is the median of
 * several timed runs; ratios are against Lousa in the same run. Last, the matrix product's GFLOP/s (the
 * WebAssembly SIMD kernel the programs use, and the scalar one used where SIMD is missing).
 */
import { Model } from '../src/nn/model.js';
import { compileStep } from '../src/nn/train.js';
import { crossEntropy } from '../src/nn/losses.js';
import { mlp } from '../src/nn/layers.js';
import { tensor } from '../src/nn/tensor.js';
import { makeGemm, makeScalarGemm } from '../src/nn/compile/gemm.js';
import { loadMnist, MNIST_PIXELS } from '../src/nn/data/mnist.js';
import { charDataset, loadNamesOrFallback, vocabulary } from '../src/nn/data/names.js';
import { bengioLoss } from '../papers/bengio2003.js';
import { Rng } from '../src/stats/rng.js';
import type { DType } from '../src/nn/compile/program.js';

type Tf = typeof import('@tensorflow/tfjs');
type Tensor = import('@tensorflow/tfjs').Tensor;
type Tensor2D = import('@tensorflow/tfjs').Tensor2D;
type Scalar = import('@tensorflow/tfjs').Scalar;
interface Rate { cpu: number; wall: number }
interface Batches { x: Float32Array[]; y: Int32Array[]; xShape: number[]; classes: number }
interface Task { name: string; batches: Batches; build: (m: Model) => ReturnType<typeof bengioLoss> }

const RUNS = 5, SECONDS = 0.6, NBATCH = 64;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Steps per CPU-second and per wall-second of `step`, median of RUNS runs of about SECONDS each. */
function measure(step: (k: number) => void): Rate {
  let k = 0;
  const t = performance.now();
  while (performance.now() - t < 300) step(k++); // warm-up: JIT, tfjs kernel caches
  const cpu: number[] = [], wall: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const c0 = process.cpuUsage(), w0 = performance.now();
    let n = 0;
    while (performance.now() - w0 < SECONDS * 1000) for (let j = 0; j < 10; j++, n++) step(k++);
    const c = process.cpuUsage(c0), w = performance.now() - w0;
    cpu.push(n / ((c.user + c.system) / 1e6));
    wall.push(n / (w / 1000));
  }
  return { cpu: median(cpu), wall: median(wall) };
}

function bengioTask(): Task {
  const { words } = loadNamesOrFallback();
  const d = charDataset(words, vocabulary(words), 3);
  const rng = new Rng(7), B = 32;
  const x: Float32Array[] = [], y: Int32Array[] = [];
  for (let k = 0; k < NBATCH; k++) {
    const xb = new Float32Array(B * 3), yb = new Int32Array(B);
    for (let r = 0; r < B; r++) {
      const i = rng.int(d.n);
      for (let c = 0; c < 3; c++) xb[r * 3 + c] = d.X[i * 3 + c]!;
      yb[r] = d.Y[i]!;
    }
    x.push(xb); y.push(yb);
  }
  return { name: 'Bengio MLP (11,897 params, batch 32)', batches: { x, y, xShape: [B, 3], classes: 27 }, build: (m) => bengioLoss(m, B, 27) };
}

function mnistTask(): Task {
  const d = loadMnist({ seed: 1 });
  const rng = new Rng(8), B = 64;
  const x: Float32Array[] = [], y: Int32Array[] = [];
  for (let k = 0; k < NBATCH; k++) {
    const xb = new Float32Array(B * MNIST_PIXELS), yb = new Int32Array(B);
    for (let r = 0; r < B; r++) {
      const i = rng.int(d.n);
      xb.set(d.images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS), r * MNIST_PIXELS);
      yb[r] = d.labels[i]!;
    }
    x.push(xb); y.push(yb);
  }
  return {
    name: 'MLP 784-128-10 ReLU (batch 64, MNIST)', batches: { x, y, xShape: [B, MNIST_PIXELS], classes: 10 },
    build: (m) => crossEntropy(mlp(m, 'mlp', tensor('x', [B, MNIST_PIXELS]), [128, 10], 'relu'), tensor('y', [B])),
  };
}

function lousa(task: Task, dtype: DType): { rate: Rate; model: Model; compileMs: number; loss0: number } {
  const m = new Model(1, dtype);
  const step = compileStep(m, task.build(m), { optimizer: { kind: 'sgd' } });
  const names = [...step.program.inputs.keys()].filter((n) => !m.params.has(n));
  const xName = names.find((n) => n !== 'y')!;
  const xi = step.input(xName), yi = step.input('y');
  // Train on a copy so the tfjs runs start from the same initial parameters.
  const init = new Map([...m.params].map(([n, p]) => [n, p.data.slice()]));
  xi.set(task.batches.x[0]!); yi.set(task.batches.y[0]!);
  const loss0 = step.step(0); // lr 0: the loss of batch 0 at the initial parameters, which stay unchanged
  const rate = measure((k) => {
    const b = k % NBATCH;
    xi.set(task.batches.x[b]!); yi.set(task.batches.y[b]!);
    step.step(0.01);
  });
  for (const [n, p] of m.params) p.data.set(init.get(n)!);
  return { rate, model: m, compileMs: step.compileMs, loss0 };
}

/** The same network in tfjs: variables from the Lousa model's initial parameters, loss by the same formula. */
function tfjsRate(tf: Tf, task: Task, m: Model): Rate & { note: string; loss0: number } {
  const v = new Map([...m.params].map(([n, p]) => [n, tf.variable(tf.tensor(Float32Array.from(p.data), [...p.shape]), true, `${n}_${Math.random()}`)]));
  const P = (n: string): import('@tensorflow/tfjs').Variable => v.get(n)!;
  const { batches } = task;
  const bengio = v.has('C');
  // The wasm backend has no kernel for gather's gradient (UnsortedSegmentSum): there the embedding lookup is the
  // equivalent product onehot(X) · C, with the one-hot rows built once with the batches.
  const gather = tf.getKernel('UnsortedSegmentSum', tf.getBackend()) !== undefined;
  const V = m.params.get('C')?.shape[0] ?? 0;
  const xs = batches.x.map((a) => (!bengio ? tf.tensor(a, batches.xShape)
    : gather ? tf.tensor(Int32Array.from(a), batches.xShape, 'int32') : tf.oneHot(tf.tensor1d(Int32Array.from(a), 'int32'), V).asType('float32')));
  const ys = batches.y.map((a) => tf.oneHot(tf.tensor1d(a, 'int32'), batches.classes));
  const forward = (x: Tensor): Tensor2D => {
    if (bengio) {
      const rows = gather ? tf.gather(P('C'), x) : tf.matMul(x as Tensor2D, P('C') as Tensor2D);
      const emb = tf.reshape(rows, [batches.xShape[0]!, 30]) as Tensor2D;
      const h = tf.tanh(tf.add(tf.matMul(emb, P('W1') as Tensor2D), P('b1'))) as Tensor2D;
      return tf.add(tf.matMul(h, P('W2') as Tensor2D), P('b2'));
    }
    const h = tf.relu(tf.add(tf.matMul(x as Tensor2D, P('mlp.0.W') as Tensor2D), P('mlp.0.b'))) as Tensor2D;
    return tf.add(tf.matMul(h, P('mlp.1.W') as Tensor2D), P('mlp.1.b'));
  };
  const lossOf = (b: number): Scalar => tf.losses.softmaxCrossEntropy(ys[b]!, forward(xs[b]!)) as Scalar;
  const loss0 = tf.tidy(() => lossOf(0).dataSync()[0]!);
  const opt = tf.train.sgd(0.01);
  const vars = [...v.values()];
  const rate = measure((k) => {
    const b = k % NBATCH;
    tf.tidy(() => { opt.minimize(() => lossOf(b), false, vars); });
  });
  for (const t of [...xs, ...ys, ...vars]) t.dispose();
  opt.dispose();
  return { ...rate, note: bengio ? (gather ? 'gather' : 'one-hot·C') : '', loss0 };
}

async function loadTf(): Promise<{ tf: Tf; wasm: boolean } | string> {
  let tf: Tf;
  try {
    tf = await import('@tensorflow/tfjs');
    tf.enableProdMode(); // no debug checks: the fastest configuration tfjs offers
  } catch {
    return 'not installed (npm i -D @tensorflow/tfjs @tensorflow/tfjs-backend-wasm to compare)';
  }
  let wasm = false;
  try {
    await import('@tensorflow/tfjs-backend-wasm');
    wasm = true;
  } catch { /* the wasm backend is optional */ }
  return { tf, wasm };
}

const fmt = (r: Rate): string => `${r.cpu.toFixed(0).padStart(6)} /CPU-s ${r.wall.toFixed(0).padStart(6)} /wall-s`;
const ratio = (ours: Rate, theirs: Rate): string => `Lousa ×${(ours.cpu / theirs.cpu).toFixed(2)} per CPU-s, ×${(ours.wall / theirs.wall).toFixed(2)} per wall-s`;

export async function runNnBench(): Promise<string> {
  const out: string[] = [`nn: training steps per second (forward + backward + SGD update), median of ${RUNS} runs of ${SECONDS} s`];
  const tfl = await loadTf();
  for (const task of [bengioTask(), mnistTask()]) {
    out.push(`  ${task.name}`);
    const f64 = lousa(task, 'float64');
    out.push(`    Lousa float64         ${fmt(f64.rate)}  (compile ${f64.compileMs.toFixed(0)} ms)`);
    const f32 = lousa(task, 'float32');
    out.push(`    Lousa float32         ${fmt(f32.rate)}  (compile ${f32.compileMs.toFixed(0)} ms; initial batch loss ${f32.loss0.toFixed(4)}, the same in tfjs)`);
    if (typeof tfl === 'string') {
      out.push(`    tfjs: ${tfl}`);
      continue;
    }
    for (const backend of tfl.wasm ? ['cpu', 'wasm'] : ['cpu']) {
      await tfl.tf.setBackend(backend);
      await tfl.tf.ready();
      const r = tfjsRate(tfl.tf, task, f32.model);
      out.push(`    tfjs-${backend.padEnd(16)} ${fmt(r)}  (float32${r.note === '' ? '' : `, embedding by ${r.note}`}; ${ratio(f32.rate, r)})`);
      // The same network: its loss on the first batch at the shared initial parameters agrees with Lousa's.
      if (!(Math.abs(r.loss0 - f32.loss0) <= 1e-4 * (1 + Math.abs(f32.loss0)))) out.push(`      WARNING: initial loss ${r.loss0} in tfjs-${backend}, ${f32.loss0} in Lousa`);
    }
    if (!tfl.wasm) out.push('    tfjs-wasm: @tensorflow/tfjs-backend-wasm not installed');
  }
  for (const [label, g] of [['SIMD (used by programs)', makeGemm()], ['scalar', makeScalarGemm()]] as const) {
    const rates: string[] = [];
    for (const n of [64, 128, 256, 512]) {
      const a = Float64Array.from({ length: n * n }, (_, i) => Math.sin(i)), b = Float64Array.from({ length: n * n }, (_, i) => Math.cos(i));
      const c = new Float64Array(n * n);
      g(1, n, n, n, a, 0, false, b, 0, false, c);
      const reps = Math.max(2, Math.floor(1e8 / (n * n * n)));
      const t0 = process.cpuUsage();
      for (let r = 0; r < reps; r++) g(1, n, n, n, a, 0, false, b, 0, false, c);
      const cpu = process.cpuUsage(t0);
      rates.push(`${n}³ ${(2 * n * n * n * reps / ((cpu.user + cpu.system) / 1e6) / 1e9).toFixed(2)}`);
    }
    out.push(`  matmul GFLOP/s, ${label} (float64, per CPU-second): ${rates.join(', ')}`);
  }
  return out.join('\n');
}
