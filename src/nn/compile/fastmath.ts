/**
 * Elementary functions for float32 programs, accurate to float32 rounding and several times faster than the
 * double-precision library calls. tanh: the odd rational minimax approximation of degree 13/6 on [−9, 9]
 * published with Eigen's vectorised float tanh (beyond it tanh(x) rounds to ±1 in float32, and is returned as such); its absolute error
 * is below 1e-7 over the whole line, and near 0 it is x·(1 + O(x²)), so small arguments keep their relative
 * accuracy.
 */

export function tanh32(x: number): number {
  if (x >= 9) return 1;
  if (x <= -9) return -1;
  const c = x, c2 = c * c;
  const p = c * (4.89352455891786e-3 + c2 * (6.37261928875436e-4 + c2 * (1.48572235717979e-5 + c2 * (5.12229709037114e-8
    + c2 * (-8.60467152213735e-11 + c2 * (2.00018790482477e-13 + c2 * -2.76076847742355e-16))))));
  const q = 4.89352518554385e-3 + c2 * (2.26843463243900e-3 + c2 * (1.18534705686654e-4 + c2 * 1.19825839466702e-6));
  return p / q;
}

/** Functions replaced in float32 programs, by name in the operator table. */
export const FAST32: ReadonlyMap<string, (x: number) => number> = new Map([['tanh', tanh32]]);
