/**
 * BRATIO, the choice of method for the pair I_x(a, b), 1 - I_x(a, b) of DiDonato & Morris (1992),
 * "Algorithm 708: significant digit computation of the incomplete beta function ratios", ACM TOMS
 * 18(3), 360-373 (their section 11). The parameters are first swapped, (a, b, x, y) -> (b, a, y, x),
 * so that the computed ratio w = I_x0(a0, b0) is the one that is not close to 1; then
 *  - min(a, b) <= 1: FPSER / APSER for a tiny shape, BPSER where the power series converges fast,
 *    otherwise BUP (shift the large shape by 20 when it is below 15) followed by BGRAT;
 *  - a, b > 1: BPSER for b0 < 40 and b0 x0 <= 0.7; for other b0 < 40, BUP reduces b0 to its
 *    fractional part, which BPSER (x0 <= 0.7) or BUP + BGRAT finish; for b0 >= 40 BFRAC unless x0 is
 *    close to the mean of a large pair (lambda <= 0.03 min(a, b) with min(a, b) > 100), where BASYM.
 * The other ratio is then 1 - w: the swaps make w the side that is not near 1 except where it is
 * computed as w1 directly (APSER, BPSER of the mirrored problem, BGRAT on the mirrored side), so
 * both keep their relative precision.
 */
import { apser, bpser, bup, fpser } from './incbeta_series.js';
import { ExpansionFailed, basym, bgrat } from './incbeta_asym.js';
import { bfrac } from './incbeta_cf.js';

const EPS = Number.EPSILON;

export interface BetaRatios {
  lower: number;
  upper: number;
}

/** I_x(a, b) and 1 - I_x(a, b) for a, b > 0, 0 < x < 1, y = 1 - x (both given). */
export function bratio(a: number, b: number, x: number, y: number): BetaRatios {
  let a0 = a;
  let b0 = b;
  let x0 = x;
  let y0 = y;
  let swapped = false;
  const swap = (): void => {
    [a0, b0, x0, y0] = [b, a, y, x];
    swapped = true;
  };
  // Returns [w, w1] in the swapped frame.
  const solve = (): [number, number] => {
    if (Math.min(a, b) <= 1) {
      if (x > 0.5) swap();
      if (b0 < Math.min(EPS, EPS * a0)) {
        const w = fpser(a0, b0, x0);
        return [w, 1 - w];
      }
      if (a0 < Math.min(EPS, EPS * b0) && b0 * x0 <= 1) {
        const w1 = apser(a0, b0, x0);
        return [1 - w1, w1];
      }
      const wser = (): [number, number] => {
        const w = bpser(a0, b0, x0);
        return [w, 1 - w];
      };
      const w1ser = (): [number, number] => {
        const w1 = bpser(b0, a0, y0);
        return [1 - w1, w1];
      };
      let w1 = 0;
      if (Math.max(a0, b0) > 1) {
        if (b0 <= 1) return wser();
        if (x0 >= 0.29) return w1ser();
        if (x0 < 0.1 && Math.pow(x0 * b0, a0) <= 0.7) return wser();
        if (b0 <= 15) {
          w1 = bup(b0, a0, y0, x0, 20);
          b0 += 20;
        }
      } else {
        if (a0 >= Math.min(0.2, b0)) return wser();
        if (Math.pow(x0, a0) <= 0.9) return wser();
        if (x0 >= 0.3) return w1ser();
        w1 = bup(b0, a0, y0, x0, 20);
        b0 += 20;
      }
      w1 = bgrat(b0, a0, y0, x0, w1);
      return [1 - w1, w1];
    }
    let lambda = a > b ? (a + b) * y - b : a - (a + b) * x;
    if (lambda < 0) {
      swap();
      lambda = -lambda;
    }
    if (b0 < 40) {
      if (b0 * x0 <= 0.7) {
        const w = bpser(a0, b0, x0);
        return [w, 1 - w];
      }
      let n = Math.floor(b0);
      b0 -= n;
      if (b0 === 0) {
        n--;
        b0 = 1;
      }
      let w = n > 0 ? bup(b0, a0, y0, x0, n) : 0;
      if (x0 <= 0.7) {
        w += bpser(a0, b0, x0);
        return [w, 1 - w];
      }
      if (a0 <= 15) {
        w += bup(a0, b0, x0, y0, 20);
        a0 += 20;
      }
      w = bgrat(a0, b0, x0, y0, w);
      return [w, 1 - w];
    }
    const useFrac = a0 > b0 ? b0 <= 100 || lambda > 0.03 * b0 : a0 <= 100 || lambda > 0.03 * a0;
    const w = useFrac ? bfrac(a0, b0, x0, y0, lambda, 15 * EPS) : basym(a0, b0, lambda, 100 * EPS);
    return [w, 1 - w];
  };
  const [w, w1] = solve();
  return swapped ? { lower: w1, upper: w } : { lower: w, upper: w1 };
}

export { ExpansionFailed };
