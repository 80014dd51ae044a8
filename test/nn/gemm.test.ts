import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { makeGemm, makeScalarGemm } from '../../src/nn/compile/gemm.js';
import { makeSimdGemm } from '../../src/nn/compile/simd.js';

/** C = op(A) op(B) by the definition, summing over q in order in doubles (the kernels' order). */
function naive(batch: number, m: number, n: number, k: number, a: ArrayLike<number>, sA: number, tA: boolean, b: ArrayLike<number>, sB: number, tB: boolean): Float64Array {
  const c = new Float64Array(batch * m * n);
  for (let t = 0; t < batch; t++) for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
    let s = 0;
    for (let q = 0; q < k; q++) s += (tA ? a[t * sA + q * m + i]! : a[t * sA + i * k + q]!) * (tB ? b[t * sB + j * k + q]! : b[t * sB + q * n + j]!);
    c[t * m * n + i * n + j] = s;
  }
  return c;
}

describe('matrix product kernels', () => {
  const simd = makeSimdGemm();
  it('WebAssembly SIMD is available on this platform (Node ≥ 16)', () => {
    expect(simd).not.toBeNull();
  });
  it('SIMD, scalar and dispatching products equal the in-order sum bit for bit (both dtypes, transposes, batches, ragged sizes)', () => {
    const scalar = makeScalarGemm(), both = makeGemm();
    const poison = new Float64Array(24 * 40).fill(NaN);
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 23 }), fc.integer({ min: 1, max: 23 }), fc.integer({ min: 0, max: 40 }),
      fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), fc.integer({ min: 0, max: 1000 }),
      (batch, m, n, k, tA, tB, f32, sharedB, seed) => {
        const make = (len: number, f: (i: number) => number): Float32Array | Float64Array => {
          const x = f32 ? new Float32Array(len) : new Float64Array(len);
          for (let i = 0; i < len; i++) x[i] = f(i);
          return x;
        };
        const a = make(batch * m * k, (i) => Math.sin(seed + 1.7 * i));
        const nb = sharedB ? k * n : batch * k * n;
        const b = make(nb, (i) => Math.cos(seed + 0.9 * i) * 3);
        const sB = sharedB ? 0 : k * n;
        const exact = naive(batch, m, n, k, a, m * k, tA, b, sB, tB);
        const want = make(exact.length, (i) => exact[i]!);
        for (const g of [scalar, both, ...(simd === null ? [] : [simd])]) {
          // Leave NaN in the SIMD kernel's scratch memory: padding rows and columns must never reach the result.
          simd?.(1, 24, 24, 40, poison, 0, false, poison, 0, false, new Float64Array(576));
          const c = make(batch * m * n, () => NaN);
          g(batch, m, n, k, a, m * k, tA, b, sB, tB, c);
          expect([...c]).toEqual([...want]);
        }
      }), { numRuns: 300 });
  });
  it('a large product (784 × 128, k = 64) also agrees bit for bit', () => {
    if (simd === null) return;
    const [m, n, k] = [784, 128, 64];
    const a = Float32Array.from({ length: m * k }, (_, i) => Math.sin(i)), b = Float32Array.from({ length: k * n }, (_, i) => Math.cos(i));
    const c1 = new Float32Array(m * n), c2 = new Float32Array(m * n);
    makeScalarGemm()(1, m, n, k, a, 0, true, b, 0, false, c1);
    simd(1, m, n, k, a, 0, true, b, 0, false, c2);
    expect(c2).toEqual(c1);
  });
});
