import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Poly, PolyError } from './poly.js';
import { polyToString } from './format.js';
import { derivative, substitute, compose, evaluateAt, coefficientsIn, fromCoefficientsIn } from './structure.js';
import { arbPoly, smallRational } from './arbitrary.test-util.js';
import { radd, rmul } from '../ast/rational.js';

const P = arbPoly(3);
const point = fc.array(smallRational, { minLength: 3, maxLength: 3 });

describe('ring laws (random sparse polynomials in 3 variables over ℚ)', () => {
  it('addition is commutative and associative, with 0 and negatives', () => {
    fc.assert(
      fc.property(P, P, P, (a, b, c) => {
        expect(a.add(b).equals(b.add(a))).toBe(true);
        expect(a.add(b).add(c).equals(a.add(b.add(c)))).toBe(true);
        expect(a.add(Poly.zero(3)).equals(a)).toBe(true);
        expect(a.add(a.neg()).isZero()).toBe(true);
        expect(a.sub(b).equals(a.add(b.neg()))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
  it('multiplication is commutative, associative, unital and distributes over addition', () => {
    fc.assert(
      fc.property(P, P, P, (a, b, c) => {
        expect(a.mul(b).equals(b.mul(a))).toBe(true);
        expect(a.mul(b).mul(c).equals(a.mul(b.mul(c)))).toBe(true);
        expect(a.mul(Poly.one(3)).equals(a)).toBe(true);
        expect(a.mul(b.add(c)).equals(a.mul(b).add(a.mul(c)))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
  it('evaluation is a ring homomorphism', () => {
    fc.assert(
      fc.property(P, P, point, (a, b, x) => {
        expect(a.add(b).evaluate(x)).toEqual(radd(a.evaluate(x), b.evaluate(x)));
        expect(a.mul(b).evaluate(x)).toEqual(rmul(a.evaluate(x), b.evaluate(x)));
      }),
      { numRuns: 300 },
    );
  });
  it('pow agrees with repeated multiplication; degrees add under multiplication', () => {
    fc.assert(
      fc.property(arbPoly(2, 3, 2), fc.integer({ min: 0, max: 5 }), (a, k) => {
        let r = Poly.one(2);
        for (let i = 0; i < k; i++) r = r.mul(a);
        expect(a.pow(k).equals(r)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(P, P, fc.integer({ min: 0, max: 2 }), (a, b, v) => {
        fc.pre(!a.isZero() && !b.isZero());
        expect(a.mul(b).degree(v)).toBe(a.degree(v) + b.degree(v));
        expect(a.mul(b).degree()).toBe(a.degree() + b.degree());
      }),
    );
  });
});

describe('structure', () => {
  it('derivative obeys the product rule', () => {
    fc.assert(
      fc.property(P, P, fc.integer({ min: 0, max: 2 }), (a, b, v) => {
        const lhs = derivative(a.mul(b), v);
        const rhs = derivative(a, v).mul(b).add(a.mul(derivative(b, v)));
        expect(lhs.equals(rhs)).toBe(true);
      }),
    );
  });
  it('substitution is evaluation of the composite', () => {
    fc.assert(
      fc.property(P, P, point, fc.integer({ min: 0, max: 2 }), (a, q, x, v) => {
        const s = substitute(a, v, q);
        const y = x.slice();
        y[v] = q.evaluate(x);
        expect(s.evaluate(x)).toEqual(a.evaluate(y));
        expect(evaluateAt(a, v, x[v]!).evaluate(x)).toEqual(a.evaluate(x));
      }),
    );
  });
  it('compose renames variables and coefficientsIn round-trips', () => {
    fc.assert(
      fc.property(P, point, fc.integer({ min: 0, max: 2 }), (a, x, v) => {
        const swapped = compose(a, [Poly.variable(3, 1), Poly.variable(3, 0), Poly.variable(3, 2)]);
        expect(swapped.evaluate([x[1]!, x[0]!, x[2]!])).toEqual(a.evaluate(x));
        expect(fromCoefficientsIn(3, v, coefficientsIn(a, v)).equals(a)).toBe(true);
      }),
    );
  });
});

describe('construction and printing', () => {
  it('canonicalises and prints readably', () => {
    const x = Poly.variable(2, 0);
    const y = Poly.variable(2, 1);
    const p = x.pow(2).mul(y).scale(3).sub(x.scale([1n, 2n])).add(Poly.constant(2, 7));
    expect(polyToString(p)).toBe('3*x^2*y - 1/2*x + 7');
    expect(polyToString(p, ['a', 'b'])).toBe('3*a^2*b - 1/2*a + 7');
    expect(polyToString(x.sub(x))).toBe('0');
    expect(polyToString(y.neg().sub(Poly.one(2)))).toBe('-y - 1');
  });
  it('rejects bad input with PolyError', () => {
    expect(() => Poly.variable(2, 2)).toThrow(PolyError);
    expect(() => Poly.fromTerms(2, [{ exp: [1], coef: 1n }])).toThrow(PolyError);
    expect(() => Poly.variable(1, 0).pow(-1)).toThrow(PolyError);
    expect(() => Poly.variable(1, 0).add(Poly.variable(2, 0))).toThrow(PolyError);
    expect(() => Poly.constant(1, 0.5)).toThrow(RangeError);
  });
});
