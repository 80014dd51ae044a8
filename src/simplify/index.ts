/** Algebra on expressions: expand, factor, cancel, together, apart, collect, polynomial division, simplify. */
export { simplify, simplifyTraced, assume, forget, type SimplifyOptions } from './simplify.js';
export { explainSimplify } from './explain.js';
export { expand } from './expand.js';
export { factor } from './factor.js';
export { cancel, together, divide as polynomialDivide, quo, rem, gcd as polyGcd, lcm as polyLcm } from './rational.js';
export { apart } from './apart.js';
export { collect, degree, coeffs } from './collect.js';
export { Kernels, type RatFun } from './poly-bridge.js';
export { Assumptions, type AssumptionOptions, type Fact, type Bound, type Order } from './assume.js';
export { sampleAdmissible, seededRandom, type Draw, type SampleOptions } from './assume-sample.js';
export { SIMPLIFY_RULES, LOG_EXPAND_RULES, TRIG_TO_SINCOS, TRIG_LINEARIZE } from './rules.js';
export { cost as simplifyCost } from './cost.js';
export { AlgebraError, ALGEBRA_LIMITS } from './errors.js';
