import { InvalidArgumentError, requireInteger, requirePositive } from '../errors.js';

/** A scalar objective over Rⁿ. */
export type Objective = (x: Float64Array) => number;

/** An objective that returns f(x) and writes ∇f(x) into g. */
export type GradientObjective = (x: Float64Array, g: Float64Array) => number;

/** One recorded iterate, for plotting what an optimiser does. */
export interface PathPoint {
  /** A copy of the iterate. */
  x: Float64Array;
  /** f(x). */
  value: number;
  /** ‖∇f(x)‖₂ (absent for derivative-free methods). */
  gradNorm?: number;
}

/** Why an optimiser stopped. */
export type StopReason =
  | 'gradient-tolerance'
  | 'step-tolerance'
  | 'simplex-tolerance'
  | 'max-iterations'
  | 'line-search-failed'
  | 'diverged';

export interface OptimizeResult {
  /** Final iterate. */
  x: Float64Array;
  /** f(x). */
  value: number;
  iterations: number;
  /** True when a tolerance test (gradient, step or simplex) ended the run. */
  converged: boolean;
  reason: StopReason;
  /** Every iterate from x₀ on (empty when recordPath is false). */
  path: PathPoint[];
  /** Calls to the objective (each call of a GradientObjective counts once). */
  evaluations: number;
}

export interface OptimizeOptions {
  /** Iteration cap (default depends on the method). */
  maxIterations?: number;
  /** Stop when ‖∇f‖₂ ≤ gradTol (default 1e-8). */
  gradTol?: number;
  /** Stop when ‖Δx‖₂ ≤ stepTol·(1 + ‖x‖₂) (default 0: disabled for gradient methods). */
  stepTol?: number;
  /** Record every iterate in `path` (default true). */
  recordPath?: boolean;
}

export interface ResolvedOptions {
  maxIterations: number;
  gradTol: number;
  stepTol: number;
  recordPath: boolean;
}

export function resolveOptions(o: OptimizeOptions | undefined, defaultMaxIterations: number): ResolvedOptions {
  const r = {
    maxIterations: o?.maxIterations ?? defaultMaxIterations,
    gradTol: o?.gradTol ?? 1e-8,
    stepTol: o?.stepTol ?? 0,
    recordPath: o?.recordPath ?? true,
  };
  requireInteger('maxIterations', r.maxIterations, 0);
  if (!(r.gradTol >= 0)) throw new InvalidArgumentError(`gradTol must be ≥ 0, got ${r.gradTol}`);
  if (!(r.stepTol >= 0)) throw new InvalidArgumentError(`stepTol must be ≥ 0, got ${r.stepTol}`);
  return r;
}

/** Validate and copy a starting point. */
export function startingPoint(x0: ArrayLike<number>): Float64Array {
  if (x0.length === 0) throw new InvalidArgumentError('the starting point must have at least one coordinate');
  const x = Float64Array.from(x0);
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) throw new InvalidArgumentError(`starting point coordinate ${i} is ${x[i]}, not finite`);
  }
  return x;
}

export { requirePositive };
