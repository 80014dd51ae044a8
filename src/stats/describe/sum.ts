/**
 * Compensated summation and the mean.
 * Neumaier's improvement of Kahan summation (A. Neumaier, 1974, "Rundungsfehleranalyse einiger Verfahren zur
 * Summation endlicher Summen", ZAMM 54) carries the rounding error of each addition, whichever operand is larger.
 */
import { Sample, requireSample } from './errors.js';

/** Σxᵢ with Neumaier compensation: error about ε·|Σxᵢ| + O(nε²)Σ|xᵢ|. The empty sum is 0. */
export function sum(x: Sample): number {
  let s = 0, c = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

/** Arithmetic mean, with a compensated sum and one correction pass (mean of the residuals). */
export function mean(x: Sample): number {
  requireSample(x, 'mean');
  const n = x.length;
  const m = sum(x) / n;
  if (!Number.isFinite(m)) return m;
  let r = 0;
  for (let i = 0; i < n; i++) r += x[i]! - m;
  return m + r / n;
}
