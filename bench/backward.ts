/**
 * Backward-generated integrals: random F (with and without parameters a, b, n), f = F′, ∫ f by Lousa, the answer
 * checked by central differences at random points and parameter values.
 *   npx tsx bench/backward.ts [--count 600] [--seed 1] [--no-params] [--limit-ms 3000]
 */
import { parse } from '../src/parse/parse.js';
import { sym } from '../src/ast/expr.js';
import { text } from '../src/render/text.js';
import { integrate } from '../src/integrate/integrate.js';
import { Assumptions } from '../src/simplify/index.js';
import { backwardProblems, differentiatesTo } from './backward-problems.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
};
const count = Number(arg('count') ?? 600);
const seed = Number(arg('seed') ?? 1);
const limitMs = Number(arg('limit-ms') ?? 3000);
const problems = backwardProblems(count, seed, !process.argv.includes('--no-params'));
let solved = 0;
let wrong = 0;
const times: number[] = [];
const misses: string[] = [];
for (const p of problems) {
  const A = Assumptions.from({ assumptions: p.assumptions.map((s) => parse(s)) });
  const t = performance.now();
  let G;
  try {
    G = integrate(p.f, sym('x'), { timeMs: limitMs, assumptions: A });
  } catch (err) {
    misses.push(`ERROR ∫ ${text(p.f)}: ${(err as Error).message}`);
    continue;
  } finally {
    times.push(performance.now() - t);
  }
  if (G.kind === 'call' && G.fn === 'integrate') {
    misses.push(`unsolved (F = ${p.F}) ∫ ${text(p.f)}`);
    continue;
  }
  if (differentiatesTo(G, p.f, p.draws)) solved++;
  else {
    wrong++;
    misses.push(`WRONG ∫ ${text(p.f)} = ${text(G)}`);
  }
}
times.sort((a, b) => a - b);
const pct = (k: number): string => `${((100 * k) / problems.length).toFixed(1)}%`;
console.log(`backward-generated integrals (seed ${seed}): solved ${solved}/${problems.length} (${pct(solved)}), wrong ${wrong}, median ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms, p90 ${times[Math.floor(times.length * 0.9)]!.toFixed(0)} ms`);
for (const m of misses.slice(0, 30)) console.log(`  ${m}`);
