/** Reading a floating-point number back as a small fraction. */
import { type Rational, rat } from '../ast/rational.js';

/**
 * The continued-fraction convergent h/k of v with k ≤ maxDen that equals v within `tol` (relative), if any — for
 * coefficients fitted numerically that are known to be small rationals when the fit is right (every candidate
 * built from them is verified afterwards).
 */
export function recogniseRational(v: number, maxDen: number, tol: number): Rational | undefined {
  let [h0, h1, k0, k1] = [0, 1, 1, 0];
  let y = v;
  for (let i = 0; i < 24; i++) {
    const a = Math.floor(y);
    [h0, h1] = [h1, a * h1 + h0];
    [k0, k1] = [k1, a * k1 + k0];
    if (k1 > maxDen) return undefined;
    if (Math.abs(h1 / k1 - v) <= tol * Math.max(1, Math.abs(v))) return rat(BigInt(h1), BigInt(k1));
    const fr = y - a;
    if (fr < 1e-13) break;
    y = 1 / fr;
  }
  return undefined;
}
