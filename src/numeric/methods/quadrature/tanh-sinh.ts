import { NonFiniteValueError } from '../errors.js';
import { target, type Integrand3, type RuleResult } from './types.js';

export interface TanhSinhOptions {
  absTol: number;
  relTol: number;
  /** Number of step halvings after the first level (default 10: h = 2⁻¹⁰). */
  maxLevels: number;
  /**
   * When true the integrand is judged by the distances it receives, so
   * abscissae may come arbitrarily close to the endpoints; when false the
   * sum stops where x itself rounds onto an endpoint.
   */
  usesDistances: boolean;
}

const HALF_PI = Math.PI / 2;

/**
 * Tanh-sinh (double exponential) quadrature of H. Takahasi and M. Mori
 * (1974, "Double exponential formulas for numerical integration", Publ.
 * RIMS 9, 721–741). The substitution x = tanh(π/2·sinh t) maps [−1, 1] to
 * the whole line with weights decaying double exponentially, so the
 * trapezoidal rule in t converges exponentially even for integrands with
 * algebraic or logarithmic endpoint singularities. Each level halves the
 * step and reuses the previous abscissae; the error is estimated from the
 * difference of successive levels (the number of correct digits roughly
 * doubles per level, D. H. Bailey, X. S. Li, K. Jeyabalan, 2005, "A
 * comparison of three high-precision quadrature schemes").
 */
export function tanhSinh(f: Integrand3, a: number, b: number, o: TanhSinhOptions): RuleResult {
  const hw = (b - a) / 2;
  const c = a + hw;
  let evaluations = 0;
  let absSum = 0;

  const value = (x: number, dA: number, dB: number): number => {
    evaluations++;
    const y = f(x, dA, dB);
    if (!Number.isFinite(y)) throw new NonFiniteValueError('integrand', x, y);
    return y;
  };

  /**
   * Largest |weight·f| met at the last abscissa before x rounded onto an
   * endpoint; the rest of that tail is dropped and this bounds its size.
   */
  let droppedTail = 0;
  /** |weight·f| at the most recent abscissa on each side (left, right). */
  const lastTerm = [0, 0];

  /**
   * Sum of weight·f over the pair of abscissae at ±t (t > 0), or undefined
   * once both sides have run into the endpoints. The distance to the nearer
   * endpoint is δ = hw·(1 − tanh u) = hw·2e^{−2u}/(1 + e^{−2u}), computed
   * without cancellation.
   */
  const pair = (t: number): number | undefined => {
    const u = HALF_PI * Math.sinh(t);
    const E = Math.exp(-2 * u);
    const delta = (hw * 2 * E) / (1 + E);
    const w = (hw * HALF_PI * Math.cosh(t) * 4 * E) / ((1 + E) * (1 + E));
    if (delta === 0 || w === 0) return undefined;
    const xl = a + delta;
    const xr = b - delta;
    const leftOk = o.usesDistances || xl !== a;
    const rightOk = o.usesDistances || xr !== b;
    if (!leftOk && !rightOk) return undefined;
    const fl = leftOk ? value(xl, delta, 2 * hw - delta) : 0;
    const fr = rightOk ? value(xr, 2 * hw - delta, delta) : 0;
    if (!leftOk) droppedTail = Math.max(droppedTail, lastTerm[0]);
    else lastTerm[0] = w * Math.abs(fl);
    if (!rightOk) droppedTail = Math.max(droppedTail, lastTerm[1]);
    else lastTerm[1] = w * Math.abs(fr);
    absSum += w * (Math.abs(fl) + Math.abs(fr));
    return w * (fl + fr);
  };

  /** Sum over t = (start + k·stride)·h for k = 0, 1, …, until the terms vanish or the endpoints are reached. */
  const sweep = (h: number, start: number, stride: number, scale: number): number => {
    let s = 0;
    let tiny = 0;
    for (let k = start; ; k += stride) {
      const term = pair(k * h);
      if (term === undefined) break;
      s += term;
      // Terms decay double exponentially; stop after two negligible ones in a row.
      if (Math.abs(term) <= 1e-20 * scale) {
        if (++tiny >= 2) break;
      } else tiny = 0;
      if (k * h > 7) break; // beyond t = 7 every weight has underflowed
    }
    return s;
  };

  // Level 0: h = 1, all integers.
  const centre = value(c, hw, hw) * hw * HALF_PI;
  absSum += Math.abs(centre);
  let h = 1;
  let raw = centre + sweep(h, 1, 1, Math.abs(centre) + Number.MIN_VALUE);
  let estimate = raw * h;
  let prevDiff = Number.POSITIVE_INFINITY;
  let error = Number.POSITIVE_INFINITY;
  let converged = false;
  for (let level = 1; level <= o.maxLevels; level++) {
    h /= 2;
    droppedTail = 0; // judged on the finest level only
    raw += sweep(h, 1, 2, Math.abs(raw) + Number.MIN_VALUE);
    const next = raw * h;
    const diff = Math.abs(next - estimate);
    estimate = next;
    const floor = 50 * Number.EPSILON * absSum * h;
    // In the quadratic regime the next error is about diff²/prevDiff.
    const quadratic = diff < prevDiff ? (diff * diff) / prevDiff : diff;
    error = Math.max(Math.min(diff, quadratic), floor) + droppedTail;
    prevDiff = diff;
    if (level >= 3 && diff + droppedTail <= Math.max(target(o.absTol, o.relTol, estimate), floor)) {
      converged = true;
      break;
    }
  }
  return { value: estimate, error, evaluations, converged };
}
