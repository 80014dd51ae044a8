/**
 * Kernel benchmark: 20 formulas of the kind Lousa compiles for training, rendering and statistics, evaluated
 * over 1e6 points by Lousa's batched kernel, by the same formula written by hand as a JavaScript loop, by
 * math.js (`compile().evaluate` per point) and by the compute-engine (`compile().run` per point). Reports the
 * median of several runs in ns per point, and the ratios. math.js and the compute-engine are optional peers:
 * when one is not installed its column is skipped with a note.
 */
import { type Expr, numberValue } from '../src/ast/expr.js';
import { parse } from '../src/parse/parse.js';
import { erf } from '../src/ast/special.js';
import { compile } from '../src/numeric/compile/index.js';

type Cols = readonly Float64Array[];
interface Case {
  readonly name: string;
  readonly vars: readonly string[];
  /** One formula in the common syntax of Lousa and math.js. */
  readonly src: string;
  /** Range the inputs are drawn from. */
  readonly range: readonly [number, number];
  readonly hand: (c: Cols, out: Float64Array) => void;
}

const { exp, log, sqrt, tanh, cos, max, pow, PI } = Math;

const CASES: Case[] = [
  { name: 'normal pdf', vars: ['x', 'y', 'z'], range: [0.5, 2], src: 'exp(-(x - y)^2 / (2*z^2)) / (z*sqrt(2*pi))',
    hand: ([x, y, z], o) => { for (let i = 0; i < o.length; i++) { const d = x![i]! - y![i]!; const s = z![i]!; o[i] = exp(-(d * d) / (2 * s * s)) / (s * sqrt(2 * PI)); } } },
  { name: 'logistic loss', vars: ['x', 'y'], range: [-2, 2], src: 'log(1 + exp(-y*x))',
    hand: ([x, y], o) => { for (let i = 0; i < o.length; i++) o[i] = log(1 + exp(-y![i]! * x![i]!)); } },
  { name: 'softplus', vars: ['x'], range: [-5, 5], src: 'log(1 + exp(x))',
    hand: ([x], o) => { for (let i = 0; i < o.length; i++) o[i] = log(1 + exp(x![i]!)); } },
  { name: 'GELU (tanh)', vars: ['x'], range: [-4, 4], src: '0.5*x*(1 + tanh(sqrt(2/pi)*(x + 0.044715*x^3)))',
    hand: ([x], o) => { for (let i = 0; i < o.length; i++) { const v = x![i]!; o[i] = 0.5 * v * (1 + tanh(sqrt(2 / PI) * (v + 0.044715 * v * v * v))); } } },
  { name: 'GELU (erf)', vars: ['x'], range: [-4, 4], src: '0.5*x*(1 + erf(x/sqrt(2)))',
    hand: ([x], o) => { for (let i = 0; i < o.length; i++) { const v = x![i]!; o[i] = 0.5 * v * (1 + erf(v / Math.SQRT2)); } } },
  { name: 'Blinn-Phong', vars: ['x', 'y', 'z'], range: [-1, 3], src: '(0.1 + 0.7*max(0, x) + 0.5*max(0, y)^16) / (1 + 0.09*z + 0.032*z^2)',
    hand: ([x, y, z], o) => { for (let i = 0; i < o.length; i++) { const d = z![i]!; o[i] = (0.1 + 0.7 * max(0, x![i]!) + 0.5 * pow(max(0, y![i]!), 16)) / (1 + 0.09 * d + 0.032 * d * d); } } },
  { name: 'rational', vars: ['x'], range: [-3, 3], src: '(1 + 2*x + 3*x^2) / (1 - x + x^2 + 0.5*x^3)',
    hand: ([x], o) => { for (let i = 0; i < o.length; i++) { const v = x![i]!; o[i] = (1 + 2 * v + 3 * v * v) / (1 - v + v * v + 0.5 * v * v * v); } } },
  { name: 'polynomial', vars: ['x'], range: [-2, 2], src: '3*x^5 - 2*x^4 + x^3 - 7*x^2 + 5*x - 1',
    hand: ([x], o) => { for (let i = 0; i < o.length; i++) { const v = x![i]!; o[i] = 3 * pow(v, 5) - 2 * v * v * v * v + v * v * v - 7 * v * v + 5 * v - 1; } } },
  { name: 'Gaussian mixture', vars: ['x'], range: [-4, 4], src: '0.3*exp(-(x - 1)^2/0.5) + 0.5*exp(-(x + 1)^2/0.8) + 0.2*exp(-x^2/2)',
    hand: ([x], o) => { for (let i = 0; i < o.length; i++) { const v = x![i]!; const a = v - 1; const b = v + 1; o[i] = 0.3 * exp(-(a * a) / 0.5) + 0.5 * exp(-(b * b) / 0.8) + 0.2 * exp(-(v * v) / 2); } } },
  { name: 'sigmoid', vars: ['x'], range: [-6, 6], src: '1/(1 + exp(-x))',
    hand: ([x], o) => { for (let i = 0; i < o.length; i++) o[i] = 1 / (1 + exp(-x![i]!)); } },
  { name: "tanh'", vars: ['x'], range: [-3, 3], src: '1 - tanh(x)^2',
    hand: ([x], o) => { for (let i = 0; i < o.length; i++) { const t = tanh(x![i]!); o[i] = 1 - t * t; } } },
  { name: 'cross-entropy', vars: ['x', 'y'], range: [0.05, 0.95], src: '-(y*log(x) + (1 - y)*log(1 - x))',
    hand: ([x, y], o) => { for (let i = 0; i < o.length; i++) { const p = x![i]!; const t = y![i]!; o[i] = -(t * log(p) + (1 - t) * log(1 - p)); } } },
  { name: 'Rosenbrock', vars: ['x', 'y'], range: [-2, 2], src: '(1 - x)^2 + 100*(y - x^2)^2',
    hand: ([x, y], o) => { for (let i = 0; i < o.length; i++) { const a = 1 - x![i]!; const b = y![i]! - x![i]! * x![i]!; o[i] = a * a + 100 * b * b; } } },
  { name: 'swish', vars: ['x'], range: [-5, 5], src: 'x/(1 + exp(-x))',
    hand: ([x], o) => { for (let i = 0; i < o.length; i++) { const v = x![i]!; o[i] = v / (1 + exp(-v)); } } },
  { name: 'distance', vars: ['x', 'y', 'z'], range: [-3, 3], src: 'sqrt(x^2 + y^2 + z^2)',
    hand: ([x, y, z], o) => { for (let i = 0; i < o.length; i++) { const a = x![i]!; const b = y![i]!; const c = z![i]!; o[i] = sqrt(a * a + b * b + c * c); } } },
  { name: 'Lennard-Jones', vars: ['x'], range: [0.9, 3], src: '4*(x^(-12) - x^(-6))',
    hand: ([x], o) => { for (let i = 0; i < o.length; i++) { const v = x![i]!; o[i] = 4 * (pow(v, -12) - pow(v, -6)); } } },
  { name: 'log-sum-exp', vars: ['x', 'y', 'z'], range: [-3, 3], src: 'log(exp(x) + exp(y) + exp(z))',
    hand: ([x, y, z], o) => { for (let i = 0; i < o.length; i++) o[i] = log(exp(x![i]!) + exp(y![i]!) + exp(z![i]!)); } },
  { name: 'pseudo-Huber', vars: ['x'], range: [-5, 5], src: 'sqrt(1 + x^2) - 1',
    hand: ([x], o) => { for (let i = 0; i < o.length; i++) { const v = x![i]!; o[i] = sqrt(1 + v * v) - 1; } } },
  { name: 'Cauchy pdf', vars: ['x', 'y', 'z'], range: [0.5, 2], src: '1/(pi*z*(1 + ((x - y)/z)^2))',
    hand: ([x, y, z], o) => { for (let i = 0; i < o.length; i++) { const s = z![i]!; const u = (x![i]! - y![i]!) / s; o[i] = 1 / (PI * s * (1 + u * u)); } } },
  { name: 'damped wave', vars: ['x', 'y'], range: [0, 10], src: 'exp(-0.1*x)*cos(3*x + y)',
    hand: ([x, y], o) => { for (let i = 0; i < o.length; i++) { const v = x![i]!; o[i] = exp(-0.1 * v) * cos(3 * v + y![i]!); } } },
];

// Peers, typed by the little that is used here.
interface MathJs { compile(src: string): { evaluate(scope: Record<string, number>): number } }
interface ComputeEngineModule {
  ComputeEngine: new () => { box(json: unknown): unknown };
  compile(e: unknown): { success: boolean; run: (scope: Record<string, number>) => number };
}

/** Lousa expression → MathJSON, for the compute-engine (same formula, no LaTeX round trip). */
function mathJson(e: Expr): unknown {
  const NAMES: Record<string, string> = { exp: 'Exp', log: 'Ln', tanh: 'Tanh', erf: 'Erf', max: 'Max', cos: 'Cos', sin: 'Sin' };
  switch (e.kind) {
    case 'num': case 'float': return numberValue(e);
    case 'sym': return e.name === 'pi' ? 'Pi' : e.name === 'e' ? 'ExponentialE' : e.name;
    case 'add': return ['Add', ...e.args.map(mathJson)];
    case 'mul': return ['Multiply', ...e.args.map(mathJson)];
    case 'pow': return ['Power', mathJson(e.base), mathJson(e.exp)];
    case 'call': return [NAMES[e.fn] ?? e.fn, ...e.args.map(mathJson)];
    default: throw new Error(`no MathJSON for ${e.kind}`);
  }
}

async function optional<T>(name: string): Promise<T | undefined> {
  try {
    // The module name is a variable so that the benchmark typechecks and runs without the peer installed.
    return (await import(name)) as T;
  } catch {
    return undefined;
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** ns per point: median of `runs` timed runs after one warm-up. */
function time(runs: number, points: number, f: () => void): number {
  return timeAll(runs, points, [f])[0]!;
}

/** Several contenders timed in alternation (so that GC and machine noise fall on all alike). */
function timeAll(runs: number, points: number, fs: readonly (() => void)[]): number[] {
  for (const f of fs) f();
  const ts = fs.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) {
    fs.forEach((f, k) => {
      const t0 = performance.now();
      f();
      ts[k]!.push(performance.now() - t0);
    });
  }
  return ts.map((t) => (median(t) * 1e6) / points);
}

export interface KernelBenchRow {
  name: string;
  lousa: number;
  hand: number;
  mathjs?: number;
  computeEngine?: number;
  maxRelDiff: number;
}

export async function runKernelBench(opts: { points?: number; slowPoints?: number; runs?: number } = {}): Promise<KernelBenchRow[]> {
  const N = opts.points ?? 1_000_000;
  const NS = opts.slowPoints ?? 100_000;
  const RUNS = opts.runs ?? 5;
  const math = await optional<MathJs & { default?: MathJs }>('mathjs');
  const ce = await optional<ComputeEngineModule>('@cortex-js/compute-engine');
  const log = (s: string): void => console.log(s);
  log(`kernels: ${CASES.length} formulas, ${N.toExponential(0)} points (peers per point on ${NS.toExponential(0)}), median of ${RUNS} runs, ns/point`);
  if (math === undefined) log('  math.js is not installed: its column is skipped');
  if (ce === undefined) log('  @cortex-js/compute-engine is not installed: its column is skipped');
  const engine = ce === undefined ? undefined : new ce.ComputeEngine();
  const rows: KernelBenchRow[] = [];
  let seed = 12345;
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (const c of CASES) {
    const cols = c.vars.map(() => Float64Array.from({ length: N }, () => c.range[0] + (c.range[1] - c.range[0]) * rand()));
    const k = compile(parse(c.src), c.vars);
    const outK = new Float64Array(N);
    const outH = new Float64Array(N);
    const [lousa, hand] = timeAll(RUNS, N, [() => k.batch(cols, outK), () => c.hand(cols, outH)]) as [number, number];
    let maxRelDiff = 0;
    for (let i = 0; i < N; i++) maxRelDiff = Math.max(maxRelDiff, Math.abs(outK[i]! - outH[i]!) / Math.max(1e-300, Math.abs(outH[i]!)));
    const row: KernelBenchRow = { name: c.name, lousa, hand, maxRelDiff };
    const scope: Record<string, number> = {};
    const out = new Float64Array(NS);
    const perPoint = (f: (s: Record<string, number>) => number) => () => {
      for (let i = 0; i < NS; i++) {
        for (let v = 0; v < c.vars.length; v++) scope[c.vars[v]!] = cols[v]![i]!;
        out[i] = f(scope);
      }
    };
    const mj = math?.compile !== undefined ? math : math?.default;
    if (mj !== undefined) {
      const code = mj.compile(c.src);
      row.mathjs = time(Math.min(RUNS, 3), NS, perPoint((s) => code.evaluate(s)));
    }
    if (ce !== undefined && engine !== undefined) {
      const r = ce.compile(engine.box(mathJson(parse(c.src))));
      if (r.success) row.computeEngine = time(Math.min(RUNS, 3), NS, perPoint((s) => r.run(s)));
    }
    rows.push(row);
    const fmt = (v: number | undefined): string => (v === undefined ? '      —' : v.toFixed(1).padStart(7));
    const ratio = (v: number | undefined): string => (v === undefined ? '     —' : `${(v / lousa).toFixed(0).padStart(5)}×`);
    log(`  ${c.name.padEnd(17)} lousa ${fmt(lousa)}  hand ${fmt(hand)}  (${(hand / lousa).toFixed(2)}× hand speed)  `
      + `math.js ${fmt(row.mathjs)} ${ratio(row.mathjs)}  compute-engine ${fmt(row.computeEngine)} ${ratio(row.computeEngine)}  max rel diff ${maxRelDiff.toExponential(1)}`);
  }
  const geo = (f: (r: KernelBenchRow) => number | undefined): string => {
    const xs = rows.map(f).filter((v): v is number => v !== undefined);
    return xs.length === 0 ? '—' : `${Math.exp(xs.reduce((s, v) => s + Math.log(v), 0) / xs.length).toFixed(2)}×`;
  };
  log(`  geometric means: lousa at ${geo((r) => r.hand / r.lousa)} hand-written speed, `
    + `${geo((r) => (r.mathjs === undefined ? undefined : r.mathjs / r.lousa))} faster than math.js, `
    + `${geo((r) => (r.computeEngine === undefined ? undefined : r.computeEngine / r.lousa))} faster than compute-engine`);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) await runKernelBench();
