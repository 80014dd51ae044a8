/**
 * QR factorisation by Householder reflections, A = QR
 * (A. S. Householder, 1958, "Unitary triangularization of a nonsymmetric matrix", J. ACM 5(4);
 * reflector convention as in LAPACK's dlarfg: H = I − τ v vᵀ with v₀ = 1, chosen to avoid cancellation).
 * Reflectors are applied row by row so each inner loop runs over contiguous memory.
 */
import { Matrix, powerOfTwoScale, requireFinite } from './matrix.js';
import { DimensionError, SingularMatrixError } from './errors.js';
import { applyLeft, makeReflector } from './householder.js';

export interface QR {
  readonly rows: number;
  readonly cols: number;
  /** R on and above the diagonal; Householder vectors (without their leading 1) below it. Row-major. */
  readonly qr: Float64Array;
  /** Householder scalars τₖ, k < min(rows, cols). */
  readonly tau: Float64Array;
}

export function qrDecompose(a: Matrix): QR {
  requireFinite(a, 'QR decomposition');
  const m = a.rows, n = a.cols;
  // Work on A/2ᵏ (exact) so that subnormal columns still yield orthogonal reflectors; R is scaled back below.
  const sc = powerOfTwoScale(a.data);
  const qr = sc === 1 ? new Float64Array(a.data) : a.data.map((x) => x / sc);
  const kMax = Math.min(m, n);
  const tau = new Float64Array(kMax);
  const w = new Float64Array(n);
  for (let k = 0; k < kMax; k++) {
    const t = makeReflector(qr, k * n + k, n, m - k);
    tau[k] = t;
    applyLeft(qr, k * n + k, n, m - k, t, qr, n, k, k + 1, n, w);
  }
  if (sc !== 1) for (let i = 0; i < kMax; i++) for (let j = i; j < n; j++) qr[i * n + j]! *= sc;
  return { rows: m, cols: n, qr, tau };
}

/** The upper-triangular factor: min(m,n)×n when thin (default), m×n otherwise. */
export function qrR(f: QR, thin = true): Matrix {
  const { rows: m, cols: n, qr } = f;
  const r = thin ? Math.min(m, n) : m;
  const data = new Float64Array(r * n);
  for (let i = 0; i < Math.min(r, m); i++) {
    for (let j = i; j < n; j++) data[i * n + j] = qr[i * n + j]!;
  }
  return { rows: r, cols: n, data };
}

/** The orthogonal factor: m×min(m,n) when thin (default), m×m otherwise. */
export function qrQ(f: QR, thin = true): Matrix {
  const { rows: m, cols: n, qr, tau } = f;
  const kMax = tau.length;
  const qc = thin ? kMax : m;
  const q = new Float64Array(m * qc);
  for (let i = 0; i < Math.min(m, qc); i++) q[i * qc + i] = 1;
  const w = new Float64Array(qc);
  for (let k = kMax - 1; k >= 0; k--) applyLeft(qr, k * n + k, n, m - k, tau[k]!, q, qc, k, k, qc, w);
  return { rows: m, cols: qc, data: q };
}

/** Overwrite b (length m) with Qᵀb. */
export function applyQT(f: QR, b: Float64Array): void {
  const { rows: m, cols: n, qr, tau } = f;
  for (let k = 0; k < tau.length; k++) {
    const t = tau[k]!;
    if (t === 0) continue;
    let s = b[k]!;
    for (let i = k + 1; i < m; i++) s += qr[i * n + k]! * b[i]!;
    s *= t;
    b[k]! -= s;
    for (let i = k + 1; i < m; i++) b[i]! -= s * qr[i * n + k]!;
  }
}

export interface LeastSquaresResult {
  /** Minimiser of ‖Ax − b‖₂. */
  readonly x: Float64Array;
  /** ‖Ax − b‖₂ at the minimiser. */
  readonly residualNorm: number;
  /** max|Rᵢᵢ| / min|Rᵢᵢ|: a cheap lower bound on the 2-norm condition number of A. */
  readonly diagonalRatio: number;
  readonly warning?: string;
}

/**
 * Least squares by QR: x = R⁻¹ (Qᵀb)₁..ₙ, residual norm ‖(Qᵀb)ₙ..ₘ‖. Needs m ≥ n and full column rank;
 * a numerically rank-deficient A raises SingularMatrixError rather than returning an arbitrary solution.
 */
export function leastSquares(a: Matrix, b: ArrayLike<number>, f: QR = qrDecompose(a)): LeastSquaresResult {
  const m = f.rows, n = f.cols;
  if (b.length !== m) throw new DimensionError(`right-hand side has length ${b.length}, matrix has ${m} rows`);
  if (m < n) throw new DimensionError(`least squares needs at least as many rows as columns, got ${m}×${n}`);
  const { ratio } = checkFullRank(f, 'least squares');
  const y = Float64Array.from(b);
  applyQT(f, y);
  let rss = 0;
  for (let i = n; i < m; i++) rss += y[i]! * y[i]!;
  const x = y.slice(0, n);
  backSubstituteR(f, x);
  const res: LeastSquaresResult = { x, residualNorm: Math.sqrt(rss), diagonalRatio: ratio };
  return ratio > 1e8
    ? { ...res, warning: `nearly rank-deficient design (|R| diagonal ratio ${ratio.toExponential(2)})` }
    : res;
}

/** Overwrite x (length n) with R⁻¹x. */
export function backSubstituteR(f: QR, x: Float64Array): void {
  const { cols: n, qr } = f;
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!;
    const ro = i * n;
    for (let j = i + 1; j < n; j++) s -= qr[ro + j]! * x[j]!;
    x[i] = s / qr[ro + i]!;
  }
}

/** Throws when some |Rᵢᵢ| is negligible next to the largest (numerical rank < n). */
export function checkFullRank(f: QR, op: string): { ratio: number } {
  const n = Math.min(f.rows, f.cols);
  let big = 0, small = Infinity;
  for (let i = 0; i < n; i++) {
    const d = Math.abs(f.qr[i * f.cols + i]!);
    big = Math.max(big, d);
    small = Math.min(small, d);
  }
  if (n === 0) return { ratio: 1 };
  const tol = big * Math.max(f.rows, f.cols) * Number.EPSILON;
  if (!(small > tol)) {
    throw new SingularMatrixError(`${op}: matrix is rank-deficient (a diagonal entry of R is ${small.toExponential(2)}, below tolerance ${tol.toExponential(2)})`, small / big);
  }
  return { ratio: big / small };
}
