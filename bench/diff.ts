/**
 * Symbolic differentiation against the peers, on the same generated problems in the same run: Lousa `diff`,
 * math.js `simplify(derivative(f, x))`, nerdamer `diff`, Algebrite `d` and compute-engine `D`. Each problem is
 * generated as a Lousa expression in x (sin cos tan exp log sqrt, powers, products, quotients, compositions) and
 * printed for each peer in its own input language (fully parenthesised infix for math.js, nerdamer and
 * Algebrite, MathJSON for compute-engine). Inputs are parsed before timing; only differentiation is timed.
 *
 * Correctness: every answer is read back into Lousa (text through `parse` after light spelling fixes;
 * MathJSON through a small converter) and compared with a Richardson-extrapolated central difference of f at
 * five points. Size: each answer read back into Lousa, counted as distinct DAG nodes and as tree nodes.
 */
import { type Expr, add, call, children, frac, int, mul, pow, sym, HALF } from '../src/ast/expr.js';
import { parse } from '../src/parse/parse.js';
import { text } from '../src/render/text.js';
import { evaluate } from '../src/eval/evaluate.js';
import { diff } from '../src/diff/index.js';
import { dependsOn } from '../src/rewrite/free.js';
import { numericDerivative } from '../test/calculus/numeric.js';
import { median, race, report, seeded, type Contender } from './harness.js';

const X = sym('x');
const FNS = ['sin', 'cos', 'tan', 'exp', 'log', 'sqrt'] as const;
const POINTS = [0.37, 0.81, 1.23, 1.69, 2.31];

/** A random expression in x of the given depth. */
function generate(rand: () => number, depth: number): Expr {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  if (depth === 0 || rand() < 0.1) {
    const r = rand();
    if (r < 0.7) return X;
    if (r < 0.9) return int(Math.floor(rand() * 7) + 1);
    return frac(Math.floor(rand() * 5) + 1, Math.floor(rand() * 4) + 2);
  }
  const sub = (): Expr => generate(rand, depth - 1);
  const k = rand();
  if (k < 0.2) return add(sub(), sub());
  if (k < 0.4) return mul(sub(), sub());
  if (k < 0.5) return mul(sub(), pow(sub(), int(-1)));
  if (k < 0.6) return pow(sub(), int(pick([2, 3, 4, -2])));
  if (k < 0.65) return pow(sub(), frac(pick([1, 3, -1]), pick([2, 3])));
  const fn = pick(FNS);
  return fn === 'sqrt' ? pow(sub(), HALF) : call(fn, [sub()]);
}

export interface Problem {
  readonly f: Expr;
  /** Points where the reference derivative is reliable, with its value. */
  readonly refs: readonly (readonly [number, number])[];
}

/** The benchmark's problems: `n` distinct functions of x with reliable reference derivatives at ≥ 3 points. */
export function diffProblems(n: number, seed = 20261126): Problem[] {
  const rand = seeded(seed);
  const out: Problem[] = [];
  const seen = new Set<Expr>();
  while (out.length < n) {
    const f = generate(rand, 3 + Math.floor(rand() * 2));
    if (seen.has(f) || !dependsOn(f, 'x') || children(f).length === 0) continue;
    seen.add(f);
    const refs: [number, number][] = [];
    for (const p of POINTS) {
      const d = numericDerivative(f, 'x', { x: p });
      if (d !== undefined) refs.push([p, d]);
    }
    if (refs.length >= 3) out.push({ f, refs });
  }
  return out;
}

// ---- printing a Lousa expression for the peers ----

const numText = (e: Expr & { kind: 'num' }): string => {
  const [p, q] = e.value;
  return q === 1n ? (p < 0n ? `(${p})` : `${p}`) : `(${p}/${q})`;
};

/** Fully parenthesised infix with `*`, `/`, `^`, sqrt and natural log: read alike by math.js, nerdamer, Algebrite. */
export function infix(e: Expr): string {
  switch (e.kind) {
    case 'num': return numText(e);
    case 'sym': return e.name;
    case 'add': return `(${e.args.map(infix).join(' + ')})`;
    case 'mul': return `(${e.args.map(infix).join('*')})`;
    case 'pow':
      if (e.exp === HALF) return `sqrt(${infix(e.base)})`;
      return `(${infix(e.base)})^${infix(e.exp)}`;
    case 'call': return `${e.fn}(${e.args.map(infix).join(', ')})`;
    default: throw new Error(`cannot print ${text(e)} for the peers`);
  }
}

type Json = number | string | Json[];
const CE_FN: Record<string, string> = { sin: 'Sin', cos: 'Cos', tan: 'Tan', exp: 'Exp', log: 'Ln' };

function mathJson(e: Expr): Json {
  switch (e.kind) {
    case 'num': {
      const [p, q] = e.value;
      return q === 1n ? Number(p) : ['Rational', Number(p), Number(q)];
    }
    case 'sym': return e.name;
    case 'add': return ['Add', ...e.args.map(mathJson)];
    case 'mul': return ['Multiply', ...e.args.map(mathJson)];
    case 'pow': return e.exp === HALF ? ['Sqrt', mathJson(e.base)] : ['Power', mathJson(e.base), mathJson(e.exp)];
    case 'call': return [CE_FN[e.fn]!, ...e.args.map(mathJson)];
    default: throw new Error(`cannot print ${text(e)} as MathJSON`);
  }
}

// ---- reading the peers' answers back into Lousa ----

/** Light spelling fixes: `**` powers, `ln`, and `e` followed by `^` as the exponential constant (Lousa reads `e`). */
const fromText = (s: string): Expr => parse(s.replace(/\*\*/g, '^').replace(/\bln\(/g, 'log('));

const CE_BACK: Record<string, (a: Expr[]) => Expr> = {
  Add: (a) => add(...a),
  Subtract: (a) => add(a[0]!, mul(int(-1), a[1]!)),
  Multiply: (a) => mul(...a),
  Divide: (a) => mul(a[0]!, pow(a[1]!, int(-1))),
  Negate: (a) => mul(int(-1), a[0]!),
  Power: (a) => pow(a[0]!, a[1]!),
  Square: (a) => pow(a[0]!, int(2)),
  Sqrt: (a) => pow(a[0]!, HALF),
  Root: (a) => pow(a[0]!, pow(a[1]!, int(-1))),
  Exp: (a) => call('exp', a),
  Ln: (a) => call('log', a),
  Rational: (a) => mul(a[0]!, pow(a[1]!, int(-1))),
  ...Object.fromEntries(['Sin', 'Cos', 'Tan', 'Sec', 'Csc', 'Cot', 'Sinh', 'Cosh', 'Tanh', 'Abs', 'Sign'].map((f) => [f, (a: Expr[]) => call(f.toLowerCase(), a)])),
};

function fromMathJson(j: unknown): Expr {
  if (typeof j === 'number') return Number.isInteger(j) ? int(j) : parse(String(j));
  if (typeof j === 'string') {
    if (j === 'ExponentialE') return sym('e');
    if (j === 'Pi') return sym('pi');
    if (j === 'Half') return HALF;
    return sym(j);
  }
  if (Array.isArray(j) && typeof j[0] === 'string') {
    const f = CE_BACK[j[0]];
    if (f === undefined) throw new Error(`compute-engine answer uses ${j[0]}`);
    return f(j.slice(1).map(fromMathJson));
  }
  if (typeof j === 'object' && j !== null && 'num' in j) return parse(String((j as { num: string }).num));
  throw new Error(`unreadable MathJSON ${JSON.stringify(j)}`);
}

// ---- measuring ----

function dagSize(e: Expr): number {
  const seen = new Set<Expr>();
  const stack = [e];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (seen.has(x)) continue;
    seen.add(x);
    stack.push(...children(x));
  }
  return seen.size;
}

function treeSize(e: Expr, memo = new Map<Expr, number>()): number {
  const hit = memo.get(e);
  if (hit !== undefined) return hit;
  let n = 1;
  for (const k of children(e)) n += treeSize(k, memo);
  memo.set(e, n);
  return n;
}

function agrees(d: Expr, p: Problem): boolean {
  for (const [x, ref] of p.refs) {
    let v: number;
    try {
      v = evaluate(d, { x });
    } catch {
      return false;
    }
    if (!(Math.abs(v - ref) <= 1e-5 * Math.max(1, Math.abs(ref)))) return false;
  }
  return true;
}

interface Peer {
  readonly name: string;
  /** How many of the problems (the first ones) this peer is given. */
  readonly count: number;
  /** Prepares problem i (parsing, outside the timing); returns the differentiation to time. */
  readonly prepare: (p: Problem) => () => unknown;
  /** The answer read back into Lousa. */
  readonly readBack: (answer: unknown) => Expr;
}

interface Tally { name: string; correct: number; count: number; failed: number; dag: (number | undefined)[]; tree: (number | undefined)[]; wrong: string[] }

/** A module without type declarations, loaded by a name TypeScript does not resolve. */
const load = (name: string): Promise<unknown> => import(name);

async function peers(n: number): Promise<{ list: Peer[]; notes: string[] }> {
  const list: Peer[] = [];
  const notes: string[] = [];
  const share = (k: number): number => Math.min(n, k);
  try {
    const math = await import('mathjs');
    list.push({
      name: 'math.js simplify(derivative(f, x))', count: share(Math.ceil(n / 5)),
      prepare: (p) => {
        const node = math.parse(infix(p.f));
        return () => math.simplify(math.derivative(node, 'x', { simplify: false }));
      },
      readBack: (a) => fromText(String(a)),
    });
  } catch {
    notes.push('  math.js is not installed: skipped');
  }
  try {
    const nerdamer = (await import('nerdamer')).default;
    await load('nerdamer/Calculus.js');
    list.push({
      name: 'nerdamer diff(f, x)', count: share(n),
      prepare: (p) => {
        const s = infix(p.f);
        return () => nerdamer.diff(s, 'x').toString();
      },
      readBack: (a) => fromText(String(a)),
    });
  } catch {
    notes.push('  nerdamer is not installed: skipped');
  }
  try {
    const Algebrite = ((await load('algebrite')) as { default: { run: (s: string) => string } }).default;
    list.push({
      name: 'Algebrite d(f, x)', count: share(Math.ceil(n / 20)),
      prepare: (p) => {
        const s = `d(${infix(p.f)}, x)`;
        return () => Algebrite.run(s);
      },
      readBack: (a) => fromText(String(a)),
    });
  } catch {
    notes.push('  Algebrite is not installed: skipped');
  }
  try {
    const { ComputeEngine } = await import('@cortex-js/compute-engine');
    const ce = new ComputeEngine();
    list.push({
      name: 'compute-engine D(f, x)', count: share(Math.ceil(n / 10)),
      prepare: (p) => {
        // Parsed and canonicalised once, outside the timing; D is applied to the boxed expression.
        const f = ce.box(mathJson(p.f) as never);
        return () => ce.box(['D', f.json, 'x'] as never).evaluate();
      },
      readBack: (a) => fromMathJson((a as { json: unknown }).json),
    });
  } catch {
    notes.push('  compute-engine is not installed: skipped');
  }
  return { list, notes };
}

function tallyOf(name: string, ps: readonly Problem[], answers: readonly unknown[], readBack: (a: unknown) => Expr): Tally {
  const t: Tally = { name, correct: 0, count: ps.length, failed: 0, dag: [], tree: [], wrong: [] };
  ps.forEach((p, i) => {
    const a = answers[i];
    if (a instanceof Error) {
      t.failed++;
      t.wrong.push(`${text(p.f)}  →  error ${a.message}`);
      return;
    }
    let d: Expr;
    try {
      d = readBack(a);
    } catch (err) {
      t.failed++;
      t.wrong.push(`${text(p.f)}  →  unreadable ${String(a)} (${(err as Error).message})`);
      return;
    }
    if (agrees(d, p)) t.correct++;
    else t.wrong.push(`${text(p.f)}  →  ${text(d)}`);
    t.dag[i] = dagSize(d);
    t.tree[i] = treeSize(d);
  });
  return t;
}

const attempt = (f: () => unknown): unknown => {
  try {
    return f();
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
};

export async function runDiffBench(n = Number(process.env.LOUSA_DIFF_BENCH_N ?? 300)): Promise<string> {
  const ps = diffProblems(n);
  const { list, notes } = await peers(n);
  const lousaAnswers = ps.map((p) => attempt(() => diff(p.f, X)));
  const tallies = [tallyOf('Lousa diff(f, x)', ps, lousaAnswers, (a) => parse(text(a as Expr)))];
  const contenders: Contender[] = [{ name: 'Lousa diff(f, x)', run: () => ps.map((p) => diff(p.f, X)) }];
  for (const peer of list) {
    const mine = ps.slice(0, peer.count);
    const jobs = mine.map((p) => peer.prepare(p));
    const answers = jobs.map((j) => attempt(j));
    tallies.push(tallyOf(peer.name, mine, answers, peer.readBack));
    contenders.push({ name: peer.name, count: peer.count, run: () => jobs.map((j) => attempt(j)) });
  }
  const timings = race(contenders, 5);

  const base = tallies[0]!;
  const mean = (xs: readonly number[]): number => xs.reduce((s, v) => s + v, 0) / Math.max(1, xs.length);
  const sizes = (dag: readonly number[], tree: readonly number[]): string =>
    `median ${median(dag)} DAG / ${median(tree)} tree nodes, mean tree ${mean(tree).toFixed(1)}`;
  const sizeLines = tallies.map((t, k) => {
    const failed = t.failed > 0 ? `, ${t.failed} failed or unreadable` : '';
    const head = `  ${t.name.padEnd(40)} ${`${t.correct}/${t.count}`.padStart(8)} correct${failed}`;
    // Sizes over the problems both Lousa and this peer answered readably.
    const both = [...Array(t.count).keys()].filter((i) => t.tree[i] !== undefined && base.tree[i] !== undefined);
    const pick = (xs: readonly (number | undefined)[]): number[] => both.map((i) => xs[i]!);
    if (k === 0) return `${head}   ${sizes(pick(t.dag), pick(t.tree))}`;
    const ratio = mean(pick(base.tree)) / mean(pick(t.tree));
    return `${head}   ${sizes(pick(t.dag), pick(t.tree))};  Lousa on the same ${both.length}: ${sizes(pick(base.dag), pick(base.tree))} (${ratio.toFixed(2)}× theirs)`;
  });
  const inputSize = median(ps.map((p) => treeSize(p.f)));
  return [
    report(`Derivatives of ${ps.length} generated functions of x (median input ${inputSize} tree nodes), median of 5 runs`, timings, { count: ps.length, what: 'derivative' }),
    '  Correct (agrees with a Richardson central difference at 3–5 points, rel. tol. 1e-5) and result size,',
    '  every answer read back into Lousa: distinct DAG nodes and tree nodes:',
    ...sizeLines,
    ...notes,
    ...(process.env.LOUSA_DIFF_BENCH_SHOW ? tallies.flatMap((t) => t.wrong.slice(0, 8).map((w) => `    ${t.name}: ${w}`)) : []),
  ].join('\n');
}
