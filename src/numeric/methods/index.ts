/**
 * Lousa's numerical methods on plain JavaScript functions: root finding,
 * quadrature, minimisation with recorded paths, and ODE integration.
 */
export { NumericError, InvalidArgumentError, NoSignChangeError, NonFiniteValueError } from './errors.js';
export * from './roots/index.js';
export * from './quadrature/index.js';
export * from './optimize/index.js';
export * from './ode/index.js';
