/** Lousa statistical inference: hypothesis tests, least squares regression and conjugate Bayesian updates. */
export type { Alternative, TestResult, TestOptions } from './types.js';
export { tTestOneSample, tTestPaired, tTestTwoSample, zTest } from './ttest.js';
export type { MeanTestOptions, TwoSampleOptions, ZTestOptions } from './ttest.js';
export { chiSquareGoodnessOfFit, chiSquareIndependence } from './chisq.js';
export type { IndependenceOptions } from './chisq.js';
export { ksTestOneSample, ksTestTwoSample, kolmogorovCdfExact, kolmogorovSfExact, smirnovOneSidedSf, smirnovTwoSampleSf } from './ks.js';
export type { KsOptions } from './ks.js';
export { mannWhitneyU, mannWhitneyDistribution } from './mannwhitney.js';
export type { MannWhitneyOptions } from './mannwhitney.js';
export { ols } from './ols.js';
export type { OlsOptions, OlsResult } from './ols.js';
export { betaBinomialUpdate, normalKnownVarianceUpdate } from './bayes.js';
export type { BetaPosterior, NormalPosterior } from './bayes.js';
export {
  normalCdf, normalSf, normalQuantile, studentTCdf, studentTSf, studentTQuantile, chiSquareCdf, chiSquareSf, fSf,
  kolmogorovSf,
} from './dists.js';
