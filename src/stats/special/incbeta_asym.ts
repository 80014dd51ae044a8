/**
 * Asymptotic expansions of the regularized incomplete beta function for large shapes, after
 * DiDonato & Morris (1992), "Algorithm 708: significant digit computation of the incomplete
 * beta function ratios", ACM TOMS 18(3), 360-373:
 *  - BGRAT, their section 9: a large, b <= 1. With T = a + (b - 1)/2 and u = -T log x,
 *    I_x(a, b) = M sum_n p_n J_n(b, u), where M = Gamma(a + b) / (Gamma(a) T^b) e^{-u} u^b / Gamma(b),
 *    J_0 = Gamma(b, u) e^u u^-b (the incomplete gamma ratio) and J_n by a two-term recurrence;
 *    the p_n are the coefficients of ((sinh(t/2)/(t/2))^(b-1)) computed by the usual power recurrence.
 *  - BASYM, their section 10: a and b both large and x near the mean; N. M. Temme's (1987) uniform
 *    expansion "Incomplete Laplace integrals: uniform asymptotic expansion with application to the
 *    incomplete beta function" (SIAM J. Math. Anal. 18) in powers of 1/sqrt(min(a,b)) with erfc
 *    of the scaled deviation sqrt(f), f = a phi(-lambda/a) + b phi(lambda/b), phi(t) = t - log(1+t).
 */
import { erfcx } from './erf.js';
import { log1pmx } from './elementary.js';
import { lgamma, lgamma1p, stirlerr } from './gamma.js';
import { lgammaDelta } from './beta.js';
import { gammaincc } from './incgamma.js';

const EPS = Number.EPSILON;

/** Thrown when an expansion is used outside the range where it converges (caller falls back). */
export class ExpansionFailed extends Error {}

/** t - log(1 + t). */
function rlog1(t: number): number {
  return -log1pmx(t);
}

/**
 * Q(b, z) / r with r = e^-z z^b / Gamma(b), i.e. Gamma(b, z) e^z z^-b, for 0 < b <= 1.
 * For z >= 1 by Legendre's continued fraction (A&S 6.5.31) with the modified Lentz algorithm,
 * which needs no r and so works where e^-z underflows; below that as Q / r directly.
 */
function gammaRatioQR(b: number, z: number, logR: number): number {
  if (z < 1) return gammaincc(b, z) / Math.exp(logR);
  const TINY = 1e-300;
  // Gamma(b, z) e^z z^-b = 1 / (z + 1 - b - 1 (1 - b) / (z + 3 - b - 2 (2 - b) / (z + 5 - b - ...)))
  let bb = z + 1 - b;
  let c = 1 / TINY;
  let d = 1 / bb;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - b);
    bb += 2;
    d = an * d + bb;
    if (Math.abs(d) < TINY) d = TINY;
    c = bb + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/** log Gamma(a) - log Gamma(a + b) (ALGDIV), a large. */
function algdiv(b: number, a: number): number {
  return a >= 10 ? lgammaDelta(a, b) : lgamma(a) - lgamma(a + b);
}

/**
 * BGRAT: w + I_x(a, b) for a >= 15 (in practice), b <= 1, y = 1 - x. `w` is a sum the caller has
 * already accumulated; it enters the stopping test (terms below eps (sum + w / M) are dropped).
 */
export function bgrat(a: number, b: number, x: number, y: number, w: number): number {
  const bm1 = b - 1;
  const nu = a + 0.5 * bm1;
  const lnx = y > 0.375 ? Math.log(x) : Math.log1p(-y);
  const z = -nu * lnx;
  if (b * z === 0) throw new ExpansionFailed('bgrat: u = 0');
  // log r = log(e^-z z^b / Gamma(b)); log M = log r + log Gamma(a + b) - log Gamma(a) - b log nu.
  const logR = Math.log(b) - lgamma1p(b) + b * Math.log(z) - z;
  const logU = logR - (algdiv(b, a) + b * Math.log(nu));
  if (logU === -Infinity) return w;
  const l = w === 0 ? 0 : Math.exp(Math.log(w) - logU);
  const qr = gammaRatioQR(b, z, logR);
  const v = 0.25 / (nu * nu);
  const t2 = 0.25 * lnx * lnx;
  const c: number[] = [];
  const d: number[] = [];
  let j = qr;
  let sum = j;
  let t = 1;
  let cn = 1;
  let n2 = 0;
  let converged = false;
  for (let n = 1; n <= 30; n++) {
    const bp2n = b + n2;
    j = (bp2n * (bp2n + 1) * j + (z + bp2n + 1) * t) * v;
    n2 += 2;
    t *= t2;
    cn /= n2 * (n2 + 1);
    c[n - 1] = cn;
    let s = 0;
    let coef = b - n;
    for (let i = 1; i <= n - 1; i++) {
      s += coef * c[i - 1] * d[n - 1 - i];
      coef += b;
    }
    d[n - 1] = bm1 * cn + s / n;
    const dj = d[n - 1] * j;
    sum += dj;
    if (sum <= 0) throw new ExpansionFailed('bgrat: non-positive partial sum');
    if (Math.abs(dj) <= EPS * (sum + l)) {
      converged = true;
      break;
    }
  }
  if (!converged) throw new ExpansionFailed('bgrat: no convergence in 30 terms');
  return w + Math.exp(logU + Math.log(sum));
}

/** exp(-(stirlerr(a) + stirlerr(b) - stirlerr(a + b))) as the correction of BASYM (BCORR). */
function bcorr(a: number, b: number): number {
  return stirlerr(a) + stirlerr(b) - stirlerr(a + b);
}

/**
 * BASYM: I_x(a, b) for a, b >= 15 (in practice >= 100) with lambda = (a + b) y - b >= 0 small
 * compared with min(a, b); `tol` is the relative tolerance of the series.
 */
export function basym(a: number, b: number, lambda: number, tol: number): number {
  const NUM = 20;
  const E0 = 2 / Math.sqrt(Math.PI);
  const E1 = Math.pow(2, -1.5);
  const f = a * rlog1(-lambda / a) + b * rlog1(lambda / b);
  const t = Math.exp(-f);
  if (t === 0) return 0;
  const z0 = Math.sqrt(f);
  const z = (0.5 * z0) / E1;
  const z2 = f + f;
  let h: number, r0: number, r1: number, w0: number;
  if (a < b) {
    h = a / b;
    r0 = 1 / (1 + h);
    r1 = (b - a) / b;
    w0 = 1 / Math.sqrt(a * (1 + h));
  } else {
    h = b / a;
    r0 = 1 / (1 + h);
    r1 = (b - a) / a;
    w0 = 1 / Math.sqrt(b * (1 + h));
  }
  const a0 = new Array<number>(NUM + 1).fill(0);
  const b0 = new Array<number>(NUM + 1).fill(0);
  const c = new Array<number>(NUM + 1).fill(0);
  const d = new Array<number>(NUM + 1).fill(0);
  a0[0] = (2 / 3) * r1;
  c[0] = -0.5 * a0[0];
  d[0] = -c[0];
  let j0 = (0.5 / E0) * erfcx(z0);
  let j1 = E1;
  let sum = j0 + d[0] * w0 * j1;
  let s = 1;
  const h2 = h * h;
  let hn = 1;
  let w = w0;
  let znm1 = z;
  let zn = z2;
  for (let n = 2; n <= NUM; n += 2) {
    hn *= h2;
    a0[n - 1] = (2 * r0 * (1 + h * hn)) / (n + 2);
    const np1 = n + 1;
    s += hn;
    a0[np1 - 1] = (2 * r1 * s) / (n + 3);
    for (let i = n; i <= np1; i++) {
      const r = -0.5 * (i + 1);
      b0[0] = r * a0[0];
      for (let m = 2; m <= i; m++) {
        let bsum = 0;
        for (let jj = 1; jj <= m - 1; jj++) bsum += (jj * r - (m - jj)) * a0[jj - 1] * b0[m - jj - 1];
        b0[m - 1] = r * a0[m - 1] + bsum / m;
      }
      c[i - 1] = b0[i - 1] / (i + 1);
      let dsum = 0;
      for (let jj = 1; jj <= i - 1; jj++) dsum += d[i - jj - 1] * c[jj - 1];
      d[i - 1] = -(dsum + c[i - 1]);
    }
    j0 = E1 * znm1 + (n - 1) * j0;
    j1 = E1 * zn + n * j1;
    znm1 *= z2;
    zn *= z2;
    w *= w0;
    const t0 = d[n - 1] * w * j0;
    w *= w0;
    const t1 = d[np1 - 1] * w * j1;
    sum += t0 + t1;
    if (Math.abs(t0) + Math.abs(t1) <= tol * sum) break;
  }
  return E0 * t * Math.exp(-bcorr(a, b)) * sum;
}
