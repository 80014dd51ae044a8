/**
 * Covariance and correlation. Pearson's r is computed from centred data (two-pass), Spearman's ρ as Pearson's r
 * of the average ranks (C. Spearman, 1904, "The proof and measurement of association between two things"),
 * which handles ties correctly.
 */
import { Sample, StatsArgumentError, requireSample, requireSameLength } from './errors.js';
import { mean } from './sum.js';
import { VarianceKind } from './moments.js';
import { ranks } from './rank.js';

function centredCross(x: Sample, y: Sample): { sxy: number; sxx: number; syy: number } {
  const mx = mean(x), my = mean(y);
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = x[i]! - mx, dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return { sxy, sxx, syy };
}

/** Covariance; 'sample' (divisor n − 1, default) or 'population'. */
export function covariance(x: Sample, y: Sample, kind: VarianceKind = 'sample'): number {
  requireSameLength(x, y, 'covariance');
  requireSample(x, 'covariance', kind === 'sample' ? 2 : 1);
  requireSample(y, 'covariance', kind === 'sample' ? 2 : 1);
  return centredCross(x, y).sxy / (kind === 'sample' ? x.length - 1 : x.length);
}

/** Pearson product-moment correlation. Throws when either sample is constant (r is undefined). */
export function pearson(x: Sample, y: Sample): number {
  requireSameLength(x, y, 'pearson');
  requireSample(x, 'pearson', 2);
  requireSample(y, 'pearson', 2);
  const { sxy, sxx, syy } = centredCross(x, y);
  if (sxx === 0 || syy === 0) throw new StatsArgumentError('pearson: a sample is constant, so the correlation is undefined');
  const r = sxy / Math.sqrt(sxx * syy);
  return Math.max(-1, Math.min(1, r));
}

/** Spearman rank correlation with average ranks for ties. */
export function spearman(x: Sample, y: Sample): number {
  requireSameLength(x, y, 'spearman');
  requireSample(x, 'spearman', 2);
  return pearson(ranks(x), ranks(y));
}
