/**
 * The runtime object `rt` that generated kernels receive: the helpers the operator table spells `rt.…`
 * (functions that `Math` lacks), plus the few that gradients need (digamma). Its prototype is null and it
 * is frozen, so a kernel can reach nothing else through it.
 */
import { erf, gamma } from '../../ast/special.js';

/**
 * Digamma ψ(x) = Γ'(x)/Γ(x): the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then the asymptotic
 * expansion ψ(x) ~ ln x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ) (Abramowitz and Stegun, 1964, 6.3.18), and the reflection
 * ψ(1 − x) − ψ(x) = π cot(πx) (A&S 6.3.7) for x < 1/2. Poles (0, −1, −2, …) give NaN.
 */
export function digamma(x: number): number {
  if (Number.isNaN(x) || x === -Infinity) return NaN;
  if (x === Infinity) return Infinity;
  if (x <= 0 && Number.isInteger(x)) return NaN;
  if (x < 0.5) return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
  let acc = 0;
  while (x < 10) {
    acc -= 1 / x;
    x += 1;
  }
  const r = 1 / (x * x);
  // B2/2 = 1/12, B4/4 = -1/120, B6/6 = 1/252, B8/8 = -1/240, B10/10 = 1/132, B12/12 = -691/32760
  const series = r * (1 / 12 - r * (1 / 120 - r * (1 / 252 - r * (1 / 240 - r * (1 / 132 - r * (691 / 32760))))));
  return acc + Math.log(x) - 0.5 / x - series;
}

type Fn = (...args: number[]) => number;

function makeRuntime(): Readonly<Record<string, Fn>> {
  const rt = Object.create(null) as Record<string, Fn>;
  // Each helper computes exactly what the operator table's `eval` column computes, so kernels and
  // `evaluate` agree bit for bit.
  rt.log = (x, b) => (b === undefined ? Math.log(x) : Math.log(x) / Math.log(b));
  rt.cot = (x) => 1 / Math.tan(x);
  rt.sec = (x) => 1 / Math.cos(x);
  rt.csc = (x) => 1 / Math.sin(x);
  rt.gamma = gamma;
  rt.erf = erf;
  rt.factorial = (n) => gamma(n + 1);
  rt.root = (x, n) => Math.pow(x, 1 / n);
  rt.digamma = digamma;
  // x·ln y with 0·ln 0 = 0 (the convention of scipy.special.xlogy): ∂(a^p)/∂p = a^p ln a vanishes where a^p = 0.
  rt.xlogy = (x, y) => (x === 0 && !Number.isNaN(y) ? 0 : x * Math.log(y));
  return Object.freeze(rt);
}

export const rt = makeRuntime();
