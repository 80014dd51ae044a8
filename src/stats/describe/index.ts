/** Lousa descriptive statistics on number[] or Float64Array samples. */
export { EmptyInputError, StatsArgumentError, requireSample } from './errors.js';
export type { Sample } from './errors.js';
export { sum, mean } from './sum.js';
export { variance, std, skewness, kurtosis, sumOfSquaredDeviations } from './moments.js';
export type { VarianceKind, ShapeOptions } from './moments.js';
export { quantile, quantiles, quantileSorted, median, iqr } from './quantile.js';
export type { QuantileType } from './quantile.js';
export { ranks, tieGroupSizes, mode } from './rank.js';
export { covariance, pearson, spearman } from './correlation.js';
export { histogram, sturgesBins, freedmanDiaconisBins } from './histogram.js';
export type { Histogram, BinSpec } from './histogram.js';
