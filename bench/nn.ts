/**
 * Neural-network benchmark: training steps per CPU-second of Lousa's compiled float32 step against
 * TensorFlow.js ('cpu' and 'wasm' backends, same initial parameters, same batches) and PyTorch on one thread
 * (bench/torch_nn.py, when a python3 with torch is found; the same architectures and batch sizes), for
 *   - the Bengio et al. (2003) character MLP (block 3, 10-d embeddings of 27 characters, 200 tanh units,
 *     11,897 parameters), batch 32, contexts from the names data, SGD;
 *   - a 784-128-10 ReLU MLP on real MNIST digits (the `mnist` package), batch 64, SGD;
 *   - makemore's transformer (4 and 2 layers, 4 heads, n_embd 64, block 16, batch 32, AdamW), when this build
 *     has the GPT model (src/nn/gpt.ts);
 * then data-parallel training on two worker threads against one, and the float32 matrix product's GFLOP/s
 * against PyTorch's. Each model's line starts with its name and reads `lousa N/CPU-s`, then each peer's
 * figure and Lousa's ratio to it. Each Lousa and tfjs figure is the median of several timed runs.
 */
import { Model } from '../src/nn/model.js';
import { compileStep } from '../src/nn/train.js';
import { crossEntropy } from '../src/nn/losses.js';
import { mlp } from '../src/nn/layers.js';
import { tensor } from '../src/nn/tensor.js';
import { spawnSync } from 'node:child_process';
import { makeGemm } from '../src/nn/compile/gemm.js';
import { sgemmInfo } from '../src/nn/compile/sgemm.js';
import { compileParallelStep } from '../src/nn/parallel.js';
import type { Expr } from '../src/ast/expr.js';
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
interface Task { name: string; torch?: string; batches: Batches; build: (m: Model) => ReturnType<typeof bengioLoss> }

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
  return { name: 'Bengio MLP (11,897 params, batch 32, SGD)', torch: 'bengio', batches: { x, y, xShape: [B, 3], classes: 27 }, build: (m) => bengioLoss(m, B, 27) };
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
    name: 'MLP 784-128-10 ReLU (batch 64, MNIST, SGD)', batches: { x, y, xShape: [B, MNIST_PIXELS], classes: 10 },
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

/** PyTorch's figures from bench/torch_nn.py (one thread, OpenBLAS limited to one thread), or why there are none. */
interface TorchFigures { info: string; rates: Map<string, number>; matmul: Record<string, number> }
function runTorch(): TorchFigures | string {
  const script = new URL('./torch_nn.py', import.meta.url).pathname;
  for (const py of ['python3', '/usr/bin/python3']) {
    const probe = spawnSync(py, ['-c', 'import torch'], { encoding: 'utf8' });
    if (probe.status !== 0) continue;
    const r = spawnSync(py, [script, 'bengio', 'gpt4', 'gpt2', 'matmul'], {
      encoding: 'utf8', timeout: 600_000, env: { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' },
    });
    if (r.status !== 0) return `bench/torch_nn.py failed: ${(r.stderr || '').trim().split('\n').pop() ?? ''}`;
    const out: TorchFigures = { info: '', rates: new Map(), matmul: {} };
    for (const line of r.stdout.trim().split('\n')) {
      const j = JSON.parse(line) as { model: string; steps_per_cpu_s?: number; gflops?: Record<string, number>; torch?: string; blas?: string[] };
      if (j.model === 'info') out.info = `PyTorch ${j.torch} (${py}), 1 thread, BLAS ${(j.blas ?? []).map((b) => b.split('/').slice(-2).join('/')).join(', ') || 'none found'}`;
      else if (j.model === 'matmul') out.matmul = j.gflops ?? {};
      else out.rates.set(j.model, j.steps_per_cpu_s!);
    }
    return out;
  }
  return 'no python3 with torch (apt-get install python3-torch libopenblas0-pthread)';
}

const per = (x: number): string => `${x.toFixed(x < 100 ? 1 : 0)}/CPU-s`;
const peer = (name: string, theirs: number, ours: number, note = ''): string => `${name} ${per(theirs)}${note} (×${(ours / theirs).toFixed(2)})`;

/** makemore's transformer from src/nn/gpt.ts when this build has it (a shard builder for the workers too). */
export async function gptShardLoss(m: Model, batch: number, layers: number): Promise<Expr> {
  const gpt = (await import(GPT_MODULE)) as { gptLoss: (m: Model, c: object, b: number) => Expr };
  return gpt.gptLoss(m, { vocab: 27, block: 16, layers, heads: 4, embd: 64 }, batch);
}
const GPT_MODULE = new URL(import.meta.url.endsWith('.ts') ? '../src/nn/gpt.ts' : '../src/nn/gpt.js', import.meta.url).href;

interface GptBatches { x: Float32Array[]; y: Float32Array[] }
function gptBatches(): GptBatches {
  const rng = new Rng(11);
  const draw = (): Float32Array => Float32Array.from({ length: 32 * 16 }, () => rng.int(27));
  return { x: Array.from({ length: 16 }, draw), y: Array.from({ length: 16 }, draw) };
}

/**
 * makemore's transformer in tfjs with the Lousa model's initial parameters and the same batches: pre-norm blocks,
 * causal attention by an additive mask, GELU in tanh form, AdamW as Adam plus decoupled decay of the weight
 * matrices. Its initial loss is checked against Lousa's.
 */
function tfjsGptRate(tf: Tf, m: Model, layers: number, b: GptBatches): Rate & { loss0: number } {
  const v = new Map([...m.params].map(([n, p]) => [n, tf.variable(tf.tensor(Float32Array.from(p.data), [...p.shape]), true, `${n}_${Math.random()}`)]));
  const P = (n: string): import('@tensorflow/tfjs').Variable => {
    const x = v.get(n);
    if (x === undefined) throw new Error(`no parameter ${n}`);
    return x;
  };
  const B = 32, T = 16, C = 64, H = 4, V = 27;
  const gather = tf.getKernel('UnsortedSegmentSum', tf.getBackend()) !== undefined;
  const xs = b.x.map((a) => (gather ? tf.tensor1d(Int32Array.from(a), 'int32') : tf.oneHot(tf.tensor1d(Int32Array.from(a), 'int32'), V).asType('float32')));
  const ys = b.y.map((a) => tf.oneHot(tf.tensor1d(Int32Array.from(a), 'int32'), V));
  const maskData = new Float32Array(T * T);
  for (let i = 0; i < T; i++) for (let j = i + 1; j < T; j++) maskData[i * T + j] = -1e9;
  const mask = tf.tensor(maskData, [T, T]);
  const ln = (x: Tensor, name: string): Tensor => {
    const { mean, variance } = tf.moments(x, -1, true);
    return tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, 1e-5))), P(`${name}.gain`)), P(`${name}.bias`));
  };
  const lin = (x: Tensor, name: string, bias = true): Tensor => {
    const y = tf.matMul(x as Tensor2D, P(`${name}.W`) as Tensor2D);
    return bias ? tf.add(y, P(`${name}.b`)) : y;
  };
  const heads = (x: Tensor): Tensor => tf.transpose(tf.reshape(x, [B, T, H, C / H]), [0, 2, 1, 3]);
  const forward = (k: number): Scalar => {
    const tok = gather ? tf.gather(P('wte'), xs[k]!) : tf.matMul(xs[k] as Tensor2D, P('wte') as Tensor2D);
    let x: Tensor = tf.add(tok, tf.tile(P('wpe'), [B, 1])) as Tensor2D; // [B·T, C]
    for (let l = 0; l < layers; l++) {
      const qkv = lin(ln(x, `h${l}.ln1`), `h${l}.attn.qkv`);
      const [q, kk, vv] = tf.split(qkv, 3, 1).map(heads) as [Tensor, Tensor, Tensor];
      const att = tf.softmax(tf.add(tf.mul(tf.matMul(q as Tensor2D, kk as Tensor2D, false, true), 1 / Math.sqrt(C / H)), mask));
      const y = tf.reshape(tf.transpose(tf.matMul(att as Tensor2D, vv as Tensor2D), [0, 2, 1, 3]), [B * T, C]);
      x = tf.add(x, lin(y, `h${l}.attn.proj`));
      const h = lin(ln(x, `h${l}.ln2`), `h${l}.mlp.fc`);
      const g = tf.mul(tf.mul(h, 0.5), tf.add(1, tf.tanh(tf.mul(tf.add(h, tf.mul(tf.mul(tf.mul(h, h), h), 0.044715)), Math.sqrt(2 / Math.PI)))));
      x = tf.add(x, lin(g, `h${l}.mlp.proj`));
    }
    return tf.losses.softmaxCrossEntropy(ys[k]!, lin(ln(x, 'lnf'), 'head', false) as Tensor2D) as Scalar;
  };
  const loss0 = tf.tidy(() => forward(0).dataSync()[0]!);
  const lr = 5e-4, wd = 0.01;
  const opt = tf.train.adam(lr, 0.9, 0.99, 1e-8);
  const vars = [...v.values()];
  const decayed = [...m.params].filter(([, p]) => p.shape.length === 2 && !p.name.startsWith('wte') && !p.name.startsWith('wpe')).map(([n]) => P(n));
  const rate = measure((k) => {
    tf.tidy(() => {
      opt.minimize(() => forward(k % 16), false, vars);
      for (const w of decayed) w.assign(tf.mul(w, 1 - lr * wd));
    });
  });
  for (const t of [...xs, ...ys, ...vars, mask]) t.dispose();
  opt.dispose();
  return { ...rate, loss0 };
}

async function transformerRate(layers: number): Promise<{ rate: Rate; compileMs: number; model: Model; loss0: number; batches: GptBatches } | string> {
  let loss: Expr;
  const m = new Model(1, 'float32');
  try {
    loss = await gptShardLoss(m, 32, layers);
  } catch (e) {
    return `no GPT model in this build (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`;
  }
  const step = compileStep(m, loss, { optimizer: { kind: 'adamw', beta1: 0.9, beta2: 0.99, eps: 1e-8, weightDecay: 0.01 } });
  const batches = gptBatches();
  if (step.program.inputs.has('W')) step.input('W').fill(1);
  const init = new Map([...m.params].map(([n, p]) => [n, p.data.slice()]));
  step.input('X').set(batches.x[0]!);
  step.input('Y').set(batches.y[0]!);
  const loss0 = step.step(0); // lr 0: the initial loss, parameters unchanged
  const rate = measure((k) => {
    step.input('X').set(batches.x[k % 16]!);
    step.input('Y').set(batches.y[k % 16]!);
    step.step(5e-4);
  });
  for (const [n, p] of m.params) p.data.set(init.get(n)!);
  return { rate, compileMs: step.compileMs, model: m, loss0, batches };
}

/** Steps per wall-second of data-parallel Bengio MLP training with 1 and 2 workers (global batch `batch`). */
async function parallelRates(batch: number): Promise<string> {
  const module = new URL(import.meta.url.endsWith('.ts') ? '../papers/bengio2003.ts' : '../papers/bengio2003.js', import.meta.url).href;
  const steps = await Promise.all([1, 2].map((workers) => compileParallelStep({ module, export: 'bengioLoss', args: [27], seed: 1, batch, workers, dtype: 'float32' })));
  try {
    const { words } = loadNamesOrFallback();
    const d = charDataset(words, vocabulary(words), 3);
    const rng = new Rng(9);
    for (const s of steps) {
      const X = s.input('X'), y = s.input('y');
      for (let r = 0; r < batch; r++) { const i = rng.int(d.n); for (let c = 0; c < 3; c++) X[r * 3 + c] = d.X[i * 3 + c]!; y[r] = d.Y[i]!; }
    }
    const wall: number[][] = [[], []];
    for (let r = 0; r < 7; r++) {
      steps.forEach((s, k) => {
        for (let j = 0; j < 5; j++) s.step(0.01);
        const t0 = performance.now();
        let n = 0;
        while (performance.now() - t0 < 400) { s.step(0.01); n++; }
        wall[k]!.push(n / ((performance.now() - t0) / 1000));
      });
    }
    const [one, two] = [median(wall[0]!), median(wall[1]!)];
    return `data-parallel Bengio MLP (batch ${batch}, float32): lousa-1-worker ${one.toFixed(0)}/wall-s, lousa-2-workers ${two.toFixed(0)}/wall-s (×${(two / one).toFixed(2)} on 2 cores; median of 7 interleaved runs)`;
  } finally {
    await Promise.all(steps.map((s) => s.close()));
  }
}

export async function runNnBench(): Promise<string> {
  const out: string[] = [`nn: training steps per CPU-second (forward + backward + update); Lousa float32 unless said; ratios are Lousa ÷ peer, same run`];
  const torch = runTorch();
  out.push(`  ${typeof torch === 'string' ? `PyTorch: ${torch}` : torch.info}`);
  const tfl = await loadTf();
  for (const task of [bengioTask(), mnistTask()]) {
    const f64 = lousa(task, 'float64');
    const f32 = lousa(task, 'float32');
    const parts = [`${task.name}: lousa ${per(f32.rate.cpu)}`, `lousa-float64 ${per(f64.rate.cpu)}`];
    const warnings: string[] = [];
    if (typeof tfl === 'string') parts.push(`tfjs: ${tfl}`);
    else {
      for (const backend of tfl.wasm ? ['cpu', 'wasm'] : ['cpu']) {
        await tfl.tf.setBackend(backend);
        await tfl.tf.ready();
        const r = tfjsRate(tfl.tf, task, f32.model);
        parts.push(peer(`tfjs-${backend}`, r.cpu, f32.rate.cpu, r.note === '' ? '' : ` [embedding by ${r.note}]`));
        // The same network: its loss on the first batch at the shared initial parameters agrees with Lousa's.
        if (!(Math.abs(r.loss0 - f32.loss0) <= 1e-4 * (1 + Math.abs(f32.loss0)))) warnings.push(`    WARNING: initial loss ${r.loss0} in tfjs-${backend}, ${f32.loss0} in Lousa`);
      }
    }
    if (typeof torch !== 'string' && task.torch !== undefined && torch.rates.has(task.torch)) parts.push(peer('pytorch-1t', torch.rates.get(task.torch)!, f32.rate.cpu));
    out.push(`  ${parts.join('  ')}`, ...warnings);
  }
  for (const layers of [4, 2]) {
    const name = `transformer ${layers}-layer (makemore: embd 64, 4 heads, block 16, batch 32, AdamW)`;
    const r = await transformerRate(layers);
    if (typeof r === 'string') { out.push(`  ${name}: ${r}`); continue; }
    const parts = [`${name}: lousa ${per(r.rate.cpu)}`];
    const warnings: string[] = [];
    if (typeof tfl !== 'string' && tfl.wasm) {
      await tfl.tf.setBackend('wasm');
      await tfl.tf.ready();
      const t = tfjsGptRate(tfl.tf, r.model, layers, r.batches);
      parts.push(peer('tfjs-wasm', t.cpu, r.rate.cpu));
      if (!(Math.abs(t.loss0 - r.loss0) <= 1e-3 * (1 + Math.abs(r.loss0)))) warnings.push(`    WARNING: initial loss ${t.loss0} in tfjs-wasm, ${r.loss0} in Lousa`);
    }
    if (typeof torch !== 'string' && torch.rates.has(`gpt${layers}`)) parts.push(peer('pytorch-1t', torch.rates.get(`gpt${layers}`)!, r.rate.cpu));
    out.push(`  ${parts.join('  ')}  (compile ${r.compileMs.toFixed(0)} ms)`, ...warnings);
  }
  out.push(`  ${await parallelRates(512)}`);
  const info = sgemmInfo();
  for (const dtype of ['float32', 'float64'] as const) {
    const g = makeGemm(dtype);
    const rates: string[] = [];
    for (const n of [64, 128, 256, 512]) {
      const make = (f: (i: number) => number): Float32Array | Float64Array => {
        const x = Float64Array.from({ length: n * n }, (_, i) => f(i));
        return dtype === 'float32' ? Float32Array.from(x) : x;
      };
      const a = make(Math.sin), b = make(Math.cos), c = make(() => 0);
      g(1, n, n, n, a, 0, false, b, 0, false, c);
      const reps = Math.max(4, Math.floor(2e8 / (n * n * n)));
      const runs: number[] = [];
      for (let r = 0; r < 5; r++) {
        const t0 = process.cpuUsage();
        for (let q = 0; q < reps; q++) g(1, n, n, n, a, 0, false, b, 0, false, c);
        const cpu = process.cpuUsage(t0);
        runs.push(2 * n * n * n * reps / ((cpu.user + cpu.system) / 1e6) / 1e9);
      }
      rates.push(`${n}³ ${median(runs).toFixed(1)}`);
    }
    const kernel = dtype === 'float32' ? `WebAssembly SIMD f32x4${info.fma ? ', relaxed-SIMD FMA' : ', no relaxed SIMD in this runtime'}` : 'WebAssembly SIMD f64x2';
    let line = `  matmul ${dtype} GFLOP/s (${kernel}): lousa ${rates.join(', ')}`;
    if (dtype === 'float32' && typeof torch !== 'string') line += `  pytorch-1t ${Object.entries(torch.matmul).map(([n, v]) => `${n}³ ${v.toFixed(1)}`).join(', ')}`;
    out.push(line);
  }
  return out.join('\n');
}
