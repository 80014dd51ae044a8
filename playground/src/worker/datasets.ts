/**
 * The training sets of the page's `nntrain` tasks. xor and symmetry are the truth tables the REPL's nntrain
 * uses; circles and moons are the two classic 2-D toy sets (a ring around a disc; two interleaved half
 * circles), drawn with a seeded generator so a run is repeatable.
 */
import { Rng } from '../../../src/stats/rng.js';

export interface Dataset {
  readonly inputs: number;
  readonly X: number[];
  readonly d: number[];
  /** For 2-D sets: the square drawn behind the decision boundary [xmin, xmax, ymin, ymax]. */
  readonly box?: readonly [number, number, number, number];
}

function truthTable(bits: number, f: (x: number[]) => number): Dataset {
  const X: number[] = [], d: number[] = [];
  for (let v = 0; v < 1 << bits; v++) {
    const x = Array.from({ length: bits }, (_, k) => (v >> (bits - 1 - k)) & 1);
    X.push(...x);
    d.push(f(x));
  }
  return { inputs: bits, X, d, ...(bits === 2 ? { box: [-0.5, 1.5, -0.5, 1.5] as const } : {}) };
}

function circles(n: number, rng: Rng): Dataset {
  const X: number[] = [], d: number[] = [];
  for (let i = 0; i < n; i++) {
    const inner = i % 2 === 0;
    const r = (inner ? 0.45 : 1) + 0.08 * rng.normal();
    const t = 2 * Math.PI * rng.next();
    X.push(r * Math.cos(t), r * Math.sin(t));
    d.push(inner ? 1 : 0);
  }
  return { inputs: 2, X, d, box: [-1.5, 1.5, -1.5, 1.5] };
}

function moons(n: number, rng: Rng): Dataset {
  const X: number[] = [], d: number[] = [];
  for (let i = 0; i < n; i++) {
    const upper = i % 2 === 0;
    const t = Math.PI * rng.next();
    const x = upper ? Math.cos(t) : 1 - Math.cos(t);
    const y = upper ? Math.sin(t) : 0.5 - Math.sin(t);
    X.push(x + 0.1 * rng.normal() - 0.5, y + 0.1 * rng.normal() - 0.25);
    d.push(upper ? 1 : 0);
  }
  return { inputs: 2, X, d, box: [-2, 2, -1.5, 1.5] };
}

export const TASKS = ['xor', 'symmetry', 'circles', 'moons'] as const;
export type Task = (typeof TASKS)[number];

export function dataset(task: Task): Dataset {
  switch (task) {
    case 'xor': return truthTable(2, (x) => x[0]! ^ x[1]!);
    case 'symmetry': return truthTable(6, (x) => (x.every((b, k) => b === x[5 - k]) ? 1 : 0));
    case 'circles': return circles(200, new Rng(7));
    case 'moons': return moons(200, new Rng(11));
  }
}
