/**
 * Covariance and correlation. Pearson's r is computed from centred data (two-pass), Spearman's ρ as Pearson's r
 * of the average ranks (C. Spearman, 1904, "The proof and measurement of association between two things"),
 * which handles ties correctly.
 */
import { Sample, StatsArgumentError, requireSample, requireSameLength } from './errors.js';
import { centredDD } from './centred.js';
import { DD, DDAccumulator, ddDiv, ddMul, ddSqrt } from './dd.js';
import { VarianceKind } from './moments.js';
import { ranks } from './rank.js';

/** Centred cross products in double-double (deviations about the exact means, see centred.ts). */
function centredCrossDD(x: Sample, y: Sample): { sxy: DD; sxx: DD; syy: DD } {
  const dx = centredDD(x), dy = centredDD(y);
  const sxy = new DDAccumulator(), sxx = new DDAccumulator(), syy = new DDAccumulator();
  for (let i = 0; i < x.length; i++) {
    sxy.addDD(ddMul(dx[i]!, dy[i]!));
    sxx.addDD(ddMul(dx[i]!, dx[i]!));
    syy.addDD(ddMul(dy[i]!, dy[i]!));
  }
  return { sxy: sxy.dd(), sxx: sxx.dd(), syy: syy.dd() };
}

function centredCross(x: Sample, y: Sample): { sxy: number; sxx: number; syy: number } {
  const c = centredCrossDD(x, y);
  return { sxy: c.sxy[0] + c.sxy[1], sxx: c.sxx[0] + c.sxx[1], syy: c.syy[0] + c.syy[1] };
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
  const { sxy, sxx, syy } = centredCrossDD(x, y);
  if (sxx[0] === 0 || syy[0] === 0) throw new StatsArgumentError('pearson: a sample is constant, so the correlation is undefined');
  const rr = ddDiv(sxy, ddSqrt(ddMul(sxx, syy)));
  const r = rr[0] + rr[1];
  return Math.max(-1, Math.min(1, r));
}

/** Spearman rank correlation with average ranks for ties. */
export function spearman(x: Sample, y: Sample): number {
  requireSameLength(x, y, 'spearman');
  requireSample(x, 'spearman', 2);
  return pearson(ranks(x), ranks(y));
}
