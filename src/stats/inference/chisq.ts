/**
 * Pearson's chi-square tests (K. Pearson, 1900, "On the criterion that a given system of deviations…",
 * Phil. Mag. 50): goodness of fit to given cell probabilities, and independence in an r×c contingency table,
 * with Yates's continuity correction for 2×2 tables (F. Yates, 1934, JRSS Suppl. 1) as in R's chisq.test.
 */
import { StatsArgumentError } from '../describe/errors.js';
import { chiSquareSf } from './dists.js';
import { TestResult } from './types.js';

function checkCounts(xs: ReadonlyArray<number>, what: string): void {
  for (const v of xs) {
    if (!(v >= 0) || !Number.isFinite(v)) throw new StatsArgumentError(`${what}: counts must be finite and non-negative, got ${v}`);
  }
}

/** Goodness of fit of observed counts to probabilities p (default uniform; must sum to 1 within 1e-9). */
export function chiSquareGoodnessOfFit(observed: ReadonlyArray<number>, p?: ReadonlyArray<number>): TestResult {
  const k = observed.length;
  if (k < 2) throw new StatsArgumentError('chi-square goodness of fit: needs at least two categories');
  checkCounts(observed, 'chi-square goodness of fit');
  const probs = p ?? new Array<number>(k).fill(1 / k);
  if (probs.length !== k) throw new StatsArgumentError(`chi-square goodness of fit: ${k} counts but ${probs.length} probabilities`);
  let ps = 0;
  for (const q of probs) {
    if (!(q > 0 && q <= 1)) throw new StatsArgumentError(`chi-square goodness of fit: probabilities must lie in (0, 1], got ${q}`);
    ps += q;
  }
  if (Math.abs(ps - 1) > 1e-9) throw new StatsArgumentError(`chi-square goodness of fit: probabilities sum to ${ps}, not 1`);
  const n = observed.reduce((a, b) => a + b, 0);
  if (n === 0) throw new StatsArgumentError('chi-square goodness of fit: all counts are zero');
  let stat = 0;
  for (let i = 0; i < k; i++) {
    const e = n * probs[i]!;
    stat += ((observed[i]! - e) * (observed[i]! - e)) / e;
  }
  const df = k - 1;
  return { statistic: stat, pValue: chiSquareSf(stat, df), df, alternative: 'greater', method: "Pearson's chi-square goodness-of-fit test (asymptotic)" };
}

export interface IndependenceOptions {
  /** Apply Yates's continuity correction to 2×2 tables (default true, as R does). */
  readonly yates?: boolean;
}

/** Test of independence of rows and columns of a contingency table of counts. */
export function chiSquareIndependence(table: ReadonlyArray<ReadonlyArray<number>>, o: IndependenceOptions = {}): TestResult & { expected: number[][] } {
  const r = table.length;
  const c = r === 0 ? 0 : table[0]!.length;
  if (r < 2 || c < 2) throw new StatsArgumentError(`chi-square independence: table must be at least 2×2, got ${r}×${c}`);
  for (const row of table) {
    if (row.length !== c) throw new StatsArgumentError('chi-square independence: rows have different lengths');
    checkCounts(row, 'chi-square independence');
  }
  const rs = table.map((row) => row.reduce((a, b) => a + b, 0));
  const cs = Array.from({ length: c }, (_, j) => table.reduce((a, row) => a + row[j]!, 0));
  const n = rs.reduce((a, b) => a + b, 0);
  if (rs.some((v) => v === 0) || cs.some((v) => v === 0)) {
    throw new StatsArgumentError('chi-square independence: a row or column total is zero, so expected counts vanish');
  }
  const yates = (o.yates ?? true) && r === 2 && c === 2;
  const expected = table.map((_, i) => cs.map((cj) => (rs[i]! * cj) / n));
  let stat = 0;
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      const e = expected[i]![j]!;
      let d = Math.abs(table[i]![j]! - e);
      if (yates) d = Math.max(0, d - 0.5);
      stat += (d * d) / e;
    }
  }
  const df = (r - 1) * (c - 1);
  return {
    statistic: stat, pValue: chiSquareSf(stat, df), df, alternative: 'greater', expected,
    method: `Pearson's chi-square test of independence (asymptotic${yates ? ', Yates continuity correction' : ''})`,
  };
}
