/**
 * Deviations from the mean carried in double-double arithmetic (dd.ts): d_i = x_i − m is formed exactly by TwoSum,
 * the mean of the d_i (the rounding error δ of the computed mean m) is then removed, so the deviations are those
 * from the exact sample mean to about 106 bits even when the data sit on a large offset (x ≈ 10¹² ± 10⁻³).
 * This is the corrected two-pass idea of Chan, Golub & LeVeque (1983) carried one step further.
 */
import type { Sample } from './errors.js';
import { DD, DDAccumulator, ddSub, twoSum } from './dd.js';
import { mean } from './sum.js';

/** Deviations x_i − x̄ from the exact mean, each as a double-double. */
export function centredDD(x: Sample): DD[] {
  const n = x.length;
  const m = mean(x);
  const d: DD[] = new Array(n);
  const acc = new DDAccumulator();
  for (let i = 0; i < n; i++) {
    d[i] = twoSum(x[i]!, -m);
    acc.addDD(d[i]!);
  }
  const s = acc.dd();
  const delta: DD = [s[0] / n, 0];
  delta[1] = (s[0] - delta[0] * n + s[1]) / n; // second-order part of s / n
  for (let i = 0; i < n; i++) d[i] = ddSub(d[i]!, delta);
  return d;
}
