import { NoSignChangeError, requireFinite } from '../errors.js';
import { counted } from './evaluate.js';
import { oppositeSigns, resolveRootOptions, tolAt, type RealFunction, type RootOptions, type RootResult } from './types.js';

/**
 * Bisection: halve a bracketing interval [a, b] (f(a)·f(b) < 0) until it is
 * shorter than the tolerance. Slow (one bit per step) but it cannot fail once
 * a sign change is known; the classical intermediate-value argument
 * (Bolzano, 1817) guarantees a root in every retained interval.
 */
export function bisection(f: RealFunction, a: number, b: number, opts?: RootOptions): RootResult {
  requireFinite('a', a);
  requireFinite('b', b);
  const o = resolveRootOptions(opts);
  const F = counted(f);
  let lo = Math.min(a, b);
  let hi = Math.max(a, b);
  let flo = F.call(lo);
  if (flo === 0) return { root: lo, iterations: 0, converged: true, fx: 0, evaluations: F.count() };
  const fhi = F.call(hi);
  if (fhi === 0) return { root: hi, iterations: 0, converged: true, fx: 0, evaluations: F.count() };
  if (!oppositeSigns(flo, fhi)) throw new NoSignChangeError(lo, hi, flo, fhi);

  let best = Math.abs(flo) <= Math.abs(fhi) ? { x: lo, fx: flo } : { x: hi, fx: fhi };
  for (let it = 1; it <= o.maxIterations; it++) {
    const mid = lo + (hi - lo) / 2;
    // The interval can no longer be split in floating point.
    if (mid <= lo || mid >= hi) {
      return { root: best.x, iterations: it - 1, converged: true, fx: best.fx, evaluations: F.count() };
    }
    const fm = F.call(mid);
    if (Math.abs(fm) <= Math.abs(best.fx)) best = { x: mid, fx: fm };
    if (fm === 0 || Math.abs(fm) <= o.fTol) {
      return { root: mid, iterations: it, converged: true, fx: fm, evaluations: F.count() };
    }
    if (oppositeSigns(flo, fm)) hi = mid;
    else {
      lo = mid;
      flo = fm;
    }
    if (hi - lo <= 2 * tolAt(o, lo + (hi - lo) / 2)) {
      const x = lo + (hi - lo) / 2;
      // Report the midpoint of the final bracket; its f value is the best known one nearby.
      return { root: x, iterations: it, converged: true, fx: x === best.x ? best.fx : F.call(x), evaluations: F.count() };
    }
  }
  return { root: best.x, iterations: o.maxIterations, converged: false, fx: best.fx, evaluations: F.count() };
}
