/** Shared shapes and argument checks for Lousa's hypothesis tests. */
import { StatsArgumentError } from '../describe/errors.js';

export type Alternative = 'two-sided' | 'less' | 'greater';

export interface TestResult {
  readonly statistic: number;
  readonly pValue: number;
  readonly df?: number;
  readonly confidenceInterval?: readonly [number, number];
  readonly alternative: Alternative;
  /** Point estimate the test is about (mean, difference of means, …) where one exists. */
  readonly estimate?: number;
  /** Which test and which p-value computation (exact, asymptotic, corrections). */
  readonly method: string;
}

export interface TestOptions {
  readonly alternative?: Alternative;
  /** Confidence level for the interval, in (0, 1); default 0.95. */
  readonly confLevel?: number;
}

export function checkOptions(o: TestOptions, what: string): { alternative: Alternative; confLevel: number } {
  const alternative = o.alternative ?? 'two-sided';
  if (alternative !== 'two-sided' && alternative !== 'less' && alternative !== 'greater') {
    throw new StatsArgumentError(`${what}: alternative must be 'two-sided', 'less' or 'greater', got ${String(alternative)}`);
  }
  const confLevel = o.confLevel ?? 0.95;
  if (!(confLevel > 0 && confLevel < 1)) throw new StatsArgumentError(`${what}: confLevel must lie in (0, 1), got ${confLevel}`);
  return { alternative, confLevel };
}

/** p-value from a statistic with a symmetric or general distribution given cdf and sf. */
export function pFromTails(stat: number, alternative: Alternative, cdf: (x: number) => number, sf: (x: number) => number): number {
  if (alternative === 'less') return cdf(stat);
  if (alternative === 'greater') return sf(stat);
  return Math.min(1, 2 * Math.min(cdf(stat), sf(stat)));
}

/** Interval estimate ± q·se with q from the quantile function, one- or two-sided. */
export function interval(
  est: number, se: number, alternative: Alternative, confLevel: number, quantile: (p: number) => number,
): [number, number] {
  if (alternative === 'less') return [-Infinity, est + quantile(confLevel) * se];
  if (alternative === 'greater') return [est - quantile(confLevel) * se, Infinity];
  const q = quantile(1 - (1 - confLevel) / 2);
  return [est - q * se, est + q * se];
}
