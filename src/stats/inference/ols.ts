/**
 * Ordinary least squares by Householder QR (never by forming XᵀX): β = R⁻¹Qᵀy, standard errors from
 * σ̂²·diag((XᵀX)⁻¹) = σ̂²·(row norms of R⁻¹)², t and two-sided p values from Student's t with n − p degrees of
 * freedom, R² and adjusted R² (centred when an intercept is fitted, uncentred otherwise, as R's summary.lm does),
 * and the overall F statistic.
 */
import { Matrix, fromArrays } from '../../linalg/dense/matrix.js';
import { qrDecompose, leastSquares } from '../../linalg/dense/qr.js';
import { Sample, StatsArgumentError } from '../describe/errors.js';
import { fSf, studentTSf } from './dists.js';

export interface OlsOptions {
  /** Prepend a column of ones (default true). */
  readonly intercept?: boolean;
}

export interface OlsResult {
  /** Coefficients, intercept first when fitted. */
  readonly coefficients: Float64Array;
  readonly standardErrors: Float64Array;
  readonly tValues: Float64Array;
  /** Two-sided p values of H₀: βⱼ = 0. */
  readonly pValues: Float64Array;
  readonly residuals: Float64Array;
  readonly fitted: Float64Array;
  readonly rSquared: number;
  readonly adjustedRSquared: number;
  /** σ̂ = √(RSS/(n − p)). */
  readonly residualStandardError: number;
  /** Residual degrees of freedom n − p. */
  readonly df: number;
  /** Overall F test of all non-intercept coefficients (undefined when there are none). */
  readonly fStatistic?: { value: number; df1: number; df2: number; pValue: number };
  readonly warning?: string;
}

/** Fit y ≈ Xβ. X is n×k (rows are observations); with intercept the design is [1 | X]. */
export function ols(x: Matrix | ReadonlyArray<ArrayLike<number>>, y: Sample, o: OlsOptions = {}): OlsResult {
  const X0 = 'data' in x ? x : fromArrays(x);
  const intercept = o.intercept ?? true;
  const n = X0.rows;
  if (y.length !== n) throw new StatsArgumentError(`ols: design has ${n} rows but y has ${y.length} values`);
  const p = X0.cols + (intercept ? 1 : 0);
  if (p === 0) throw new StatsArgumentError('ols: no regressors');
  if (n <= p) throw new StatsArgumentError(`ols: needs more observations (${n}) than coefficients (${p})`);
  const X = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    if (intercept) X[i * p] = 1;
    for (let j = 0; j < X0.cols; j++) X[i * p + j + (intercept ? 1 : 0)] = X0.data[i * X0.cols + j]!;
  }
  const design: Matrix = { rows: n, cols: p, data: X };
  const f = qrDecompose(design);
  const ls = leastSquares(design, y, f); // throws SingularMatrixError on a rank-deficient design
  const beta = ls.x;
  const fitted = new Float64Array(n), residuals = new Float64Array(n);
  let rss = 0, ybar = 0;
  for (let i = 0; i < n; i++) ybar += y[i]!;
  ybar /= n;
  let tss = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += X[i * p + j]! * beta[j]!;
    fitted[i] = s;
    residuals[i] = y[i]! - s;
    rss += residuals[i]! * residuals[i]!;
    const c = intercept ? y[i]! - ybar : y[i]!;
    tss += c * c;
  }
  const df = n - p;
  const sigma2 = rss / df;
  // R⁻¹ row norms: solve R·Z = I column by column (upper triangular), accumulate squares of rows of Z.
  const R = f.qr;
  const rinv = new Float64Array(p * p);
  for (let c = 0; c < p; c++) {
    for (let i = c; i >= 0; i--) {
      let s = i === c ? 1 : 0;
      for (let k = i + 1; k <= c; k++) s -= R[i * p + k]! * rinv[k * p + c]!;
      rinv[i * p + c] = s / R[i * p + i]!;
    }
  }
  const se = new Float64Array(p), tv = new Float64Array(p), pv = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = 0;
    for (let c = i; c < p; c++) s += rinv[i * p + c]! * rinv[i * p + c]!;
    se[i] = Math.sqrt(sigma2 * s);
    tv[i] = beta[i]! / se[i]!;
    pv[i] = Math.min(1, 2 * studentTSf(Math.abs(tv[i]!), df));
  }
  const rSquared = tss > 0 ? 1 - rss / tss : NaN;
  const dfModel = p - (intercept ? 1 : 0);
  const adjustedRSquared = 1 - (1 - rSquared) * ((n - (intercept ? 1 : 0)) / df);
  let fStatistic: OlsResult['fStatistic'];
  if (dfModel > 0) {
    const value = ((tss - rss) / dfModel) / sigma2;
    fStatistic = { value, df1: dfModel, df2: df, pValue: fSf(value, dfModel, df) };
  }
  const res: OlsResult = {
    coefficients: beta, standardErrors: se, tValues: tv, pValues: pv, residuals, fitted, rSquared, adjustedRSquared,
    residualStandardError: Math.sqrt(sigma2), df, ...(fStatistic ? { fStatistic } : {}),
  };
  return ls.warning ? { ...res, warning: ls.warning } : res;
}
