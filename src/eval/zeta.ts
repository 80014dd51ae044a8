/**
 * The Riemann zeta function ζ(s) on the whole real line but its pole s = 1.
 *   s > 1: the Euler–Maclaurin sum of src/stats/special.
 *   −1/100 ≤ s < 1: ζ(s) = η(s) / (1 − 2¹⁻ˢ) with the alternating (Dirichlet eta) series accelerated by
 *     P. Borwein, 2000, "An efficient algorithm for the Riemann zeta function" (Algorithm 2): with
 *     d_k = n Σ_{i≤k} (n + i − 1)! 4ⁱ / ((n − i)! (2i)!), η(s) ≈ −(1/dₙ) Σ_{k<n} (−1)ᵏ (d_k − dₙ)/(k + 1)ˢ,
 *     relative error below 3/(3 + √8)ⁿ; n = 26 gives 2·10⁻²⁰. The denominator is −expm1((1 − s) ln 2), exact
 *     in relative terms near s = 1.
 *   s < −1/100: the functional equation ζ(s) = 2ˢ πˢ⁻¹ sin(πs/2) Γ(1 − s) ζ(1 − s) (Riemann, 1859), exactly 0 at the
 *     negative even integers.
 * Total: NaN at s = 1 and for NaN.
 */
import { gamma, sinpi, zeta as zetaAbove1 } from '../stats/special/index.js';

const N = 26;
const D: number[] = (() => {
  const d: number[] = [];
  let term = 1; // the i = 0 term of d_k: n (n − 1)! / n! = 1
  let sum = 0;
  for (let i = 0; i <= N; i++) {
    sum += term;
    d.push(sum);
    term *= (4 * (N + i) * (N - i)) / ((2 * i + 1) * (2 * i + 2));
  }
  return d;
})();

/** Dirichlet eta η(s) = Σ (−1)ᵏ (k + 1)⁻ˢ (Abel-summed below 0) for s ≥ −1/100, by Borwein's algorithm
 * (below, the alternating terms grow and cancel). */
function eta(s: number): number {
  const dn = D[N]!;
  let sum = 0;
  for (let k = N - 1; k >= 0; k--) {
    const t = (D[k]! - dn) / Math.pow(k + 1, s);
    sum += k % 2 === 0 ? t : -t;
  }
  return -sum / dn;
}

export function zeta(s: number): number {
  if (Number.isNaN(s) || s === 1) return NaN;
  if (s > 1) return zetaAbove1(s);
  // Near 0 from below the functional equation would multiply sin(πs/2) → 0 by ζ(1 − s) → ∞: the series is used there too.
  if (s >= -0.01) return eta(s) / -Math.expm1((1 - s) * Math.LN2);
  if (s === -Infinity) return NaN;
  const t = sinpi(s / 2);
  if (t === 0) return 0;
  return Math.pow(2 * Math.PI, s) / Math.PI * t * gamma(1 - s) * zeta(1 - s);
}
