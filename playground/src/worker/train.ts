/**
 * Training you can watch: the REPL's `nntrain(task, hidden?, steps?, lr?)` run in the worker, reporting the
 * loss, the steps per second and, for 2-D data, the network's output on a grid (the decision boundary) while it
 * learns. xor and symmetry use the REPL's network (sigmoid hidden layer, ½Σ(y − d)², momentum 0.9); circles
 * and moons a tanh hidden layer with binary cross-entropy on the logit.
 */
import { type Expr, frac, mul, pow, sub } from '../../../src/ast/expr.js';
import { text } from '../../../src/render/text.js';
import { NnError } from '../../../src/nn/errors.js';
import { Model } from '../../../src/nn/model.js';
import { linear, sigmoid, tanh } from '../../../src/nn/layers.js';
import { binaryCrossEntropy } from '../../../src/nn/losses.js';
import { compileEval, compileStep } from '../../../src/nn/train.js';
import { sum, tensor } from '../../../src/nn/tensor.js';
import type { TrainProgress } from '../protocol.js';
import { TASKS, dataset, type Task } from './datasets.js';

const GRID = 48;

function intArg(e: Expr | undefined, fallback: number, what: string, max: number): number {
  if (e === undefined) return fallback;
  if (e.kind !== 'num' || e.value[1] !== 1n || e.value[0] < 1n) throw new NnError(`${what} must be a positive whole number, got ${text(e)}`);
  const n = Number(e.value[0]);
  if (n > max) throw new NnError(`${what} may be at most ${max} on this page, got ${n}`);
  return n;
}

function numArg(e: Expr | undefined, fallback: number, what: string): number {
  if (e === undefined) return fallback;
  const v = e.kind === 'num' ? Number(e.value[0]) / Number(e.value[1]) : e.kind === 'float' ? e.value : NaN;
  if (!(v > 0) || !Number.isFinite(v)) throw new NnError(`${what} must be a positive number, got ${text(e)}`);
  return v;
}

export const isTask = (name: string): name is Task => (TASKS as readonly string[]).includes(name);

/** Train, calling `report` about every 40 ms and at the end; returns the closing line. */
export function runTraining(args: readonly Expr[], report: (p: TrainProgress) => void): string {
  const task = args[0]!;
  if (task.kind !== 'sym') throw new NnError(`nntrain: the task is a name: ${TASKS.join(', ')}`);
  if (task.name === 'names') throw new NnError('nntrain(names) reads names.txt from disk, which the browser page does not have; run it in the terminal (lousa)');
  if (!isTask(task.name)) throw new NnError(`nntrain: unknown task '${task.name}' (${TASKS.join(', ')})`);
  const data = dataset(task.name);
  const truth = task.name === 'xor' || task.name === 'symmetry';
  const hidden = intArg(args[1], truth ? 2 : 8, 'hidden', 256);
  const steps = intArg(args[2], task.name === 'xor' ? 2000 : task.name === 'symmetry' ? 5000 : 1500, 'steps', 200_000);
  const lr = numArg(args[3], task.name === 'xor' ? 0.5 : task.name === 'symmetry' ? 0.1 : 0.3, 'lr');
  const n = data.d.length;

  const m = new Model(1);
  const net = (x: Expr): Expr => truth
    ? sigmoid(linear(m, 'out', sigmoid(linear(m, 'hidden', x, hidden, { init: { uniform: 0.3 } })), 1, { init: { uniform: 0.3 } }))
    : linear(m, 'out', tanh(linear(m, 'hidden', x, hidden)), 1);
  const x = tensor('x', [n, data.inputs]), t = tensor('t', [n, 1]);
  const out = net(x);
  const loss = truth ? mul(frac(1, 2), sum(pow(sub(out, t), frac(2, 1)))) : binaryCrossEntropy(out, t);
  const step = compileStep(m, loss, { optimizer: { kind: 'momentum', momentum: 0.9 } });
  step.input('x').set(data.X);
  step.input('t').set(data.d);

  const title = `${task.name}: ${data.inputs}-${hidden}-1 network, ${m.parameterCount} parameters, ${truth ? '½Σ(y − d)²' : 'cross-entropy'}`;
  let boundary: (() => TrainProgress['boundary']) | undefined;
  const points = data.box === undefined ? undefined : data.d.map((c, i) => [data.X[2 * i]!, data.X[2 * i + 1]!, c] as const);
  if (data.box !== undefined) {
    const box = data.box;
    const grid = tensor('grid', [GRID * GRID, 2]);
    const gridOut = net(grid);
    const program = compileEval(m, [truth ? gridOut : sigmoid(gridOut)]);
    const g = program.input('grid');
    for (let r = 0; r < GRID; r++) {
      for (let c = 0; c < GRID; c++) {
        g[2 * (r * GRID + c)] = box[0] + ((c + 0.5) / GRID) * (box[1] - box[0]);
        g[2 * (r * GRID + c) + 1] = box[3] - ((r + 0.5) / GRID) * (box[3] - box[2]);
      }
    }
    boundary = () => {
      program.run();
      return { size: GRID, box, values: Array.from(program.output(0)) };
    };
  }

  const t0 = performance.now();
  let lastReport = -Infinity, last = NaN;
  for (let k = 1; k <= steps; k++) {
    last = step.step(lr);
    if (!Number.isFinite(last)) throw new NnError(`the loss became ${last} at step ${k}; try a smaller learning rate`);
    const now = performance.now();
    if (now - lastReport > 40 || k === steps || k === 1) {
      lastReport = now;
      const seconds = (now - t0) / 1000;
      report({
        step: k, total: steps, loss: last, stepsPerSecond: seconds > 0 ? k / seconds : 0, title,
        ...(boundary !== undefined ? { boundary: boundary() } : {}),
        ...(points !== undefined && k === 1 ? { points } : {}),
      });
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  return `final loss ${last.toFixed(6)} after ${steps} steps, ${Math.round(steps / Math.max(seconds, 1e-9))} steps/s`;
}
