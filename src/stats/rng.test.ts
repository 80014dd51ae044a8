import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Rng } from './rng.js';
import { DomainError } from './special/errors.js';
import { gammaincBoth } from './special/incgamma.js';
import { normCdf } from './special/normal.js';

/** Kolmogorov-Smirnov statistic of a sample against a continuous cdf. */
function ks(xs: number[], cdf: (x: number) => number): number {
  const s = [...xs].sort((a, b) => a - b);
  let d = 0;
  for (let i = 0; i < s.length; i++) {
    const f = cdf(s[i]);
    d = Math.max(d, (i + 1) / s.length - f, f - i / s.length);
  }
  return d;
}
// 1.63 / sqrt(n) is the 1% critical value of the KS statistic for large n
const KS_CRIT = (n: number): number => 1.63 / Math.sqrt(n);

describe('Rng', () => {
  it('same seed, same stream; next() in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), (seed) => {
        const a = new Rng(seed);
        const b = new Rng(seed);
        for (let i = 0; i < 20; i++) {
          const u = a.next();
          expect(u).toBe(b.next());
          expect(u >= 0 && u < 1).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
  it('uniform, normal and gamma draws pass a Kolmogorov-Smirnov test at 1%', () => {
    const n = 20000;
    const rng = new Rng(11);
    const u = Array.from({ length: n }, () => rng.next());
    expect(ks(u, (x) => x)).toBeLessThan(KS_CRIT(n));
    const z = Array.from({ length: n }, () => rng.normal());
    expect(ks(z, normCdf)).toBeLessThan(KS_CRIT(n));
    for (const shape of [0.3, 1, 4.5, 200]) {
      const g = Array.from({ length: n }, () => rng.gamma(shape));
      expect(ks(g, (x) => gammaincBoth(shape, Math.max(x, 0)).p)).toBeLessThan(KS_CRIT(n));
    }
  });
  it('int(n) covers 0..n-1 without bias and validates n', () => {
    const rng = new Rng(3);
    const n = 7;
    const counts = new Array<number>(n).fill(0);
    for (let i = 0; i < 70000; i++) {
      const k = rng.int(n);
      expect(Number.isInteger(k) && k >= 0 && k < n).toBe(true);
      counts[k]++;
    }
    // chi-square with 6 df: 1% critical value 16.81
    const chi2 = counts.reduce((s, c) => s + (c - 10000) ** 2 / 10000, 0);
    expect(chi2).toBeLessThan(16.81);
    expect(rng.int(2 ** 40)).toBeLessThan(2 ** 40);
    expect(() => rng.int(0)).toThrow(DomainError);
    expect(() => rng.int(2.5)).toThrow(DomainError);
    expect(() => new Rng(NaN)).toThrow(DomainError);
  });
});
