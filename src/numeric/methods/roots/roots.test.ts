import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { bisection } from './bisection.js';
import { brent } from './brent.js';
import { newton } from './newton.js';
import { findBracket, scanBrackets } from './bracket.js';
import { InvalidArgumentError, NoSignChangeError, NumericError } from '../errors.js';

// Dottie number, the fixed point of cos (OEIS A003957).
const DOTTIE = 0.7390851332151606416553120876738734040134;

const finders = [
  ['bisection', bisection],
  ['brent', brent],
] as const;

describe('bracketing root finders', () => {
  for (const [name, solve] of finders) {
    it(`${name}: cube root of 2, Dottie number, exact zero at an endpoint`, () => {
      const r = solve((x) => x * x * x - 2, 0, 2);
      expect(r.converged).toBe(true);
      // Default tolerance: xTol + rTol·|x| = 1e-14 + 4ε·|x|.
      expect(Math.abs(r.root - Math.cbrt(2))).toBeLessThan(1e-14 + 4 * Number.EPSILON * 1.26);
      const d = solve((x) => Math.cos(x) - x, 0, 1);
      expect(Math.abs(d.root - DOTTIE)).toBeLessThan(1e-14 + 4 * Number.EPSILON);
      expect(Math.abs(d.fx)).toBeLessThan(1e-14);
      const z = solve((x) => x - 3, 3, 5);
      expect(z.root).toBe(3);
      expect(z.fx).toBe(0);
    });

    it(`${name}: throws a clear error when there is no sign change`, () => {
      expect(() => solve((x) => x * x + 1, -1, 1)).toThrow(NoSignChangeError);
      expect(() => solve((x) => x * x + 1, -1, 1)).toThrow(/no sign change/);
      expect(() => solve((x) => x, Number.NaN, 1)).toThrow(InvalidArgumentError);
      expect(() => solve(() => Number.NaN, 0, 1)).toThrow(NumericError);
    });

    it(`${name}: finds the root of (x − r)·(x² + 1)·e^x for random r`, () => {
      fc.assert(
        fc.property(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: 0.01, max: 20, noNaN: true }), (r, w) => {
          const f = (x: number) => (x - r) * (x * x + 1) * Math.exp(x / 50);
          const res = solve(f, r - w, r + 2 * w);
          expect(res.converged).toBe(true);
          expect(Math.abs(res.root - r)).toBeLessThanOrEqual(1e-14 + 8 * Number.EPSILON * Math.abs(r));
        }),
        { numRuns: 500 },
      );
    });
  }

  it('brent needs far fewer evaluations than bisection on a smooth function', () => {
    const f = (x: number) => Math.exp(x) - 10;
    const b = brent(f, 0, 5);
    const s = bisection(f, 0, 5);
    expect(Math.abs(b.root - Math.log(10))).toBeLessThan(1e-14);
    expect(b.evaluations).toBeLessThan(15);
    expect(s.evaluations).toBeGreaterThan(40);
  });

  it('brent survives a function that defeats plain interpolation (flat then steep)', () => {
    // x^9 has a root of multiplicity 9 at 0.3 after the shift: very flat.
    const f = (x: number) => Math.pow(x - 0.3, 9);
    const r = brent(f, -1, 2, { maxIterations: 500 });
    expect(r.converged).toBe(true);
    expect(Math.abs(r.root - 0.3)).toBeLessThan(1e-2); // flat: |f| < 1e-18 over a wide band
    expect(r.fx === 0 || Math.abs(r.fx) < 1e-30).toBe(true);
  });
});

describe('newton', () => {
  it('converges quadratically to √2', () => {
    const r = newton((x) => x * x - 2, (x) => 2 * x, 1);
    expect(r.converged).toBe(true);
    expect(Math.abs(r.root - Math.SQRT2)).toBeLessThan(4e-16);
    expect(r.iterations).toBeLessThan(8);
  });

  it('reports failure instead of looping when the tangent is flat', () => {
    const r = newton((x) => x * x + 1, (x) => 2 * x, 0);
    expect(r.converged).toBe(false);
  });

  it('plain Newton cycles on x³ − 2x + 2 from 0, the safeguarded version converges', () => {
    const f = (x: number) => x * x * x - 2 * x + 2;
    const df = (x: number) => 3 * x * x - 2;
    const plain = newton(f, df, 0, { maxIterations: 50 });
    expect(plain.converged).toBe(false);
    const safe = newton(f, df, 0, { bracket: [-3, 0] });
    expect(safe.converged).toBe(true);
    expect(Math.abs(f(safe.root))).toBeLessThan(1e-13);
    // Check against the Cardano closed form of the real root.
    const p = -2;
    const q = 2;
    const disc = Math.sqrt((q * q) / 4 + (p * p * p) / 27);
    const cardano = Math.cbrt(-q / 2 + disc) + Math.cbrt(-q / 2 - disc);
    expect(Math.abs(safe.root - cardano)).toBeLessThan(1e-14);
  });

  it('safeguarded Newton agrees with brent on Kepler’s equation E − e·sin E = M', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.99, noNaN: true }), fc.double({ min: 0, max: Math.PI, noNaN: true }), (e, M) => {
        const f = (E: number) => E - e * Math.sin(E) - M;
        const df = (E: number) => 1 - e * Math.cos(E);
        const n = newton(f, df, M, { bracket: [0, Math.PI] });
        const b = brent(f, 0, Math.PI);
        expect(n.converged).toBe(true);
        expect(Math.abs(n.root - b.root)).toBeLessThan(1e-13);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a starting point outside the bracket and a bracket without sign change', () => {
    expect(() => newton((x) => x, () => 1, 5, { bracket: [-1, 1] })).toThrow(InvalidArgumentError);
    expect(() => newton((x) => x * x + 1, (x) => 2 * x, 0, { bracket: [-1, 1] })).toThrow(NoSignChangeError);
  });
});

describe('bracket search', () => {
  it('findBracket expands until a sign change appears', () => {
    const br = findBracket((x) => x - 1000, 0);
    expect(br.a <= 1000 && br.b >= 1000).toBe(true);
    expect(brent((x) => x - 1000, br.a, br.b).root).toBeCloseTo(1000, 10);
  });

  it('findBracket throws when there is no real root', () => {
    expect(() => findBracket((x) => x * x + 1, 0, { maxExpansions: 30 })).toThrow(/no sign change/);
  });

  it('scanBrackets finds every root of sin on [0.5, 20]', () => {
    const brs = scanBrackets(Math.sin, 0.5, 20, 200);
    const roots = brs.map((br) => brent(Math.sin, br.a, br.b).root);
    expect(roots.length).toBe(6);
    roots.forEach((r, i) => expect(Math.abs(r - (i + 1) * Math.PI)).toBeLessThan(1e-13));
  });
});
