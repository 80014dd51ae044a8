/**
 * The distribution functions that Lousa's tests need for p-values and confidence intervals, gathered behind
 * one module so that the implementation can be switched (e.g. to src/stats/dist) by changing the imports here.
 * Normal functions and log-gamma come from src/stats/special; incomplete gamma/beta from ./incomplete.ts.
 */
import { normCdf, normSf, normQuantile } from '../special/normal.js';
import { lgamma } from '../special/gamma.js';
import { regularizedBetaI, regularizedGammaP, regularizedGammaQ } from './incomplete.js';

export const normalCdf = (z: number): number => normCdf(z);
export const normalSf = (z: number): number => normSf(z);
export const normalQuantile = (p: number): number => normQuantile(p);

/** P(T ≤ t) for Student's t with ν degrees of freedom: ½·I_{ν/(ν+t²)}(ν/2, ½) in the lower tail. */
export function studentTCdf(t: number, df: number): number {
  if (df === Infinity) return normCdf(t);
  if (Number.isNaN(t)) return NaN;
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const tail = studentTail(Math.abs(t), df);
  return t < 0 ? tail : 1 - tail;
}

/** P(T > t). */
export function studentTSf(t: number, df: number): number {
  return studentTCdf(-t, df);
}

/** P(T > |t|) for t ≥ 0, choosing the argument form that avoids cancellation. */
function studentTail(at: number, df: number): number {
  const t2 = at * at;
  // For small t, 1 − x = t²/(ν + t²) is the accurate argument.
  if (t2 < df) return 0.5 - 0.5 * regularizedBetaI(t2 / (df + t2), 0.5, df / 2);
  return 0.5 * regularizedBetaI(df / (df + t2), df / 2, 0.5);
}

export function studentTPdf(t: number, df: number): number {
  return Math.exp(lgamma((df + 1) / 2) - lgamma(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** Quantile of Student's t by safeguarded Newton iteration from the normal quantile. */
export function studentTQuantile(p: number, df: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (df === Infinity) return normQuantile(p);
  if (p > 0.5) return -studentTQuantile(1 - p, df);
  if (p === 0.5) return 0;
  // Bracket [lo, hi] with cdf(lo) ≤ p ≤ cdf(hi); hi = 0 works since p < ½.
  let hi = 0, lo = Math.min(-1, normQuantile(p));
  while (studentTCdf(lo, df) > p) lo *= 2;
  let t = Math.max(lo, Math.min(hi, normQuantile(p)));
  for (let i = 0; i < 200; i++) {
    const f = studentTCdf(t, df) - p;
    if (f === 0) return t;
    if (f > 0) hi = t;
    else lo = t;
    let next = t - f / studentTPdf(t, df);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - t) <= 1e-15 * Math.max(1, Math.abs(t))) return next;
    t = next;
  }
  return t;
}

/** P(X > x) for χ² with k degrees of freedom: Q(k/2, x/2). */
export function chiSquareSf(x: number, k: number): number {
  return regularizedGammaQ(k / 2, x / 2);
}

export function chiSquareCdf(x: number, k: number): number {
  return regularizedGammaP(k / 2, x / 2);
}

/** P(F > f) for Snedecor's F(d₁, d₂): I_{d₂/(d₂ + d₁f)}(d₂/2, d₁/2). */
export function fSf(f: number, d1: number, d2: number): number {
  if (f <= 0) return 1;
  if (f === Infinity) return 0;
  const s = d2 + d1 * f;
  // Use whichever of x = d₂/s and 1 − x = d₁f/s is small, so the argument carries no rounding.
  if (d1 * f < d2) return 1 - regularizedBetaI((d1 * f) / s, d1 / 2, d2 / 2);
  return regularizedBetaI(d2 / s, d2 / 2, d1 / 2);
}

/**
 * Kolmogorov's limiting distribution: P(K > λ) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²λ²}
 * (A. Kolmogorov, 1933, "Sulla determinazione empirica di una legge di distribuzione"); for small λ the
 * equivalent theta-function form 1 − (√(2π)/λ) Σ e^{−(2k−1)²π²/(8λ²)} converges faster.
 */
export function kolmogorovSf(lambda: number): number {
  if (!(lambda > 0)) return 1;
  if (lambda < 1) {
    const f = -(Math.PI * Math.PI) / (8 * lambda * lambda);
    let s = 0;
    for (let k = 1; k < 20; k++) s += Math.exp((2 * k - 1) * (2 * k - 1) * f);
    return 1 - (Math.sqrt(2 * Math.PI) / lambda) * s;
  }
  let s = 0;
  for (let k = 1; k < 100; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    s += k % 2 === 1 ? term : -term;
    if (term < 1e-17) break;
  }
  return Math.min(1, Math.max(0, 2 * s));
}
