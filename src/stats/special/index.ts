/** Lousa special functions: numeric, double precision, no expression types. */
export { DomainError } from './errors.js';
export { erf, erfc, erfcx } from './erf.js';
export { normPdf, normCdf, normSf, logNormCdf, logNormSf, normQuantile, normIsf, erfinv, erfcinv } from './normal.js';
export { lgamma, lgamma1p, gamma, gammaSign, lgammaSigned, factorial, logFactorial, stirlerr } from './gamma.js';
export { digamma, trigamma } from './digamma.js';
export { zeta, hurwitzZeta } from './zeta.js';
export { beta, lbeta } from './beta.js';
export { sinpi, cospi, log1pmx, bd0 } from './elementary.js';
export { gammainc, gammaincc, gammaincBoth, gammaincDerivative, gammaPrefix } from './incgamma.js';
export { gammaincinv, gammainccinv } from './incgamma_inv.js';
export { gammaincTemme } from './temme.js';
export { betainc, betaincc, betaincBoth, betaincDerivative, betaPrefix } from './incbeta.js';
export { betaincinv, betainccinv } from './incbeta_inv.js';
export { solveTail, type TailProblem } from './solve.js';
export { dbinomRaw, dpoisRaw, logDbinomRaw, logDpoisRaw } from './loader.js';
