import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { arena, jsGemm, jsSymv, jsTrsv, setSimd, simdAvailable, type TrsvKind } from './arena.js';

/** Fill `count` doubles at offset p with values from a seeded generator. */
function fill(mem: Float64Array, p: number, count: number, seed: number): void {
  let s = seed >>> 0;
  for (let i = 0; i < count; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    mem[p + i] = s / 2 ** 32 - 0.5;
  }
}

const dims = fc.record({
  m: fc.integer({ min: 0, max: 13 }), n: fc.integer({ min: 0, max: 13 }), k: fc.integer({ min: 0, max: 11 }),
  pad: fc.integer({ min: 0, max: 3 }), seed: fc.integer(), sub: fc.boolean(),
});

describe('WebAssembly SIMD module', () => {
  it('compiles on this platform (Node ≥ 16 has SIMD), so the tests below exercise it and not only the fallback', () => {
    expect(simdAvailable()).toBe(true);
    expect(arena().simd).toBe(true);
    const prev = setSimd(false);
    try {
      expect(arena().simd).toBe(false);
    } finally {
      setSimd(prev);
    }
  });
});

describe('gemm kernel C ← C ∓ A·B', () => {
  it('agrees with a plain triple loop (any shape, padded leading dimensions), in SIMD and JavaScript', () => {
    for (const simd of [true, false]) {
      const prev = setSimd(simd);
      try {
        fc.assert(
          fc.property(dims, ({ m, n, k, pad, seed, sub }) => {
            const ar = arena();
            const mark = ar.mark();
            const lda = k + pad, ldb = n + pad, ldc = n + 2 * pad;
            const pa = ar.alloc(m * lda + 1), pb = ar.alloc(k * ldb + 1), pc = ar.alloc(m * ldc + 1);
            const mem = ar.f64();
            fill(mem, pa, m * lda + 1, seed);
            fill(mem, pb, k * ldb + 1, seed + 1);
            fill(mem, pc, m * ldc + 1, seed + 2);
            const expect0 = new Float64Array(m * ldc + 1);
            for (let i = 0; i < m * ldc + 1; i++) expect0[i] = mem[pc + i]!;
            for (let i = 0; i < m; i++) {
              for (let j = 0; j < n; j++) {
                let s = 0;
                for (let q = 0; q < k; q++) s += mem[pa + i * lda + q]! * mem[pb + q * ldb + j]!;
                expect0[i * ldc + j]! += sub ? -s : s;
              }
            }
            ar.gemm(sub, m, n, k, pa, lda, pb, ldb, pc, ldc);
            for (let i = 0; i < m * ldc + 1; i++) expect(Math.abs(mem[pc + i]! - expect0[i]!)).toBeLessThanOrEqual(1e-15 * (k + 1));
            ar.release(mark);
          }),
          { numRuns: 300 },
        );
      } finally {
        setSimd(prev);
      }
    }
  });

  it('the SIMD kernel matches the JavaScript kernel on large non-multiple shapes', () => {
    if (!simdAvailable()) return;
    const ar = arena();
    for (const [m, n, k] of [[37, 41, 19], [64, 64, 64], [1, 129, 7], [130, 1, 3]] as const) {
      const mark = ar.mark();
      const pa = ar.alloc(m * k), pb = ar.alloc(k * n), pc = ar.alloc(m * n);
      const mem = ar.f64();
      fill(mem, pa, m * k, 1);
      fill(mem, pb, k * n, 2);
      fill(mem, pc, m * n, 3);
      const ref = new Float64Array(mem.subarray(0, pc + m * n));
      jsGemm(ref, true, m, n, k, pa, k, pb, n, pc, n);
      ar.gemm(true, m, n, k, pa, k, pb, n, pc, n);
      for (let i = 0; i < m * n; i++) expect(Math.abs(mem[pc + i]! - ref[pc + i]!)).toBeLessThanOrEqual(1e-14 * k);
      ar.release(mark);
    }
  });
});

describe('symv kernel (lower triangle)', () => {
  it('equals the full symmetric product, in SIMD and JavaScript, for n = 0…17', () => {
    for (const simd of [true, false]) {
      const prev = setSimd(simd);
      try {
        for (let n = 0; n <= 17; n++) {
          const ar = arena();
          const mark = ar.mark();
          const lda = n + 1;
          const pa = ar.alloc(n * lda), px = ar.alloc(n), py = ar.alloc(n + 1);
          const mem = ar.f64();
          fill(mem, pa, n * lda, n);
          fill(mem, px, n, n + 7);
          mem[py + n] = 42; // sentinel past the end
          // the upper triangle holds garbage that must not be read
          for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) mem[pa + i * lda + j] = NaN;
          ar.symv(n, pa, lda, px, py);
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = 0; j < n; j++) s += mem[pa + Math.max(i, j) * lda + Math.min(i, j)]! * mem[px + j]!;
            expect(Math.abs(mem[py + i]! - s)).toBeLessThanOrEqual(1e-15 * (n + 1));
          }
          expect(mem[py + n]).toBe(42);
          ar.release(mark);
        }
      } finally {
        setSimd(prev);
      }
    }
  });

  it('jsSymv on a hand example: [[2, 1], [1, 3]]·(1, 1) = (3, 4)', () => {
    // lower triangle at offset 0 (lda 2; the upper entry is 0 and unused), x at 4, y at 6
    const m2 = new Float64Array(8);
    m2.set([2, 0, 1, 3], 0);
    m2.set([1, 1], 4);
    jsSymv(m2, 2, 0, 2, 4, 6);
    expect([m2[6], m2[7]]).toEqual([3, 4]);
  });
});

describe('triangular solve kernels on packed LU factors', () => {
  it('T·x = b after the solve, for each triangle, n = 0…25, in SIMD and JavaScript, and the two agree', () => {
    for (const simd of [true, false]) {
      const prev = setSimd(simd);
      try {
        for (let n = 0; n <= 25; n++) {
          for (const kind of [0, 1, 2, 3] as TrsvKind[]) {
            const ar = arena();
            const mark = ar.mark();
            const lda = n + 3;
            const pa = ar.alloc(n * lda), px = ar.alloc(n + 1);
            const mem = ar.f64();
            fill(mem, pa, n * lda, 31 * n + kind);
            for (let i = 0; i < n; i++) mem[pa + i * lda + i]! += 2; // a usable diagonal for U
            fill(mem, px, n, 7 * n + kind);
            mem[px + n] = 42; // sentinel
            const b = mem.slice(px, px + n), ref = mem.slice();
            jsTrsv(ref, kind, n, pa, lda, px);
            ar.trsv(kind, n, pa, lda, px);
            // entry of the triangle: L unit lower (kinds 0, 3), U upper (kinds 1, 2); kinds 2, 3 transposed.
            const t = (i: number, j: number): number => {
              const [r, c] = kind >= 2 ? [j, i] : [i, j];
              const lower = kind === 0 || kind === 3;
              if (lower) return r === c ? 1 : c < r ? mem[pa + r * lda + c]! : 0;
              return c >= r ? mem[pa + r * lda + c]! : 0;
            };
            for (let i = 0; i < n; i++) {
              let s = 0;
              for (let j = 0; j < n; j++) s += t(i, j) * mem[px + j]!;
              expect(Math.abs(s - b[i]!)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(b[i]!)) * (n + 1));
              expect(Math.abs(mem[px + i]! - ref[px + i]!)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(ref[px + i]!)));
            }
            expect(mem[px + n]).toBe(42);
            ar.release(mark);
          }
        }
      } finally {
        setSimd(prev);
      }
    }
  });
});
