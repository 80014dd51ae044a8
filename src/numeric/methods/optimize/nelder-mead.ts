import { InvalidArgumentError } from '../errors.js';
import { Recorder } from './recorder.js';
import { resolveOptions, startingPoint, type Objective, type OptimizeOptions, type OptimizeResult } from './types.js';

export interface NelderMeadOptions extends Omit<OptimizeOptions, 'gradTol'> {
  /** Edge length of the initial simplex along each axis (default 5% of x₀ᵢ, or 0.00025 where |x₀ᵢ| < 0.005). */
  initialStep?: number | ArrayLike<number>;
  /** Stop when every vertex lies within xTol of the best (∞-norm) … (default 1e-8) */
  xTol?: number;
  /** … and their values within fTol of the best value (default 1e-10). */
  fTol?: number;
}

/**
 * The Nelder–Mead downhill simplex method (J. A. Nelder and R. Mead, 1965,
 * "A simplex method for function minimization", Computer Journal 7) with
 * the dimension-dependent coefficients of F. Gao and L. Han (2012,
 * "Implementing the Nelder-Mead simplex algorithm with adaptive parameters"):
 * reflection 1, expansion 1 + 2/n, contraction 3/4 − 1/(2n), shrink 1 − 1/n
 * (for n = 2 these are the classical 1, 2, ½, ½). Needs no derivatives; the
 * path records the best vertex after each iteration.
 */
export function nelderMead(f: Objective, x0: ArrayLike<number>, opts?: NelderMeadOptions): OptimizeResult {
  const o = resolveOptions({ ...opts, gradTol: 0 }, 5000);
  const xTol = opts?.xTol ?? 1e-8;
  const fTol = opts?.fTol ?? 1e-10;
  if (!(xTol >= 0) || !(fTol >= 0)) throw new InvalidArgumentError(`xTol and fTol must be ≥ 0, got ${xTol} and ${fTol}`);
  const rec = new Recorder(o);
  const start = startingPoint(x0);
  const n = start.length;
  const steps = new Float64Array(n);
  const given = opts?.initialStep;
  for (let i = 0; i < n; i++) {
    const h = given === undefined ? (Math.abs(start[i]) >= 0.005 ? 0.05 * start[i] : 0.00025) : typeof given === 'number' ? given : given[i];
    if (!Number.isFinite(h) || h === 0) throw new InvalidArgumentError(`initialStep for coordinate ${i} must be finite and non-zero, got ${h}`);
    steps[i] = h;
  }
  const F = (x: Float64Array): number => {
    rec.evaluations++;
    const v = f(x);
    return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v; // NaN counts as "worse than anything"
  };

  const alpha = 1;
  const gamma = 1 + 2 / n;
  const rhoC = 0.75 - 1 / (2 * n);
  const sigma = n === 1 ? 0.5 : 1 - 1 / n;

  const pts: Float64Array[] = [Float64Array.from(start)];
  for (let i = 0; i < n; i++) {
    const p = Float64Array.from(start);
    p[i] += steps[i];
    pts.push(p);
  }
  const vals = pts.map(F);
  const order = (): void => {
    const idx = pts.map((_, i) => i).sort((a, b) => vals[a] - vals[b]);
    const p2 = idx.map((i) => pts[i]);
    const v2 = idx.map((i) => vals[i]);
    for (let i = 0; i <= n; i++) {
      pts[i] = p2[i];
      vals[i] = v2[i];
    }
  };
  order();
  rec.record(pts[0], vals[0]);

  const centroid = new Float64Array(n);
  const along = (t: number): Float64Array => {
    // centroid + t·(centroid − worst)
    const p = new Float64Array(n);
    for (let j = 0; j < n; j++) p[j] = centroid[j] + t * (centroid[j] - pts[n][j]);
    return p;
  };
  const converged = (): boolean => {
    let dx = 0;
    let dfv = 0;
    for (let i = 1; i <= n; i++) {
      for (let j = 0; j < n; j++) dx = Math.max(dx, Math.abs(pts[i][j] - pts[0][j]));
      dfv = Math.max(dfv, Math.abs(vals[i] - vals[0]));
    }
    return dx <= xTol && dfv <= fTol;
  };

  let k = 0;
  let done = converged();
  while (!done && k < o.maxIterations) {
    centroid.fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += pts[i][j] / n;
    const xr = along(alpha);
    const fr = F(xr);
    let accept: [Float64Array, number] | undefined;
    if (fr < vals[0]) {
      const xe = along(alpha * gamma);
      const fe = F(xe);
      accept = fe < fr ? [xe, fe] : [xr, fr];
    } else if (fr < vals[n - 1]) {
      accept = [xr, fr];
    } else if (fr < vals[n]) {
      const xc = along(alpha * rhoC); // outside contraction
      const fcv = F(xc);
      if (fcv <= fr) accept = [xc, fcv];
    } else {
      const xc = along(-rhoC); // inside contraction
      const fcv = F(xc);
      if (fcv < vals[n]) accept = [xc, fcv];
    }
    if (accept) {
      pts[n] = accept[0];
      vals[n] = accept[1];
    } else {
      // Shrink every vertex towards the best one.
      for (let i = 1; i <= n; i++) {
        for (let j = 0; j < n; j++) pts[i][j] = pts[0][j] + sigma * (pts[i][j] - pts[0][j]);
        vals[i] = F(pts[i]);
      }
    }
    order();
    k++;
    rec.record(pts[0], vals[0]);
    if (!Number.isFinite(vals[0])) return rec.finish(pts[0], vals[0], k, 'diverged');
    done = converged();
  }
  return rec.finish(pts[0], vals[0], k, done ? 'simplex-tolerance' : 'max-iterations');
}
