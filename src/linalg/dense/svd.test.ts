import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { setSimd } from './arena.js';
import { svd, singularValues } from './svd.js';
import { diag, fromFlat, multiply, transpose, type Matrix } from './matrix.js';
import { maxAbs, maxAbsDiff, orthogonalityError } from './testutil.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

function random(m: number, n: number, seed: number): Matrix {
  return fromFlat(m, n, Float64Array.from({ length: m * n }, rng(seed)));
}

function expectSvd(a: Matrix): void {
  const { U, S, V } = svd(a);
  const k = Math.min(a.rows, a.cols);
  const tol = 1e-14 * Math.max(1, maxAbs(a)) * Math.max(a.rows, a.cols);
  expect(maxAbsDiff(multiply(multiply(U, diag(S)), transpose(V)), a)).toBeLessThanOrEqual(tol);
  expect(orthogonalityError(U)).toBeLessThanOrEqual(1e-14 * a.rows);
  expect(orthogonalityError(V)).toBeLessThanOrEqual(1e-14 * a.cols);
  for (let i = 0; i < k; i++) expect(S[i]!).toBeGreaterThanOrEqual(i + 1 < k ? S[i + 1]! : 0);
  const only = singularValues(a);
  for (let i = 0; i < k; i++) expect(Math.abs(only[i]! - S[i]!)).toBeLessThanOrEqual(tol);
}

describe('SVD past the divide-and-conquer threshold', () => {
  it('random tall, wide and square matrices up to 80, with the SIMD kernels and the JavaScript fallback', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 80 }), fc.integer({ min: 20, max: 80 }), fc.integer(), fc.boolean(), (m, n, seed, simd) => {
        const prev = setSimd(simd);
        try {
          expectSvd(random(m, n, seed));
        } finally {
          setSimd(prev);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('rank-deficient, repeated and widely graded singular values', () => {
    const m = 70, n = 60;
    // X·Y of rank 7
    const x = random(m, 7, 1), y = random(7, n, 2);
    const lowRank = multiply(x, y);
    expectSvd(lowRank);
    const s = singularValues(lowRank);
    for (let i = 7; i < n; i++) expect(s[i]!).toBeLessThan(1e-13 * s[0]!);
    // U₀·diag(σ)·V₀ᵀ with σ = 1 (twenty times), 2⁻ⁱ, and exact zeros
    const u0 = svd(random(m, n, 3)).U, v0 = svd(random(n, n, 4)).V;
    const sig = Float64Array.from({ length: n }, (_, i) => (i < 20 ? 1 : i < 50 ? 2 ** -(i - 19) : 0));
    const built = multiply(multiply(u0, diag(sig)), transpose(v0));
    expectSvd(built);
    const got = singularValues(built);
    const want = Array.from(sig).sort((p, q) => q - p);
    for (let i = 0; i < n; i++) expect(Math.abs(got[i]! - want[i]!)).toBeLessThan(1e-14 * n);
    expectSvd(fromFlat(40, 30, new Float64Array(1200)));
  });

  it('the JavaScript fallback gives the same singular values as the SIMD path', () => {
    const a = random(90, 75, 8);
    const s1 = svd(a).S;
    const prev = setSimd(false);
    let s2: Float64Array;
    try {
      s2 = svd(a).S;
    } finally {
      setSimd(prev);
    }
    for (let i = 0; i < 75; i++) expect(Math.abs(s1[i]! - s2[i]!)).toBeLessThan(1e-13);
  });
});
