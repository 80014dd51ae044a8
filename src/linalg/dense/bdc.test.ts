import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { arena, setSimd } from './arena.js';
import { bidiagonalSvdDC } from './bdc.js';
import { bidiagonalQR } from './svd-qr.js';
import { bidiagonalizeInArena } from './bidiag.js';

const EPS = Number.EPSILON;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

/** Checks B·vᵢ = σᵢuᵢ, Bᵀuᵢ = σᵢvᵢ, orthogonality of U and V, order, and σ against bidiagonal QR. */
function check(d0: Float64Array, e0: Float64Array, leaf: number): void {
  const n = d0.length;
  const ar = arena();
  const mark = ar.mark();
  const pu = ar.alloc(n * n), pv = ar.alloc(n * n);
  const d = d0.slice(), e = e0.slice();
  bidiagonalSvdDC(ar, d, e, pu, pv, n, leaf);
  const mem = ar.f64();
  const U = mem.slice(pu, pu + n * n), V = mem.slice(pv, pv + n * n);
  ar.release(mark);
  let bn = 0;
  for (let i = 0; i < n; i++) bn = Math.max(bn, Math.abs(d0[i]!) + (i + 1 < n ? Math.abs(e0[i]!) : 0));
  const tol = 30 * EPS * Math.max(bn, 1e-300) * Math.sqrt(n + 1);
  for (let c = 0; c < n; c++) {
    expect(d[c]!).toBeGreaterThanOrEqual(c > 0 ? d[c - 1]! : 0);
    for (let r = 0; r < n; r++) {
      const bv = d0[r]! * V[r * n + c]! + (r + 1 < n ? e0[r]! * V[(r + 1) * n + c]! : 0);
      expect(Math.abs(bv - d[c]! * U[r * n + c]!)).toBeLessThanOrEqual(tol);
      const btu = d0[r]! * U[r * n + c]! + (r > 0 ? e0[r - 1]! * U[(r - 1) * n + c]! : 0);
      expect(Math.abs(btu - d[c]! * V[r * n + c]!)).toBeLessThanOrEqual(tol);
    }
  }
  for (const Q of [U, V]) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += Q[k * n + i]! * Q[k * n + j]!;
        expect(Math.abs(s - (i === j ? 1 : 0))).toBeLessThanOrEqual(30 * EPS * n);
      }
    }
  }
  const qd = d0.slice(), qe = e0.slice();
  bidiagonalQR({ m: n, n, d: qd, e: qe, u: null, v: null });
  const ref = Array.from(qd, Math.abs).sort((x, y) => x - y);
  for (let i = 0; i < n; i++) expect(Math.abs(ref[i]! - d[i]!)).toBeLessThanOrEqual(tol * Math.sqrt(n));
}

describe('bidiagonal divide-and-conquer SVD', () => {
  it('random bidiagonals: Bv = σu, Bᵀu = σv, orthogonal U and V, σ as by QR; any leaf size; SIMD and JavaScript', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.constantFrom(2, 3, 5, 24), fc.integer(), fc.boolean(), (n, leaf, seed, simd) => {
        const prev = setSimd(simd);
        try {
          const r = rng(seed);
          const d = Float64Array.from({ length: n }, r), e = Float64Array.from({ length: n }, r);
          if (n > 0) e[n - 1] = 0;
          check(d, e, leaf);
        } finally {
          setSimd(prev);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('deflation: zero matrix, zero diagonal or superdiagonal entries, ties, graded and rank-deficient bidiagonals', () => {
    const n = 41;
    const cases: Array<[Float64Array, Float64Array]> = [
      [new Float64Array(n), new Float64Array(n)],
      [new Float64Array(n).fill(1), new Float64Array(n)],
      [new Float64Array(n).fill(1), Float64Array.from({ length: n }, (_, i) => (i < n - 1 ? 1 : 0))],
      [Float64Array.from({ length: n }, (_, i) => (i % 5 === 2 ? 0 : 1 + (i % 3))), Float64Array.from({ length: n }, (_, i) => (i < n - 1 ? 0.5 : 0))],
      [Float64Array.from({ length: n }, (_, i) => 2 ** (-i)), Float64Array.from({ length: n }, (_, i) => (i < n - 1 ? 2 ** (-i - 0.5) : 0))],
      [Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : 1e-17)), Float64Array.from({ length: n }, (_, i) => (i < n - 1 ? 1e-9 : 0))],
    ];
    for (const [d, e] of cases) for (const leaf of [2, 4, 24]) check(d, e, leaf);
  });

  it('the bidiagonal of a random matrix: Q·B·Pᵀ structure gives the same singular values as the matrix', () => {
    const m = 50, n = 37, r = rng(4);
    const ar = arena();
    const mark = ar.mark();
    const p = ar.alloc(m * n);
    const a = Float64Array.from({ length: m * n }, r);
    ar.f64().set(a, p);
    const { d, e } = bidiagonalizeInArena(ar, p, m, n);
    ar.release(mark);
    // ‖A‖_F = ‖B‖_F (orthogonal invariance).
    let fa = 0, fb = 0;
    for (const x of a) fa += x * x;
    for (let i = 0; i < n; i++) fb += d[i]! ** 2 + e[i]! ** 2;
    expect(Math.abs(fa - fb)).toBeLessThanOrEqual(1e-12 * fa);
    check(d, e, 6);
  });
});
