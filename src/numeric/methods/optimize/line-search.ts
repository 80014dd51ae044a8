import type { GradientObjective } from './types.js';
import { axpy, dot } from './vec.js';

/** What a line search found along x + α·d. */
export interface LineSearchResult {
  ok: boolean;
  alpha: number;
  /** f(x + α·d). */
  value: number;
  /** Function evaluations used. */
  evaluations: number;
}

/** Relative size below which a change of f is treated as round-off noise. */
export const FLAT = 1e-10;

/*
 * Round-off safeguard shared by both line searches. Near a minimiser the
 * decrease of f along d falls below the precision of f itself (it is
 * quadratic in ‖∇f‖), so the sufficient-decrease test becomes meaningless.
 * W. W. Hager and H. Zhang (2005, "A new conjugate gradient method with
 * guaranteed descent and an efficient line search") then switch to the
 * "approximate Wolfe" conditions on the directional derivative,
 * σφ′(0) ≤ φ′(α) ≤ (2δ − 1)φ′(0), which remain accurate. Here a change of f
 * counts as noise when it is below FLAT·|f(x)| or below the caller's
 * `fNoise` (the optimisers pass FLAT times the largest |f| met so far,
 * because f near 0 may be the cancellation of much larger terms).
 */

/**
 * Backtracking line search with the Armijo sufficient-decrease condition
 * f(x + αd) ≤ f(x) + c₁·α·∇f(x)ᵀd (L. Armijo, 1966, "Minimization of
 * functions having Lipschitz continuous first partial derivatives"):
 * start from α₀ and multiply by ρ until the condition holds.
 * On success xNew and gNew hold the accepted point and its gradient.
 */
export function armijoBacktracking(
  fg: GradientObjective,
  x: Float64Array,
  fx: number,
  g: Float64Array,
  d: Float64Array,
  alpha0: number,
  xNew: Float64Array,
  gNew: Float64Array,
  c1 = 1e-4,
  rho = 0.5,
  maxSteps = 60,
  fNoise = 0,
): LineSearchResult {
  const slope = dot(g, d);
  const noise = Math.max(FLAT * Math.abs(fx), fNoise);
  let alpha = alpha0;
  for (let k = 1; k <= maxSteps; k++) {
    axpy(xNew, x, alpha, d);
    const v = fg(xNew, gNew);
    if (Number.isFinite(v) && Math.abs(v - fx) <= noise) {
      // f is flat to round-off: its values cannot confirm a decrease, so judge by the slope.
      if (dot(gNew, d) <= (2 * c1 - 1) * slope) return { ok: true, alpha, value: v, evaluations: k };
    } else if (Number.isFinite(v) && v <= fx + c1 * alpha * slope) {
      return { ok: true, alpha, value: v, evaluations: k };
    }
    alpha *= rho;
  }
  return { ok: false, alpha, value: fx, evaluations: maxSteps };
}

/**
 * Line search for the strong Wolfe conditions
 *   f(x + αd) ≤ f(x) + c₁·α·∇fᵀd   and   |∇f(x + αd)ᵀd| ≤ c₂·|∇fᵀd|,
 * Algorithms 3.5 (bracketing) and 3.6 (zoom, with cubic interpolation,
 * eq. 3.59) of J. Nocedal and S. J. Wright, 2006, "Numerical Optimization",
 * 2nd ed. d must be a descent direction. On success xNew and gNew hold the
 * accepted point and its gradient (it is always the last point evaluated).
 */
export function strongWolfe(
  fg: GradientObjective,
  x: Float64Array,
  fx: number,
  g: Float64Array,
  d: Float64Array,
  alpha1: number,
  xNew: Float64Array,
  gNew: Float64Array,
  c1 = 1e-4,
  c2 = 0.9,
  maxEvaluations = 40,
  fNoise = 0,
): LineSearchResult {
  const dphi0 = dot(g, d);
  const noise = Math.max(FLAT * Math.abs(fx), fNoise);
  const flat = (v: number): boolean => Number.isFinite(v) && Math.abs(v - fx) <= noise;
  let evaluations = 0;
  const phi = (alpha: number): { v: number; dv: number } => {
    evaluations++;
    axpy(xNew, x, alpha, d);
    const v = fg(xNew, gNew);
    return { v, dv: dot(gNew, d) };
  };
  // Hager–Zhang approximate Wolfe conditions (see the note on FLAT).
  const approxWolfe = (v: number, dv: number): boolean => flat(v) && c2 * dphi0 <= dv && dv <= (2 * c1 - 1) * dphi0;
  const fail = (alpha: number): LineSearchResult => ({ ok: false, alpha, value: fx, evaluations });
  if (!(dphi0 < 0)) return fail(0);

  const zoom = (lo: number, hi: number, flo: number, fhi: number, dlo: number, dhi: number): LineSearchResult => {
    while (evaluations < maxEvaluations) {
      const width = hi - lo;
      // Cubic interpolant of φ through (lo, hi) with slopes; fall back to bisection.
      const d1 = dlo + dhi - (3 * (flo - fhi)) / (lo - hi);
      const disc = d1 * d1 - dlo * dhi;
      let alpha = Number.NaN;
      if (disc >= 0 && Number.isFinite(fhi)) {
        const d2 = Math.sign(hi - lo) * Math.sqrt(disc);
        alpha = hi - (hi - lo) * ((dhi + d2 - d1) / (dhi - dlo + 2 * d2));
      }
      const a = Math.min(lo, hi);
      const b = Math.max(lo, hi);
      const margin = 0.1 * Math.abs(width);
      if (!(alpha >= a + margin && alpha <= b - margin)) alpha = lo + width / 2;
      if (Math.abs(width) < 1e-16 * Math.max(1, Math.abs(lo))) return fail(lo);
      const { v, dv } = phi(alpha);
      if (approxWolfe(v, dv)) return { ok: true, alpha, value: v, evaluations };
      if (flat(v)) {
        // Values are round-off noise here: shrink the bracket on the sign of φ′ alone.
        if (dv * (hi - lo) >= 0) {
          hi = alpha;
          fhi = v;
          dhi = dv;
        } else {
          lo = alpha;
          flo = v;
          dlo = dv;
        }
        continue;
      }
      if (!Number.isFinite(v) || v > fx + c1 * alpha * dphi0 || v >= flo) {
        hi = alpha;
        fhi = v;
        dhi = dv;
      } else {
        if (Math.abs(dv) <= -c2 * dphi0) return { ok: true, alpha, value: v, evaluations };
        if (dv * (hi - lo) >= 0) {
          hi = lo;
          fhi = flo;
          dhi = dlo;
        }
        lo = alpha;
        flo = v;
        dlo = dv;
      }
    }
    return fail(lo);
  };

  let prev = 0;
  let fprev = fx;
  let dprev = dphi0;
  let alpha = alpha1;
  for (let i = 1; evaluations < maxEvaluations; i++) {
    const { v, dv } = phi(alpha);
    if (approxWolfe(v, dv)) return { ok: true, alpha, value: v, evaluations };
    if (!Number.isFinite(v) || v > fx + c1 * alpha * dphi0 || (i > 1 && v >= fprev)) {
      return zoom(prev, alpha, fprev, v, dprev, dv);
    }
    if (Math.abs(dv) <= -c2 * dphi0) return { ok: true, alpha, value: v, evaluations };
    if (dv >= 0) {
      // φ′ changed sign between prev and α. When f is flat to round-off its
      // values cannot rank the two ends, so keep the end with φ′ < 0 as "lo".
      return flat(v) ? zoom(prev, alpha, fprev, v, dprev, dv) : zoom(alpha, prev, v, fprev, dv, dprev);
    }
    prev = alpha;
    fprev = v;
    dprev = dv;
    alpha *= 2;
  }
  return fail(prev);
}
