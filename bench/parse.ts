/**
 * Parse + print throughput on a corpus of generated expressions: Lousa `text(parse(s))` against math.js
 * `parse(s).toString()` on the same text, and compute-engine `parse(l).latex` on the same expressions written in
 * LaTeX (its input language).
 */
import { type Expr, add, call, frac, int, mul, neg, pow, sym } from '../src/ast/expr.js';
import { FUNCTIONS } from '../src/ast/ops.js';
import { parse } from '../src/parse/parse.js';
import { text } from '../src/render/text.js';
import { latex } from '../src/render/latex.js';
import { race, report, seeded, type Contender } from './harness.js';

const NAMES = ['x', 'y', 'z', 'alpha', 'theta', 'x_1', 'W_q', 'pi'];
const FNS = ['sin', 'cos', 'tan', 'exp', 'log', 'sqrt', 'atan', 'tanh', 'abs', 'cosh'];

function generate(rand: () => number, depth: number): Expr {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  if (depth === 0 || rand() < 0.25) {
    const r = rand();
    if (r < 0.45) return sym(pick(NAMES));
    if (r < 0.85) return int(Math.floor(rand() * 20) - 5);
    return frac(Math.floor(rand() * 9) + 1, Math.floor(rand() * 8) + 2);
  }
  const k = rand();
  const sub = (): Expr => generate(rand, depth - 1);
  if (k < 0.3) return add(sub(), sub(), ...(rand() < 0.4 ? [sub()] : []));
  if (k < 0.55) return mul(sub(), sub());
  if (k < 0.7) return pow(sub(), int(Math.floor(rand() * 4) + 2));
  if (k < 0.78) return neg(sub());
  if (k < 0.86) return mul(sub(), pow(sub(), int(-1)));
  const fn = pick(FNS);
  return fn === 'sqrt' ? pow(sub(), frac(1, 2)) : call(fn, [sub()]);
}

export async function runParseBench(): Promise<string> {
  void FUNCTIONS;
  const rand = seeded(20261125);
  const exprs: Expr[] = [];
  while (exprs.length < 3000) exprs.push(generate(rand, 4));
  const texts = exprs.map(text);
  const latexes = exprs.map(latex);
  const chars = texts.reduce((s, t) => s + t.length, 0);

  const contenders: Contender[] = [{ name: 'Lousa text(parse(s))', run: () => texts.map((s) => text(parse(s))) }];
  const lines: string[] = [];
  try {
    const math = await import('mathjs');
    const ok = texts.filter((s) => {
      try { math.parse(s); return true; } catch { return false; }
    });
    if (ok.length !== texts.length) lines.push(`  (math.js could not read ${texts.length - ok.length} of the texts; all are kept for every contender)`);
    contenders.push({ name: 'math.js parse(s).toString()', run: () => texts.map((s) => { try { return math.parse(s).toString(); } catch { return ''; } }) });
  } catch {
    lines.push('  math.js is not installed: skipped (npm install --save-dev mathjs)');
  }
  try {
    const { ComputeEngine } = await import('@cortex-js/compute-engine');
    const ce = new ComputeEngine();
    // compute-engine is about twenty times slower: it gets the first 300 expressions, timed per expression.
    const few = latexes.slice(0, 300);
    contenders.push({ name: 'compute-engine parse(latex).latex', count: few.length, run: () => few.map((l) => ce.parse(l).latex) });
  } catch {
    lines.push('  compute-engine is not installed: skipped (npm install --save-dev @cortex-js/compute-engine@0.140.0)');
  }
  const timings = race(contenders, 5);
  return [
    report(`Parse + print, ${exprs.length} generated expressions (${chars.toLocaleString('en')} characters of text), median of 5 runs`, timings, { count: exprs.length, what: 'expr' }),
    ...lines,
  ].join('\n');
}
