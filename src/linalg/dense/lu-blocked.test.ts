import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { arena, setSimd } from './arena.js';
import { luInPlace, trsmLowerUnit, trsmUpper } from './lu-blocked.js';

function randoms(count: number, seed: number): Float64Array {
  let s = seed >>> 0;
  return Float64Array.from({ length: count }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  });
}

/** max |(PA − LU)ᵢⱼ| for packed factors. */
function luResidual(a: Float64Array, lu: Float64Array, perm: Int32Array, n: number): number {
  let worst = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k <= Math.min(i, j); k++) s += (k === i ? 1 : lu[i * n + k]!) * lu[k * n + j]!;
      worst = Math.max(worst, Math.abs(a[perm[i]! * n + j]! - s));
    }
  }
  return worst;
}

function factor(a: Float64Array, n: number, base: number): { lu: Float64Array; perm: Int32Array; sign: number; singular: boolean } {
  const ar = arena();
  const mark = ar.mark();
  const p = ar.alloc(n * n);
  ar.f64().set(a, p);
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  const st = luInPlace(ar, p, n, perm, base);
  const lu = ar.f64().slice(p, p + n * n);
  ar.release(mark);
  return { lu, perm, ...st };
}

describe('recursive LU', () => {
  it('PA = LU with |lᵢⱼ| ≤ 1, for recursive and column-by-column factorisation, SIMD and JavaScript kernels', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 45 }), fc.integer({ min: 1, max: 12 }), fc.integer(), fc.boolean(), (n, base, seed, simd) => {
        const prev = setSimd(simd);
        try {
          const a = randoms(n * n, seed);
          const f = factor(a, n, base);
          const g = factor(a, n, n + 1); // one unblocked panel
          expect(luResidual(a, f.lu, f.perm, n)).toBeLessThanOrEqual(1e-14 * (n + 1));
          for (let i = 0; i < n; i++) for (let k = 0; k < i; k++) expect(Math.abs(f.lu[i * n + k]!)).toBeLessThanOrEqual(1);
          // The same pivots are chosen (random data has no ties), so the factors agree to rounding.
          expect(Array.from(f.perm)).toEqual(Array.from(g.perm));
          expect(f.sign).toBe(g.sign);
          for (let i = 0; i < n * n; i++) expect(Math.abs(f.lu[i]! - g.lu[i]!)).toBeLessThanOrEqual(1e-10);
        } finally {
          setSimd(prev);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('flags an exactly singular matrix (a zero column) and still factors the rest', () => {
    const n = 30;
    const a = randoms(n * n, 5);
    for (let i = 0; i < n; i++) a[i * n + 17] = 0;
    const f = factor(a, n, 4);
    expect(f.singular).toBe(true);
    expect(luResidual(a, f.lu, f.perm, n)).toBeLessThanOrEqual(1e-13);
  });
});

describe('recursive triangular solves', () => {
  it('L·(L⁻¹X) = X and U·(U⁻¹X) = X for sizes around the recursion threshold', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 9 }), fc.integer(), fc.boolean(), (r, c, seed, simd) => {
        const prev = setSimd(simd);
        try {
          const ar = arena();
          const mark = ar.mark();
          const pt = ar.alloc(r * r), px = ar.alloc(r * c);
          const mem = ar.f64();
          const t = randoms(r * r, seed), x = randoms(r * c, seed + 1);
          for (let i = 0; i < r; i++) t[i * r + i] = 2 + t[i * r + i]!; // well-conditioned diagonal
          for (const lower of [true, false]) {
            mem.set(t, pt);
            mem.set(x, px);
            if (lower) trsmLowerUnit(ar, pt, r, r, px, c, c);
            else trsmUpper(ar, pt, r, r, px, c, c);
            for (let i = 0; i < r; i++) {
              for (let j = 0; j < c; j++) {
                let s = 0;
                for (let k = 0; k < r; k++) {
                  const inTri = lower ? k <= i : k >= i;
                  if (!inTri) continue;
                  const tik = lower && k === i ? 1 : t[i * r + k]!;
                  s += tik * mem[px + k * c + j]!;
                }
                expect(Math.abs(s - x[i * c + j]!)).toBeLessThanOrEqual(1e-13);
              }
            }
          }
          ar.release(mark);
        } finally {
          setSimd(prev);
        }
      }),
      { numRuns: 150 },
    );
  });
});
