/**
 * Variance, standard deviation, skewness and kurtosis.
 * Variance uses the corrected two-pass algorithm (Å. Björck; T. F. Chan, G. H. Golub & R. J. LeVeque, 1983,
 * "Algorithms for computing the sample variance: analysis and recommendations", Amer. Statist. 37(3)):
 * Σ(xᵢ − x̄)² − (Σ(xᵢ − x̄))²/n, which removes the first-order error of the computed mean.
 * Skewness and kurtosis follow D. N. Joanes & C. A. Gill (1998), "Comparing measures of sample skewness and
 * kurtosis", The Statistician 47(1): g₁, g₂ (biased, moment ratios) and G₁, G₂ (the adjusted estimators used by
 * SAS, SPSS and Excel).
 */
import { Sample, requireSample } from './errors.js';
import { mean } from './sum.js';
import { centredDD } from './centred.js';
import { DDAccumulator, ddMul } from './dd.js';

export type VarianceKind = 'sample' | 'population';

/** Σ(xᵢ − x̄)² by the corrected two-pass formula. */
export function sumOfSquaredDeviations(x: Sample, m = mean(x)): number {
  let s = 0, c = 0;
  for (let i = 0; i < x.length; i++) {
    const d = x[i]! - m;
    s += d * d;
    c += d;
  }
  return Math.max(0, s - (c * c) / x.length);
}

/** Variance; 'sample' (default, divisor n − 1) or 'population' (divisor n). */
export function variance(x: Sample, kind: VarianceKind = 'sample'): number {
  requireSample(x, 'variance', kind === 'sample' ? 2 : 1);
  return sumOfSquaredDeviations(x) / (kind === 'sample' ? x.length - 1 : x.length);
}

export function std(x: Sample, kind: VarianceKind = 'sample'): number {
  return Math.sqrt(variance(x, kind));
}

/**
 * Central moments m₂, m₃, m₄ (divisor n), accumulated in double-double from deviations about the exact mean
 * (centred.ts), so that m₃ of nearly symmetric data and moments of data on a large offset keep full precision.
 */
function centralMoments(x: Sample): [number, number, number] {
  const d = centredDD(x);
  const s2 = new DDAccumulator(), s3 = new DDAccumulator(), s4 = new DDAccumulator();
  for (const e of d) {
    const e2 = ddMul(e, e);
    s2.addDD(e2);
    s3.addDD(ddMul(e2, e));
    s4.addDD(ddMul(e2, e2));
  }
  const n = x.length;
  return [s2.value() / n, s3.value() / n, s4.value() / n];
}

export interface ShapeOptions {
  /**
   * true: the moment ratio g₁ / g₂ (biased; SciPy's `skew`/`kurtosis` default, `bias=True`);
   * false (default): the adjusted estimator G₁ / G₂ (pandas `.skew()`/`.kurt()`, Excel SKEW/KURT, SAS, SPSS;
   * SciPy with `bias=False`).
   */
  readonly bias?: boolean;
}

/**
 * Sample skewness.
 * Default: the adjusted G₁ = g₁·√(n(n−1))/(n−2) (needs n ≥ 3), as pandas, Excel, SAS and SPSS report it.
 * With `{ bias: true }`: the moment ratio g₁ = m₃/m₂^{3/2} (needs n ≥ 2), as SciPy's `scipy.stats.skew` reports
 * it by default. (Joanes & Gill's b₁ = g₁((n−1)/n)^{3/2}, MINITAB's, is not offered.) NaN when all values are equal.
 */
export function skewness(x: Sample, opts: ShapeOptions = {}): number {
  const bias = opts.bias ?? false;
  requireSample(x, 'skewness', bias ? 2 : 3);
  const n = x.length;
  const [m2, m3] = centralMoments(x);
  if (m2 === 0) return NaN;
  const g1 = m3 / Math.pow(m2, 1.5);
  return bias ? g1 : (g1 * Math.sqrt(n * (n - 1))) / (n - 2);
}

/**
 * Sample excess kurtosis (0 for a normal law).
 * Default: the adjusted G₂ = ((n+1)g₂ + 6)(n−1)/((n−2)(n−3)) (needs n ≥ 4), as pandas, Excel, SAS and SPSS report
 * it. With `{ bias: true }`: the moment ratio g₂ = m₄/m₂² − 3 (needs n ≥ 2), as SciPy's `scipy.stats.kurtosis`
 * reports it by default (`fisher=True, bias=True`). Non-excess kurtosis is g₂ + 3. NaN when all values are equal.
 */
export function kurtosis(x: Sample, opts: ShapeOptions = {}): number {
  const bias = opts.bias ?? false;
  requireSample(x, 'kurtosis', bias ? 2 : 4);
  const n = x.length;
  const [m2, , m4] = centralMoments(x);
  if (m2 === 0) return NaN;
  const g2 = m4 / (m2 * m2) - 3;
  return bias ? g2 : (((n + 1) * g2 + 6) * (n - 1)) / ((n - 2) * (n - 3));
}
