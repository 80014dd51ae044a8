/**
 * Exact polynomial algebra over ℚ (and ℤ) for Lousa, independent of the expression type.
 *
 * Variables are positions in a caller-held list `string[]`; a monomial is an exponent vector; a
 * `Poly` is an immutable sparse sum of terms in lexicographic order (x0 > x1 > …). Conversions to and
 * from expressions only need `Poly.fromTerms(nvars, [{ exp, coef }])` and `poly.terms`.
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
