/**
 * Lousa's arbitrary-precision binary floating point over BigInt.
 *
 * Values are immutable `BigFloat`s (mantissa · 2^exponent). Precision is given per operation in
 * bits, or as a context `{ prec }`; `digitsToBits(d)` / `context({ digits })` convert from decimal
 * digits. Arithmetic and the elementary functions are correctly rounded (to nearest, ties to even)
 * by Ziv's strategy on rigorous ball error bounds.
 */
export { BigFloat } from './float.js';
export { BigFloatDomainError, BigFloatError, BigFloatRangeError, BigFloatSyntaxError } from './errors.js';
export {
  type BigFloatContext,
  type Precision,
  bitsToDigits,
  context,
  digitsToBits,
  MAX_PREC,
} from './precision.js';
export { e, ln2, pi } from './constants.js';
export { exp, expm1 } from './exp.js';
export { log, log1p, log2, log10 } from './log.js';
export { cos, sin, tan } from './trig.js';
export { acos, asin, atan, atan2 } from './atan.js';
export { acosh, asinh, atanh, cosh, sinh, tanh } from './hyperbolic.js';
export { cbrt, pow, root } from './pow.js';
export { erf, erfc } from './erf.js';
export { gamma, lgamma } from './gamma.js';
export { gammaP, gammaQ } from './incgamma.js';
