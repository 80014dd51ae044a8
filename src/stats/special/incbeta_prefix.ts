/**
 * The factor x^a y^b / B(a, b) (y = 1 - x) that every expansion of the regularized incomplete
 * beta function carries, in plain and logarithmic form, and log(1 / (a B(a, b))).
 * Following DiDonato & Morris (1992), "Algorithm 708: significant digit computation of the
 * incomplete beta function ratios", ACM TOMS 18(3) (their BRCOMP): when both a and b are large it
 * is evaluated as Loader's saddle-point binomial density (C. Loader (2000), "Fast and accurate
 * computation of binomial probabilities") so that a log x, b log y and log B(a, b) cancel
 * analytically; otherwise the logarithms are combined with log Gamma differences that avoid
 * cancellation (lgamma1p for a small shape, lgammaDelta for a large one).
 */
import { bd0 } from './elementary.js';
import { lgamma, lgamma1p, stirlerr } from './gamma.js';
import { lbeta, lgammaDelta } from './beta.js';

/** log Gamma(b) - log Gamma(a + b), cancellation-free when b is large. */
function lgammaRatio(b: number, a: number): number {
  return b >= 10 ? lgammaDelta(b, a) : lgamma(b) - lgamma(a + b);
}

/** log(1 / (a B(a, b))) = log Gamma(a + b) - log Gamma(a + 1) - log Gamma(b). */
export function logInvABeta(a: number, b: number): number {
  if (a >= 10 && b >= 10) return -Math.log(a) - lbeta(a, b);
  if (a < 10) return -lgamma1p(a) - lgammaRatio(b, a);
  // a >= 10 > b: log Gamma(a + b) - log Gamma(a) - log a - log Gamma(b)
  return -lgammaDelta(a, b) - Math.log(a) - lgamma(b);
}

/** log(x^a y^b / B(a, b)) with y = 1 - x given separately. */
export function logBetaPrefix(a: number, b: number, x: number, y: number): number {
  if (x === 0 || y === 0) return -Infinity;
  if (a >= 10 && b >= 10) {
    const n = a + b;
    const lc = stirlerr(n) - stirlerr(a) - stirlerr(b) - bd0(a, n * x) - bd0(b, n * y);
    return lc + 0.5 * Math.log((a * b) / (2 * Math.PI * n));
  }
  const lx = x < 0.5 ? Math.log(x) : Math.log1p(-y);
  const ly = y < 0.5 ? Math.log(y) : Math.log1p(-x);
  // 1 / B(a, b) = a Gamma(a + b) / (Gamma(a + 1) Gamma(b)).
  return a * lx + b * ly + Math.log(a) + logInvABeta(a, b);
}

/** x^a y^b / B(a, b) with y = 1 - x. */
export function betaPrefix(a: number, b: number, x: number, y: number): number {
  if (x === 0 || y === 0) return 0;
  if (a >= 10 && b >= 10) {
    const n = a + b;
    const lc = stirlerr(n) - stirlerr(a) - stirlerr(b) - bd0(a, n * x) - bd0(b, n * y);
    return Math.exp(lc) * Math.sqrt((a * b) / (2 * Math.PI * n));
  }
  return Math.exp(logBetaPrefix(a, b, x, y));
}
