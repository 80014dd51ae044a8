import { describe, it, expect } from 'vitest';
import { HP } from './hpref.js';
import { hpGammaP, hpGammaQ } from './hpgamma.js';
import { gammaincTemme } from './temme.js';
import { gammaincBoth } from './incgamma.js';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe("Temme's uniform expansion", () => {
  it('matches the HP series at a = 1e6 inside its window', () => {
    const a = 1e6;
    for (const x of [a - 900, a - 0.5, a + 0.25, a + 700]) {
      const t = gammaincTemme(a, x);
      expect(rel(t.p, hpGammaP(HP.from(a), HP.from(x)).toNumber())).toBeLessThan(1e-14);
      expect(rel(t.q, hpGammaQ(HP.from(a), HP.from(x)).toNumber())).toBeLessThan(1e-14);
    }
  });
  it('joins the series / continued fraction continuously at the window edge for a = 1e9', () => {
    const a = 1e9;
    const inside = gammaincBoth(a, a * (1 + 0.999e-3));
    const outside = gammaincBoth(a, a * (1 + 1.001e-3));
    // both are ~ Q at 31.6 sigma; the ratio follows the density: Q'/Q ~ -eta sqrt(a) per unit
    const dx = a * 0.002e-3;
    const eta = 1e-3;
    expect(Math.abs(Math.log(outside.q / inside.q) + eta * dx)).toBeLessThan(0.05 * eta * dx);
    expect(inside.p + inside.q).toBeCloseTo(1, 15);
    // P(a, a) -> 1/2 + 1/(3 sqrt(2 pi a)) (DiDonato & Morris 1986)
    expect(rel(gammaincBoth(a, a).p, 0.5 + 1 / (3 * Math.sqrt(2 * Math.PI * a)))).toBeLessThan(1e-12);
  });
});
