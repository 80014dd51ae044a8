/**
 * Lousa statistics: special functions, numeric distributions and sampling, descriptive statistics, inference,
 * and distributions as formulas (densities, moments and conjugate posteriors as expressions).
 */
export * from './special/index.js';
export * from './dist/index.js';
export * from './describe/index.js';
export * from './inference/index.js';
export * from './symbolic/index.js';
