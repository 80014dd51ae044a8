/**
 * Continued fractions for the regularized incomplete beta function I_x(a, b).
 *  - bfrac: BFRAC of DiDonato & Morris (1992), "Algorithm 708: significant digit computation of
 *    the incomplete beta function ratios", ACM TOMS 18(3), their section 8, for a, b > 1. Its
 *    partial numerators and denominators are written with lambda = (a + b) y - b, which the caller
 *    computes from whichever of x, y is exact, so that x near the mean does not cancel.
 *  - betacf: the classical fraction of A&S 26.5.8 by the modified Lentz algorithm (W. J. Lentz
 *    (1976); Thompson & Barnett (1986)), kept as the fallback when an expansion declines.
 */
import { betaPrefix } from './incbeta_prefix.js';

const TINY = 1e-300;

/** BFRAC: I_x(a, b) for a, b > 1, lambda = (a + b) y - b >= 0 (relative tolerance tol). */
export function bfrac(a: number, b: number, x: number, y: number, lambda: number, tol: number): number {
  const brc = betaPrefix(a, b, x, y);
  if (brc === 0 || !Number.isFinite(lambda)) return brc === 0 ? 0 : NaN;
  const c = lambda + 1;
  const c0 = b / a;
  const c1 = 1 + 1 / a;
  const yp1 = y + 1;
  let p = 1;
  let s = a + 1;
  let an = 0;
  let bn = 1;
  let anp1 = 1;
  let bnp1 = c / c1;
  let r = c1 / c;
  for (let n = 1; n <= 10000; n++) {
    let t = n / a;
    const w = n * (b - n) * x;
    let e = a / s;
    const alpha = p * (p + c0) * e * e * (w * x);
    e = (1 + t) / (c1 + t + t);
    const beta = n + w / s + e * (c + n * yp1);
    p = 1 + t;
    s += 2;
    t = alpha * an + beta * anp1;
    an = anp1;
    anp1 = t;
    t = alpha * bn + beta * bnp1;
    bn = bnp1;
    bnp1 = t;
    const r0 = r;
    r = anp1 / bnp1;
    if (Math.abs(r - r0) <= tol * r) break;
    // rescale so the recurrences stay in range
    an /= bnp1;
    bn /= bnp1;
    anp1 = r;
    bnp1 = 1;
  }
  return brc * r;
}

/** A&S 26.5.8: I_x(a, b) = x^a y^b / (a B(a, b)) * betacf(a, b, x), fast for x < (a+1)/(a+b+2). */
export function betacf(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 10_000_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}
