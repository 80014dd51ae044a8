/*
 * The Dormand–Prince 5(4) embedded Runge–Kutta pair (J. R. Dormand and
 * P. J. Prince, 1980, "A family of embedded Runge-Kutta formulae", J. Comput.
 * Appl. Math. 6, 19–26), with the continuous extension of order 4 given by
 * E. Hairer, S. P. Nørsett and G. Wanner (1993, "Solving Ordinary
 * Differential Equations I", 2nd ed., §II.6, code DOPRI5). The last stage is
 * evaluated at the new point (FSAL), so an accepted step costs 6 calls.
 */

export const C = [0, 1 / 5, 3 / 10, 4 / 5, 8 / 9, 1, 1];

/** Lower-triangular stage matrix; row i gives a_{i,0..i-1}. */
export const A: number[][] = [
  [],
  [1 / 5],
  [3 / 40, 9 / 40],
  [44 / 45, -56 / 15, 32 / 9],
  [19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729],
  [9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656],
  [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84],
];

/** 5th-order weights (equal to the last row of A: FSAL). */
export const B = [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84, 0];

/** B minus the embedded 4th-order weights: the local error estimate coefficients. */
export const E = [71 / 57600, 0, -71 / 16695, 71 / 1920, -17253 / 339200, 22 / 525, -1 / 40];

/** Dense-output coefficients of DOPRI5. */
export const D = [
  -12715105075 / 11282082432,
  0,
  87487479700 / 32700410799,
  -10690763975 / 1880347072,
  701980252875 / 199316789632,
  -1453857185 / 822651844,
  69997945 / 29380423,
];

/** Right-hand side writing y′ = f(t, y) into dy. */
export type OdeRhs = (t: number, y: Float64Array, dy: Float64Array) => void;

/** Workspace of one integration. */
export class DopriStepper {
  readonly k: Float64Array[];
  readonly tmp: Float64Array;
  readonly yNew: Float64Array;
  readonly err: Float64Array;
  evaluations = 0;

  constructor(
    private readonly f: OdeRhs,
    readonly n: number,
  ) {
    this.k = Array.from({ length: 7 }, () => new Float64Array(n));
    this.tmp = new Float64Array(n);
    this.yNew = new Float64Array(n);
    this.err = new Float64Array(n);
  }

  rhs(t: number, y: Float64Array, out: Float64Array): void {
    this.evaluations++;
    this.f(t, y, out);
  }

  /**
   * One trial step of size h from (t, y), with k[0] = f(t, y) already set.
   * Fills yNew, k[1..6] (k[6] = f(t + h, yNew)) and err.
   */
  step(t: number, y: Float64Array, h: number): void {
    const { k, tmp, n } = this;
    for (let s = 1; s < 7; s++) {
      const row = A[s];
      for (let i = 0; i < n; i++) {
        let acc = 0;
        for (let j = 0; j < s; j++) acc += row[j] * k[j][i];
        tmp[i] = y[i] + h * acc;
      }
      if (s === 6) this.yNew.set(tmp);
      this.rhs(t + C[s] * h, tmp, k[s]);
    }
    for (let i = 0; i < n; i++) {
      let e = 0;
      for (let j = 0; j < 7; j++) e += E[j] * k[j][i];
      this.err[i] = h * e;
    }
  }

  /**
   * Coefficients r₁…r₅ of the dense output on the step just taken:
   * y(t + θh) ≈ r₁ + θ(r₂ + (1 − θ)(r₃ + θ(r₄ + (1 − θ)r₅))).
   */
  denseCoefficients(y: Float64Array, h: number): Float64Array[] {
    const { k, n, yNew } = this;
    const r = Array.from({ length: 5 }, () => new Float64Array(n));
    for (let i = 0; i < n; i++) {
      const dy = yNew[i] - y[i];
      const bspl = h * k[0][i] - dy;
      r[0][i] = y[i];
      r[1][i] = dy;
      r[2][i] = bspl;
      r[3][i] = dy - h * k[6][i] - bspl;
      let acc = 0;
      for (let j = 0; j < 7; j++) acc += D[j] * k[j][i];
      r[4][i] = h * acc;
    }
    return r;
  }
}

/** Evaluate the dense output of a step at θ ∈ [0, 1]. */
export function denseEval(r: Float64Array[], theta: number, out: Float64Array): Float64Array {
  const t1 = 1 - theta;
  for (let i = 0; i < out.length; i++) {
    out[i] = r[0][i] + theta * (r[1][i] + t1 * (r[2][i] + theta * (r[3][i] + t1 * r[4][i])));
  }
  return out;
}
