/**
 * Integration benchmark on the Rubi sample (../shared/data/rubi-sample.jsonl; see its README.md).
 *   npx tsx bench/integrate.ts [--data PATH] [--limit-ms 2000] [--sample N] [--only lousa] [--report FILE.jsonl] [--filter REGEX]
 * --filter keeps the problems whose source file, chapter or integrand matches REGEX.
 * --report writes one line per problem and system (outcome, time, answer) for reading the failures.
 * Each problem runs in a child process that is killed when it exceeds the time limit. Every answer is checked
 * independently of the integrators: its printed form is parsed again, differentiated symbolically (numerically by
 * Richardson-extrapolated central differences where that fails) and compared with the integrand at the problem's
 * points. Lousa, nerdamer, Algebrite and
 * compute-engine run on the same problems in the same run.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

interface Problem { id: string; integrand: string; variable: string; antiderivative: string; chapter: string; points: number[] }
type System = 'lousa' | 'nerdamer' | 'algebrite' | 'compute-engine';
const SYSTEMS: System[] = ['lousa', 'nerdamer', 'algebrite', 'compute-engine'];
interface Answer { ok: boolean; text?: string; ms: number; error?: string }

const here = dirname(fileURLToPath(import.meta.url));

// ------------------------------------------------------------------------------------------ child side

async function solver(system: System, budgetMs: number): Promise<(p: Problem) => string | undefined> {
  const { parse } = await import('../src/parse/parse.js');
  const { text } = await import('../src/render/text.js');
  const { sym } = await import('../src/ast/expr.js');
  if (system === 'lousa') {
    const { integrate } = await import('../src/integrate/integrate.js');
    return (p) => {
      const r = integrate(parse(p.integrand), sym(p.variable), { timeMs: budgetMs });
      return r.kind === 'call' && r.fn === 'integrate' ? undefined : text(r);
    };
  }
  const require = createRequire(import.meta.url);
  if (system === 'nerdamer') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const nerdamer = require('nerdamer') as (s: string) => { toString(): string };
    require('nerdamer/Calculus');
    return (p) => {
      const s = nerdamer(`integrate(${p.integrand}, ${p.variable})`).toString();
      return /integrate/.test(s) ? undefined : s;
    };
  }
  if (system === 'algebrite') {
    const A = require('algebrite') as { run(s: string): string };
    return (p) => {
      const s = A.run(`integral(${p.integrand}, ${p.variable})`);
      return /integral|Stop|error/i.test(s) ? undefined : s;
    };
  }
  const { ComputeEngine } = await import('@cortex-js/compute-engine');
  const { latex } = await import('../src/render/latex.js');
  const ce = new ComputeEngine();
  return (p) => {
    const f = ce.parse(latex(parse(p.integrand)));
    const r = ce.box(['Integrate', f, p.variable]).evaluate();
    const s = r.toString();
    // an unevaluated integral prints as int(… dx): unsolved, not an answer to check
    return /Integrate|Error|Hold|\bint\(|∫/.test(s) ? undefined : s;
  };
}

async function childMain(): Promise<void> {
  const solvers = new Map<System, (p: Problem) => string | undefined>();
  process.on('message', async (m: { system: System; problem: Problem; budgetMs: number }) => {
    let fn = solvers.get(m.system);
    if (fn === undefined) {
      fn = await solver(m.system, m.budgetMs);
      solvers.set(m.system, fn);
    }
    const t = performance.now();
    try {
      const s = fn(m.problem);
      process.send!({ ok: s !== undefined, text: s, ms: performance.now() - t });
    } catch (err) {
      process.send!({ ok: false, ms: performance.now() - t, error: String((err as Error).message).slice(0, 200) });
    }
  });
  process.send!({ ready: true });
}

// ------------------------------------------------------------------------------------------ checking

type Verdict = 'correct' | 'wrong' | 'unverifiable';

async function checker(): Promise<(answer: string, p: Problem) => Verdict> {
  const { parse } = await import('../src/parse/parse.js');
  const { evaluate } = await import('../src/eval/evaluate.js');
  const { diff } = await import('../src/diff/diff.js');
  const { sym, exactFromNumber } = await import('../src/ast/expr.js');
  const { bigDigits } = await import('../src/eval/n-big.js');
  const { substitute } = await import('../src/ast/walk.js');
  type E = ReturnType<typeof parse>;
  /** e at x = x0 (read as the exact binary value of x0) to 30 significant digits, as the sample's own check did. */
  const precise = (e: E, x: string, x0: number): number => {
    try {
      return Number(bigDigits(substitute(e, new Map([[sym(x), exactFromNumber(x0)]])), 30));
    } catch {
      return NaN;
    }
  };
  const value = (e: E, x: string, v: number): number => {
    try { return evaluate(e, { [x]: v }); } catch { return NaN; }
  };
  /** F'(x0) by Richardson-extrapolated central differences (used when the symbolic derivative cannot be taken). */
  const numericDerivative = (F: E, x: string, x0: number): number => {
    const d = (h: number): number => (value(F, x, x0 + h) - value(F, x, x0 - h)) / (2 * h);
    const h = 1e-4 * Math.max(1e-2, Math.abs(x0));
    const r1 = (4 * d(h / 2) - d(h)) / 3;
    const r2 = (4 * d(h / 4) - d(h / 2)) / 3;
    return (16 * r2 - r1) / 15;
  };
  return (answer, p) => {
    let F: E;
    let f: E;
    try {
      F = parse(answer.replace(/\barctan\b/g, 'atan').replace(/\barcsin\b/g, 'asin').replace(/\barccos\b/g, 'acos'));
      f = parse(p.integrand);
    } catch {
      // An answer longer than the parser reads (100,000 characters) cannot be re-read here: not checkable.
      return answer.length > 100_000 ? 'unverifiable' : 'wrong';
    }
    // The answer is re-read from its printed form and differentiated symbolically here, then compared with
    // the integrand at the problem's own points.
    let dF: E | undefined;
    try { dF = diff(F, sym(p.variable)); } catch { dF = undefined; }
    let checked = 0;
    for (const x0 of p.points) {
      const fx = value(f, p.variable, x0);
      // A point where the integrand is real only through complex intermediates (√ of a negative number, …)
      // cannot be checked in real arithmetic.
      if (!Number.isFinite(fx)) continue;
      let d = dF === undefined ? NaN : value(dF, p.variable, x0);
      if (!Number.isFinite(d)) d = numericDerivative(F, p.variable, x0);
      if (!Number.isFinite(d) || Math.abs(d - fx) > 1e-6 * Math.max(1, Math.abs(fx))) {
        // Double precision can lose every digit to cancellation (1 − tanh(11.4) ≈ 2·10⁻¹⁰): decide such a point
        // in 30-digit arithmetic before calling the answer wrong.
        const dp = dF === undefined ? NaN : precise(dF, p.variable, x0);
        const fp = precise(f, p.variable, x0);
        if (!(Number.isFinite(dp) && Number.isFinite(fp) && Math.abs(dp - fp) <= 1e-9 * Math.max(1, Math.abs(fp)))) return 'wrong';
      }
      checked++;
    }
    return checked > 0 ? 'correct' : 'unverifiable';
  };
}

// ------------------------------------------------------------------------------------------ parent side

class Runner {
  private child: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private spawn(): void {
    this.child = fork(fileURLToPath(import.meta.url), ['--child'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const c = this.child;
    this.ready = new Promise((res) => c.once('message', () => res()));
  }
  async run(system: System, problem: Problem, limitMs: number): Promise<Answer | 'timeout'> {
    if (this.child === undefined) this.spawn();
    await this.ready;
    const c = this.child!;
    return new Promise((res) => {
      const timer = setTimeout(() => {
        c.removeAllListeners('message');
        c.kill('SIGKILL');
        this.child = undefined;
        res('timeout');
      }, limitMs + 1500);
      c.once('message', (m: Answer) => {
        clearTimeout(timer);
        res(m.ms > limitMs ? 'timeout' : m);
      });
      c.send({ system, problem, budgetMs: limitMs * 0.8 });
    });
  }
  stop(): void {
    this.child?.kill('SIGKILL');
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function dataPath(): string | undefined {
  const explicit = arg('--data') ?? process.env['LOUSA_DATA'];
  const dir = explicit ?? resolve(here, '..', '..', 'shared', 'data');
  const file = dir.endsWith('.jsonl') ? dir : join(dir, 'rubi-sample.jsonl');
  return existsSync(file) ? file : undefined;
}

function sample<T>(xs: T[], n: number, seed = 42): T[] {
  let s = seed >>> 0;
  const rand = (): number => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, n);
}

const median = (xs: number[]): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

export interface SystemSummary { system: System; correct: number; wrong: number; unverifiable: number; failed: number; timeouts: number; medianMs: number; byChapter: Map<string, [number, number]>; wrongIds: string[] }

export async function runIntegrateBench(opts: { data?: string; limitMs?: number; sample?: number; systems?: System[]; report?: string; filter?: RegExp } = {}): Promise<SystemSummary[]> {
  const file = opts.data ?? dataPath();
  if (file === undefined || !existsSync(file)) {
    throw new Error('rubi-sample.jsonl not found: put the shared data folder at ../shared/data (next to the repository) or pass --data PATH / set LOUSA_DATA; see ../shared/data/README.md for its origin (Rubi test suite, MIT licence)');
  }
  let problems = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Problem);
  if (opts.sample !== undefined) problems = sample(problems, opts.sample);
  const filter = opts.filter;
  if (filter !== undefined) problems = problems.filter((p) => filter.test(`${p.chapter} ${(p as Problem & { source_file?: string }).source_file ?? ''} ${p.integrand}`));
  const limitMs = opts.limitMs ?? 2000;
  const check = await checker();
  const systems = opts.systems ?? SYSTEMS;
  const out: SystemSummary[] = [];
  const workers = [new Runner(), new Runner()];
  const report: string[] = [];
  const note = (system: System, p: Problem, outcome: string, ms: number, text?: string): void => {
    if (opts.report !== undefined) report.push(JSON.stringify({ system, id: p.id, chapter: p.chapter, integrand: p.integrand, outcome, ms: Math.round(ms), answer: text }));
  };
  try {
    for (const system of systems) {
      const summary: SystemSummary = { system, correct: 0, wrong: 0, unverifiable: 0, failed: 0, timeouts: 0, medianMs: NaN, byChapter: new Map(), wrongIds: [] };
      const times: number[] = [];
      let next = 0;
      const work = async (w: Runner): Promise<void> => {
        while (next < problems.length) {
          const p = problems[next++]!;
          const r = await w.run(system, p, limitMs);
          const ch = summary.byChapter.get(p.chapter) ?? [0, 0];
          ch[1]++;
          summary.byChapter.set(p.chapter, ch);
          if (r === 'timeout') { summary.timeouts++; times.push(limitMs); note(system, p, 'timeout', limitMs); continue; }
          times.push(r.ms);
          if (!r.ok || r.text === undefined) { summary.failed++; note(system, p, 'not found', r.ms); continue; }
          const v = check(r.text, p);
          note(system, p, v, r.ms, r.text);
          if (v === 'correct') { summary.correct++; ch[0]++; } else if (v === 'unverifiable') summary.unverifiable++; else { summary.wrong++; summary.wrongIds.push(`${p.id}: ∫ ${p.integrand} → ${r.text.slice(0, 120)}`); }
        }
      };
      await Promise.all(workers.map(work));
      summary.medianMs = median(times);
      out.push(summary);
      const pct = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
      console.log(`\n${system}: ${pct(summary.correct, problems.length)} correct (${summary.correct}/${problems.length}), wrong ${summary.wrong}, not checkable in real arithmetic ${summary.unverifiable} (counted as not correct), not found ${summary.failed}, time-outs ${summary.timeouts}, median ${summary.medianMs.toFixed(1)} ms`);
      for (const [ch, [c, n]] of [...summary.byChapter].sort()) console.log(`  ${ch.padEnd(28)} ${pct(c, n).padStart(6)}  (${c}/${n})`);
      if (system === 'lousa') for (const w of summary.wrongIds.slice(0, 20)) console.log(`  WRONG ${w}`);
    }
  } finally {
    for (const w of workers) w.stop();
    if (opts.report !== undefined) writeFileSync(opts.report, report.join('\n') + '\n');
  }
  return out;
}

if (process.argv.includes('--child')) {
  void childMain();
} else if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const limit = arg('--limit-ms');
  const n = arg('--sample');
  const only = arg('--only');
  const report = arg('--report');
  const filter = arg('--filter');
  const file = dataPath();
  if (file === undefined) {
    console.error('rubi-sample.jsonl not found. Put the shared data folder at ../shared/data next to the repository, pass --data PATH, or set LOUSA_DATA. The data comes from the Rubi test suite (github.com/RuleBasedIntegration/MathematicaSyntaxTestSuite, MIT licence); ../shared/data/README.md describes how the sample was made.');
    process.exit(2);
  }
  runIntegrateBench({ data: file, limitMs: limit === undefined ? 2000 : Number(limit), sample: n === undefined ? undefined : Number(n), systems: only === undefined ? undefined : only.split(',') as System[], report, filter: filter === undefined ? undefined : new RegExp(filter) })
    .then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
}
