export type { Objective, GradientObjective, PathPoint, StopReason, OptimizeResult, OptimizeOptions } from './types.js';
export { gradientDescent, type GradientDescentOptions } from './gradient-descent.js';
export { momentum, heavyBall, nesterov, type MomentumOptions } from './momentum.js';
export { adam, type AdamOptions } from './adam.js';
export { bfgs, type BfgsOptions } from './bfgs.js';
export { nelderMead, type NelderMeadOptions } from './nelder-mead.js';
export { withNumericGradient } from './finite-difference.js';
export { armijoBacktracking, strongWolfe, type LineSearchResult } from './line-search.js';
