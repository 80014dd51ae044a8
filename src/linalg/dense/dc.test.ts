import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { arena, setSimd } from './arena.js';
import { tridiagonalEigenDC } from './dc.js';
import { tridiagonalQL } from './ql.js';
import { secularRoots } from './secular.js';
import { symmetricEigenvalues } from './symeig.js';
import { fromFlat } from './matrix.js';

const EPS = Number.EPSILON;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

/** Runs divide and conquer and checks ‖Tqᵢ − λᵢqᵢ‖, ‖QᵀQ − I‖, order, and the eigenvalues against QL. */
function check(d0: Float64Array, e0: Float64Array, leaf: number): void {
  const n = d0.length;
  const ar = arena();
  const mark = ar.mark();
  const pq = ar.alloc(n * n);
  const d = d0.slice(), e = e0.slice();
  tridiagonalEigenDC(ar, d, e, pq, n, leaf);
  const Q = ar.f64().slice(pq, pq + n * n);
  ar.release(mark);
  let tnorm = 0;
  for (let i = 0; i < n; i++) tnorm = Math.max(tnorm, Math.abs(d0[i]!) + Math.abs(e0[i]!) + (i > 0 ? Math.abs(e0[i - 1]!) : 0));
  for (let c = 0; c < n; c++) {
    if (c > 0) expect(d[c]!).toBeGreaterThanOrEqual(d[c - 1]!);
    for (let r = 0; r < n; r++) {
      let s = (d0[r]! - d[c]!) * Q[r * n + c]!;
      if (r > 0) s += e0[r - 1]! * Q[(r - 1) * n + c]!;
      if (r < n - 1) s += e0[r]! * Q[(r + 1) * n + c]!;
      expect(Math.abs(s)).toBeLessThanOrEqual(20 * EPS * tnorm * Math.sqrt(n) + 1e-300);
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += Q[k * n + i]! * Q[k * n + j]!;
      expect(Math.abs(s - (i === j ? 1 : 0))).toBeLessThanOrEqual(20 * EPS * n);
    }
  }
  const ql = d0.slice(), qe = e0.slice();
  if (n > 0) qe[n - 1] = 0;
  tridiagonalQL(ql, qe, null);
  ql.sort();
  for (let i = 0; i < n; i++) expect(Math.abs(ql[i]! - d[i]!)).toBeLessThanOrEqual(20 * EPS * tnorm * n + 1e-300);
}

describe('tridiagonal divide and conquer', () => {
  it('random tridiagonals: residual, orthogonality and QL eigenvalues, any leaf size, SIMD and JavaScript', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 70 }), fc.constantFrom(1, 2, 3, 7, 24), fc.integer(), fc.boolean(), (n, leaf, seed, simd) => {
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
      { numRuns: 120 },
    );
  });

  it('heavy deflation: ties, zero couplings, zero and identity matrices, glued Wilkinson matrices', () => {
    const cases: Array<[Float64Array, Float64Array]> = [];
    const n = 45;
    cases.push([new Float64Array(n), new Float64Array(n)]);
    cases.push([new Float64Array(n).fill(1), new Float64Array(n)]);
    cases.push([Float64Array.from({ length: n }, (_, i) => i % 3), new Float64Array(n)]);
    // Second difference: eigenvalues 2 − 2cos(kπ/(n+1)), all close to each other's neighbours.
    cases.push([new Float64Array(n).fill(2), Float64Array.from({ length: n }, (_, i) => (i < n - 1 ? -1 : 0))]);
    // Three copies of Wilkinson's W₁₅⁺ glued by 1e-10: pairs of eigenvalues agreeing to many digits.
    const w = 15, g = new Float64Array(3 * w), ge = new Float64Array(3 * w);
    for (let b = 0; b < 3; b++) {
      for (let i = 0; i < w; i++) {
        g[b * w + i] = Math.abs(i - (w - 1) / 2);
        ge[b * w + i] = i < w - 1 ? 1 : b < 2 ? 1e-10 : 0;
      }
    }
    cases.push([g, ge]);
    // Graded: entries spanning many orders of magnitude.
    cases.push([Float64Array.from({ length: n }, (_, i) => 10 ** (-i / 4)), Float64Array.from({ length: n }, (_, i) => (i < n - 1 ? 10 ** (-i / 4 - 0.5) : 0))]);
    for (const [d, e] of cases) for (const leaf of [1, 4, 24]) check(d, e, leaf);
  });

  it('closed form: the eigenvalues of the second-difference matrix', () => {
    const n = 100;
    const d = new Float64Array(n).fill(2), e = Float64Array.from({ length: n }, (_, i) => (i < n - 1 ? -1 : 0));
    const ar = arena();
    const mark = ar.mark();
    const pq = ar.alloc(n * n);
    tridiagonalEigenDC(ar, d, e, pq, n, 8);
    ar.release(mark);
    for (let k = 1; k <= n; k++) expect(Math.abs(d[k - 1]! - (2 - 2 * Math.cos((k * Math.PI) / (n + 1))))).toBeLessThan(1e-13);
  });
});

describe('secular equation', () => {
  it('roots are the eigenvalues of D + ρzzᵀ and the stored differences are dⱼ − λᵢ', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0.01, max: 10, noNaN: true }), fc.integer(), (K, rho, seed) => {
        const r = rng(seed);
        const d = Float64Array.from({ length: K }, (_, i) => i + 0.9 * r());
        const z = Float64Array.from({ length: K }, () => (r() >= 0 ? 1 : -1) * (0.05 + Math.abs(r())));
        const lam = new Float64Array(K);
        const ar = arena();
        const mark = ar.mark();
        const pdel = ar.alloc(K * K);
        secularRoots(ar, d, z, rho, K, lam, pdel);
        const del = ar.f64().slice(pdel, pdel + K * K);
        ar.release(mark);
        const m = new Float64Array(K * K);
        for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) m[i * K + j] = (i === j ? d[i]! : 0) + rho * z[i]! * z[j]!;
        const ref = symmetricEigenvalues(fromFlat(K, K, m));
        const scale = K + rho * K;
        for (let i = 0; i < K; i++) {
          expect(Math.abs(lam[i]! - ref[i]!)).toBeLessThanOrEqual(50 * EPS * scale);
          if (i + 1 < K) expect(lam[i]!).toBeLessThan(d[i + 1]!);
          expect(lam[i]!).toBeGreaterThan(d[i]!);
          for (let j = 0; j < K; j++) expect(Math.abs(del[j * K + i]! - (d[j]! - lam[i]!))).toBeLessThanOrEqual(4 * EPS * (Math.abs(lam[i]!) + Math.abs(d[j]!)));
        }
      }),
      { numRuns: 200 },
    );
  });
});
