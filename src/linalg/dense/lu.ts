/**
 * LU factorisation with partial (row) pivoting, PA = LU, by right-looking Gaussian elimination
 * (G. H. Golub & C. F. Van Loan, "Matrix Computations", 4th ed., 2013, Algorithm 3.4.1).
 * Row-major storage makes the rank-1 update a sweep over contiguous rows.
 */
import { Matrix, requireFinite, requireSquare, norm1 } from './matrix.js';
import { DimensionError, SingularMatrixError } from './errors.js';
import { estimateInverseNorm1 } from './condest.js';
import { axpy } from './kernels.js';

export interface LU {
  readonly n: number;
  /** L (unit lower, below the diagonal) and U (upper, with diagonal) packed together, row-major. */
  readonly lu: Float64Array;
  /** Row i of PA is row perm[i] of A. */
  readonly perm: Int32Array;
  /** +1 or −1: the sign of the permutation. */
  readonly sign: number;
  /** True when some pivot is exactly zero. */
  readonly singular: boolean;
  /** 1-norm of the original matrix, kept for condition estimates. */
  readonly anorm: number;
}

export function luDecompose(a: Matrix): LU {
  requireSquare(a, 'LU decomposition');
  requireFinite(a, 'LU decomposition');
  const n = a.rows;
  const lu = new Float64Array(a.data);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  let sign = 1;
  let singular = false;
  for (let k = 0; k < n; k++) {
    // Pivot: largest magnitude in column k at or below the diagonal.
    let p = k, best = Math.abs(lu[k * n + k]!);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k]!);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (p !== k) {
      const rp = p * n, rk = k * n;
      for (let j = 0; j < n; j++) {
        const t = lu[rp + j]!;
        lu[rp + j] = lu[rk + j]!;
        lu[rk + j] = t;
      }
      const tp = perm[p]!;
      perm[p] = perm[k]!;
      perm[k] = tp;
      sign = -sign;
    }
    const rk = k * n;
    const pivot = lu[rk + k]!;
    if (pivot === 0) {
      singular = true;
      continue;
    }
    const inv = 1 / pivot;
    const rowK = lu.subarray(rk + k + 1, rk + n);
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const l = lu[ri + k]! * inv;
      lu[ri + k] = l;
      if (l !== 0) axpy(-l, rowK, lu.subarray(ri + k + 1, ri + n));
    }
  }
  return { n, lu, perm, sign, singular, anorm: norm1(a) };
}

/** Overwrites b (length n) with A⁻¹b. Assumes the factorisation is nonsingular. */
function solveInPlace(f: LU, b: Float64Array, work: Float64Array): void {
  const { n, lu, perm } = f;
  for (let i = 0; i < n; i++) work[i] = b[perm[i]!]!;
  for (let i = 1; i < n; i++) {
    let s = work[i]!;
    const ri = i * n;
    for (let j = 0; j < i; j++) s -= lu[ri + j]! * work[j]!;
    work[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = work[i]!;
    const ri = i * n;
    for (let j = i + 1; j < n; j++) s -= lu[ri + j]! * work[j]!;
    work[i] = s / lu[ri + i]!;
  }
  b.set(work);
}

/** Overwrites b with A⁻ᵀb: Aᵀ = UᵀLᵀP, so solve Uᵀ then Lᵀ then undo P. Column sweeps keep rows contiguous. */
function solveTransposeInPlace(f: LU, b: Float64Array, work: Float64Array): void {
  const { n, lu, perm } = f;
  work.set(b);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    const wi = work[i]! / lu[ri + i]!;
    work[i] = wi;
    for (let j = i + 1; j < n; j++) work[j]! -= lu[ri + j]! * wi;
  }
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    const wi = work[i]!;
    for (let j = 0; j < i; j++) work[j]! -= lu[ri + j]! * wi;
  }
  for (let i = 0; i < n; i++) b[perm[i]!] = work[i]!;
}

/** Reciprocal 1-norm condition number estimate, 1 / (‖A‖₁ · est‖A⁻¹‖₁). Zero for an exactly singular matrix. */
export function luRcond(f: LU): number {
  if (f.singular) return 0;
  if (f.n === 0) return 1;
  if (f.anorm === 0) return 0;
  const work = new Float64Array(f.n);
  const inv = estimateInverseNorm1({
    n: f.n,
    solve: (v) => solveInPlace(f, v, work),
    solveT: (v) => solveTransposeInPlace(f, v, work),
  });
  return inv === Infinity ? 0 : 1 / (f.anorm * inv);
}

/** Below this reciprocal condition number the matrix is treated as singular to working precision. */
export const SINGULAR_RCOND = Number.EPSILON;
/** Below this, results carry a warning: fewer than about 8 significant digits can be trusted. */
export const WARN_RCOND = 1e-8;

export interface SolveResult<T> {
  readonly x: T;
  /** Reciprocal 1-norm condition estimate of A. */
  readonly rcond: number;
  /** Present when A is ill-conditioned (rcond < 1e-8). */
  readonly warning?: string;
}

function checkUsable(f: LU, op: string): { rcond: number; warning?: string } {
  if (f.singular) throw new SingularMatrixError(`${op}: matrix is singular (a zero pivot appeared in LU)`, 0);
  const rcond = luRcond(f);
  if (!(rcond >= SINGULAR_RCOND)) {
    throw new SingularMatrixError(
      `${op}: matrix is singular to working precision (estimated 1-norm condition number ${(1 / rcond).toExponential(2)})`,
      rcond,
    );
  }
  if (rcond < WARN_RCOND) {
    const digits = Math.max(0, Math.floor(-Math.log10(Number.EPSILON / rcond)));
    return {
      rcond,
      warning: `ill-conditioned matrix (1-norm condition ≈ ${(1 / rcond).toExponential(2)}): only about ${digits} significant digits can be trusted`,
    };
  }
  return { rcond };
}

/** Solve Ax = b with diagnostics. Throws SingularMatrixError when A is singular to working precision. */
export function solveWithInfo(a: Matrix, b: ArrayLike<number>, f: LU = luDecompose(a)): SolveResult<Float64Array> {
  if (b.length !== f.n) throw new DimensionError(`right-hand side has length ${b.length}, matrix is ${f.n}×${f.n}`);
  const info = checkUsable(f, 'solve');
  const x = Float64Array.from(b);
  solveInPlace(f, x, new Float64Array(f.n));
  return { x, ...info };
}

/** Solve Ax = b. Throws SingularMatrixError when A is singular to working precision. */
export function solve(a: Matrix, b: ArrayLike<number>): Float64Array {
  return solveWithInfo(a, b).x;
}

/** Solve AX = B for a matrix right-hand side (rows of B stay contiguous throughout). */
export function solveMatrixWithInfo(a: Matrix, b: Matrix, f: LU = luDecompose(a)): SolveResult<Matrix> {
  if (b.rows !== f.n) throw new DimensionError(`right-hand side has ${b.rows} rows, matrix is ${f.n}×${f.n}`);
  const info = checkUsable(f, 'solve');
  const { n, lu, perm } = f;
  const m = b.cols;
  const x = new Float64Array(n * m);
  for (let i = 0; i < n; i++) x.set(b.data.subarray(perm[i]! * m, perm[i]! * m + m), i * m);
  for (let i = 1; i < n; i++) {
    const ri = i * n, xi = i * m;
    for (let k = 0; k < i; k++) {
      const l = lu[ri + k]!;
      if (l === 0) continue;
      const xk = k * m;
      for (let j = 0; j < m; j++) x[xi + j]! -= l * x[xk + j]!;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n, xi = i * m;
    for (let k = i + 1; k < n; k++) {
      const u = lu[ri + k]!;
      if (u === 0) continue;
      const xk = k * m;
      for (let j = 0; j < m; j++) x[xi + j]! -= u * x[xk + j]!;
    }
    const inv = 1 / lu[ri + i]!;
    for (let j = 0; j < m; j++) x[xi + j]! *= inv;
  }
  return { x: { rows: n, cols: m, data: x }, ...info };
}

export function solveMatrix(a: Matrix, b: Matrix): Matrix {
  return solveMatrixWithInfo(a, b).x;
}

/** Determinant from the LU factors: sign(P) · ∏ uᵢᵢ. Exactly 0 when a pivot vanishes. */
export function det(a: Matrix): number {
  const f = luDecompose(a);
  if (f.singular) return 0;
  let d = f.sign;
  for (let i = 0; i < f.n; i++) d *= f.lu[i * f.n + i]!;
  return d;
}

export function inverseWithInfo(a: Matrix): SolveResult<Matrix> {
  const f = luDecompose(a);
  const n = f.n;
  const eye = new Float64Array(n * n);
  for (let i = 0; i < n; i++) eye[i * n + i] = 1;
  return solveMatrixWithInfo(a, { rows: n, cols: n, data: eye }, f);
}

/** A⁻¹. Throws SingularMatrixError when A is singular to working precision. */
export function inverse(a: Matrix): Matrix {
  return inverseWithInfo(a).x;
}
