/**
 * The long fuzz run: `npm run fuzz -- --count N --seed S` (node --import tsx test/fuzz/run.ts --count N --seed S).
 * Prints each failure as it is found (kind, input, what went wrong) and a summary; exits 1 when any case failed.
 */
import { campaign } from './campaign.js';

function option(name: string, fallback: number): number {
  const k = process.argv.indexOf(`--${name}`);
  if (k < 0) return fallback;
  const v = Number(process.argv[k + 1]);
  if (!Number.isInteger(v) || v < 0) {
    process.stderr.write(`fuzz: --${name} takes a whole number\n`);
    process.exit(2);
  }
  return v;
}

const count = option('count', 10_000);
const seed = option('seed', 1);
const s = campaign(count, seed, (v) => {
  process.stdout.write(`${v.outcome.toUpperCase()} [${v.kind}] ${v.input}\n    ${v.detail} (${v.ms} ms)\n`);
});
const parts = Object.entries(s.byOutcome).map(([k, n]) => `${k} ${n}`).join(', ');
process.stdout.write(`\n${s.cases} cases with seed ${seed} in ${(s.ms / 1000).toFixed(1)} s: ${parts}; ${s.failures.length} failures\n`);
process.exit(s.failures.length > 0 ? 1 : 0);
