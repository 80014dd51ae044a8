import { InvalidArgumentError, requirePositive } from '../errors.js';
import { Recorder, stopTest } from './recorder.js';
import { resolveOptions, startingPoint, type GradientObjective, type OptimizeOptions, type OptimizeResult } from './types.js';
import { norm2 } from './vec.js';

export interface MomentumOptions extends OptimizeOptions {
  /** Learning rate α (default 0.01). */
  step?: number;
  /** Momentum coefficient β ∈ [0, 1) (default 0.9). */
  beta?: number;
  /** Use Nesterov's look-ahead gradient (default false: heavy ball). */
  nesterov?: boolean;
}

/**
 * Gradient descent with momentum.
 *
 * Heavy ball (B. T. Polyak, 1964, "Some methods of speeding up the
 * convergence of iteration methods"):  v ← βv − α∇f(x),  x ← x + v.
 *
 * Nesterov's accelerated gradient (Y. Nesterov, 1983, "A method for solving
 * the convex programming problem with convergence rate O(1/k²)"), in the
 * velocity form of Sutskever, Martens, Dahl and Hinton (2013, "On the
 * importance of initialization and momentum in deep learning"):
 *   v ← βv − α∇f(x + βv),  x ← x + v.
 * The path records f and ‖∇f‖ at the iterates x themselves, so Nesterov
 * costs two gradient evaluations per step.
 */
export function momentum(fg: GradientObjective, x0: ArrayLike<number>, opts?: MomentumOptions): OptimizeResult {
  const o = resolveOptions(opts, 10_000);
  const alpha = opts?.step ?? 0.01;
  const beta = opts?.beta ?? 0.9;
  const nesterov = opts?.nesterov ?? false;
  requirePositive('step', alpha);
  if (!(beta >= 0 && beta < 1)) throw new InvalidArgumentError(`beta must lie in [0, 1), got ${beta}`);
  const rec = new Recorder(o);
  const x = startingPoint(x0);
  const n = x.length;
  const g = new Float64Array(n);
  const v = new Float64Array(n);
  const y = new Float64Array(n);
  const gy = new Float64Array(n);
  let fx = rec.eval(fg, x, g);
  rec.record(x, fx, norm2(g));
  let reason = stopTest(o, fx, g, Number.POSITIVE_INFINITY, norm2(x));
  let k = 0;
  while (reason === undefined && k < o.maxIterations) {
    if (nesterov) {
      for (let i = 0; i < n; i++) y[i] = x[i] + beta * v[i];
      rec.eval(fg, y, gy);
      for (let i = 0; i < n; i++) v[i] = beta * v[i] - alpha * gy[i];
    } else {
      for (let i = 0; i < n; i++) v[i] = beta * v[i] - alpha * g[i];
    }
    for (let i = 0; i < n; i++) x[i] += v[i];
    fx = rec.eval(fg, x, g);
    k++;
    rec.record(x, fx, norm2(g));
    reason = stopTest(o, fx, g, norm2(v), norm2(x));
  }
  return rec.finish(x, fx, k, reason ?? 'max-iterations');
}

/** Heavy-ball momentum (Polyak 1964); see momentum. */
export function heavyBall(fg: GradientObjective, x0: ArrayLike<number>, opts?: Omit<MomentumOptions, 'nesterov'>): OptimizeResult {
  return momentum(fg, x0, { ...opts, nesterov: false });
}

/** Nesterov accelerated gradient (Nesterov 1983); see momentum. */
export function nesterov(fg: GradientObjective, x0: ArrayLike<number>, opts?: Omit<MomentumOptions, 'nesterov'>): OptimizeResult {
  return momentum(fg, x0, { ...opts, nesterov: true });
}
