/**
 * Least squares in double-double arithmetic (describe/dd.ts): Householder QR (A. S. Householder, 1958, "Unitary
 * triangularization of a nonsymmetric matrix", J. ACM 5) of the n×p design carried to about 32 digits, so that the
 * coefficients, R⁻¹ (hence the standard errors) and the residual sum of squares keep about 32 − log₁₀ κ(X)
 * correct digits: full double precision even for polynomial and Longley-type designs with κ(X) ≈ 10¹⁰.
 * The caller checks the rank beforehand (in double precision).
 */
import { DD, DDAccumulator, ddAdd, ddDiv, ddMul, ddSqrt, ddSub } from '../describe/dd.js';

export interface LsqDD {
  /** Coefficients as double-doubles. */
  readonly beta: DD[];
  /** R⁻¹ (upper triangular, row-major p×p). */
  readonly rinv: DD[];
  /** Residuals y − Xβ. */
  readonly residuals: DD[];
}

/** Solves min ‖Xβ − y‖ for X (n×p, row-major) of full column rank. */
export function leastSquaresDD(X: Float64Array, n: number, p: number, y: ArrayLike<number>): LsqDD {
  const A: DD[] = new Array(n * p);
  for (let i = 0; i < n * p; i++) A[i] = [X[i]!, 0];
  const b: DD[] = Array.from({ length: n }, (_, i) => [y[i]!, 0] as DD);
  for (let k = 0; k < p; k++) {
    const ss = new DDAccumulator();
    for (let i = k; i < n; i++) ss.addDD(ddMul(A[i * p + k]!, A[i * p + k]!));
    const norm = ddSqrt(ss.dd());
    const akk = A[k * p + k]!;
    const alpha: DD = akk[0] >= 0 ? [-norm[0], -norm[1]] : norm;
    // v = column below the diagonal with v_0 = a_kk − alpha; vᵀv = 2 (norm² + |a_kk| norm) = −2 alpha v_0
    const v0 = ddSub(akk, alpha);
    const vtv2 = ddMul(alpha, v0); // −vᵀv/2
    const v = (i: number): DD => (i === k ? v0 : A[i * p + k]!);
    const reflect = (get: (i: number) => DD, set: (i: number, d: DD) => void): void => {
      const s = new DDAccumulator();
      for (let i = k; i < n; i++) s.addDD(ddMul(v(i), get(i)));
      const f = ddDiv(s.dd(), vtv2); // x − 2 (vᵀx / vᵀv) v = x + (vᵀx / (−vᵀv/2)) v … sign folded into vtv2
      for (let i = k; i < n; i++) set(i, ddAdd(get(i), ddMul(f, v(i))));
    };
    for (let j = k + 1; j < p; j++) reflect((i) => A[i * p + j]!, (i, d) => { A[i * p + j] = d; });
    reflect((i) => b[i]!, (i, d) => { b[i] = d; });
    A[k * p + k] = alpha;
  }
  // Back substitution R β = (Qᵀy)[0..p)
  const beta: DD[] = new Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let j = i + 1; j < p; j++) s = ddSub(s, ddMul(A[i * p + j]!, beta[j]!));
    beta[i] = ddDiv(s, A[i * p + i]!);
  }
  const rinv: DD[] = Array.from({ length: p * p }, () => [0, 0] as DD);
  for (let c = 0; c < p; c++) {
    for (let i = c; i >= 0; i--) {
      let s: DD = [i === c ? 1 : 0, 0];
      for (let k = i + 1; k <= c; k++) s = ddSub(s, ddMul(A[i * p + k]!, rinv[k * p + c]!));
      rinv[i * p + c] = ddDiv(s, A[i * p + i]!);
    }
  }
  const residuals: DD[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const acc = new DDAccumulator();
    acc.add(y[i]!);
    for (let j = 0; j < p; j++) acc.addDD(ddMul([-X[i * p + j]!, 0], beta[j]!));
    residuals[i] = acc.dd();
  }
  return { beta, rinv, residuals };
}
