import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Poly } from './poly.js';
import { factor, type Factorization } from './factor.js';
import { gcd } from './gcd.js';
import { primitivePart } from './content.js';
import { coefficientsIn } from './structure.js';
import { arbIntPoly } from './arbitrary.test-util.js';

const N = 3;
const expand = (f: Factorization): Poly => f.factors.reduce((acc, [q, k]) => acc.mul(q.pow(k)), Poly.constant(N, f.unit));
const key = (fs: [Poly, number][]): string[] => fs.map(([q, k]) => `${q}^${k}`).sort();

/**
 * A(others)·y_v + B(others) with gcd(A, B) = 1 and A, B not both constant: primitive of degree 1 in
 * y_v, hence irreducible over ℚ (any factorisation would have a factor free of y_v dividing A and B).
 */
const linearIrreducible = fc
  .tuple(fc.integer({ min: 0, max: N - 1 }), arbIntPoly(N, 3, 2, 5n), arbIntPoly(N, 3, 2, 5n))
  .map(([v, a0, b0]) => {
    const drop = (p: Poly): Poly => coefficientsIn(p, v)[0] ?? Poly.zero(N);
    const a = drop(a0);
    const b = drop(b0);
    return { v, a, b };
  })
  .filter(({ a, b }) => !a.isZero() && !b.isZero() && !(a.isConstant() && b.isConstant()) && gcd(a, b).isConstant())
  .map(({ v, a, b }) => primitivePart(a.mul(Poly.variable(N, v)).add(b)));

describe('multivariate factorisation', () => {
  it('products of certified-irreducible polynomials in 3 variables factor back into exactly them', () => {
    fc.assert(
      fc.property(fc.array(linearIrreducible, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 2 }), (fs, k) => {
        const p = fs.reduce((acc, q) => acc.mul(q), Poly.one(N)).mul(fs[0]!.pow(k - 1));
        const merged = new Map<string, [Poly, number]>();
        fs.forEach((q, i) => {
          const s = q.toString();
          merged.set(s, [q, (merged.get(s)?.[1] ?? 0) + (i === 0 ? k : 1)]);
        });
        const f = factor(p);
        expect(key(f.factors)).toEqual(key([...merged.values()]));
        expect(f.complete).toBe(true);
        expect(expand(f).equals(p)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
  it('random products split into at least as many factors and multiply back', () => {
    fc.assert(
      fc.property(fc.array(arbIntPoly(N, 3, 2, 7n), { minLength: 1, maxLength: 3 }), (fs) => {
        const p = fs.reduce((acc, q) => acc.mul(q), Poly.one(N));
        fc.pre(!p.isZero());
        const f = factor(p);
        expect(expand(f).equals(p)).toBe(true);
        const given = fs.filter((q) => !q.isConstant()).length;
        expect(f.factors.reduce((s, [, m]) => s + m, 0)).toBeGreaterThanOrEqual(given);
      }),
      { numRuns: 60 },
    );
  });
  it.each([
    ['x^4 - y^4', (x: Poly, y: Poly) => x.pow(4).sub(y.pow(4)), ['x + y^1', 'x - y^1', 'x^2 + y^2^1']],
    ['x^3 + y^3 + z^3 − 3xyz', (x: Poly, y: Poly, z: Poly) => x.pow(3).add(y.pow(3)).add(z.pow(3)).sub(x.mul(y).mul(z).scale(3)), ['x + y + z^1', 'x^2 - x*y - x*z + y^2 - y*z + z^2^1']],
    ['(x²y + z)(xy² − xz + 2)', (x: Poly, y: Poly, z: Poly) => x.pow(2).mul(y).add(z).mul(x.mul(y.pow(2)).sub(x.mul(z)).add(Poly.constant(N, 2))), ['x*y^2 - x*z + 2^1', 'x^2*y + z^1']],
  ])('%s', (_name, build, expected) => {
    const [x, y, z] = [0, 1, 2].map((i) => Poly.variable(N, i)) as [Poly, Poly, Poly];
    expect(key(factor(build(x, y, z)).factors)).toEqual([...expected].sort());
  });
});
