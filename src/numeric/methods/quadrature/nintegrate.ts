import { InvalidArgumentError, NonFiniteValueError, requireInteger } from '../errors.js';
import { AdaptiveGaussKronrod } from './adaptive-gk.js';
import { tanhSinh } from './tanh-sinh.js';
import { toFinite } from './transform.js';
import type { QuadratureMethod, QuadratureResult, RuleResult } from './types.js';

export interface IntegrateOptions {
  /** Absolute error goal (default 1e-14). */
  absTol?: number;
  /** Relative error goal (default 1e-12). */
  relTol?: number;
  /**
   * 'auto' (default) tries adaptive Gauss–Kronrod with a modest budget and
   * switches to tanh-sinh when that struggles (endpoint singularities),
   * returning whichever result has the smaller error estimate.
   */
  method?: 'auto' | QuadratureMethod;
  /** Bisection budget of adaptive Gauss–Kronrod (default 2000). */
  maxSubdivisions?: number;
  /** Step halvings of tanh-sinh (default 10). */
  maxLevels?: number;
}

/** Budget of subdivisions Gauss–Kronrod gets before 'auto' also tries tanh-sinh. */
const AUTO_FIRST_BUDGET = 24;

/**
 * ∫_a^b f(x) dx numerically. Either end may be ±Infinity (handled by a
 * rational change of variable, see toFinite); b < a gives the negated
 * integral of [b, a]. Singularities are allowed at the endpoints only, as
 * long as f itself is finite at every interior point it is asked about;
 * an integrand returning NaN or ±Infinity raises NonFiniteValueError.
 */
export function nintegrate(f: (x: number) => number, a: number, b: number, opts?: IntegrateOptions): QuadratureResult {
  const absTol = opts?.absTol ?? 1e-14;
  const relTol = opts?.relTol ?? 1e-12;
  const method = opts?.method ?? 'auto';
  const maxSubdivisions = opts?.maxSubdivisions ?? 2000;
  const maxLevels = opts?.maxLevels ?? 10;
  if (Number.isNaN(a) || Number.isNaN(b)) throw new InvalidArgumentError(`integration limits must not be NaN, got [${a}, ${b}]`);
  if (!(absTol >= 0) || !(relTol >= 0) || absTol + relTol === 0) {
    throw new InvalidArgumentError(`tolerances must be ≥ 0 and not both zero, got absTol=${absTol}, relTol=${relTol}`);
  }
  if (method !== 'auto' && method !== 'gauss-kronrod' && method !== 'tanh-sinh') {
    throw new InvalidArgumentError(`unknown method '${String(method)}': use 'auto', 'gauss-kronrod' or 'tanh-sinh'`);
  }
  requireInteger('maxSubdivisions', maxSubdivisions, 1);
  requireInteger('maxLevels', maxLevels, 3);
  if (a === b) return { value: 0, error: 0, evaluations: 0, method: method === 'tanh-sinh' ? 'tanh-sinh' : 'gauss-kronrod', converged: true };
  if (a > b) {
    const r = nintegrate(f, b, a, opts);
    return { ...r, value: -r.value };
  }
  if (a === Number.POSITIVE_INFINITY || b === Number.NEGATIVE_INFINITY) {
    throw new InvalidArgumentError(`empty integration range [${a}, ${b}]`);
  }

  const p = toFinite(f, a, b);
  const ts = (): RuleResult => tanhSinh(p.f, p.a, p.b, { absTol, relTol, maxLevels, usesDistances: p.usesDistances });
  const done = (r: RuleResult, m: QuadratureMethod, extra = 0): QuadratureResult => ({
    value: r.value,
    error: r.error,
    evaluations: r.evaluations + extra,
    method: m,
    converged: r.converged,
  });

  if (method === 'tanh-sinh') return done(ts(), 'tanh-sinh');
  if (method === 'gauss-kronrod') {
    return done(new AdaptiveGaussKronrod(p.f, p.a, p.b, absTol, relTol).run(maxSubdivisions), 'gauss-kronrod');
  }

  let gk: AdaptiveGaussKronrod;
  let first: ReturnType<AdaptiveGaussKronrod['run']>;
  try {
    gk = new AdaptiveGaussKronrod(p.f, p.a, p.b, absTol, relTol);
    first = gk.run(Math.min(AUTO_FIRST_BUDGET, maxSubdivisions));
  } catch (err) {
    // A node landed on a point where f is infinite; tanh-sinh samples differently.
    if (!(err instanceof NonFiniteValueError)) throw err;
    try {
      return done(ts(), 'tanh-sinh');
    } catch {
      throw err;
    }
  }
  if (first.converged) return done(first, 'gauss-kronrod');
  const t = ts();
  if (t.converged) return done(t, 'tanh-sinh', first.evaluations);
  const second = gk.run(maxSubdivisions);
  return second.error <= t.error ? done(second, 'gauss-kronrod', t.evaluations) : done(t, 'tanh-sinh', second.evaluations);
}
