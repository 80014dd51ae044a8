/**
 * Rumelhart, Hinton & Williams (1986), "Learning representations by back-propagating errors", Nature 323:
 * the symmetry problem (is a 6-bit input a palindrome?) learned by a 6-2-1 network of logistic units with
 * momentum, ε = 0.1 and α = 0.9, error E = ½ Σ (y − d)² summed over all 64 cases per sweep. The paper reports
 * 1,425 sweeps and hidden weights that are equal and opposite for mirror-image inputs, in the ratio 1:2:4.
 * XOR (2-2-1) is trained the same way. Every sweep is one compiled full-batch step.
 */
import { type Expr, frac, mul, pow, sub } from '../src/ast/expr.js';
import { Model } from '../src/nn/model.js';
import { linear, sigmoid } from '../src/nn/layers.js';
import { compileEval, compileStep } from '../src/nn/train.js';
import { sum, tensor } from '../src/nn/tensor.js';

export interface RumelhartOptions {
  readonly seeds?: number;
  readonly maxSweeps?: number;
  /** Converged when every output is within this distance of its target. */
  readonly tolerance?: number;
  readonly log?: (line: string) => void;
}

export interface SymmetryRun {
  readonly seed: number; readonly sweeps: number | null;
  /** Per hidden unit: w_i + w_{7−i} relative to the largest weight (0 for exact antisymmetry), and |w| ratios. */
  readonly antisymmetry: number[]; readonly ratios: number[][]; readonly hidden: number[][];
}

function patterns(bits: number, target: (x: number[]) => number): { X: number[]; d: number[] } {
  const X: number[] = [], d: number[] = [];
  for (let v = 0; v < 1 << bits; v++) {
    const x = Array.from({ length: bits }, (_, k) => (v >> (bits - 1 - k)) & 1);
    X.push(...x);
    d.push(target(x));
  }
  return { X, d };
}

function net(m: Model, n: number, inputs: number, hidden: number): { out: Expr; loss: Expr } {
  const x = tensor('x', [n, inputs]), d = tensor('d', [n, 1]);
  const init = { uniform: 0.3 };
  const h = sigmoid(linear(m, 'hidden', x, hidden, { init }));
  const out = sigmoid(linear(m, 'out', h, 1, { init }));
  return { out, loss: mul(frac(1, 2), sum(pow(sub(out, d), frac(2, 1)))) };
}

/** Train one network until every output is within `tol`; returns the sweeps taken (null if it never got there). */
function trainUntil(bits: number, hidden: number, target: (x: number[]) => number, seed: number, lr: number, maxSweeps: number, tol: number) {
  const { X, d } = patterns(bits, target);
  const n = d.length;
  const m = new Model(seed);
  const { out, loss } = net(m, n, bits, hidden);
  const step = compileStep(m, loss, { optimizer: { kind: 'momentum', momentum: 0.9 } });
  step.input('x').set(X);
  step.input('d').set(d);
  const ev = compileEval(m, [out]);
  ev.input('x').set(X);
  for (let s = 1; s <= maxSweeps; s++) {
    step.step(lr);
    if (s % 5 === 0 || s === maxSweeps) {
      ev.run();
      const y = ev.output(0);
      let worst = 0;
      for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(y[i]! - d[i]!));
      if (worst < tol) return { sweeps: s, model: m };
    }
  }
  return { sweeps: null, model: m };
}

const isPalindrome = (x: number[]): number => (x.every((b, k) => b === x[x.length - 1 - k]) ? 1 : 0);

export function runSymmetry(o: RumelhartOptions = {}): SymmetryRun[] {
  const runs: SymmetryRun[] = [];
  for (let seed = 1; seed <= (o.seeds ?? 20); seed++) {
    const r = trainUntil(6, 2, isPalindrome, seed, 0.1, o.maxSweeps ?? 40_000, o.tolerance ?? 0.4);
    const W = r.model.params.get('hidden.W')!.data; // [6, 2]
    const hidden = [0, 1].map((j) => Array.from({ length: 6 }, (_, i) => W[i * 2 + j]!));
    const antisymmetry = hidden.map((w) => {
      const big = Math.max(...w.map(Math.abs));
      return Math.max(...[0, 1, 2].map((i) => Math.abs(w[i]! + w[5 - i]!))) / big;
    });
    const ratios = hidden.map((w) => {
      const mags = [0, 1, 2].map((i) => (Math.abs(w[i]!) + Math.abs(w[5 - i]!)) / 2).sort((a, b) => a - b);
      return mags.map((v) => v / mags[0]!);
    });
    runs.push({ seed, sweeps: r.sweeps, antisymmetry, ratios, hidden });
    o.log?.(`seed ${String(seed).padStart(2)}: ${r.sweeps === null ? 'not converged' : `${r.sweeps} sweeps`}; `
      + `hidden weights ${hidden.map((w) => `[${w.map((v) => v.toFixed(2)).join(' ')}]`).join(' ')}; `
      + `|w| ratios ${ratios.map((q) => q.map((v) => v.toFixed(2)).join(':')).join(', ')}`);
  }
  return runs;
}

export function runXor(o: RumelhartOptions = {}): (number | null)[] {
  const out: (number | null)[] = [];
  for (let seed = 1; seed <= (o.seeds ?? 20); seed++) {
    const r = trainUntil(2, 2, (x) => x[0]! ^ x[1]!, seed, 0.5, o.maxSweeps ?? 20_000, o.tolerance ?? 0.4);
    out.push(r.sweeps);
  }
  o.log?.(`XOR 2-2-1 (ε = 0.5, α = 0.9): sweeps per seed ${out.map((s) => s ?? '—').join(', ')}`);
  return out;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}
