/**
 * Correct rounding by Ziv's strategy (A. Ziv, 1991, "Fast evaluation of elementary mathematical
 * functions with correctly rounded last bit"): evaluate a ball enclosing f(x) at working precision
 * w; if both ends of the ball round to the same prec-bit number, that number is the correctly
 * rounded f(x); otherwise raise w and try again. The shortfall in accuracy (from cancellation, or
 * a result much smaller than its inputs) tells how many bits to add.
 */
import { type Ball, NeedMorePrecision } from './ball.js';
import { BigFloat } from './float.js';
import { BigFloatRangeError } from './errors.js';

/** The common rounding of every point of the ball to prec bits, or null when it is not unique. */
export function roundBall(b: Ball, prec: number): BigFloat | null {
  if (b.r === -Infinity) return b.m.round(prec);
  if (b.m.isZero() || b.m.expo() - b.r < prec + 1) return null;
  const rad = BigFloat.pow2(Math.ceil(b.r));
  const lo = b.m.sub(rad).round(prec);
  const hi = b.m.add(rad).round(prec);
  return lo.eq(hi) ? lo : null;
}

/** Working precision to start with for a prec-bit result. */
export function startPrec(prec: number): number {
  return prec + 12 + Math.ceil(Math.log2(prec + 1));
}

/**
 * Round f(x) correctly to prec bits, where `f(w)` returns a ball that encloses the exact value and
 * whose radius shrinks as w grows. After `maxStuck` retries that gained no accuracy (an exact
 * value sitting on a rounding boundary, which Ziv's test cannot decide) the midpoint is rounded:
 * the error is then still far below one unit in the last place.
 */
export function ziv(prec: number, name: string, f: (w: number) => Ball, maxStuck = 4): BigFloat {
  let w = startPrec(prec);
  let stuck = 0;
  for (let iter = 0; iter < 64; iter++) {
    let b: Ball | null = null;
    try {
      b = f(w);
    } catch (e) {
      if (!(e instanceof NeedMorePrecision)) throw e;
    }
    if (b !== null) {
      const r = roundBall(b, prec);
      if (r !== null) return r;
    }
    const achieved = b === null || b.m.isZero() ? -Infinity : b.m.expo() - b.r;
    const deficit = prec + 8 - achieved;
    if (deficit > 0 && deficit !== Infinity) {
      w += Math.ceil(deficit) + 16;
    } else {
      if (b !== null && ++stuck > maxStuck) return b.m.round(prec);
      w += Math.max(32, w >> 1);
    }
    if (w > 64 * prec + 2_000_000) break;
  }
  throw new BigFloatRangeError(`${name}: could not reach ${prec} bits of accuracy (result too close to 0?)`);
}
