/**
 * The polygamma functions ψ⁽ⁿ⁾(x) = dⁿ⁺¹/dxⁿ⁺¹ ln Γ(x) for integer orders n ≥ 0 and real x.
 *
 * For n ≥ 1 and x > 0, ψ⁽ⁿ⁾(x) = (−1)ⁿ⁺¹ n! ζ(n + 1, x), and the Hurwitz sum ζ(s, x) = Σₖ (x + k)⁻ˢ is
 * computed by the recurrence ζ(s, x) = x⁻ˢ + ζ(s, x + 1) until x + N is large, then by the Euler–Maclaurin
 * asymptotic series ζ(s, w) ~ w¹⁻ˢ/(s − 1) + w⁻ˢ/2 + Σⱼ B₂ⱼ/(2j)! · s(s + 1)…(s + 2j − 2) · w⁻ˢ⁻²ʲ⁺¹
 * (Abramowitz and Stegun, 1964, "Handbook of Mathematical Functions", 6.4.11 and 23.2.3). Every sum is kept
 * scaled by xˢ, so that the terms lie in (0, 1] and large orders neither overflow nor underflow before the
 * last step. For x < 0 the reflection formula ψ⁽ⁿ⁾(1 − x) + (−1)ⁿ⁺¹ ψ⁽ⁿ⁾(x) = (−1)ⁿ π dⁿ/dxⁿ cot(πx)
 * (A&S 6.4.7) is used, with the n-th derivative of the cotangent as a polynomial in cot: Pₙ₊₁(t) =
 * −(1 + t²) Pₙ′(t), P₀(t) = t (M. E. Hoffman, 1995, "Derivative polynomials for tangent and secant",
 * Amer. Math. Monthly 102). n = 0 is the digamma function of src/stats/special.
 *
 * The function is total: orders that are not integers ≥ 0, and poles (x = 0, −1, −2, …), give NaN. Callers
 * that owe a person an explanation check the domain first (see the operator table).
 */
import { cospi, digamma, gamma, lgamma, sinpi } from '../stats/special/index.js';

/** B₂ⱼ for j = 1 … 12. */
const BERNOULLI = [1 / 6, -1 / 30, 1 / 42, -1 / 30, 5 / 66, -691 / 2730, 7 / 6, -3617 / 510, 43867 / 798,
  -174611 / 330, 854513 / 138, -236364091 / 2730];
/** B₂ⱼ / (2j)!. */
const B_OVER_FACT = BERNOULLI.map((b, i) => b / gamma(2 * i + 3));

/**
 * xˢ ζ(s, x) for s > 1 and x > 0 (finite): the scaled Hurwitz sum, at least 1.
 */
function scaledHurwitz(s: number, x: number): number {
  // The asymptotic series needs w well beyond (s + 2J)/(2π) for its terms to decrease fast.
  const wMin = Math.max(20, (s + 2 * BERNOULLI.length) / Math.PI);
  const n = x >= wMin ? 0 : Math.ceil(wMin - x);
  const w = x + n;
  // Tail ζ(s, w) scaled by xˢ: (x/w)ˢ · [w/(s − 1) + 1/2 + Σⱼ c_j (s)_{2j−1} w^(1−2j)].
  let bracket = 0;
  let rising = s; // s (s + 1) … (s + 2j − 2)
  let wp = 1 / w; // w^(1−2j)
  const w2 = w * w;
  for (let j = 0; j < B_OVER_FACT.length; j++) {
    const t = B_OVER_FACT[j]! * rising * wp;
    bracket += t;
    if (Math.abs(t) < 1e-18 * (w / (s - 1))) break;
    rising *= (s + 2 * j + 1) * (s + 2 * j + 2);
    wp /= w2;
  }
  bracket += w / (s - 1) + 0.5;
  let sum = Math.pow(x / w, s) * bracket;
  // The direct terms (x/(x + k))ˢ, smallest first.
  for (let k = n - 1; k >= 1; k--) sum += Math.pow(x / (x + k), s);
  return n > 0 ? sum + 1 : sum;
}

const cotPolys: number[][] = [[0, 1]];

/** Coefficients of Pₙ(t), the n-th derivative of cot written as a polynomial in t = cot. */
function cotPoly(n: number): readonly number[] {
  while (cotPolys.length <= n) {
    const c = cotPolys[cotPolys.length - 1]!;
    const d = c.slice(1).map((v, i) => (i + 1) * v); // P′
    const e = new Array<number>(d.length + 2).fill(0);
    d.forEach((v, i) => {
      e[i]! -= v;
      e[i + 2]! -= v;
    });
    cotPolys.push(e);
  }
  return cotPolys[n]!;
}

/** ψ⁽ⁿ⁾(x) for x > 0 and n ≥ 1. */
function positive(n: number, x: number): number {
  const sign = n % 2 === 1 ? 1 : -1;
  if (x === Infinity) return sign * 0;
  const s = n + 1;
  const scaled = scaledHurwitz(s, x);
  const direct = gamma(n + 1) * scaled * Math.pow(x, -s);
  if (Number.isFinite(direct) && direct !== 0) return sign * direct;
  // n! or x⁻ˢ out of range on its own: combine in logarithms.
  return sign * Math.exp(lgamma(n + 1) + Math.log(scaled) - s * Math.log(x));
}

/** The polygamma function ψ⁽ⁿ⁾(x) (NaN outside its domain: see the module comment). */
export function polygamma(n: number, x: number): number {
  if (!(Number.isInteger(n) && n >= 0) || Number.isNaN(x)) return NaN;
  if (n === 0) return digamma(x);
  if (x > 0) return positive(n, x);
  if (Number.isInteger(x) || x === -Infinity) return NaN;
  // ψ⁽ⁿ⁾(x) = (−1)ⁿ ψ⁽ⁿ⁾(1 − x) − πⁿ⁺¹ Pₙ(cot πx)
  const t = cospi(x) / sinpi(x);
  const p = cotPoly(n);
  let v = 0;
  for (let i = p.length - 1; i >= 0; i--) v = v * t + p[i]!;
  const mirrored = positive(n, 1 - x);
  return (n % 2 === 0 ? mirrored : -mirrored) - Math.pow(Math.PI, n + 1) * v;
}
