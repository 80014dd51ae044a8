import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Poly } from './poly.js';
import { apart, type PartialFractions } from './apart.js';
import { factor } from './factor.js';
import { divideExact, tryDivide, DivisionByZeroError } from './division.js';
import { arbPoly, arbUnivariate } from './arbitrary.test-util.js';

const x = Poly.variable(1, 0);
const c = (n: bigint, d = 1n): Poly => Poly.constant(1, [n, d]);

/** P·q + Σ A·q/f^j, which must equal p when p/q = P + Σ A/f^j. */
function recombine(pf: PartialFractions, q: Poly): Poly {
  return pf.terms.reduce((acc, t) => acc.add(t.numerator.mul(divideExact(q, t.factor.pow(t.power)))), pf.polynomial.mul(q));
}

describe('partial fractions', () => {
  it('1/(x²−1) = (1/2)/(x−1) − (1/2)/(x+1)', () => {
    const pf = apart(Poly.one(1), x.pow(2).sub(Poly.one(1)));
    expect(pf.polynomial.isZero()).toBe(true);
    const byFactor = Object.fromEntries(pf.terms.map((t) => [t.factor.toString(), t.numerator.toString()]));
    expect(byFactor).toEqual({ 'x - 1': '1/2', 'x + 1': '-1/2' });
  });
  it('(x+1)/(x(x²+1)²) = 1/x + (−x+1)/(x²+1)² + (−x)/(x²+1)', () => {
    // Check by clearing denominators: 1·(x²+1)² + (1−x)·x + (−x)·x(x²+1) = x + 1.
    const q = x.mul(x.pow(2).add(Poly.one(1)).pow(2));
    const pf = apart(x.add(Poly.one(1)), q);
    const got = pf.terms.map((t) => `${t.numerator}/(${t.factor})^${t.power}`).sort();
    expect(got).toEqual(['-x + 1/(x^2 + 1)^2', '-x/(x^2 + 1)^1', '1/(x)^1'].sort());
  });
  it('random p/q recombines exactly, with reduced numerators over monic irreducible factors', () => {
    fc.assert(
      fc.property(
        arbPoly(1, 5, 7),
        fc.array(fc.tuple(arbUnivariate(1, 3, 5n), fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 3 }),
        (p, parts) => {
          const q = parts.reduce((acc, [f, k]) => acc.mul(f.pow(k)), c(3n));
          const pf = apart(p, q);
          expect(recombine(pf, q).equals(p)).toBe(true);
          for (const t of pf.terms) {
            expect(t.factor.lc()).toEqual([1n, 1n]);
            expect(t.numerator.degree(0)).toBeLessThan(t.factor.degree(0));
            expect(factor(t.factor).factors.length).toBe(1);
            expect(tryDivide(q, t.factor.pow(t.power))).toBeDefined();
          }
        },
      ),
      { numRuns: 150 },
    );
    expect(() => apart(x, Poly.zero(1))).toThrow(DivisionByZeroError);
  });
});
