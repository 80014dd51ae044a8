/**
 * Binomials x^n − 1 and x^n + 1 factor at once into cyclotomic polynomials, which are irreducible over ℚ:
 *   x^n − 1 = ∏_{d | n} Φ_d(x),   x^n + 1 = ∏_{d | 2n, d ∤ n} Φ_d(x),
 * with Φ_d(x) = ∏_{e | d} (x^e − 1)^μ(d/e) (Möbius inversion of the first identity). So factor(x^1000 − 1) needs
 * no search at all.
 */
import { Poly } from './poly.js';

function divisors(n: number): number[] {
  const small: number[] = [];
  const large: number[] = [];
  for (let d = 1; d * d <= n; d++) {
    if (n % d === 0) {
      small.push(d);
      if (d * d !== n) large.unshift(n / d);
    }
  }
  return [...small, ...large];
}

function mobius(n: number): number {
  let m = n;
  let sign = 1;
  for (let p = 2; p * p <= m; p++) {
    if (m % p === 0) {
      m /= p;
      if (m % p === 0) return 0;
      sign = -sign;
    }
  }
  return m > 1 ? -sign : sign;
}

/** Coefficients (degree 0 upwards) of Φ_d. */
export function cyclotomicCoeffs(d: number): bigint[] {
  let a: bigint[] = [1n];
  const divide: number[] = [];
  for (const e of divisors(d)) {
    const mu = mobius(d / e);
    if (mu === 1) {
      // a · (x^e − 1)
      const out = new Array<bigint>(a.length + e).fill(0n);
      for (let i = 0; i < a.length; i++) {
        out[i + e]! += a[i]!;
        out[i]! -= a[i]!;
      }
      a = out;
    } else if (mu === -1) divide.push(e);
  }
  for (const e of divide) {
    // a / (x^e − 1), exact: q_i = q_{i+e} − a_{i+e} from the top, i.e. a = q·x^e − q.
    const n = a.length - 1 - e;
    const q = new Array<bigint>(n + 1).fill(0n);
    for (let i = n; i >= 0; i--) q[i] = a[i + e]! + (i + e <= n ? q[i + e]! : 0n);
    a = q;
  }
  return a;
}

/**
 * The irreducible factors of x^n − 1 (sign −1) or x^n + 1 (sign +1) in variable v of `nvars`, lowest degree first.
 */
export function binomialFactors(nvars: number, v: number, n: number, sign: 1 | -1): Poly[] {
  const ds = sign < 0 ? divisors(n) : divisors(2 * n).filter((d) => n % d !== 0);
  return ds.map((d) => Poly.fromCoeffs(nvars, v, cyclotomicCoeffs(d)));
}
