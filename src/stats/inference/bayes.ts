/**
 * Conjugate Bayesian updates (H. Raiffa & R. Schlaifer, 1961, "Applied Statistical Decision Theory"):
 * Beta(α, β) prior with binomial data → Beta(α + s, β + f); Normal(μ₀, τ₀²) prior on a normal mean with known
 * variance σ² → Normal with precision 1/τ₀² + n/σ² and precision-weighted mean.
 */
import { Sample, StatsArgumentError, requireSample } from '../describe/errors.js';
import { sum } from '../describe/sum.js';

export interface BetaPosterior {
  readonly alpha: number;
  readonly beta: number;
  readonly mean: number;
  readonly variance: number;
  /** Posterior mode, defined when α, β > 1. */
  readonly mode?: number;
}

export function betaBinomialUpdate(prior: { alpha: number; beta: number }, successes: number, trials: number): BetaPosterior {
  if (!(prior.alpha > 0 && prior.beta > 0)) throw new StatsArgumentError(`beta–binomial: prior parameters must be positive, got α=${prior.alpha}, β=${prior.beta}`);
  if (!Number.isInteger(trials) || trials < 0) throw new StatsArgumentError(`beta–binomial: trials must be a non-negative integer, got ${trials}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > trials) {
    throw new StatsArgumentError(`beta–binomial: successes must be an integer in [0, trials], got ${successes}`);
  }
  const a = prior.alpha + successes, b = prior.beta + trials - successes;
  const s = a + b;
  const out: BetaPosterior = { alpha: a, beta: b, mean: a / s, variance: (a * b) / (s * s * (s + 1)) };
  return a > 1 && b > 1 ? { ...out, mode: (a - 1) / (s - 2) } : out;
}

export interface NormalPosterior {
  readonly mean: number;
  readonly variance: number;
  readonly precision: number;
}

/** Posterior of a normal mean given a Normal(mean, variance) prior and data with known variance σ². */
export function normalKnownVarianceUpdate(prior: { mean: number; variance: number }, data: Sample, knownVariance: number): NormalPosterior {
  if (!(prior.variance > 0)) throw new StatsArgumentError(`normal–normal: prior variance must be positive, got ${prior.variance}`);
  if (!(knownVariance > 0)) throw new StatsArgumentError(`normal–normal: known variance must be positive, got ${knownVariance}`);
  if (data.length > 0) requireSample(data, 'normal–normal update');
  const precision = 1 / prior.variance + data.length / knownVariance;
  const mean = (prior.mean / prior.variance + sum(data) / knownVariance) / precision;
  return { mean, variance: 1 / precision, precision };
}
