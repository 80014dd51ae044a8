import { FLAT, strongWolfe } from './line-search.js';
import { Recorder, stopTest } from './recorder.js';
import { resolveOptions, startingPoint, type GradientObjective, type OptimizeOptions, type OptimizeResult } from './types.js';
import { dot, norm2 } from './vec.js';

export interface BfgsOptions extends OptimizeOptions {
  /** Sufficient-decrease constant c₁ of the Wolfe conditions (default 1e-4). */
  c1?: number;
  /** Curvature constant c₂ (default 0.9, the usual choice for quasi-Newton methods). */
  c2?: number;
}

/**
 * The BFGS quasi-Newton method (Broyden, Fletcher, Goldfarb and Shanno,
 * 1970), as Algorithm 6.1 of Nocedal and Wright (2006, "Numerical
 * Optimization"): an inverse-Hessian approximation H is updated by
 *   H ← (I − ρsyᵀ)H(I − ρysᵀ) + ρssᵀ,  ρ = 1/(yᵀs),
 * with steps found by a strong-Wolfe line search (which guarantees yᵀs > 0).
 * H₀ is rescaled by yᵀs/yᵀy after the first step (N&W eq. 6.20).
 * Memory is O(n²), so this suits the small problems Lousa plots.
 */
export function bfgs(fg: GradientObjective, x0: ArrayLike<number>, opts?: BfgsOptions): OptimizeResult {
  const o = resolveOptions(opts, 1000);
  const c1 = opts?.c1 ?? 1e-4;
  const c2 = opts?.c2 ?? 0.9;
  const rec = new Recorder(o);
  let x: Float64Array = startingPoint(x0);
  const n = x.length;
  let g: Float64Array = new Float64Array(n);
  let xNew: Float64Array = new Float64Array(n);
  let gNew: Float64Array = new Float64Array(n);
  const d = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const Hy = new Float64Array(n);
  const H = new Float64Array(n * n);
  for (let i = 0; i < n; i++) H[i * n + i] = 1;

  let fx = rec.eval(fg, x, g);
  let fMax = Math.abs(fx); // scale of f for the line search's round-off test
  rec.record(x, fx, norm2(g));
  let reason = stopTest(o, fx, g, Number.POSITIVE_INFINITY, norm2(x));
  let k = 0;
  while (reason === undefined && k < o.maxIterations) {
    // d = −H g
    for (let i = 0; i < n; i++) {
      let t = 0;
      for (let j = 0; j < n; j++) t += H[i * n + j] * g[j];
      d[i] = -t;
    }
    let restarted = false;
    const restart = (): void => {
      // Forget the curvature information and restart from steepest descent.
      H.fill(0);
      for (let i = 0; i < n; i++) {
        H[i * n + i] = 1;
        d[i] = -g[i];
      }
      restarted = true;
    };
    // H lost positive definiteness through round-off.
    if (!(dot(d, g) < 0)) restart();
    // First step: limit the trial step to unit length (H₀ = I has no scale yet).
    let alpha1 = k === 0 || restarted ? Math.min(1, 1 / norm2(d)) : 1;
    let ls = strongWolfe(fg, x, fx, g, d, alpha1, xNew, gNew, c1, c2, 40, FLAT * fMax);
    rec.evaluations += ls.evaluations;
    if (!ls.ok && !restarted) {
      // A poor H can give a direction along which no acceptable step exists; retry along −∇f.
      restart();
      alpha1 = Math.min(1, 1 / norm2(d));
      ls = strongWolfe(fg, x, fx, g, d, alpha1, xNew, gNew, c1, c2, 40, FLAT * fMax);
      rec.evaluations += ls.evaluations;
    }
    if (!ls.ok) {
      reason = 'line-search-failed';
      break;
    }
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
    }
    const ys = dot(y, s);
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    fx = ls.value;
    fMax = Math.max(fMax, Math.abs(fx));
    k++;
    rec.record(x, fx, norm2(g));
    reason = stopTest(o, fx, g, norm2(s), norm2(x));
    if (reason !== undefined) break;
    if (!(ys > 0)) continue; // cannot happen after a strong-Wolfe step, except through round-off
    if (k === 1 || restarted) {
      const scale = ys / dot(y, y);
      for (let i = 0; i < n; i++) H[i * n + i] = scale;
    }
    // H ← H − ρ(H y sᵀ + s yᵀH) + (ρ² yᵀHy + ρ) s sᵀ, with H symmetric.
    const rho = 1 / ys;
    for (let i = 0; i < n; i++) {
      let t = 0;
      for (let j = 0; j < n; j++) t += H[i * n + j] * y[j];
      Hy[i] = t;
    }
    const yHy = dot(y, Hy);
    const coef = rho * rho * yHy + rho;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        H[i * n + j] += -rho * (Hy[i] * s[j] + s[i] * Hy[j]) + coef * s[i] * s[j];
      }
    }
  }
  return rec.finish(x, fx, k, reason ?? 'max-iterations');
}
