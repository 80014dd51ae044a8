import { NoSignChangeError, requireFinite } from '../errors.js';
import { counted } from './evaluate.js';
import { oppositeSigns, resolveRootOptions, tolAt, type RealFunction, type RootOptions, type RootResult } from './types.js';

/**
 * Brent's method (R. P. Brent, 1973, "Algorithms for Minimization without
 * Derivatives", ch. 4, procedure zero). It keeps a bracket [b, c] with the
 * sign change and b the best point so far, and at each step tries inverse
 * quadratic interpolation (or the secant when only two points are distinct);
 * the step is accepted only when it stays well inside the bracket and shrinks
 * fast enough, otherwise it bisects. Convergence is therefore never slower
 * than bisection by more than a small factor and usually superlinear.
 */
export function brent(f: RealFunction, a: number, b: number, opts?: RootOptions): RootResult {
  requireFinite('a', a);
  requireFinite('b', b);
  const o = resolveRootOptions(opts);
  const F = counted(f);
  let fa = F.call(a);
  if (fa === 0) return { root: a, iterations: 0, converged: true, fx: 0, evaluations: F.count() };
  let fb = F.call(b);
  if (fb === 0) return { root: b, iterations: 0, converged: true, fx: 0, evaluations: F.count() };
  if (!oppositeSigns(fa, fb)) throw new NoSignChangeError(Math.min(a, b), Math.max(a, b), fa, fb);

  // c is the contrapoint: f(b) and f(c) have opposite signs.
  let c = a;
  let fc = fa;
  let d = b - a; // current step
  let e = d; // step before last
  for (let it = 1; it <= o.maxIterations; it++) {
    if (!oppositeSigns(fb, fc)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    // Keep b as the point of smallest |f|.
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = tolAt(o, b) / 2 + Number.EPSILON * Math.abs(b);
    const m = (c - b) / 2;
    if (Math.abs(m) <= tol || fb === 0 || Math.abs(fb) <= o.fTol) {
      return { root: b, iterations: it - 1, converged: true, fx: fb, evaluations: F.count() };
    }
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // Interpolation step written as p/q to avoid division until accepted.
      let p: number;
      let q: number;
      const s = fb / fa;
      if (a === c) {
        // Secant (linear interpolation).
        p = 2 * m * s;
        q = 1 - s;
      } else {
        // Inverse quadratic interpolation through (a, fa), (b, fb), (c, fc).
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      // Accept if the point falls inside the bracket and the step shrinks
      // to less than half the step before last; otherwise bisect.
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = F.call(b);
  }
  return { root: b, iterations: o.maxIterations, converged: false, fx: fb, evaluations: F.count() };
}
