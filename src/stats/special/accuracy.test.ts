import { describe, it, expect } from 'vitest';
import { HP } from './hpref.js';
import { hpGammaP, hpGammaQ } from './hpgamma.js';
import { hpBetaInc } from './hpbeta.js';
import { gammaincBoth, betaincBoth } from './index.js';
import { Rng } from '../rng.js';

const rel = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.abs(b));

/** Random (seeded) parameter sweeps against the HP references: the >= 99% within 1e-12 goal. */
describe('accuracy sweeps on random arguments', () => {
  it('incomplete gamma P and Q, a log-uniform in [1e-2, 1e5], x around and far from a', () => {
    const rng = new Rng(31337);
    const errs: number[] = [];
    for (let i = 0; i < 90; i++) {
      const a = Math.exp(Math.log(1e-2) + rng.next() * Math.log(1e7));
      const spread = Math.max(1, Math.sqrt(a));
      const x = Math.max(1e-3 * a, a + spread * 8 * (rng.next() - 0.4));
      const r = gammaincBoth(a, x);
      const P = hpGammaP(HP.from(a), HP.from(x)).toNumber();
      const Q = hpGammaQ(HP.from(a), HP.from(x)).toNumber();
      if (P > 1e-300) errs.push(rel(r.p, P));
      if (Q > 1e-300) errs.push(rel(r.q, Q));
    }
    const within = errs.filter((e) => e <= 1e-12).length / errs.length;
    expect(within).toBeGreaterThanOrEqual(0.99);
    expect(Math.max(...errs)).toBeLessThan(1e-11);
  });
  it('incomplete beta, non-integer a, b log-uniform in [0.05, 2e4]', () => {
    const rng = new Rng(2718);
    const errs: number[] = [];
    for (let i = 0; i < 150; i++) {
      const a = Math.exp(Math.log(0.05) + rng.next() * Math.log(4e5));
      const b = Math.exp(Math.log(0.05) + rng.next() * Math.log(4e5));
      const m = a / (a + b);
      const sd = Math.sqrt((a * b) / ((a + b) * (a + b) * (a + b + 1)));
      let x = m + sd * 6 * (rng.next() - 0.5);
      if (!(x > 0 && x < 1)) x = rng.next();
      const r = betaincBoth(a, b, x);
      const [L, U] = hpBetaInc(a, b, x);
      if (L > 1e-300) errs.push(rel(r.lower, L));
      if (U > 1e-300) errs.push(rel(r.upper, U));
    }
    const within = errs.filter((e) => e <= 1e-12).length / errs.length;
    expect(within).toBeGreaterThanOrEqual(0.99);
    expect(Math.max(...errs)).toBeLessThan(1e-11);
  });
});
