/**
 * Mann–Whitney U (Wilcoxon rank-sum) test (H. B. Mann & D. R. Whitney, 1947, "On a test of whether one of two
 * random variables is stochastically larger than the other", Ann. Math. Stat. 18).
 * The statistic is U = R₁ − n₁(n₁+1)/2 for the first sample (R's W). p-value: exact null distribution by the
 * counting recurrence when both samples have fewer than 50 observations and there are no ties; otherwise the normal
 * approximation with tie-corrected variance n₁n₂/12·[(N+1) − Σ(t³−t)/(N(N−1))] and a ½ continuity correction.
 */
import { Sample, StatsArgumentError, requireSample } from '../describe/errors.js';
import { ranks, tieGroupSizes } from '../describe/rank.js';
import { normalCdf, normalSf } from './dists.js';
import { Alternative, TestResult, checkOptions } from './types.js';

export interface MannWhitneyOptions {
  readonly alternative?: Alternative;
  /** Force exact (true) or normal approximation (false); exact is refused when there are ties. */
  readonly exact?: boolean;
  /** Continuity correction in the normal approximation (default true). */
  readonly correct?: boolean;
}

/** Null distribution of U for sizes (m, n): probabilities P(U = u), u = 0…mn. */
export function mannWhitneyDistribution(m: number, n: number): Float64Array {
  // f_{m,n}(u) = f_{m−1,n}(u − n) + f_{m,n−1}(u), computed as frequencies over a rolling table in n.
  // table[j][u] holds the frequency for sizes (i, j) while i advances.
  let table: Float64Array[] = [];
  for (let j = 0; j <= n; j++) table.push(Float64Array.of(1));
  for (let i = 1; i <= m; i++) {
    const next: Float64Array[] = [Float64Array.of(1)];
    for (let j = 1; j <= n; j++) {
      const f = new Float64Array(i * j + 1);
      const left = table[j]!; // sizes (i−1, j), shifted by j
      for (let u = 0; u < left.length; u++) f[u + j]! += left[u]!;
      const down = next[j - 1]!; // sizes (i, j−1)
      for (let u = 0; u < down.length; u++) f[u]! += down[u]!;
      next.push(f);
    }
    table = next;
  }
  const freq = table[n]!;
  let total = 0;
  for (const v of freq) total += v;
  return freq.map((v) => v / total);
}

export function mannWhitneyU(x: Sample, y: Sample, o: MannWhitneyOptions = {}): TestResult {
  requireSample(x, 'Mann–Whitney test');
  requireSample(y, 'Mann–Whitney test');
  const { alternative } = checkOptions(o, 'Mann–Whitney test');
  const m = x.length, n = y.length, N = m + n;
  const all = new Float64Array(N);
  all.set(x);
  all.set(y, m);
  const r = ranks(all);
  let r1 = 0;
  for (let i = 0; i < m; i++) r1 += r[i]!;
  const U = r1 - (m * (m + 1)) / 2;
  const ties = tieGroupSizes(all);
  const wantExact = o.exact ?? (m < 50 && n < 50 && ties.length === 0);
  if (wantExact && ties.length > 0) throw new StatsArgumentError('Mann–Whitney test: the exact distribution needs data without ties');
  if (wantExact) {
    const p = mannWhitneyDistribution(m, n);
    const u = Math.round(U);
    let le = 0, ge = 0;
    for (let k = 0; k <= m * n; k++) {
      if (k <= u) le += p[k]!;
      if (k >= u) ge += p[k]!;
    }
    const pValue = alternative === 'less' ? le : alternative === 'greater' ? ge : Math.min(1, 2 * Math.min(le, ge));
    return { statistic: U, pValue, alternative, method: 'Mann–Whitney U test (exact)' };
  }
  const tieSum = ties.reduce((a, t) => a + t * t * t - t, 0);
  const sigma = Math.sqrt(((m * n) / 12) * (N + 1 - tieSum / (N * (N - 1))));
  if (!(sigma > 0)) throw new StatsArgumentError('Mann–Whitney test: all observations are equal');
  const d = U - (m * n) / 2;
  const correct = o.correct ?? true;
  let cc = 0;
  if (correct) cc = alternative === 'two-sided' ? Math.sign(d) * 0.5 : alternative === 'greater' ? 0.5 : -0.5;
  const z = (d - cc) / sigma;
  const pValue = alternative === 'less' ? normalCdf(z) : alternative === 'greater' ? normalSf(z) : Math.min(1, 2 * normalSf(Math.abs(z)));
  return {
    statistic: U, pValue, alternative,
    method: `Mann–Whitney U test (normal approximation${ties.length ? ', tie-corrected variance' : ''}${correct ? ', continuity correction' : ''})`,
  };
}
