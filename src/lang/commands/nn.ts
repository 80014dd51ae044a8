/**
 * Neural-network commands: `nntrain(task, hidden?, steps?, lr?)` defines a small network for a dataset and
 * trains it with the compiled step, showing progress lines and the final loss. Tasks: xor (2-h-1 sigmoid,
 * momentum), symmetry (6-h-1, Rumelhart et al. 1986), names (the Bengio et al. 2003 character model on
 * names.txt, batch 32).
 */
import type { Expr } from '../../ast/expr.js';
import { frac, mul, pow, sub } from '../../ast/expr.js';
import { text } from '../../render/text.js';
import { defineCommand } from '../registry.js';
import { NnError } from '../../nn/errors.js';
import { Model } from '../../nn/model.js';
import { linear, sigmoid } from '../../nn/layers.js';
import { compileStep, trainLoop } from '../../nn/train.js';
import { constantLr } from '../../nn/optim.js';
import { sum, tensor } from '../../nn/tensor.js';
import { runBengio } from '../../../papers/bengio2003.js';

function intArgOf(e: Expr | undefined, fallback: number, what: string): number {
  if (e === undefined) return fallback;
  if (e.kind !== 'num' || e.value[1] !== 1n || e.value[0] < 1n) throw new NnError(`${what} must be a positive whole number, got ${text(e)}`);
  return Number(e.value[0]);
}
function numArgOf(e: Expr | undefined, fallback: number, what: string): number {
  if (e === undefined) return fallback;
  if (e.kind === 'num') return Number(e.value[0]) / Number(e.value[1]);
  if (e.kind === 'float') return e.value;
  throw new NnError(`${what} must be a number, got ${text(e)}`);
}

function truthTable(bits: number, f: (x: number[]) => number): { X: number[]; d: number[] } {
  const X: number[] = [], d: number[] = [];
  for (let v = 0; v < 1 << bits; v++) {
    const x = Array.from({ length: bits }, (_, k) => (v >> (bits - 1 - k)) & 1);
    X.push(...x);
    d.push(f(x));
  }
  return { X, d };
}

defineCommand({
  name: 'nntrain',
  usage: 'nntrain(task, hidden?, steps?, lr?)',
  doc: 'train a small network on xor, symmetry or names (names.txt) and show its progress and final loss',
  arity: [1, 4],
  hold: true,
  run(args, session) {
    const task = args[0]!;
    if (task.kind !== 'sym') throw new NnError('nntrain: the task is a name: xor, symmetry or names');
    const lines: string[] = [];
    // Progress lines go out as they come when someone listens (the REPL, the CLI); else they are part of the result.
    const log = (l: string): void => session.progress(l, lines);
    if (task.name === 'names') {
      const r = runBengio({ steps: intArgOf(args[2], 2000, 'steps'), init: 'scaled', evalLimit: 20_000, log });
      lines.push(`final: train ${r.train.toFixed(4)}, dev ${r.dev.toFixed(4)} (bigram baseline ${r.bigram.toFixed(4)})`);
      return { kind: 'text', text: lines.join('\n') };
    }
    if (task.name !== 'xor' && task.name !== 'symmetry') throw new NnError(`nntrain: unknown task '${task.name}' (xor, symmetry, names)`);
    const bits = task.name === 'xor' ? 2 : 6;
    const { X, d } = truthTable(bits, task.name === 'xor' ? (x) => x[0]! ^ x[1]! : (x) => (x.every((b, k) => b === x[bits - 1 - k]) ? 1 : 0));
    const hidden = intArgOf(args[1], 2, 'hidden');
    const steps = intArgOf(args[2], task.name === 'xor' ? 2000 : 5000, 'steps');
    const lr = numArgOf(args[3], task.name === 'xor' ? 0.5 : 0.1, 'lr');
    const m = new Model(1);
    const x = tensor('x', [d.length, bits]), t = tensor('t', [d.length, 1]);
    const out = sigmoid(linear(m, 'out', sigmoid(linear(m, 'hidden', x, hidden, { init: { uniform: 0.3 } })), 1, { init: { uniform: 0.3 } }));
    const step = compileStep(m, mul(frac(1, 2), sum(pow(sub(out, t), frac(2, 1)))), { optimizer: { kind: 'momentum', momentum: 0.9 } });
    step.input('x').set(X);
    step.input('t').set(d);
    log(`${task.name}: ${bits}-${hidden}-1 sigmoid network, ${m.parameterCount} parameters, step compiled in ${step.compileMs.toFixed(0)} ms`);
    const r = trainLoop(step, { steps, lr: constantLr(lr), batch: () => {}, log, every: Math.max(1, Math.floor(steps / 5)) });
    lines.push(`final loss ½Σ(y − d)² = ${r.finalLoss.toFixed(6)}`);
    return { kind: 'text', text: lines.join('\n') };
  },
});
