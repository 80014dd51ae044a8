/**
 * Statistics benchmark: accuracy (worst relative error per function family against 200-bit BigFloat
 * references, for Lousa and jStat on the same points) and speed against jStat and simple-statistics on the
 * same calls in the same run.
 */
import { createRequire } from 'node:module';
import { race, report, seeded } from './harness.js';
import { Normal, Gamma, Beta, StudentT } from '../src/stats/dist/index.js';
import { mean, variance, quantile } from '../src/stats/describe/index.js';
import { BigFloat } from '../src/numeric/bigfloat/index.js';
import { betaIncRef, gammaPRef, normalCdfRef, relErr } from '../test/stats/hpref.js';

type Fn = (...a: number[]) => number;
interface JStat {
  normal: { cdf: Fn; inv: Fn };
  gamma: { cdf: Fn };
  beta: { cdf: Fn };
  studentt: { cdf: Fn };
  mean(a: number[]): number;
  variance(a: number[], sample: boolean): number;
  percentile(a: number[], p: number): number;
}
interface SimpleStatistics {
  cumulativeStdNormalProbability(x: number): number;
  probit(p: number): number;
  mean(a: number[]): number;
  sampleVariance(a: number[]): number;
  quantile(a: number[], p: number): number;
}
// Both packages ship without TypeScript declarations; the interfaces above name the calls used.
const require = createRequire(import.meta.url);
const jstatModule = require('jstat') as { jStat: JStat };
const jStat = jstatModule.jStat;
const ss = require('simple-statistics') as SimpleStatistics;

const ONE = BigFloat.ONE;

function accuracy(): string {
  const n = new Normal(0, 1);
  const rows: [string, number, number][] = [];
  let lw = 0, jw = 0;
  for (let x = -8; x <= 8; x += 0.05) {
    const ref = normalCdfRef(x);
    lw = Math.max(lw, relErr(n.cdf(x), ref));
    jw = Math.max(jw, relErr(jStat.normal.cdf(x, 0, 1), ref));
  }
  rows.push(['normal cdf, x in [-8, 8]', lw, jw]);
  lw = 0; jw = 0;
  for (let x = 8; x <= 37; x += 0.5) {
    const ref = normalCdfRef(-x);
    lw = Math.max(lw, relErr(n.cdf(-x), ref));
    jw = Math.max(jw, relErr(jStat.normal.cdf(-x, 0, 1), ref));
  }
  rows.push(['normal far lower tail, x in [-37, -8]', lw, jw]);
  lw = 0; jw = 0;
  for (const p of [1e-12, 1e-8, 1e-4, 0.01, 0.1, 0.3, 0.7, 0.9, 0.99]) {
    // error in x mapped from the reference cdf at the returned quantile: |Φ(q) − p| / (φ(q) |q|)
    const err = (q: number): number => Math.abs(normalCdfRef(q).toNumber() - p) / (n.pdf(q) * Math.abs(q));
    lw = Math.max(lw, err(n.quantile(p)));
    jw = Math.max(jw, err(jStat.normal.inv(p, 0, 1)));
  }
  rows.push(['normal quantile, p in [1e-12, 0.99]', lw, jw]);
  lw = 0; jw = 0;
  for (const a of [0.5, 2, 10, 100]) for (const f of [0.1, 0.5, 1, 2]) {
    const ref = gammaPRef(a, a * f);
    lw = Math.max(lw, relErr(new Gamma(a, 1).cdf(a * f), ref));
    jw = Math.max(jw, relErr(jStat.gamma.cdf(a * f, a, 1), ref));
  }
  rows.push(['gamma cdf (a in [0.5, 100])', lw, jw]);
  lw = 0; jw = 0;
  for (const [a, b] of [[0.5, 0.5], [2, 3], [10, 1.5], [50, 60]]) for (const x of [0.01, 0.2, 0.5, 0.8, 0.99]) {
    const { lower } = betaIncRef(x, a!, b!);
    lw = Math.max(lw, relErr(new Beta(a!, b!).cdf(x), lower));
    jw = Math.max(jw, relErr(jStat.beta.cdf(x, a!, b!), lower));
  }
  rows.push(['beta cdf', lw, jw]);
  lw = 0; jw = 0;
  for (const nu of [1, 3, 10, 100]) for (const t of [-30, -3, -1, -0.1]) {
    const ref = betaIncRef(nu / (nu + t * t), nu / 2, 0.5).lower.div(BigFloat.fromNumber(2), 200);
    lw = Math.max(lw, relErr(new StudentT(nu).cdf(t), ref));
    jw = Math.max(jw, relErr(jStat.studentt.cdf(t, nu), ref));
  }
  rows.push(['Student t lower tail', lw, jw]);
  void ONE;
  return ['accuracy: worst relative error against 200-bit references', ...rows.map(([name, l, j]) =>
    `  ${name.padEnd(40)} Lousa ${l.toExponential(2).padStart(9)}   jStat ${j.toExponential(2).padStart(9)}`)].join('\n');
}

function speed(): string {
  const rand = seeded(7);
  const N = 20000;
  const xs = Array.from({ length: N }, () => 8 * rand() - 4);
  const ps = Array.from({ length: N }, () => rand());
  const data = Array.from({ length: 100000 }, () => rand() * 10);
  const n = new Normal(0, 1), g = new Gamma(3, 1), b = new Beta(2, 5), t = new StudentT(5);
  const sum = (f: (v: number) => number, v: number[]) => () => { let s = 0; for (const x of v) s += f(x); return s; };
  const out: string[] = [];
  out.push(report('normal cdf', race([
    { name: 'Lousa Normal.cdf', run: sum((x) => n.cdf(x), xs) },
    { name: 'jStat.normal.cdf', run: sum((x) => jStat.normal.cdf(x, 0, 1), xs) },
    { name: 'simple-statistics cumulativeStdNormalProbability', run: sum((x) => ss.cumulativeStdNormalProbability(x), xs) },
  ]), { count: N, what: 'call' }));
  out.push(report('normal quantile', race([
    { name: 'Lousa Normal.quantile', run: sum((p) => n.quantile(p), ps) },
    { name: 'jStat.normal.inv', run: sum((p) => jStat.normal.inv(p, 0, 1), ps) },
    { name: 'simple-statistics probit', run: sum((p) => ss.probit(p), ps) },
  ]), { count: N, what: 'call' }));
  out.push(report('gamma cdf (shape 3)', race([
    { name: 'Lousa Gamma.cdf', run: sum((x) => g.cdf(Math.abs(x) * 2), xs) },
    { name: 'jStat.gamma.cdf', run: sum((x) => jStat.gamma.cdf(Math.abs(x) * 2, 3, 1), xs) },
  ]), { count: N, what: 'call' }));
  out.push(report('beta cdf (2, 5)', race([
    { name: 'Lousa Beta.cdf', run: sum((p) => b.cdf(p), ps) },
    { name: 'jStat.beta.cdf', run: sum((p) => jStat.beta.cdf(p, 2, 5), ps) },
  ]), { count: N, what: 'call' }));
  out.push(report('Student t cdf (nu 5)', race([
    { name: 'Lousa StudentT.cdf', run: sum((x) => t.cdf(x), xs) },
    { name: 'jStat.studentt.cdf', run: sum((x) => jStat.studentt.cdf(x, 5), xs) },
  ]), { count: N, what: 'call' }));
  out.push(report('mean + sample variance + median of 100000 values', race([
    { name: 'Lousa describe', run: () => mean(data) + variance(data) + quantile(data, 0.5) },
    { name: 'jStat', run: () => jStat.mean(data) + jStat.variance(data, true) + jStat.percentile(data, 0.5) },
    { name: 'simple-statistics', run: () => ss.mean(data) + ss.sampleVariance(data) + ss.quantile(data, 0.5) },
  ]), { count: 1, what: 'batch' }));
  return out.join('\n');
}

export async function runStatsBench(): Promise<string> {
  return `${accuracy()}\n${speed()}`;
}
