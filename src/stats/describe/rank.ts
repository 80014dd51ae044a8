/** Ranks (1-based) with ties given the average of the ranks they span ("fractional ranking"), and mode. */
import { Sample, requireSample } from './errors.js';

/** Ranks of x; tied values share the mean of their positions, e.g. [10, 20, 10] → [1.5, 3, 1.5]. */
export function ranks(x: Sample): Float64Array {
  requireSample(x, 'ranks');
  const n = x.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a]! - x[b]!);
  const r = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && x[idx[j]!] === x[idx[i]!]) j++;
    const avg = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) r[idx[k]!] = avg;
    i = j;
  }
  return r;
}

/** Sizes of the groups of tied values (only groups of size ≥ 2), as used by tie corrections. */
export function tieGroupSizes(x: Sample): number[] {
  const s = Float64Array.from(x).sort();
  const out: number[] = [];
  for (let i = 0; i < s.length; ) {
    let j = i + 1;
    while (j < s.length && s[j] === s[i]) j++;
    if (j - i > 1) out.push(j - i);
    i = j;
  }
  return out;
}

/** All most frequent values, ascending (every value when all are equally frequent). */
export function mode(x: Sample): number[] {
  requireSample(x, 'mode');
  const s = Float64Array.from(x).sort();
  let best = 0;
  let out: number[] = [];
  for (let i = 0; i < s.length; ) {
    let j = i + 1;
    while (j < s.length && s[j] === s[i]) j++;
    const c = j - i;
    if (c > best) {
      best = c;
      out = [s[i]!];
    } else if (c === best) out.push(s[i]!);
    i = j;
  }
  return out;
}
