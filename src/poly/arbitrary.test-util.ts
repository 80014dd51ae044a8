/** fast-check generators of polynomials shared by the tests of this folder. */
import fc from 'fast-check';
import { Poly } from './poly.js';
import { type Rational, rat } from '../ast/rational.js';

export const smallRational: fc.Arbitrary<Rational> = fc
  .tuple(fc.bigInt({ min: -20n, max: 20n }), fc.bigInt({ min: 1n, max: 6n }))
  .map(([n, d]) => rat(n, d));

/** Random sparse polynomial in `nvars` variables with rational coefficients. */
export function arbPoly(nvars: number, maxTerms = 5, maxExp = 3, coef: fc.Arbitrary<Rational> = smallRational): fc.Arbitrary<Poly> {
  const term = fc.record({
    exp: fc.array(fc.integer({ min: 0, max: maxExp }), { minLength: nvars, maxLength: nvars }),
    coef,
  });
  return fc.array(term, { maxLength: maxTerms }).map((ts) => Poly.fromTerms(nvars, ts));
}

/** Random polynomial with small integer coefficients. */
export function arbIntPoly(nvars: number, maxTerms = 5, maxExp = 3, bound = 9n): fc.Arbitrary<Poly> {
  return arbPoly(nvars, maxTerms, maxExp, fc.bigInt({ min: -bound, max: bound }).map((n) => [n, 1n] as const));
}

/** Random univariate polynomial of exact degree in [minDeg, maxDeg], integer coefficients. */
export function arbUnivariate(minDeg: number, maxDeg: number, bound = 20n, nvars = 1, v = 0): fc.Arbitrary<Poly> {
  return fc
    .array(fc.bigInt({ min: -bound, max: bound }), { minLength: minDeg + 1, maxLength: maxDeg + 1 })
    .chain((cs) => fc.bigInt({ min: 1n, max: bound }).map((lead) => [...cs.slice(0, -1), lead]))
    .map((cs) => Poly.fromCoeffs(nvars, v, cs));
}
