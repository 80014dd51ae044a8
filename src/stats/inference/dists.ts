/**
 * The distribution functions the tests need for p-values and confidence intervals. They delegate to the
 * distribution classes of src/stats/dist (one implementation of each law, accurate in both tails); only
 * Kolmogorov's limiting distribution, which no other module needs, lives here.
 */
import { normCdf, normSf, normQuantile } from '../special/normal.js';
import { StudentT, F, ChiSquare } from '../dist/index.js';

export const normalCdf = (z: number): number => normCdf(z);
export const normalSf = (z: number): number => normSf(z);
export const normalQuantile = (p: number): number => normQuantile(p);

// Distribution objects are cheap, but tests call these in loops with few distinct parameters.
const cache = new Map<string, StudentT | F | ChiSquare>();
function law<T extends StudentT | F | ChiSquare>(key: string, make: () => T): T {
  let d = cache.get(key) as T | undefined;
  if (d === undefined) {
    d = make();
    if (cache.size > 256) cache.clear();
    cache.set(key, d);
  }
  return d;
}
const t = (df: number): StudentT => law(`t${df}`, () => new StudentT(df));

/** P(T ≤ x) for Student's t with ν degrees of freedom (the normal law when ν = ∞). */
export function studentTCdf(x: number, df: number): number {
  return df === Infinity ? normCdf(x) : t(df).cdf(x);
}
/** P(T > x). */
export function studentTSf(x: number, df: number): number {
  return df === Infinity ? normSf(x) : t(df).sf(x);
}
export function studentTPdf(x: number, df: number): number {
  return t(df).pdf(x);
}
export function studentTQuantile(p: number, df: number): number {
  return df === Infinity ? normQuantile(p) : t(df).quantile(p);
}
/** P(X > x) for χ² with k degrees of freedom. */
export function chiSquareSf(x: number, k: number): number {
  return law(`c${k}`, () => new ChiSquare(k)).sf(x);
}
export function chiSquareCdf(x: number, k: number): number {
  return law(`c${k}`, () => new ChiSquare(k)).cdf(x);
}
/** P(F > f) for Snedecor's F(d₁, d₂). */
export function fSf(f: number, d1: number, d2: number): number {
  return law(`f${d1},${d2}`, () => new F(d1, d2)).sf(f);
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
