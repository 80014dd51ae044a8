/**
 * Ordinary least squares by Householder QR (never by forming XᵀX; the rank is checked in double precision and the
 * fit carried out in double-double, see lsqdd.ts): β = R⁻¹Qᵀy, standard errors from
 * σ̂²·diag((XᵀX)⁻¹) = σ̂²·(row norms of R⁻¹)², t and two-sided p values from Student's t with n − p degrees of
 * freedom, R² and adjusted R² (centred when an intercept is fitted, uncentred otherwise, as R's summary.lm does),
 * and the overall F statistic.
 */
import { Matrix, fromArrays } from '../../linalg/dense/matrix.js';
import { qrDecompose, leastSquares } from '../../linalg/dense/qr.js';
import { Sample, StatsArgumentError } from '../describe/errors.js';
import { fSf, studentTSf } from './dists.js';
import { leastSquaresDD } from './lsqdd.js';
import { centredDD } from '../describe/centred.js';
import { DD, DDAccumulator, ddDiv, ddMul, ddSqrt, ddSub } from '../describe/dd.js';

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
  // The double-precision QR above checks the rank; the fit itself is recomputed in double-double (lsqdd.ts).
  const dd = leastSquaresDD(X, n, p, y);
  const beta = Float64Array.from(dd.beta, (b) => b[0] + b[1]);
  const fitted = new Float64Array(n), residuals = new Float64Array(n);
  const rssAcc = new DDAccumulator();
  for (let i = 0; i < n; i++) {
    const r = dd.residuals[i]!;
    residuals[i] = r[0] + r[1];
    fitted[i] = y[i]! - residuals[i]!;
    rssAcc.addDD(ddMul(r, r));
  }
  const tssAcc = new DDAccumulator();
  for (const c of intercept ? centredDD(y) : Array.from(y, (v): DD => [v, 0])) tssAcc.addDD(ddMul(c, c));
  const rssDD = rssAcc.dd(), tssDD = tssAcc.dd();
  const rss = rssAcc.value(), tss = tssAcc.value();
  const df = n - p;
  const sigma2 = rss / df;
  const se = new Float64Array(p), tv = new Float64Array(p), pv = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    // diag((XᵀX)⁻¹) = squared row norms of R⁻¹
    const acc = new DDAccumulator();
    for (let c = i; c < p; c++) acc.addDD(ddMul(dd.rinv[i * p + c]!, dd.rinv[i * p + c]!));
    const v = ddSqrt(ddMul(acc.dd(), [rssDD[0] / df, (rssDD[1] + (rssDD[0] - (rssDD[0] / df) * df)) / df]));
    se[i] = v[0] + v[1];
    tv[i] = beta[i]! / se[i]!;
    pv[i] = Math.min(1, 2 * studentTSf(Math.abs(tv[i]!), df));
  }
  const rSquared = tss > 0 ? (() => { const e = ddSub(tssDD, rssDD); return ddDiv(e, tssDD)[0]; })() : NaN;
  const dfModel = p - (intercept ? 1 : 0);
  const adjustedRSquared = 1 - (1 - rSquared) * ((n - (intercept ? 1 : 0)) / df);
  let fStatistic: OlsResult['fStatistic'];
  if (dfModel > 0) {
    const explained = ddSub(tssDD, rssDD);
    const value = ((explained[0] + explained[1]) / dfModel) / sigma2;
    fStatistic = { value, df1: dfModel, df2: df, pValue: fSf(value, dfModel, df) };
  }
  const res: OlsResult = {
    coefficients: beta, standardErrors: se, tValues: tv, pValues: pv, residuals, fitted, rSquared, adjustedRSquared,
    residualStandardError: Math.sqrt(sigma2), df, ...(fStatistic ? { fStatistic } : {}),
  };
  return ls.warning ? { ...res, warning: ls.warning } : res;
}
