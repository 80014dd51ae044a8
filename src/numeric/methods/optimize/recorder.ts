import type { GradientObjective, OptimizeResult, PathPoint, ResolvedOptions, StopReason } from './types.js';
import { norm2 } from './vec.js';

/**
 * Counts objective calls and records the path of an optimiser; shared by all
 * methods so every one of them reports iterates in the same form.
 */
export class Recorder {
  readonly path: PathPoint[] = [];
  evaluations = 0;

  constructor(private readonly opts: ResolvedOptions) {}

  /** Evaluate a gradient objective, counting the call. */
  eval(fg: GradientObjective, x: Float64Array, g: Float64Array): number {
    this.evaluations++;
    return fg(x, g);
  }

  record(x: Float64Array, value: number, gradNorm?: number): void {
    if (!this.opts.recordPath) return;
    this.path.push(gradNorm === undefined ? { x: Float64Array.from(x), value } : { x: Float64Array.from(x), value, gradNorm });
  }

  finish(x: Float64Array, value: number, iterations: number, reason: StopReason): OptimizeResult {
    const converged = reason === 'gradient-tolerance' || reason === 'step-tolerance' || reason === 'simplex-tolerance';
    return { x: Float64Array.from(x), value, iterations, converged, reason, path: this.path, evaluations: this.evaluations };
  }
}

/**
 * Standard stopping test after a step from xOld to x with gradient g:
 * divergence, gradient norm, then step length.
 */
export function stopTest(
  o: ResolvedOptions,
  value: number,
  g: Float64Array,
  stepNorm: number,
  xNorm: number,
): StopReason | undefined {
  const gn = norm2(g);
  if (!Number.isFinite(value) || !Number.isFinite(gn)) return 'diverged';
  if (gn <= o.gradTol) return 'gradient-tolerance';
  if (o.stepTol > 0 && stepNorm <= o.stepTol * (1 + xNorm)) return 'step-tolerance';
  return undefined;
}
