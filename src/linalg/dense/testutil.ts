/** Shared helpers for the dense linear algebra tests: arbitraries and residual measures. */
import fc from 'fast-check';
import { Matrix, fromFlat, multiply, transpose, zeros } from './matrix.js';

export function arbMatrix(minR: number, maxR: number, minC = minR, maxC = maxR): fc.Arbitrary<Matrix> {
  return fc
    .record({ r: fc.integer({ min: minR, max: maxR }), c: fc.integer({ min: minC, max: maxC }) })
    .chain(({ r, c }) =>
      fc
        .array(fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true }), { minLength: r * c, maxLength: r * c })
        .map((v) => fromFlat(r, c, v)),
    );
}

export function arbSquare(min: number, max: number): fc.Arbitrary<Matrix> {
  return fc.integer({ min, max }).chain((n) => arbMatrix(n, n));
}

export function arbIntSquare(min: number, max: number, range = 9): fc.Arbitrary<Matrix> {
  return fc
    .integer({ min, max })
    .chain((n) => fc.array(fc.integer({ min: -range, max: range }), { minLength: n * n, maxLength: n * n }).map((v) => fromFlat(n, n, v)));
}

export function maxAbsDiff(a: Matrix, b: Matrix): number {
  let m = 0;
  for (let i = 0; i < a.data.length; i++) m = Math.max(m, Math.abs(a.data[i]! - b.data[i]!));
  return m;
}

export function maxAbs(a: Matrix | Float64Array): number {
  const d = a instanceof Float64Array ? a : a.data;
  let m = 0;
  for (let i = 0; i < d.length; i++) m = Math.max(m, Math.abs(d[i]!));
  return m;
}

/** max |QᵀQ − I| */
export function orthogonalityError(q: Matrix): number {
  const g = multiply(transpose(q), q);
  let m = 0;
  for (let i = 0; i < g.rows; i++) for (let j = 0; j < g.cols; j++) m = Math.max(m, Math.abs(g.data[i * g.cols + j]! - (i === j ? 1 : 0)));
  return m;
}

export function symmetrize(a: Matrix): Matrix {
  const n = a.rows;
  const s = zeros(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s.data[i * n + j] = 0.5 * (a.data[i * n + j]! + a.data[j * n + i]!);
  return s;
}

export function hilbert(n: number): Matrix {
  const h = zeros(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) h.data[i * n + j] = 1 / (i + j + 1);
  return h;
}

/** Exact determinant of an integer matrix by fraction-free Bareiss elimination over BigInt
 * (E. H. Bareiss, 1968, "Sylvester's identity and multistep integer-preserving Gaussian elimination"). */
export function bareissDet(a: Matrix): bigint {
  const n = a.rows;
  const m: bigint[][] = [];
  for (let i = 0; i < n; i++) m.push(Array.from(a.data.subarray(i * n, i * n + n), (x) => BigInt(x)));
  let sign = 1n, prev = 1n;
  for (let k = 0; k < n - 1; k++) {
    if (m[k]![k] === 0n) {
      let p = k + 1;
      while (p < n && m[p]![k] === 0n) p++;
      if (p === n) return 0n;
      [m[k], m[p]] = [m[p]!, m[k]!];
      sign = -sign;
    }
    for (let i = k + 1; i < n; i++) {
      for (let j = k + 1; j < n; j++) m[i]![j] = (m[i]![j]! * m[k]![k]! - m[i]![k]! * m[k]![j]!) / prev;
    }
    prev = m[k]![k]!;
  }
  return n === 0 ? 1n : sign * m[n - 1]![n - 1]!;
}
