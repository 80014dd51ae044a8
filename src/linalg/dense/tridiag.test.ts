import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { arena, setSimd } from './arena.js';
import { applyQInArena, tridiagonalizeInArena } from './tridiag.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

describe('blocked tridiagonalisation', () => {
  it('Q·T·Qᵀ = A with Q orthogonal; blocked and one-column panels keep trace and Frobenius norm (SIMD and JavaScript)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 40 }), fc.integer(), fc.boolean(), (n, nb, seed, simd) => {
        const prev = setSimd(simd);
        try {
          const r = rng(seed);
          const a = new Float64Array(n * n);
          for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = r();
          const ar = arena();
          const mark = ar.mark();
          const p = ar.alloc(n * n), p1 = ar.alloc(n * n), pz = ar.alloc(n * n);
          const mem = ar.f64();
          mem.set(a, p);
          mem.set(a, p1);
          // Garbage in the upper triangle must not matter.
          for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) mem[p + i * n + j] = 1e300;
          const t = tridiagonalizeInArena(ar, p, n, nb);
          const t1 = tridiagonalizeInArena(ar, p1, n, 1);
          // T is not a well-conditioned function of A, so the two panel widths are compared through
          // orthogonal invariants: trace and Frobenius norm equal those of A.
          let tr = 0, fro = 0;
          for (let i = 0; i < n; i++) {
            tr += a[i * n + i]!;
            for (let j = 0; j < n; j++) fro += a[i * n + j]! ** 2;
          }
          for (const x of [t, t1]) {
            let tt = 0, tf = 0;
            for (let i = 0; i < n; i++) {
              tt += x.d[i]!;
              tf += x.d[i]! ** 2 + 2 * x.e[i]! ** 2;
            }
            expect(Math.abs(tt - tr)).toBeLessThanOrEqual(1e-14 * (n + 1) ** 2);
            expect(Math.abs(tf - fro)).toBeLessThanOrEqual(1e-14 * (n + 1) ** 2);
          }
          const m2 = ar.f64();
          m2.fill(0, pz, pz + n * n);
          for (let i = 0; i < n; i++) m2[pz + i * n + i] = 1;
          applyQInArena(ar, p, n, t.tau, pz, n, Math.max(1, nb >> 1));
          const q = ar.f64().slice(pz, pz + n * n);
          ar.release(mark);
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++) {
              let o = 0;
              for (let k = 0; k < n; k++) o += q[k * n + i]! * q[k * n + j]!;
              expect(Math.abs(o - (i === j ? 1 : 0))).toBeLessThanOrEqual(1e-14 * (n + 1));
            }
          }
          // A = Q T Qᵀ, computed as (Q T) Qᵀ.
          const qt = new Float64Array(n * n);
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++) {
              let s = t.d[j]! * q[i * n + j]!;
              if (j > 0) s += t.e[j - 1]! * q[i * n + j - 1]!;
              if (j < n - 1) s += t.e[j]! * q[i * n + j + 1]!;
              qt[i * n + j] = s;
            }
          }
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++) {
              let s = 0;
              for (let k = 0; k < n; k++) s += qt[i * n + k]! * q[j * n + k]!;
              expect(Math.abs(s - a[i * n + j]!)).toBeLessThanOrEqual(1e-14 * (n + 1));
            }
          }
        } finally {
          setSimd(prev);
        }
      }),
      { numRuns: 60 },
    );
  });
});
