import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { arena, jsSecularSums, setSimd } from './arena.js';

describe('secular sums Σ r/(δ − τ) and Σ r/(δ − τ)²', () => {
  it('match a term-by-term loop for any count and start (odd tails, unaligned starts), in SIMD and JavaScript', () => {
    for (const simd of [true, false]) {
      const prev = setSimd(simd);
      try {
        fc.assert(
          fc.property(
            fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 40 }),
            fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 43, maxLength: 43 }),
            fc.double({ min: 0.01, max: 3, noNaN: true }), fc.double({ min: 0.2, max: 0.8, noNaN: true }),
            (start, n, pole, w, frac) => {
              const ar = arena();
              const mark = ar.mark();
              const pd = ar.alloc(44), pr = ar.alloc(44), pout = ar.alloc(2);
              const mem = ar.f64();
              // Poles on a grid of unit spacing shifted by the drawn values' integer parts; τ strictly between grid points.
              for (let j = 0; j < 43; j++) {
                mem[pd + j] = Math.round(pole[j]!) + j * 11;
                mem[pr + j] = w * (1 + (j % 3));
              }
              const tau = frac;
              ar.secularSums(pd + start, pr + start, n, tau, pout);
              let s = 0, ds = 0, abs = 0;
              for (let j = start; j < start + n; j++) {
                const t = 1 / (mem[pd + j]! - tau), q = mem[pr + j]! * t;
                s += q;
                ds += q * t;
                abs += Math.abs(q);
              }
              const tol = 8 * Number.EPSILON * (abs + 1e-300) * (n + 1);
              expect(Math.abs(ar.f64()[pout]! - s)).toBeLessThanOrEqual(tol);
              expect(Math.abs(ar.f64()[pout + 1]! - ds)).toBeLessThanOrEqual(8 * Number.EPSILON * Math.abs(ds) * (n + 1) + 1e-300);
              ar.release(mark);
            },
          ),
          { numRuns: 300 },
        );
      } finally {
        setSimd(prev);
      }
    }
  });

  it('jsSecularSums on a hand example: poles 1 and 3, weights 1, τ = 2 give 1 − 1 = 0 and 1 + 1 = 2', () => {
    const mem = Float64Array.from([1, 3, 1, 1, 0, 0]);
    jsSecularSums(mem, 0, 2, 2, 2, 4);
    expect(mem[4]).toBe(0);
    expect(mem[5]).toBe(2);
  });

  it('shifted poles (plain and as differences of squares) and strided columns of differences, in SIMD and JavaScript', () => {
    for (const simd of [true, false]) {
      const prev = setSimd(simd);
      try {
        fc.assert(
          fc.property(
            fc.integer({ min: 0, max: 21 }), fc.integer({ min: 1, max: 5 }), fc.boolean(),
            fc.array(fc.double({ min: -8, max: 8, noNaN: true }), { minLength: 21, maxLength: 21 }),
            fc.double({ min: -8, max: 8, noNaN: true }),
            (n, stride, squared, src, o) => {
              const ar = arena();
              const mark = ar.mark();
              const ps = ar.alloc(21), pd = ar.alloc(21), pc = ar.alloc(21 * 5);
              const mem = ar.f64();
              mem.set(src, ps);
              mem.fill(7, pc, pc + 21 * 5);
              ar.secularShift(pd, ps, n, o, squared);
              ar.secularColumn(pc, stride, pd, n, o);
              for (let j = 0; j < n; j++) {
                const want = squared ? (src[j]! - o) * (src[j]! + o) : src[j]! - o;
                expect(mem[pd + j]).toBe(want);
                expect(mem[pc + j * stride]).toBe(want - o);
              }
              // Nothing else in the strided output is touched.
              let untouched = 0;
              for (let q = 0; q < 21 * 5; q++) if (mem[pc + q] === 7) untouched++;
              expect(untouched).toBeGreaterThanOrEqual(21 * 5 - n);
              ar.release(mark);
            },
          ),
          { numRuns: 300 },
        );
      } finally {
        setSimd(prev);
      }
    }
  });
});
