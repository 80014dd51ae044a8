/**
 * Series for the regularized incomplete beta function I_x(a, b), after DiDonato & Morris (1992),
 * "Algorithm 708: significant digit computation of the incomplete beta function ratios", ACM TOMS
 * 18(3), 360-373: the power series BPSER (b <= 1 or b x <= 0.7), the finite sum BUP that shifts
 * a by an integer n, and the short expansions FPSER (b tiny) and APSER (a tiny). Each function
 * takes x <= 1/2 (or the regime stated) and returns its value directly, never as 1 - something.
 */
import { digamma } from './digamma.js';
import { logBetaPrefix, logInvABeta } from './incbeta_prefix.js';

const EPS = Number.EPSILON;
const EULER = 0.5772156649015329;

/**
 * BPSER: I_x(a, b) = x^a / (a B(a, b)) [1 + a sum_{n>=1} (1-b)_n / n! x^n / (a + n)]
 * (the hypergeometric series 2F1(a, 1 - b; a + 1; x), A&S 26.5.4), for b <= 1 or b x <= 0.7.
 */
export function bpser(a: number, b: number, x: number): number {
  if (x === 0) return 0;
  const lpre = a * Math.log(x) + logInvABeta(a, b);
  if (lpre < -746) return 0;
  const pre = Math.exp(lpre);
  if (a <= EPS * 0.1) return pre;
  const tol = EPS / a;
  let c = 1;
  let sum = 0;
  for (let n = 1; n < 1e7; n++) {
    c *= (1 - b / n) * x;
    const w = c / (a + n);
    sum += w;
    if (Math.abs(w) <= tol) break;
  }
  return pre * (1 + a * sum);
}

/**
 * BUP: I_x(a, b) - I_x(a + n, b) = x^a y^b / (a B(a, b)) sum_{i=0}^{n-1} prod_{l<i} (a+b+l)/(a+1+l) x
 * (A&S 26.5.16 applied n times). The terms first grow while (a+b+i) x > a+1+i, all are positive.
 */
export function bup(a: number, b: number, x: number, y: number, n: number): number {
  const lpre = logBetaPrefix(a, b, x, y) - Math.log(a);
  if (lpre === -Infinity) return 0;
  const apb = a + b;
  const ap1 = a + 1;
  let d = 1;
  let w = 1;
  // k: index of the largest term; the terms before it are added without a stopping test.
  let k = 0;
  if (b > 1) {
    if (y > 1e-4) {
      const r = ((b - 1) * x) / y - a;
      if (r >= 1) k = r < n - 1 ? Math.floor(r) : n - 1;
    } else k = n - 1;
  }
  for (let i = 0; i < k; i++) {
    d *= ((apb + i) / (ap1 + i)) * x;
    w += d;
  }
  for (let i = k; i < n - 1; i++) {
    d *= ((apb + i) / (ap1 + i)) * x;
    w += d;
    if (d <= EPS * w) break;
  }
  return Math.exp(lpre + Math.log(w));
}

/**
 * FPSER: I_x(a, b) for b < min(eps, eps a) and x <= 1/2. With B(a, b) = 1/b (1 + O(b)):
 * I_x(a, b) = b x^a / a [1 + a sum_{j>=1} x^j / (a + j)] to relative order b.
 */
export function fpser(a: number, b: number, x: number): number {
  let ans = 1;
  if (a > 1e-3 * EPS) {
    const t = a * Math.log(x);
    if (t < -746) return 0;
    ans = Math.exp(t);
  }
  ans *= b / a;
  const tol = EPS / a;
  let an = a + 1;
  let t = x;
  let s = t / an;
  for (let j = 0; j < 1e6; j++) {
    an += 1;
    t *= x;
    const c = t / an;
    s += c;
    if (Math.abs(c) <= tol) break;
  }
  return ans * (1 + a * s);
}

/**
 * APSER: 1 - I_x(a, b) = I_y(b, a) for a <= min(eps, eps b), b x <= 1, x <= 1/2. To first order in a,
 * 1 - I_x(a, b) = -a (c + s) with c = log x + psi(b) + gamma + (1 - b) x and
 * s = sum_{j>=2} (1-b)_j x^j / (j j!), the terms t_j / j with t_j = t_{j-1} (x - b x / j).
 * When b eps > 0.02, psi(b) is replaced by log b (to working precision) and log x + log b by log(b x).
 */
export function apser(a: number, b: number, x: number): number {
  const bx = b * x;
  let t = x - bx;
  const c = b * EPS <= 2e-2 ? Math.log(x) + digamma(b) + EULER + t : Math.log(bx) + EULER + t;
  const tol = 5 * EPS * Math.abs(c);
  let s = 0;
  for (let j = 2; j < 1e6; j++) {
    t *= x - bx / j;
    const aj = t / j;
    s += aj;
    if (Math.abs(aj) <= tol) break;
  }
  return -a * (c + s);
}
