import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Poly } from './poly.js';
import { gcd, gcdZ, lcm, cancel, contentIn, primitivePartIn } from './gcd.js';
import { tryDivide, divmod, divmodIn, pseudoDivide, DivisionByZeroError } from './division.js';
import { primitivePart } from './content.js';
import { polyToString } from './format.js';
import { zgcd } from './zgcd.js';
import { toDense } from './structure.js';
import { arbPoly, arbIntPoly, arbUnivariate } from './arbitrary.test-util.js';

const isOne = (p: Poly): boolean => p.isConstant() && p.constantValue()[0] === 1n && p.constantValue()[1] === 1n;

describe('division', () => {
  it('divmod: a = q·b + r and r has no term divisible by lt(b)', () => {
    fc.assert(
      fc.property(arbPoly(2), arbPoly(2, 3), (a, b) => {
        fc.pre(!b.isZero());
        const { q, r } = divmod(a, b);
        expect(q.mul(b).add(r).equals(a)).toBe(true);
        const lt = b.leadingTerm().exp;
        for (const t of r.terms) expect(t.exp.every((e, i) => e >= lt[i]!)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
  it('univariate divmod gives deg r < deg b', () => {
    fc.assert(
      fc.property(arbPoly(1, 6, 8), arbUnivariate(1, 4), (a, b) => {
        const { q, r } = divmodIn(a, b, 0);
        expect(q.mul(b).add(r).equals(a)).toBe(true);
        expect(r.degree(0)).toBeLessThan(b.degree(0));
      }),
    );
  });
  it('pseudo-division identity lc^k·a = q·b + r in a main variable', () => {
    fc.assert(
      fc.property(arbIntPoly(3), arbIntPoly(3, 4), fc.integer({ min: 0, max: 2 }), (a, b, v) => {
        fc.pre(b.degree(v) > 0);
        const { q, r, multiplier } = pseudoDivide(a, b, v);
        expect(multiplier.mul(a).equals(q.mul(b).add(r))).toBe(true);
        expect(r.degree(v)).toBeLessThan(b.degree(v));
        expect(r.terms.every((t) => t.coef[1] === 1n)).toBe(true);
      }),
    );
  });
  it('exact division inverts multiplication and detects inexact quotients', () => {
    fc.assert(
      fc.property(arbPoly(3), arbPoly(3), (a, b) => {
        fc.pre(!b.isZero());
        expect(tryDivide(a.mul(b), b)?.equals(a)).toBe(true);
        const x = Poly.variable(3, 0);
        if (!b.isConstant()) expect(tryDivide(a.mul(b).add(Poly.one(3)), b)).toBeUndefined();
        expect(tryDivide(x.mul(a).add(Poly.one(3)), x)).toBeUndefined();
      }),
    );
    expect(() => divmod(Poly.one(1), Poly.zero(1))).toThrow(DivisionByZeroError);
  });
});

describe('gcd', () => {
  it('gcd of products with a known common factor: contains it, divides both, cofactors coprime', () => {
    fc.assert(
      fc.property(arbIntPoly(3, 3, 2), arbIntPoly(3, 3, 2), arbIntPoly(3, 3, 2), (a, b, c) => {
        fc.pre(!a.isZero() && !b.isZero() && !c.isZero());
        const A = a.mul(c);
        const B = b.mul(c);
        const g = gcd(A, B);
        const ca = tryDivide(A, g);
        const cb = tryDivide(B, g);
        expect(ca).toBeDefined();
        expect(cb).toBeDefined();
        expect(tryDivide(g, primitivePart(c))).toBeDefined();
        expect(isOne(gcd(ca!, cb!))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
  it('univariate gcd over ℚ with large coefficients', () => {
    fc.assert(
      fc.property(arbUnivariate(1, 6, 10n ** 12n), arbUnivariate(1, 6, 10n ** 12n), arbUnivariate(1, 4, 10n ** 12n), (a, b, c) => {
        const g = gcd(a.mul(c), b.mul(c));
        expect(tryDivide(g, primitivePart(c))).toBeDefined();
        expect(isOne(gcd(tryDivide(a.mul(c), g)!, tryDivide(b.mul(c), g)!))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
  it('lcm·gcd = a·b up to a constant, and cancel gives a coprime equal fraction', () => {
    fc.assert(
      fc.property(arbPoly(2, 3, 2), arbPoly(2, 3, 2), arbPoly(2, 3, 2), (a, b, c) => {
        fc.pre(!a.isZero() && !b.isZero() && !c.isZero());
        const q = tryDivide(lcm(a, b).mul(gcd(a, b)), a.mul(b));
        expect(q?.isConstant()).toBe(true);
        const { num, den } = cancel(a.mul(c), b.mul(c));
        expect(num.mul(b).equals(den.mul(a))).toBe(true);
        expect(isOne(gcd(num, den))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
  it('heuristic (GCDHEU) and subresultant-only gcds agree', () => {
    fc.assert(
      fc.property(arbIntPoly(3, 4, 3), arbIntPoly(3, 4, 3), arbIntPoly(3, 3, 2), (a, b, c) => {
        const A = primitivePart(a.mul(c));
        const B = primitivePart(b.mul(c));
        expect(gcdZ(A, B, true).equals(gcdZ(A, B, false))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
  it('content and primitive part in a variable: p = content·pp, pp integer and primitive in x_v', () => {
    fc.assert(
      fc.property(arbPoly(3, 4, 3), arbPoly(3, 2, 2), fc.integer({ min: 0, max: 2 }), (a, b, v) => {
        const c = b.variables().includes(v) ? Poly.one(3) : b; // a factor free of x_v
        const p = a.mul(c);
        fc.pre(!p.isZero());
        const cont = contentIn(p, v);
        const pp = primitivePartIn(p, v);
        expect(cont.degree(v)).toBe(0);
        expect(cont.mul(pp).equals(p)).toBe(true);
        expect(pp.terms.every((t) => t.coef[1] === 1n)).toBe(true);
        expect(contentIn(pp, v).equals(Poly.one(3))).toBe(true);
        if (!c.isZero()) expect(tryDivide(cont, c)).toBeDefined();
      }),
    );
  });
  it('dense ℤ[x] gcd: heuristic and subresultant paths agree on large coefficients', () => {
    const dense = (p: Poly): bigint[] => toDense(p, 0).map((c) => c[0]);
    fc.assert(
      fc.property(arbUnivariate(0, 8, 10n ** 15n), arbUnivariate(0, 8, 10n ** 15n), arbUnivariate(0, 5, 10n ** 15n), fc.bigInt({ min: 1n, max: 10n ** 6n }), (a, b, c, k) => {
        const A = dense(a.mul(c).scale(k));
        const B = dense(b.mul(c).scale(k));
        const h = zgcd(A, B, true);
        expect(h).toEqual(zgcd(A, B, false));
        expect(h.length).toBeGreaterThanOrEqual(c.degree(0) + 1);
      }),
      { numRuns: 100 },
    );
  });
  it('table of known gcds', () => {
    const x = Poly.variable(2, 0);
    const y = Poly.variable(2, 1);
    const one = Poly.one(2);
    const cases: [Poly, Poly, string][] = [
      [x.pow(2).sub(y.pow(2)), x.sub(y).pow(2), 'x - y'],
      [x.pow(4).sub(one), x.pow(6).sub(one), 'x^2 - 1'],
      [x.mul(y).scale(6), x.pow(2).scale(4), 'x'],
      [x.scale([1n, 2n]).add(one), x.add(y), '1'],
      [Poly.zero(2), x.scale(-3).add(one), '3*x - 1'],
    ];
    for (const [a, b, s] of cases) expect(polyToString(gcd(a, b))).toBe(s);
    expect(() => cancel(x, Poly.zero(2))).toThrow(DivisionByZeroError);
  });
});
