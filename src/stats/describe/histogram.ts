/**
 * Histograms with bins given by count, explicit edges, or a rule:
 * Sturges (H. A. Sturges, 1926, "The choice of a class interval", JASA 21): ⌈log₂ n⌉ + 1 bins;
 * Freedman–Diaconis (D. Freedman & P. Diaconis, 1981, "On the histogram as a density estimator: L₂ theory",
 * Z. Wahrscheinlichkeitstheorie 57): bin width 2·IQR·n^{−1/3}.
 * Bins are half-open [eᵢ, eᵢ₊₁) except the last, which is closed, so the maximum is counted.
 */
import { Sample, StatsArgumentError, requireSample } from './errors.js';
import { iqr } from './quantile.js';

export type BinSpec = number | 'sturges' | 'fd' | ReadonlyArray<number>;

export interface Histogram {
  /** k + 1 increasing edges. */
  readonly edges: number[];
  /** k counts. */
  readonly counts: number[];
  /** Observations outside [edges[0], edges[k]] (only possible with explicit edges). */
  readonly outside: number;
}

export function sturgesBins(n: number): number {
  return Math.ceil(Math.log2(n)) + 1;
}

/** Upper limit on rule-chosen bin counts, so a tiny IQR next to a wide range cannot ask for millions of bins. */
export const MAX_RULE_BINS = 10_000;

/**
 * Number of bins for the Freedman–Diaconis width over the data range (falls back to Sturges when IQR = 0),
 * capped at MAX_RULE_BINS.
 */
export function freedmanDiaconisBins(x: Sample): number {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < x.length; i++) {
    lo = Math.min(lo, x[i]!);
    hi = Math.max(hi, x[i]!);
  }
  const h = 2 * iqr(x) * Math.pow(x.length, -1 / 3);
  if (!(h > 0) || hi === lo) return sturgesBins(x.length);
  return Math.min(MAX_RULE_BINS, Math.max(1, Math.ceil((hi - lo) / h)));
}

export function histogram(x: Sample, bins: BinSpec = 'sturges'): Histogram {
  requireSample(x, 'histogram');
  let edges: number[];
  if (typeof bins === 'number' || typeof bins === 'string') {
    const k = bins === 'sturges' ? sturgesBins(x.length) : bins === 'fd' ? freedmanDiaconisBins(x) : bins;
    if (!Number.isInteger(k) || k < 1) throw new StatsArgumentError(`histogram: bin count must be a positive integer, got ${k}`);
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < x.length; i++) {
      lo = Math.min(lo, x[i]!);
      hi = Math.max(hi, x[i]!);
    }
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new StatsArgumentError('histogram: data must be finite');
    if (lo === hi) {
      lo -= 0.5;
      hi += 0.5;
    }
    edges = Array.from({ length: k + 1 }, (_, i) => (i === k ? hi : lo + ((hi - lo) * i) / k));
  } else {
    edges = Array.from(bins);
    if (edges.length < 2) throw new StatsArgumentError('histogram: need at least two edges');
    for (let i = 1; i < edges.length; i++) {
      if (!(edges[i]! > edges[i - 1]!)) throw new StatsArgumentError('histogram: edges must be strictly increasing');
    }
  }
  const k = edges.length - 1;
  const counts = new Array<number>(k).fill(0);
  let outside = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v < edges[0]! || v > edges[k]!) {
      outside++;
      continue;
    }
    // Binary search for the last edge ≤ v.
    let a = 0, b = k;
    while (b - a > 1) {
      const mid = (a + b) >> 1;
      if (edges[mid]! <= v) a = mid;
      else b = mid;
    }
    counts[a]!++;
  }
  return { edges, counts, outside };
}
