import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { setSimd } from './arena.js';
import { symmetricEigen, symmetricEigenvalues } from './symeig.js';
import { diag, fromFlat, identity, multiply, transpose, type Matrix } from './matrix.js';
import { maxAbs, maxAbsDiff, orthogonalityError } from './testutil.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

function randomSymmetric(n: number, seed: number): Matrix {
  const r = rng(seed), a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = r();
  return fromFlat(n, n, a);
}

function expectDecomposition(a: Matrix): void {
  const n = a.rows;
  const { values, vectors } = symmetricEigen(a);
  const tol = 1e-14 * Math.max(1, maxAbs(a)) * n;
  expect(maxAbsDiff(multiply(multiply(vectors, diag(values)), transpose(vectors)), a)).toBeLessThanOrEqual(tol);
  expect(orthogonalityError(vectors)).toBeLessThanOrEqual(1e-14 * n);
  for (let i = 1; i < n; i++) expect(values[i]!).toBeGreaterThanOrEqual(values[i - 1]!);
  const only = symmetricEigenvalues(a);
  for (let i = 0; i < n; i++) expect(Math.abs(only[i]! - values[i]!)).toBeLessThanOrEqual(tol);
}

describe('symmetric eigendecomposition past the divide-and-conquer leaf size', () => {
  it('random matrices of order 20–90, with the SIMD kernels and with the JavaScript fallback', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 90 }), fc.integer(), fc.boolean(), (n, seed, simd) => {
        const prev = setSimd(simd);
        try {
          expectDecomposition(randomSymmetric(n, seed));
        } finally {
          setSimd(prev);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('structured matrices: identity, rank one, repeated eigenvalues, a wide range of magnitudes', () => {
    const n = 64;
    expectDecomposition(identity(n));
    const u = Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1));
    const r1 = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) r1[i * n + j] = u[i]! * u[j]!;
    expectDecomposition(fromFlat(n, n, r1));
    // Q·diag(1,1,…,2,2,…)·Qᵀ with Q from an eigendecomposition of a random matrix.
    const q = symmetricEigen(randomSymmetric(n, 3)).vectors;
    const lam = Float64Array.from({ length: n }, (_, i) => (i < n / 2 ? 1 : 2));
    const rep = multiply(multiply(q, diag(lam)), transpose(q));
    const sym = fromFlat(n, n, rep.data.map((_, k) => 0.5 * (rep.data[k]! + rep.data[(k % n) * n + Math.floor(k / n)]!)));
    expectDecomposition(sym);
    const vals = symmetricEigenvalues(sym);
    for (let i = 0; i < n; i++) expect(Math.abs(vals[i]! - lam[i]!)).toBeLessThan(1e-13);
    const graded = randomSymmetric(n, 9);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) graded.data[i * n + j]! *= 2 ** (-(i + j) / 4);
    expectDecomposition(graded);
  });

  it('the JavaScript fallback gives the same eigenvalues as the SIMD path', () => {
    const a = randomSymmetric(120, 17);
    const v1 = symmetricEigenvalues(a), e1 = symmetricEigen(a).values;
    const prev = setSimd(false);
    let v2: Float64Array, e2: Float64Array;
    try {
      v2 = symmetricEigenvalues(a);
      e2 = symmetricEigen(a).values;
    } finally {
      setSimd(prev);
    }
    for (let i = 0; i < 120; i++) {
      expect(Math.abs(v1[i]! - v2[i]!)).toBeLessThan(1e-13);
      expect(Math.abs(e1[i]! - e2[i]!)).toBeLessThan(1e-13);
    }
  });
});
