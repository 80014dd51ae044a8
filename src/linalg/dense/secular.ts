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

const EPS = Number.EPSILON;
const MAX_ITER = 80;

/**
 * Writes λᵢ into lam[i] and Dⱼ − λᵢ into out[po + j·K + i] (row j: pole j; column i: root i). d and z are read
 * at indices 0…K−1. The poles are Dⱼ = dⱼ, or Dⱼ = dⱼ² when `squared` (0 ≤ d₀ < d₁ < …: the singular value
 * problem, λ = σ²); differences of squares are then formed as (dⱼ − dₒ)(dⱼ + dₒ), to full relative accuracy.
 */
export function secularRoots(
  d: Float64Array, z: Float64Array, rho: number, K: number, lam: Float64Array, out: Float64Array, po: number, squared = false,
): void {
  const delta = new Float64Array(K);
  let zz = 0;
  for (let j = 0; j < K; j++) zz += z[j]! * z[j]!;
  for (let i = 0; i < K; i++) {
    const row = 0;
    let origin: number, lo: number, hi: number;
    if (i < K - 1) {
      const di = d[i]!, di1 = d[i + 1]!;
      const mid = 0.5 * (squared ? (di1 - di) * (di1 + di) : di1 - di);
      let f = 1;
      for (let j = 0; j < K; j++) {
        const dj = d[j]!;
        f += (rho * z[j]! * z[j]!) / ((squared ? (dj - di) * (dj + di) : dj - di) - mid);
      }
      if (f >= 0) {
        origin = i;
        lo = 0;
        hi = mid;
      } else {
        origin = i + 1;
        lo = -mid;
        hi = 0;
      }
    } else {
      origin = i;
      lo = 0;
      hi = rho * zz * (1 + 4 * EPS);
    }
    const o = d[origin]!;
    for (let j = 0; j < K; j++) {
      const dj = d[j]!;
      delta[row + j] = squared ? (dj - o) * (dj + o) : dj - o;
    }
    let tau = i < K - 1 ? 0.5 * (lo + hi) : hi;
    for (let iter = 0; iter < MAX_ITER; iter++) {
      // ψ over j ≤ i, φ over j > i, with derivatives.
      let psi = 0, dpsi = 0, phi = 0, dphi = 0;
      for (let j = 0; j <= i; j++) {
        const t = 1 / (delta[row + j]! - tau), q = rho * z[j]! * z[j]! * t;
        psi += q;
        dpsi += q * t;
      }
      for (let j = i + 1; j < K; j++) {
        const t = 1 / (delta[row + j]! - tau), q = rho * z[j]! * z[j]! * t;
        phi += q;
        dphi += q * t;
      }
      const w = 1 + psi + phi;
      if (Math.abs(w) <= EPS * (8 * (1 + Math.abs(psi) + Math.abs(phi)) + Math.abs(tau) * (dpsi + dphi))) break;
      if (w > 0) hi = tau;
      else lo = tau;
      const a = delta[row + i]! - tau;
      let eta: number;
      if (i < K - 1) {
        const b = delta[row + i + 1]! - tau;
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
    for (let j = 0; j < K; j++) out[po + j * K + i] = delta[j]! - tau;
  }
}
