/**
 * Student's t tests (W. S. Gosset "Student", 1908, "The probable error of a mean", Biometrika 6) — one-sample,
 * paired, and two-sample with pooled variance — and Welch's unequal-variance test with the Welch–Satterthwaite
 * degrees of freedom (B. L. Welch, 1947, "The generalization of 'Student's' problem when several different
 * population variances are involved", Biometrika 34). Also the z test with known σ.
 */
import { Sample, StatsArgumentError, requireSample, requireSameLength } from '../describe/errors.js';
import { mean } from '../describe/sum.js';
import { variance } from '../describe/moments.js';
import { normalCdf, normalQuantile, normalSf, studentTCdf, studentTQuantile, studentTSf } from './dists.js';
import { TestOptions, TestResult, checkOptions, interval, pFromTails } from './types.js';

export interface MeanTestOptions extends TestOptions {
  /** Hypothesised mean (or difference of means); default 0. */
  readonly mu?: number;
}

function tResult(est: number, se: number, df: number, mu: number, o: MeanTestOptions, what: string, method: string): TestResult {
  const { alternative, confLevel } = checkOptions(o, what);
  if (!(se > 0)) throw new StatsArgumentError(`${what}: the data are essentially constant (standard error 0), so t is undefined`);
  const statistic = (est - mu) / se;
  const pValue = pFromTails(statistic, alternative, (t) => studentTCdf(t, df), (t) => studentTSf(t, df));
  const confidenceInterval = interval(est, se, alternative, confLevel, (p) => studentTQuantile(p, df));
  return { statistic, pValue, df, confidenceInterval, alternative, estimate: est, method };
}

/** One-sample t test of H₀: mean = mu. */
export function tTestOneSample(x: Sample, o: MeanTestOptions = {}): TestResult {
  requireSample(x, 'one-sample t test', 2);
  const n = x.length;
  return tResult(mean(x), Math.sqrt(variance(x) / n), n - 1, o.mu ?? 0, o, 'one-sample t test', 'One-sample t test');
}

/** Paired t test: one-sample t on the differences x − y. */
export function tTestPaired(x: Sample, y: Sample, o: MeanTestOptions = {}): TestResult {
  requireSameLength(x, y, 'paired t test');
  const d = Array.from({ length: x.length }, (_, i) => x[i]! - y[i]!);
  requireSample(d, 'paired t test', 2);
  const n = d.length;
  return tResult(mean(d), Math.sqrt(variance(d) / n), n - 1, o.mu ?? 0, o, 'paired t test', 'Paired t test');
}

export interface TwoSampleOptions extends MeanTestOptions {
  /** true: pooled-variance Student test; false (default): Welch's test. */
  readonly equalVariance?: boolean;
}

/** Two-sample t test of H₀: mean(x) − mean(y) = mu; Welch by default, pooled with equalVariance: true. */
export function tTestTwoSample(x: Sample, y: Sample, o: TwoSampleOptions = {}): TestResult {
  const pooled = o.equalVariance ?? false;
  requireSample(x, 'two-sample t test', pooled ? 1 : 2);
  requireSample(y, 'two-sample t test', pooled ? 1 : 2);
  const nx = x.length, ny = y.length;
  const est = mean(x) - mean(y);
  if (pooled) {
    if (nx + ny < 3) throw new StatsArgumentError('two-sample t test: pooled test needs at least 3 observations in all');
    const ssx = nx > 1 ? variance(x) * (nx - 1) : 0, ssy = ny > 1 ? variance(y) * (ny - 1) : 0;
    const df = nx + ny - 2;
    const s2 = (ssx + ssy) / df;
    return tResult(est, Math.sqrt(s2 * (1 / nx + 1 / ny)), df, o.mu ?? 0, o, 'two-sample t test', 'Two-sample t test (pooled variance)');
  }
  const vx = variance(x) / nx, vy = variance(y) / ny;
  const se2 = vx + vy;
  const df = (se2 * se2) / ((vx * vx) / (nx - 1) + (vy * vy) / (ny - 1));
  return tResult(est, Math.sqrt(se2), df, o.mu ?? 0, o, 'two-sample t test', "Welch's two-sample t test");
}

export interface ZTestOptions extends MeanTestOptions {
  /** Known population standard deviation (required). */
  readonly sigma: number;
}

/** One-sample z test with known σ: z = (x̄ − μ₀)/(σ/√n). */
export function zTest(x: Sample, o: ZTestOptions): TestResult {
  requireSample(x, 'z test');
  if (!(o.sigma > 0)) throw new StatsArgumentError(`z test: sigma must be positive, got ${o.sigma}`);
  const { alternative, confLevel } = checkOptions(o, 'z test');
  const est = mean(x), se = o.sigma / Math.sqrt(x.length);
  const statistic = (est - (o.mu ?? 0)) / se;
  return {
    statistic,
    pValue: pFromTails(statistic, alternative, normalCdf, normalSf),
    confidenceInterval: interval(est, se, alternative, confLevel, normalQuantile),
    alternative,
    estimate: est,
    method: 'One-sample z test (known sigma)',
  };
}
