/**
 * Dense matrix product C = op(A) op(B) for the compiled kernels. Both operands are first packed so that each
 * row of op(A) and each column of op(B) is contiguous (Goto & van de Geijn (2008), "Anatomy of high-performance
 * matrix multiplication": pack, then run a register-blocked micro-kernel); the micro-kernel computes a 4×2 tile
 * of dot products in eight accumulators (a 4×4 tile spills registers in V8 and runs at half the speed), and the columns of B are taken in blocks that stay in cache.
 * Accumulation is in doubles whatever the storage type. The source is compiled afresh for every program so
 * that each program's product sees one array type (monomorphic in V8).
 */
import { makeSgemm } from './sgemm.js';
import { makeSimdGemm } from './simd.js';

/** Signature of the generated product. `tA`: A is stored as K×M (op(A) = Aᵀ); `tB`: B is stored as N×K. */
export type Gemm = (
  batch: number, m: number, n: number, k: number,
  a: Float32Array | Float64Array, strideA: number, tA: boolean,
  b: Float32Array | Float64Array, strideB: number, tB: boolean,
  c: Float32Array | Float64Array,
) => void;

const SOURCE = `
let pa = new Float64Array(1024), pb = new Float64Array(1024);
return function gemm(batch, m, n, k, a, sA, tA, b, sB, tB, c) {
  if (pa.length < m * k) pa = new Float64Array(m * k);
  if (pb.length < n * k) pb = new Float64Array(n * k);
  const A = pa, Bt = pb;
  for (let t = 0; t < batch; t++) {
    const oa = t * sA, ob = t * sB, oc = t * m * n;
    // pack op(A) as m rows of length k
    if (tA) { for (let i = 0; i < m; i++) for (let q = 0; q < k; q++) A[i * k + q] = a[oa + q * m + i]; }
    else { for (let i = 0, e = m * k; i < e; i++) A[i] = a[oa + i]; }
    // pack op(B) as n rows of length k (its columns)
    if (tB) { for (let i = 0, e = n * k; i < e; i++) Bt[i] = b[ob + i]; }
    else { for (let q = 0; q < k; q++) for (let j = 0; j < n; j++) Bt[j * k + q] = b[ob + q * n + j]; }
    const JB = Math.max(4, (16384 / Math.max(k, 1)) & ~3);
    for (let j0 = 0; j0 < n; j0 += JB) {
      const j1 = Math.min(n, j0 + JB);
      let i = 0;
      for (; i + 4 <= m; i += 4) {
        const r0 = i * k, r1 = r0 + k, r2 = r1 + k, r3 = r2 + k;
        let j = j0;
        for (; j + 2 <= j1; j += 2) {
          const s0 = j * k, s1 = s0 + k;
          let c00 = 0, c01 = 0, c10 = 0, c11 = 0, c20 = 0, c21 = 0, c30 = 0, c31 = 0;
          for (let q = 0; q < k; q++) {
            const b0 = Bt[s0 + q], b1 = Bt[s1 + q];
            let x = A[r0 + q]; c00 += x * b0; c01 += x * b1;
            x = A[r1 + q]; c10 += x * b0; c11 += x * b1;
            x = A[r2 + q]; c20 += x * b0; c21 += x * b1;
            x = A[r3 + q]; c30 += x * b0; c31 += x * b1;
          }
          const o = oc + i * n + j;
          c[o] = c00; c[o + 1] = c01; c[o + n] = c10; c[o + n + 1] = c11;
          c[o + 2 * n] = c20; c[o + 2 * n + 1] = c21; c[o + 3 * n] = c30; c[o + 3 * n + 1] = c31;
        }
        for (; j < j1; j++) {
          const s0 = j * k;
          let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
          for (let q = 0; q < k; q++) {
            const bq = Bt[s0 + q];
            c0 += A[r0 + q] * bq; c1 += A[r1 + q] * bq; c2 += A[r2 + q] * bq; c3 += A[r3 + q] * bq;
          }
          const o = oc + i * n + j;
          c[o] = c0; c[o + n] = c1; c[o + 2 * n] = c2; c[o + 3 * n] = c3;
        }
      }
      for (; i < m; i++) {
        const r0 = i * k;
        for (let j = j0; j < j1; j++) {
          const s0 = j * k;
          let s = 0;
          for (let q = 0; q < k; q++) s += A[r0 + q] * Bt[s0 + q];
          c[oc + i * n + j] = s;
        }
      }
    }
  }
};`;

/** A fresh instance of the scalar blocked product (its packing buffers grow once, then are reused). */
export function makeScalarGemm(): Gemm {
  // The source above is fixed text of this file, compiled so each program gets its own type feedback.
  return new Function(SOURCE)() as Gemm;
}

/** Products below this many multiply-adds run on the scalar kernel (packing for SIMD costs more there). */
const SIMD_MIN = 2048;

/**
 * The product used by compiled programs. Float64 programs: the WebAssembly SIMD kernel of simd.ts where the
 * platform has one (same sums, bit for bit, as the scalar kernel). Float32 programs: the float32 SIMD kernel of
 * sgemm.ts (sums in float32). The scalar kernel for small products and where SIMD is missing.
 */
export function makeGemm(dtype: 'float32' | 'float64' = 'float64'): Gemm {
  const scalar = makeScalarGemm();
  const simd = dtype === 'float32' ? makeSgemm() : makeSimdGemm();
  if (simd === null) return scalar;
  return (batch, m, n, k, a, sA, tA, b, sB, tB, c) =>
    (m * n * k < SIMD_MIN ? scalar : simd)(batch, m, n, k, a, sA, tA, b, sB, tB, c);
}
