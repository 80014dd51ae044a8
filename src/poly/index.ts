/**
 * Exact polynomial algebra over ℚ (and ℤ) for Lousa, independent of the expression type.
 *
 * Variables are positions in a caller-held list `string[]`; a monomial is an exponent vector; a
 * `Poly` is an immutable sparse sum of terms in lexicographic order (x0 > x1 > …), coefficients
 * `Rational` from `src/ast/rational.ts`. Converting from an expression over variables `vars`:
 *   Poly.fromTerms(vars.length, [{ exp: [2, 0], coef: [3n, 1n] }, …])   // 3·vars[0]^2 + …
 * or build with `Poly.variable(n, i)`, `Poly.constant(n, c)` and `add`/`mul`/`pow`. Back to an
 * expression: walk `p.terms` (each `{ exp, coef }`). `p.toString(vars)` prints for debugging.
 * Polynomials combined in one operation must have the same `nvars`; `compose` re-embeds them.
 */
export { Poly, PolyError, type Term } from './poly.js';
export { type Exponents, lexCompare } from './monomial.js';
export { type Coef, toRat, rcontent, rtoString } from './ratutil.js';
export { polyToString, polyToString as toString, defaultVariableNames } from './format.js';
export {
  coefficientsIn,
  fromCoefficientsIn,
  leadingCoefficientIn,
  derivative,
  substitute,
  compose,
  evaluateAt,
  toDense,
  mainVariable,
} from './structure.js';
export { tryDivide, divideExact, divmod, divmodIn, pseudoDivide, pseudoRemainder, DivisionByZeroError } from './division.js';
export { primitiveZ, primitivePart, content, monic, hasIntegerCoefficients } from './content.js';
export { gcd, gcdList, lcm, cancel, contentIn, primitivePartIn } from './gcd.js';
export { factor, squareFreeDecomposition, squareFreePart, type Factorization } from './factor.js';
export { FactorLimitError, MAX_SUBSETS } from './zassenhaus.js';
export { resultant, discriminant } from './resultant.js';
export { xgcd, solveDiophantine } from './euclid.js';
export { apart, type PartialFractions, type PartialFractionTerm } from './apart.js';
export { rationalRoots, type RationalRoot } from './roots.js';
export { interpolate } from './interpolate.js';
