/**
 * Safeguarded Newton iteration for inverting a monotone tail probability T(x) = target.
 * Newton is applied to log T(x) - log(target), whose derivative is +-density/T; this converges
 * quadratically in the far tails where T spans hundreds of orders of magnitude. Every evaluation
 * shrinks a bracket [L, H]; a step that leaves it is replaced by bisection (geometric when the
 * bracket spans orders of magnitude, doubling when it is unbounded). When the Newton steps stop
 * shrinking near machine precision (the noise floor of T), the iterate with the smallest
 * |log T - log target| is returned.
 */

export interface TailProblem {
  /** Tail probability at x: the cdf when `lower`, the survival function otherwise. */
  tail(x: number): number;
  /** The density at x (non-negative). */
  density(x: number): number;
  lower: boolean;
  target: number;
  /** Support bounds (may be infinite). */
  lo: number;
  hi: number;
  /** Initial guess; clamped into (lo, hi). */
  x0: number;
}

function bisect(L: number, H: number, x: number): number {
  if (H === Infinity) return x > 0 ? 4 * x : x > -1 ? 1 : x / 4;
  if (L === -Infinity) return x < 0 ? 4 * x : x < 1 ? -1 : x / 4;
  if (L > 0 && H > 4 * L) return Math.sqrt(L) * Math.sqrt(H);
  if (H < 0 && L < 4 * H) return -Math.sqrt(-L) * Math.sqrt(-H);
  if (L === 0 && H > 1e-300 && H > 4 * 1e-300) {
    // approach 0 geometrically
    return x > 0 && x < H ? x / 16 : H / 16;
  }
  return L + (H - L) / 2;
}

export function solveTail(prob: TailProblem): number {
  const r = iterate(prob);
  // A quantile below the smallest double or above the largest: report the support bound.
  if (Math.abs(r) < 1e-300 || Math.abs(r) > 1e300) {
    const T = prob.tail(r);
    if (!(T > 0) || Math.abs(Math.log(T / prob.target)) > 1) {
      const towardLo = prob.lower ? T > prob.target : T < prob.target;
      if (Math.abs(r) < 1e-300 && (prob.lo === 0 || prob.hi === 0)) return 0;
      if (Math.abs(r) > 1e300) return towardLo ? (r > 0 ? prob.lo : r) : r > 0 ? prob.hi : prob.lo;
    }
  }
  return r;
}

function iterate(prob: TailProblem): number {
  const { target, lower } = prob;
  let L = prob.lo;
  let H = prob.hi;
  let x = prob.x0;
  if (!(x > L && x < H) || !Number.isFinite(x)) x = bisect(L, H, Number.isFinite(L) ? L : Number.isFinite(H) ? H : 0);
  const logTarget = Math.log(target);
  let best = x;
  let bestG = Infinity;
  let prevNewton = Infinity;
  for (let iter = 0; iter < 300; iter++) {
    const T = prob.tail(x);
    if (T === target) return x;
    const tooSmallX = lower ? T < target : T > target;
    if (tooSmallX) L = x;
    else H = x;
    let xn = NaN;
    const f = prob.density(x);
    const g = T > 0 ? Math.log(T) - logTarget : -Infinity;
    if (Math.abs(g) < bestG) {
      bestG = Math.abs(g);
      best = x;
    }
    let newton = false;
    if (T > 0 && f > 0 && Number.isFinite(f)) {
      const dlog = (lower ? f : -f) / T;
      xn = x - g / dlog;
      newton = xn > L && xn < H;
    }
    if (!newton) {
      // Newton leaving an already tiny bracket is noise in T, not a lack of convergence.
      if (Number.isFinite(L) && Number.isFinite(H) && H - L < 1e-13 * Math.abs(x) && bestG < 1e-9) return best;
      xn = bisect(L, H, x);
    }
    const dx = Math.abs(xn - x);
    if (dx <= 2e-16 * Math.abs(xn) || dx === 0) return xn;
    if (newton) {
      // Once Newton steps stop shrinking quadratically we are at the noise floor of T.
      if (dx > 0.25 * prevNewton && dx < 1e-13 * Math.abs(xn)) return best;
      prevNewton = dx;
    }
    if (Number.isFinite(L) && Number.isFinite(H) && H - L <= 4e-16 * Math.max(Math.abs(L), Math.abs(H))) {
      return L + (H - L) / 2;
    }
    x = xn;
  }
  return best;
}
