/** Lousa probability distributions (numeric only). */
export type { Distribution, DiscreteDistribution as DiscreteLaw } from './types.js';
export { ContinuousDistribution } from './continuous.js';
export { DiscreteDistribution } from './discrete.js';
export { Normal, LogNormal } from './normal.js';
export { Uniform, Exponential, Cauchy, Laplace, Logistic, cauchyLower, cauchyQuantile } from './simple.js';
export { Gamma, ChiSquare } from './gamma.js';
export { Beta } from './beta.js';
export { StudentT, F } from './studentt.js';
export { Binomial, Bernoulli, sampleBinomial } from './binomial.js';
export { Poisson, samplePoisson } from './poisson.js';
export { Geometric, NegativeBinomial } from './negbin.js';
export { Hypergeometric } from './hypergeometric.js';
export { Categorical } from './categorical.js';
export { distributions, type DistributionFactory, type DistributionArg } from './registry.js';
export { Rng } from '../rng.js';
