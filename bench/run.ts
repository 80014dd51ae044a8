/**
 * `npm run bench [section …]`: every benchmark of Lousa against its peers, measured in the same run.
 * Sections: parse, kernels, diff, integrate, stats, linalg, nn, raytrace (those that exist).
 */
import { existsSync } from 'node:fs';

const SECTIONS: Record<string, { file: string; fn: string }> = {
  parse: { file: './parse.ts', fn: 'runParseBench' },
  kernels: { file: './kernels.ts', fn: 'runKernelBench' },
  diff: { file: './diff.ts', fn: 'runDiffBench' },
  stats: { file: './stats.ts', fn: 'runStatsBench' },
  linalg: { file: './linalg.ts', fn: 'runLinalgBench' },
  nn: { file: './nn.ts', fn: 'runNnBench' },
  raytrace: { file: './raytrace.ts', fn: 'runRaytraceBench' },
};

const wanted = process.argv.slice(2);
const names = wanted.length > 0 ? wanted : Object.keys(SECTIONS);
for (const name of names) {
  const s = SECTIONS[name];
  if (s === undefined) {
    process.stderr.write(`unknown bench section '${name}'; known: ${Object.keys(SECTIONS).join(', ')}\n`);
    process.exitCode = 2;
    continue;
  }
  if (!existsSync(new URL(s.file, import.meta.url))) continue;
  const mod = (await import(s.file)) as Record<string, () => Promise<unknown>>;
  const t0 = performance.now();
  const out = await mod[s.fn]!();
  // A section returns its report as text, or prints it as it goes and returns its figures.
  if (typeof out === 'string') process.stdout.write(`${out}\n`);
  process.stdout.write(`  (${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)\n\n`);
}
