/**
 * Lousa's dense matrix: row-major storage in a Float64Array. Entry (i, j) lives at data[i * cols + j].
 * Helpers here are plain functions so that hot loops can reach `data` directly.
 */
import { DimensionError, NonFiniteError } from './errors.js';

export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

function checkDim(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new DimensionError(`${what} must be a non-negative integer, got ${n}`);
}

export function zeros(rows: number, cols: number): Matrix {
  checkDim(rows, 'rows');
  checkDim(cols, 'cols');
  return { rows, cols, data: new Float64Array(rows * cols) };
}

export function identity(n: number): Matrix {
  const m = zeros(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
  return m;
}

/** Build from an array of rows; every row must have the same length. */
export function fromArrays(rowsArr: ReadonlyArray<ArrayLike<number>>): Matrix {
  const rows = rowsArr.length;
  const cols = rows === 0 ? 0 : rowsArr[0]!.length;
  const m = zeros(rows, cols);
  for (let i = 0; i < rows; i++) {
    const r = rowsArr[i]!;
    if (r.length !== cols) throw new DimensionError(`row ${i} has ${r.length} entries, expected ${cols}`);
    for (let j = 0; j < cols; j++) m.data[i * cols + j] = r[j]!;
  }
  return m;
}

/** Wrap (copying) a flat row-major array. */
export function fromFlat(rows: number, cols: number, values: ArrayLike<number>): Matrix {
  const m = zeros(rows, cols);
  if (values.length !== rows * cols) {
    throw new DimensionError(`expected ${rows * cols} values for a ${rows}×${cols} matrix, got ${values.length}`);
  }
  m.data.set(values);
  return m;
}

export function diag(values: ArrayLike<number>): Matrix {
  const n = values.length;
  const m = zeros(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = values[i]!;
  return m;
}

export function toArrays(a: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < a.rows; i++) out.push(Array.from(a.data.subarray(i * a.cols, (i + 1) * a.cols)));
  return out;
}

export function clone(a: Matrix): Matrix {
  return { rows: a.rows, cols: a.cols, data: new Float64Array(a.data) };
}

export function get(a: Matrix, i: number, j: number): number {
  return a.data[i * a.cols + j]!;
}

export function transpose(a: Matrix): Matrix {
  const { rows, cols, data } = a;
  const t = new Float64Array(rows * cols);
  // Blocked so that both source and destination are touched in cache-sized tiles.
  const B = 32;
  for (let ii = 0; ii < rows; ii += B) {
    const iMax = Math.min(ii + B, rows);
    for (let jj = 0; jj < cols; jj += B) {
      const jMax = Math.min(jj + B, cols);
      for (let i = ii; i < iMax; i++) {
        const ro = i * cols;
        for (let j = jj; j < jMax; j++) t[j * rows + i] = data[ro + j]!;
      }
    }
  }
  return { rows: cols, cols: rows, data: t };
}

/** C = A·B with the i-k-j loop order (rows of B streamed contiguously). */
export function multiply(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) {
    throw new DimensionError(`cannot multiply ${a.rows}×${a.cols} by ${b.rows}×${b.cols}`);
  }
  const m = a.rows, n = b.cols, p = a.cols;
  const A = a.data, Bd = b.data;
  const C = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    const ci = i * n, ai = i * p;
    for (let k = 0; k < p; k++) {
      const aik = A[ai + k]!;
      if (aik === 0) continue;
      const bk = k * n;
      for (let j = 0; j < n; j++) C[ci + j]! += aik * Bd[bk + j]!;
    }
  }
  return { rows: m, cols: n, data: C };
}

/** y = A·x. */
export function matVec(a: Matrix, x: ArrayLike<number>): Float64Array {
  if (x.length !== a.cols) throw new DimensionError(`vector of length ${x.length} does not fit ${a.rows}×${a.cols}`);
  const y = new Float64Array(a.rows);
  const { cols, data } = a;
  for (let i = 0; i < a.rows; i++) {
    let s = 0;
    const o = i * cols;
    for (let j = 0; j < cols; j++) s += data[o + j]! * x[j]!;
    y[i] = s;
  }
  return y;
}

export function add(a: Matrix, b: Matrix): Matrix {
  sameShape(a, b, 'add');
  const c = new Float64Array(a.data.length);
  for (let i = 0; i < c.length; i++) c[i] = a.data[i]! + b.data[i]!;
  return { rows: a.rows, cols: a.cols, data: c };
}

export function subtract(a: Matrix, b: Matrix): Matrix {
  sameShape(a, b, 'subtract');
  const c = new Float64Array(a.data.length);
  for (let i = 0; i < c.length; i++) c[i] = a.data[i]! - b.data[i]!;
  return { rows: a.rows, cols: a.cols, data: c };
}

export function scale(a: Matrix, s: number): Matrix {
  const c = new Float64Array(a.data.length);
  for (let i = 0; i < c.length; i++) c[i] = a.data[i]! * s;
  return { rows: a.rows, cols: a.cols, data: c };
}

function sameShape(a: Matrix, b: Matrix, op: string): void {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new DimensionError(`cannot ${op} ${a.rows}×${a.cols} and ${b.rows}×${b.cols}`);
  }
}

/** Maximum absolute column sum. */
export function norm1(a: Matrix): number {
  const sums = new Float64Array(a.cols);
  for (let i = 0; i < a.rows; i++) {
    const o = i * a.cols;
    for (let j = 0; j < a.cols; j++) sums[j]! += Math.abs(a.data[o + j]!);
  }
  let m = 0;
  for (let j = 0; j < a.cols; j++) if (sums[j]! > m) m = sums[j]!;
  return m;
}

/** Maximum absolute row sum. */
export function normInf(a: Matrix): number {
  let m = 0;
  for (let i = 0; i < a.rows; i++) {
    let s = 0;
    const o = i * a.cols;
    for (let j = 0; j < a.cols; j++) s += Math.abs(a.data[o + j]!);
    if (s > m) m = s;
  }
  return m;
}

/** Frobenius norm, scaled to avoid overflow and underflow. */
export function normFrobenius(a: Matrix): number {
  return vectorNorm2(a.data);
}

/** Euclidean norm of a vector, scaled (as in LAPACK's dnrm2) so that it neither overflows nor underflows. */
export function vectorNorm2(x: ArrayLike<number>): number {
  let scaleV = 0, ssq = 1;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v === 0) continue;
    const av = Math.abs(v);
    if (scaleV < av) {
      const r = scaleV / av;
      ssq = 1 + ssq * r * r;
      scaleV = av;
    } else {
      const r = av / scaleV;
      ssq += r * r;
    }
  }
  return scaleV * Math.sqrt(ssq);
}

export function requireSquare(a: Matrix, op: string): void {
  if (a.rows !== a.cols) throw new DimensionError(`${op} needs a square matrix, got ${a.rows}×${a.cols}`);
}

export function requireFinite(a: Matrix, op: string): void {
  const d = a.data;
  for (let i = 0; i < d.length; i++) {
    if (!Number.isFinite(d[i]!)) {
      throw new NonFiniteError(`${op}: entry (${Math.floor(i / a.cols)}, ${i % a.cols}) is ${d[i]}`);
    }
  }
}

/**
 * A power of two close to max|aᵢⱼ| (1 for the zero matrix). Dividing by it is exact for normal numbers and lifts
 * subnormal entries into the normal range, so rotations computed afterwards keep full precision.
 */
export function powerOfTwoScale(data: Float64Array): number {
  let big = 0;
  for (let i = 0; i < data.length; i++) big = Math.max(big, Math.abs(data[i]!));
  return powerOfTwoNear(big);
}

/** The power of two of powerOfTwoScale for a given max|aᵢⱼ| (finite, ≥ 0). */
export function powerOfTwoNear(big: number): number {
  if (big === 0) return 1;
  const e = Math.max(-1022, Math.min(1023, Math.round(Math.log2(big))));
  return 2 ** e;
}

/** dst[p + i] = src[i]·f (f a power of two, so exact); a plain copy when f = 1. */
export function copyScaled(dst: Float64Array, p: number, src: Float64Array, f: number): void {
  if (f === 1) {
    dst.set(src, p);
    return;
  }
  for (let i = 0; i < src.length; i++) dst[p + i] = src[i]! * f;
}
