/**
 * Sample quantiles of the nine types of R. J. Hyndman & Y. Fan (1996), "Sample quantiles in statistical
 * packages", The American Statistician 50(4). Type 7 (R's and NumPy's default) is the default here too.
 * All types are written as Q(p) = (1 − γ)·x₍ⱼ₎ + γ·x₍ⱼ₊₁₎ with j = ⌊np + m⌋ (order statistics 1-based, clamped).
 */
import { Sample, StatsArgumentError, requireSample } from './errors.js';

export type QuantileType = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** (α, β) of the continuous types 4–9: plotting position pₖ = (k − α)/(n + 1 − α − β). */
const ALPHA_BETA: Record<number, [number, number]> = {
  4: [0, 1], 5: [0.5, 0.5], 6: [0, 0], 7: [1, 1], 8: [1 / 3, 1 / 3], 9: [3 / 8, 3 / 8],
};

function sortedCopy(x: Sample): Float64Array {
  return Float64Array.from(x).sort();
}

/** Quantile of an already sorted sample (ascending). */
export function quantileSorted(s: Float64Array | ReadonlyArray<number>, p: number, type: QuantileType = 7): number {
  const n = s.length;
  if (!(p >= 0 && p <= 1)) throw new StatsArgumentError(`quantile: probability must lie in [0, 1], got ${p}`);
  if (!Number.isInteger(type) || type < 1 || type > 9) throw new StatsArgumentError(`quantile: type must be 1…9, got ${type}`);
  const m = type <= 3 ? (type === 3 ? -0.5 : 0) : ALPHA_BETA[type]![0] + p * (1 - ALPHA_BETA[type]![0] - ALPHA_BETA[type]![1]);
  const npm = n * p + m;
  const fuzz = 4 * Number.EPSILON * Math.max(1, Math.abs(npm));
  const j = Math.floor(npm + fuzz);
  let g = npm - j;
  if (Math.abs(g) < fuzz) g = 0;
  let gamma: number;
  if (type === 1) gamma = g > 0 ? 1 : 0;
  else if (type === 2) gamma = g > 0 ? 1 : 0.5;
  else if (type === 3) gamma = g === 0 && j % 2 === 0 ? 0 : 1;
  else gamma = g;
  const at = (k: number): number => s[Math.min(Math.max(k, 1), n) - 1]!;
  const lo = at(j), hi = at(j + 1);
  return gamma === 0 ? lo : gamma === 1 ? hi : lo + gamma * (hi - lo);
}

/** The p-quantile (0 ≤ p ≤ 1) of the sample, Hyndman–Fan type 1…9 (default 7). */
export function quantile(x: Sample, p: number, type: QuantileType = 7): number {
  requireSample(x, 'quantile');
  return quantileSorted(sortedCopy(x), p, type);
}

/** Several quantiles at once, sorting the sample only once. */
export function quantiles(x: Sample, ps: ReadonlyArray<number>, type: QuantileType = 7): number[] {
  requireSample(x, 'quantiles');
  const s = sortedCopy(x);
  return ps.map((p) => quantileSorted(s, p, type));
}

/** The median: middle order statistic, or the mean of the two middle ones. */
export function median(x: Sample): number {
  requireSample(x, 'median');
  const s = sortedCopy(x);
  const n = s.length, h = n >> 1;
  return n % 2 === 1 ? s[h]! : s[h - 1]! + (s[h]! - s[h - 1]!) / 2;
}

/** Interquartile range Q(0.75) − Q(0.25) of the given type. */
export function iqr(x: Sample, type: QuantileType = 7): number {
  const [q1, q3] = quantiles(x, [0.25, 0.75], type);
  return q3! - q1!;
}
