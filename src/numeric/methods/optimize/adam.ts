import { InvalidArgumentError, requirePositive } from '../errors.js';
import { Recorder, stopTest } from './recorder.js';
import { resolveOptions, startingPoint, type GradientObjective, type OptimizeOptions, type OptimizeResult } from './types.js';
import { norm2 } from './vec.js';

export interface AdamOptions extends OptimizeOptions {
  /** Learning rate α (default 0.001, the paper's default). */
  step?: number;
  /** Decay of the first-moment estimate (default 0.9). */
  beta1?: number;
  /** Decay of the second-moment estimate (default 0.999). */
  beta2?: number;
  /** ε added to √v̂ (default 1e-8). */
  epsilon?: number;
}

/**
 * Adam (D. P. Kingma and J. Ba, 2015, "Adam: A Method for Stochastic
 * Optimization", Algorithm 1):
 *   m ← β₁m + (1 − β₁)g,  v ← β₂v + (1 − β₂)g²,
 *   m̂ = m/(1 − β₁ᵗ),  v̂ = v/(1 − β₂ᵗ),  x ← x − α·m̂/(√v̂ + ε).
 * Applied here to a deterministic gradient; it is what users meet in
 * training loops, and its path shows the characteristic sign-like steps.
 */
export function adam(fg: GradientObjective, x0: ArrayLike<number>, opts?: AdamOptions): OptimizeResult {
  const o = resolveOptions(opts, 10_000);
  const alpha = opts?.step ?? 1e-3;
  const b1 = opts?.beta1 ?? 0.9;
  const b2 = opts?.beta2 ?? 0.999;
  const eps = opts?.epsilon ?? 1e-8;
  requirePositive('step', alpha);
  requirePositive('epsilon', eps);
  for (const [name, b] of [['beta1', b1], ['beta2', b2]] as const) {
    if (!(b >= 0 && b < 1)) throw new InvalidArgumentError(`${name} must lie in [0, 1), got ${b}`);
  }
  const rec = new Recorder(o);
  const x = startingPoint(x0);
  const n = x.length;
  const g = new Float64Array(n);
  const m = new Float64Array(n);
  const v = new Float64Array(n);
  const dx = new Float64Array(n);
  let fx = rec.eval(fg, x, g);
  rec.record(x, fx, norm2(g));
  let reason = stopTest(o, fx, g, Number.POSITIVE_INFINITY, norm2(x));
  let k = 0;
  let b1t = 1;
  let b2t = 1;
  while (reason === undefined && k < o.maxIterations) {
    k++;
    b1t *= b1;
    b2t *= b2;
    for (let i = 0; i < n; i++) {
      m[i] = b1 * m[i] + (1 - b1) * g[i];
      v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
      const mHat = m[i] / (1 - b1t);
      const vHat = v[i] / (1 - b2t);
      dx[i] = (-alpha * mHat) / (Math.sqrt(vHat) + eps);
      x[i] += dx[i];
    }
    fx = rec.eval(fg, x, g);
    rec.record(x, fx, norm2(g));
    reason = stopTest(o, fx, g, norm2(dx), norm2(x));
  }
  return rec.finish(x, fx, k, reason ?? 'max-iterations');
}
