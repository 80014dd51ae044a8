/**
 * Kolmogorov–Smirnov tests.
 * One-sample, two-sided: exact p-value for n ≤ 100 as the upper tail computed directly (kolmogorov.ts: twice the
 * one-sided tail far out, else the Marsaglia–Tsang–Wang matrix power in double-double); asymptotic Kolmogorov above.
 * One-sample, one-sided: exact Smirnov–Birnbaum–Tingey formula (Z. W. Birnbaum & F. H. Tingey, 1951,
 * "One-sided confidence contours for probability distribution functions", Ann. Math. Stat. 22).
 * Two-sample: exact by counting lattice paths (J. L. Hodges, 1958, "The significance probability of the Smirnov
 * two-sample test", Ark. Mat. 3) when m·n ≤ 10000 and there are no ties; otherwise asymptotic.
 */
import { Sample, StatsArgumentError, requireSample } from '../describe/errors.js';
import { kolmogorovCdfExact, kolmogorovSfExact, smirnovOneSidedSf } from './kolmogorov.js';
import { kolmogorovSf } from './dists.js';
import { Alternative, TestResult, checkOptions } from './types.js';

export { kolmogorovCdfExact, kolmogorovSfExact, smirnovOneSidedSf };

export interface KsOptions {
  readonly alternative?: Alternative;
  /** Force the exact (true) or asymptotic (false) p-value; default chooses by size and ties. */
  readonly exact?: boolean;
}

/** One-sample KS test of x against a continuous cdf. */
export function ksTestOneSample(x: Sample, cdf: (v: number) => number, o: KsOptions = {}): TestResult {
  requireSample(x, 'Kolmogorov–Smirnov test');
  const { alternative } = checkOptions(o, 'Kolmogorov–Smirnov test');
  const s = Float64Array.from(x).sort();
  const n = s.length;
  let dPlus = 0, dMinus = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(s[i]!);
    if (!(f >= 0 && f <= 1)) throw new StatsArgumentError(`Kolmogorov–Smirnov test: cdf returned ${f} at ${s[i]}`);
    dPlus = Math.max(dPlus, (i + 1) / n - f);
    dMinus = Math.max(dMinus, f - i / n);
  }
  const exact = o.exact ?? n <= 100;
  if (alternative === 'two-sided') {
    const d = Math.max(dPlus, dMinus);
    const pValue = exact ? kolmogorovSfExact(n, d) : kolmogorovSf(Math.sqrt(n) * d);
    return { statistic: d, pValue: Math.min(1, Math.max(0, pValue)), alternative, method: `One-sample Kolmogorov–Smirnov test (${exact ? 'exact' : 'asymptotic'})` };
  }
  // 'greater': the cdf of x lies above the hypothesised one, statistic D⁺ (as in R).
  const d = alternative === 'greater' ? dPlus : dMinus;
  const pValue = exact ? smirnovOneSidedSf(n, d) : Math.exp(-2 * n * d * d);
  return { statistic: d, pValue, alternative, method: `One-sample Kolmogorov–Smirnov test (${exact ? 'exact' : 'asymptotic'})` };
}

/** Exact P(D ≥ d) for the two-sample statistic without ties, by counting monotone lattice paths. */
export function smirnovTwoSampleSf(m: number, n: number, d: number, alternative: Alternative): number {
  // A path from (0,0) to (m,n) is "inside" when |i/m − j/n| < d (two-sided) or i/m − j/n < d (one-sided).
  const tol = 1e-7;
  const inside = (i: number, j: number): boolean => {
    const diff = i / m - j / n;
    return (alternative === 'two-sided' ? Math.abs(diff) : diff) < d - tol;
  };
  // Probabilities rather than counts: each step weight keeps values ≤ 1 (hypergeometric path measure).
  let row = new Float64Array(n + 1);
  row[0] = 1;
  for (let j = 1; j <= n; j++) row[j] = inside(0, j) ? row[j - 1]! : 0;
  for (let i = 1; i <= m; i++) {
    const next = new Float64Array(n + 1);
    next[0] = inside(i, 0) ? row[0]! : 0;
    for (let j = 1; j <= n; j++) {
      // Weight of a path = count / C(m+n, n); a step into (i, j) from (i−1, j) or (i, j−1) with
      // probabilities i/(i+j) and j/(i+j) keeps the measure normalised.
      next[j] = inside(i, j) ? (i / (i + j)) * row[j]! + (j / (i + j)) * next[j - 1]! : 0;
    }
    row = next;
  }
  return Math.min(1, Math.max(0, 1 - row[n]!));
}

/** Two-sample KS test. 'greater' tests whether the cdf of x lies above that of y (statistic max(Fₓ − F_y)). */
export function ksTestTwoSample(x: Sample, y: Sample, o: KsOptions = {}): TestResult {
  requireSample(x, 'two-sample Kolmogorov–Smirnov test');
  requireSample(y, 'two-sample Kolmogorov–Smirnov test');
  const { alternative } = checkOptions(o, 'two-sample Kolmogorov–Smirnov test');
  const a = Float64Array.from(x).sort(), b = Float64Array.from(y).sort();
  const m = a.length, n = b.length;
  let i = 0, j = 0, dPlus = 0, dMinus = 0;
  while (i < m || j < n) {
    const v = Math.min(i < m ? a[i]! : Infinity, j < n ? b[j]! : Infinity);
    while (i < m && a[i] === v) i++;
    while (j < n && b[j] === v) j++;
    const diff = i / m - j / n;
    dPlus = Math.max(dPlus, diff);
    dMinus = Math.max(dMinus, -diff);
  }
  const pooled = Float64Array.from([...a, ...b]).sort();
  let ties = false;
  for (let k = 1; k < pooled.length; k++) if (pooled[k] === pooled[k - 1]) ties = true;
  const exact = (o.exact ?? m * n <= 10_000) && !ties;
  const d = alternative === 'two-sided' ? Math.max(dPlus, dMinus) : alternative === 'greater' ? dPlus : dMinus;
  let pValue: number;
  if (exact) {
    pValue = alternative === 'less' ? smirnovTwoSampleSf(n, m, d, 'greater') : smirnovTwoSampleSf(m, n, d, alternative);
  } else {
    const ne = (m * n) / (m + n);
    pValue = alternative === 'two-sided' ? kolmogorovSf(Math.sqrt(ne) * d) : Math.exp(-2 * ne * d * d);
  }
  const how = exact ? 'exact' : ties ? 'asymptotic; ties present' : 'asymptotic';
  return { statistic: d, pValue, alternative, method: `Two-sample Kolmogorov–Smirnov test (${how})` };
}
