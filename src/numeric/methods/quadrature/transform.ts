import type { Integrand3 } from './types.js';

/** A finite integration problem equivalent to the caller's one. */
export interface FiniteProblem {
  f: Integrand3;
  a: number;
  b: number;
  /** True when the distances must be honoured (abscissae may approach the ends arbitrarily). */
  usesDistances: boolean;
}

/**
 * Map ∫_a^b f(x) dx with a < b (either end possibly infinite) to an integral
 * over a finite interval.
 *
 *  - [a, ∞):  x = a + t/(1 − t),  t ∈ [0, 1),  dx = dt/(1 − t)²
 *  - (−∞, b]: x = b − (1 − t)/t,  t ∈ (0, 1],  dx = dt/t²
 *  - (−∞, ∞): x = t/(1 − t²),     t ∈ (−1, 1), dx = (1 + t²)/(1 − t²)² dt
 *
 * These are the classical rational maps (QUADPACK's QAGI uses the first two
 * in the form x = a + (1 − t)/t). The distance to the end that maps to
 * infinity is 1 − t or t itself, passed in exactly by the rules, so the
 * transformed integrand stays accurate right up to that end.
 */
export function toFinite(f: (x: number) => number, a: number, b: number): FiniteProblem {
  const aInf = a === Number.NEGATIVE_INFINITY;
  const bInf = b === Number.POSITIVE_INFINITY;
  if (!aInf && !bInf) {
    return { f: (x) => f(x), a, b, usesDistances: false };
  }
  // A vanishing integrand kills the (possibly infinite) Jacobian: 0·∞ counts as 0.
  const times = (y: number, jac: number): number => (y === 0 ? 0 : y * jac);
  if (!aInf) {
    return {
      a: 0,
      b: 1,
      usesDistances: true,
      f: (t, _dA, dB) => times(f(a + t / dB), 1 / (dB * dB)),
    };
  }
  if (!bInf) {
    return {
      a: 0,
      b: 1,
      usesDistances: true,
      f: (_t, dA, dB) => times(f(b - dB / dA), 1 / (dA * dA)),
    };
  }
  return {
    a: -1,
    b: 1,
    usesDistances: true,
    f: (t, dA, dB) => {
      const q = dA * dB; // (1 + t)(1 − t) = 1 − t²
      return times(f(t / q), (1 + t * t) / (q * q));
    },
  };
}
