import { InvalidArgumentError, requirePositive } from '../errors.js';
import { armijoBacktracking, FLAT } from './line-search.js';
import { Recorder, stopTest } from './recorder.js';
import { resolveOptions, startingPoint, type GradientObjective, type OptimizeOptions, type OptimizeResult } from './types.js';
import { norm2 } from './vec.js';

export interface GradientDescentOptions extends OptimizeOptions {
  /** Step size α (the learning rate): fixed step, or the first trial step of the line search (default 0.01 fixed, 1 Armijo). */
  step?: number;
  /** 'fixed' (default): x ← x − α∇f(x). 'armijo': backtracking line search on every step. */
  lineSearch?: 'fixed' | 'armijo';
}

/**
 * Steepest descent (A.-L. Cauchy, 1847, "Méthode générale pour la résolution
 * des systèmes d'équations simultanées"): x_{k+1} = x_k − α_k ∇f(x_k), with
 * either a fixed step (the plain "gradient descent" of machine learning) or
 * α_k chosen by Armijo backtracking. With the line search each trial step
 * starts from twice the previous accepted one, so α can grow again.
 */
export function gradientDescent(fg: GradientObjective, x0: ArrayLike<number>, opts?: GradientDescentOptions): OptimizeResult {
  const o = resolveOptions(opts, 10_000);
  const mode = opts?.lineSearch ?? 'fixed';
  if (mode !== 'fixed' && mode !== 'armijo') throw new InvalidArgumentError(`lineSearch must be 'fixed' or 'armijo', got '${String(mode)}'`);
  let alpha = opts?.step ?? (mode === 'fixed' ? 0.01 : 1);
  requirePositive('step', alpha);
  const rec = new Recorder(o);
  let x: Float64Array = startingPoint(x0);
  const n = x.length;
  let g: Float64Array = new Float64Array(n);
  let xNew: Float64Array = new Float64Array(n);
  let gNew: Float64Array = new Float64Array(n);
  const d = new Float64Array(n);
  let fx = rec.eval(fg, x, g);
  let fMax = Math.abs(fx); // scale of f for the line search's round-off test
  rec.record(x, fx, norm2(g));
  let reason = stopTest(o, fx, g, Number.POSITIVE_INFINITY, norm2(x));
  let k = 0;
  while (reason === undefined && k < o.maxIterations) {
    for (let i = 0; i < n; i++) d[i] = -g[i];
    let fNew: number;
    let used = alpha;
    if (mode === 'fixed') {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + alpha * d[i];
      fNew = rec.eval(fg, xNew, gNew);
    } else {
      const ls = armijoBacktracking(fg, x, fx, g, d, alpha, xNew, gNew, 1e-4, 0.5, 60, FLAT * fMax);
      rec.evaluations += ls.evaluations;
      if (!ls.ok) {
        reason = 'line-search-failed';
        break;
      }
      fNew = ls.value;
      used = ls.alpha;
      alpha = 2 * ls.alpha;
    }
    const step = used * norm2(d);
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    fx = fNew;
    if (Number.isFinite(fx)) fMax = Math.max(fMax, Math.abs(fx));
    k++;
    rec.record(x, fx, norm2(g));
    reason = stopTest(o, fx, g, step, norm2(x));
  }
  return rec.finish(x, fx, k, reason ?? 'max-iterations');
}
