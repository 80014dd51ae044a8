/** Integration: antiderivatives found by a verified search, definite integrals, and their derivations. */
export { integrate, IntegrateError } from './integrate.js';
export { integrateDefinite, type DefiniteResult, type DefinitePath } from './definite.js';
export { searchIntegral, METHODS as INTEGRATION_METHODS, type IntegrateOptions as IntegrationOptions, type Outcome as IntegrationOutcome } from './core.js';
export { explainIntegrate } from './explain.js';
export { integrateRational, hermite } from './rational.js';
export { checkAntiderivative } from './verify.js';
export { ANTIDERIVATIVES } from './table.js';
export type { Found as IntegrationRecord } from './types.js';
