import { InvalidArgumentError, NoSignChangeError, requireFinite } from '../errors.js';
import { counted } from './evaluate.js';
import { oppositeSigns, resolveRootOptions, tolAt, type RealFunction, type RootOptions, type RootResult } from './types.js';

export interface NewtonOptions extends RootOptions {
  /**
   * An interval known to contain a sign change. When given, every Newton step
   * that would leave the current bracket, or that does not shrink it fast
   * enough, is replaced by a bisection step (safeguarded Newton), so the
   * iteration converges for any continuous f.
   */
  bracket?: readonly [number, number];
}

/**
 * Newton–Raphson iteration x ← x − f(x)/f′(x) (Newton 1669, Raphson 1690),
 * quadratically convergent near a simple root. Without a bracket it is the
 * plain iteration and may fail (reported through `converged: false`); with a
 * bracket it becomes the safeguarded hybrid of Newton and bisection described
 * e.g. by Press et al. (1992, "Numerical Recipes", §9.4, rtsafe).
 */
export function newton(f: RealFunction, df: RealFunction, x0: number, opts?: NewtonOptions): RootResult {
  requireFinite('x0', x0);
  const o = resolveRootOptions(opts);
  const F = counted(f);
  let derivCalls = 0;
  const D = (x: number): number => {
    derivCalls++;
    return df(x);
  };
  const evals = (): number => F.count() + derivCalls;

  if (opts?.bracket) return safeguarded(F.call, D, x0, opts.bracket, o, evals);

  let x = x0;
  let fx = F.call(x);
  for (let it = 1; it <= o.maxIterations; it++) {
    if (fx === 0 || Math.abs(fx) <= o.fTol) return { root: x, iterations: it - 1, converged: true, fx, evaluations: evals() };
    const d = D(x);
    if (d === 0 || !Number.isFinite(d)) {
      // Horizontal tangent: Newton cannot continue without a bracket.
      return { root: x, iterations: it - 1, converged: false, fx, evaluations: evals() };
    }
    const step = fx / d;
    const next = x - step;
    if (!Number.isFinite(next)) return { root: x, iterations: it, converged: false, fx, evaluations: evals() };
    x = next;
    fx = F.call(x);
    if (Math.abs(step) <= tolAt(o, x)) {
      return { root: x, iterations: it, converged: Number.isFinite(fx), fx, evaluations: evals() };
    }
  }
  return { root: x, iterations: o.maxIterations, converged: false, fx, evaluations: evals() };
}

function safeguarded(
  f: (x: number) => number,
  df: (x: number) => number,
  x0: number,
  bracket: readonly [number, number],
  o: ReturnType<typeof resolveRootOptions>,
  evals: () => number,
): RootResult {
  let [lo, hi] = bracket[0] <= bracket[1] ? [bracket[0], bracket[1]] : [bracket[1], bracket[0]];
  requireFinite('bracket[0]', lo);
  requireFinite('bracket[1]', hi);
  if (x0 < lo || x0 > hi) throw new InvalidArgumentError(`x0 = ${x0} lies outside the bracket [${lo}, ${hi}]`);
  const flo = f(lo);
  if (flo === 0) return { root: lo, iterations: 0, converged: true, fx: 0, evaluations: evals() };
  const fhi = f(hi);
  if (fhi === 0) return { root: hi, iterations: 0, converged: true, fx: 0, evaluations: evals() };
  if (!oppositeSigns(flo, fhi)) throw new NoSignChangeError(lo, hi, flo, fhi);
  // Orient so that f(neg) < 0 < f(pos).
  let neg = flo < 0 ? lo : hi;
  let pos = flo < 0 ? hi : lo;
  let x = x0;
  let fx = f(x);
  let stepOld = hi - lo;
  let step = stepOld;
  for (let it = 1; it <= o.maxIterations; it++) {
    if (fx === 0 || Math.abs(fx) <= o.fTol) return { root: x, iterations: it - 1, converged: true, fx, evaluations: evals() };
    if (fx < 0) neg = x;
    else pos = x;
    const d = df(x);
    const newtonX = d !== 0 && Number.isFinite(d) ? x - fx / d : Number.NaN;
    const a = Math.min(neg, pos);
    const b = Math.max(neg, pos);
    // Bisect when Newton jumps out of the bracket or the step is not halving.
    if (!(newtonX > a && newtonX < b) || Math.abs(2 * fx) > Math.abs(stepOld * d)) {
      stepOld = step;
      const mid = a + (b - a) / 2;
      step = mid - x;
      x = mid;
    } else {
      stepOld = step;
      step = newtonX - x;
      x = newtonX;
    }
    fx = f(x);
    if (Math.abs(step) <= tolAt(o, x) || b - a <= 2 * tolAt(o, x)) {
      return { root: x, iterations: it, converged: true, fx, evaluations: evals() };
    }
  }
  return { root: x, iterations: o.maxIterations, converged: false, fx, evaluations: evals() };
}
