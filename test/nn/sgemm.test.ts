import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { makeSgemm, sgemmInfo } from '../../src/nn/compile/sgemm.js';
import { hasRelaxedSimd, sgemmModule } from '../../src/nn/compile/sgemm-kernel.js';

/**
 * Checks C = op(A) op(B) against the definition summed in doubles: each entry within a float32 rounding bound,
 * 2k·2⁻²⁴·Σ|aᵢq bqj| (each of the k products and partial sums rounds once) plus the rounding of the inputs.
 */
function check(batch: number, m: number, n: number, k: number, a: Float32Array, sA: number, tA: boolean, b: Float32Array, sB: number, tB: boolean, c: Float32Array): void {
  for (let t = 0; t < batch; t++) for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
    let s = 0, abs = 0;
    for (let q = 0; q < k; q++) {
      const p = (tA ? a[t * sA + q * m + i]! : a[t * sA + i * k + q]!) * (tB ? b[t * sB + j * k + q]! : b[t * sB + q * n + j]!);
      s += p;
      abs += Math.abs(p);
    }
    const got = c[t * m * n + i * n + j]!;
    const bound = (2 * k + 2) * 2 ** -24 * abs + 1e-30;
    if (!(Math.abs(got - s) <= bound)) expect.fail(`C[${t}, ${i}, ${j}] = ${got}, want ${s} ± ${bound} (m ${m}, n ${n}, k ${k}, tA ${tA}, tB ${tB})`);
  }
}

function operands(batch: number, m: number, n: number, k: number, sharedB: boolean, seed: number): { a: Float32Array; b: Float32Array; sB: number } {
  const a = Float32Array.from({ length: batch * m * k }, (_, i) => Math.sin(seed + 1.7 * i));
  const b = Float32Array.from({ length: (sharedB ? 1 : batch) * k * n }, (_, i) => Math.cos(seed + 0.9 * i) * 3);
  return { a, b, sB: sharedB ? 0 : k * n };
}

describe('float32 SIMD matrix product', () => {
  const g = makeSgemm();
  it('WebAssembly SIMD is available on this platform (Node ≥ 16)', () => {
    expect(g).not.toBeNull();
    expect(sgemmInfo().simd).toBe(true);
  });

  it('equals the float64 sum within float32 rounding (transposes, batches, shared B, odd sizes)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 37 }), fc.integer({ min: 1, max: 37 }), fc.integer({ min: 0, max: 70 }),
      fc.boolean(), fc.boolean(), fc.boolean(), fc.integer({ min: 0, max: 1000 }),
      (batch, m, n, k, tA, tB, sharedB, seed) => {
        const { a, b, sB } = operands(batch, m, n, k, sharedB, seed);
        const c = new Float32Array(batch * m * n).fill(NaN);
        g!(batch, m, n, k, a, m * k, tA, b, sB, tB, c);
        check(batch, m, n, k, a, m * k, tA, b, sB, tB, c);
      }), { numRuns: 200 });
  });

  it('across the cache blocks: depth past one block (256), rows past one block (96), columns past one block (2048)', () => {
    for (const [m, n, k, tA, tB] of [[101, 19, 300, false, false], [98, 13, 513, true, true], [3, 2051, 7, false, true], [5, 2049, 9, true, false]] as const) {
      const { a, b } = operands(1, m, n, k, true, m);
      const c = new Float32Array(m * n);
      g!(1, m, n, k, a, 0, tA, b, 0, tB, c);
      check(1, m, n, k, a, 0, tA, b, 0, tB, c);
    }
  });

  it('batches split into groups that fit the kernel memory (shared and batched B)', () => {
    const small = makeSgemm(undefined, 700)!;
    for (const [sharedB, tA, tB] of [[true, false, false], [false, true, true], [false, false, true]] as const) {
      const [batch, m, n, k] = [5, 9, 11, 13];
      const { a, b, sB } = operands(batch, m, n, k, sharedB, 3);
      const c = new Float32Array(batch * m * n).fill(NaN);
      small(batch, m, n, k, a, m * k, tA, b, sB, tB, c);
      check(batch, m, n, k, a, m * k, tA, b, sB, tB, c);
    }
  });

  it('padding left in the kernel memory by a larger product never reaches a smaller one', () => {
    const big = operands(1, 50, 50, 50, true, 1);
    big.a.fill(NaN);
    g!(1, 50, 50, 50, big.a, 0, false, big.b, 0, false, new Float32Array(2500));
    const { a, b } = operands(1, 7, 5, 3, true, 2);
    const c = new Float32Array(35);
    g!(1, 7, 5, 3, a, 0, false, b, 0, false, c);
    check(1, 7, 5, 3, a, 0, false, b, 0, false, c);
  });

  it('the relaxed-SIMD (fused multiply-add) module is detected by validation, never required', () => {
    const fused = sgemmModule({ mr: 4, nr: 8 }, true);
    expect(hasRelaxedSimd()).toBe(WebAssembly.validate(fused));
    expect(WebAssembly.validate(sgemmModule({ mr: 4, nr: 8 }, false))).toBe(true);
    expect(sgemmInfo().fma).toBe(hasRelaxedSimd());
  });
});
