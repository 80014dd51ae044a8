/**
 * Roots of the secular equation f(λ) = 1 + ρ Σⱼ zⱼ²/(dⱼ − λ) = 0 for d₀ < d₁ < … < d_{K−1}, ρ > 0, all zⱼ ≠ 0:
 * the eigenvalues of D + ρzzᵀ. Root i lies in (dᵢ, dᵢ₊₁) (the last in (d_{K−1}, d_{K−1} + ρ‖z‖²)). Each root is
 * sought as τ = λ − d_o from the nearer pole d_o, so that the differences dⱼ − λ = (dⱼ − d_o) − τ come out to full
 * relative accuracy (what makes the eigenvectors orthogonal; M. Gu & S. C. Eisenstat, 1995, "A divide-and-conquer
 * algorithm for the symmetric tridiagonal eigenproblem", SIAM J. Matrix Anal. Appl. 16(1)).
 * Iteration: the "middle way" of R.-C. Li (1993, "Solving secular equations stably and efficiently", LAPACK
 * Working Note 89; used in LAPACK's dlaed4) — f is modelled by c + s/(dᵢ − λ) + S/(dᵢ₊₁ − λ) matching f and f′,
 * whose root is the next iterate — kept inside a bracket that shrinks by bisection whenever a step leaves it.
 */

import type { Arena } from './arena.js';

const EPS = Number.EPSILON;
const MAX_ITER = 80;

/**
 * Writes λᵢ into lam[i] and Dⱼ − λᵢ into the arena at po + j·K + i (row j: pole j; column i: root i). d and z are
 * read at indices 0…K−1. The poles are Dⱼ = dⱼ, or Dⱼ = dⱼ² when `squared` (0 ≤ d₀ < d₁ < …: the singular value
 * problem, λ = σ²); differences of squares are then formed as (dⱼ − dₒ)(dⱼ + dₒ), to full relative accuracy.
 * The shifted poles and the weights ρzⱼ² live in the arena so that the sums run in the arena's kernel; the arena
 * may grow, so callers take a fresh view afterwards.
 */
export function secularRoots(
  ar: Arena, d: Float64Array, z: Float64Array, rho: number, K: number, lam: Float64Array, po: number, squared = false,
): void {
  const mark = ar.mark();
  const pd = ar.alloc(K), pr = ar.alloc(K), ps = ar.alloc(K), pev = ar.alloc(4);
  const mem = ar.f64();
  let zz = 0;
  for (let j = 0; j < K; j++) {
    zz += z[j]! * z[j]!;
    mem[pr + j] = rho * z[j]! * z[j]!;
    mem[ps + j] = d[j]!;
  }
  const setDelta = (o: number): void => ar.secularShift(pd, ps, K, o, squared);
  /** ψ over j ≤ i, φ over j > i, with derivatives, at τ, into mem[pev…pev+3]; returns f. */
  const evaluate = (i: number, tau: number): number => {
    ar.secularSums(pd, pr, i + 1, tau, pev);
    ar.secularSums(pd + i + 1, pr + i + 1, K - i - 1, tau, pev + 2);
    return 1 + mem[pev]! + mem[pev + 2]!;
  };
  for (let i = 0; i < K; i++) {
    let origin: number, lo: number, hi: number, tau: number, w: number;
    if (i < K - 1) {
      // f at the midpoint of (Dᵢ, Dᵢ₊₁) decides the nearer pole, which becomes the origin; the iteration starts there.
      const di = d[i]!, di1 = d[i + 1]!;
      const mid = 0.5 * (squared ? (di1 - di) * (di1 + di) : di1 - di);
      setDelta(di);
      w = evaluate(i, mid);
      if (w >= 0) {
        origin = i;
        lo = 0;
        hi = mid;
        tau = mid;
      } else {
        origin = i + 1;
        setDelta(di1);
        lo = -mid;
        hi = 0;
        tau = -mid;
      }
    } else {
      origin = i;
      lo = 0;
      hi = rho * zz * (1 + 4 * EPS);
      tau = hi;
      setDelta(d[i]!);
      w = evaluate(i, tau);
    }
    const o = d[origin]!;
    for (let iter = 0; iter < MAX_ITER; iter++) {
      if (iter > 0) w = evaluate(i, tau);
      const psi = mem[pev]!, dpsi = mem[pev + 1]!, phi = mem[pev + 2]!, dphi = mem[pev + 3]!;
      if (Math.abs(w) <= EPS * (8 * (1 + Math.abs(psi) + Math.abs(phi)) + Math.abs(tau) * (dpsi + dphi))) break;
      if (w > 0) hi = tau;
      else lo = tau;
      const a = mem[pd + i]! - tau;
      let eta: number;
      if (i < K - 1) {
        const b = mem[pd + i + 1]! - tau;
        const s = dpsi * a * a, S = dphi * b * b, c = w - dpsi * a - dphi * b;
        const B = c * (a + b) + s + S, abw = a * b * w;
        const disc = Math.sqrt(Math.abs(B * B - 4 * c * abw));
        if (c === 0) eta = abw / B;
        else if (B <= 0) eta = (B - disc) / (2 * c);
        else eta = (2 * abw) / (B + disc);
      } else {
        const s = dpsi * a * a, c = w - dpsi * a;
        eta = a + s / c;
      }
      let next = tau + eta;
      if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
      if (next === tau || hi - lo <= 2 * EPS * Math.max(Math.abs(lo), Math.abs(hi))) {
        tau = next;
        break;
      }
      tau = next;
    }
    lam[i] = (squared ? o * o : o) + tau;
    ar.secularColumn(po + i, K, pd, K, tau);
  }
  ar.release(mark);
}
