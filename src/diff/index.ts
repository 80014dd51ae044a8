/** Differentiation: derivative table, rules on `D(f, x)`, gradients, Jacobians, Hessians and their derivations. */
export { diff, explainDiff, grad, jacobian, hessian, DiffError, MAX_ORDER, type DiffOptions } from './diff.js';
export { DERIVATIVES, partials } from './table.js';
export { DIFF_RULES, D } from './rules.js';
export { tidy } from './tidy.js';
export { renderDerivation, renderDerivationText, type RenderOptions } from '../render/derivation.js';
