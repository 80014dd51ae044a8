/**
 * Student's t with nu > 0 degrees of freedom and F(d1, d2), through the incomplete beta function
 * with both x and 1 - x formed directly from the argument (A&S 26.7.1, 26.6.2), which keeps
 * the tails and nu up to 1e7 and beyond accurate.
 */
import type { Rng } from '../rng.js';
import { betaincBoth, betaincDerivative, logBetaDensity } from '../special/incbeta.js';
import { betaincinv } from '../special/incbeta_inv.js';
import { lbeta } from '../special/beta.js';
import { normQuantile } from '../special/normal.js';
import { requireProbability } from '../special/errors.js';
import { ContinuousDistribution } from './continuous.js';
import { cauchyQuantile } from './simple.js';
import { positive } from './validate.js';

export class StudentT extends ContinuousDistribution {
  readonly name = 'StudentT';
  readonly support = [-Infinity, Infinity] as const;
  constructor(readonly nu: number) {
    super();
    positive('StudentT', 'nu', nu);
  }
  get mean(): number {
    return this.nu > 1 ? 0 : NaN;
  }
  get variance(): number {
    return this.nu > 2 ? this.nu / (this.nu - 2) : this.nu > 1 ? Infinity : NaN;
  }
  override logpdf(t: number): number {
    const nu = this.nu;
    return -lbeta(nu / 2, 0.5) - 0.5 * Math.log(nu) - ((nu + 1) / 2) * Math.log1p((t * t) / nu);
  }
  pdf(t: number): number {
    return Math.exp(this.logpdf(t));
  }
  /** P(T <= t) for t <= 0: I_x(nu/2, 1/2) / 2 with x = nu/(nu+t^2), 1-x = t^2/(nu+t^2). */
  private lowerTail(t: number): number {
    const nu = this.nu;
    if (!Number.isFinite(t)) return 0;
    const t2 = t * t;
    if (t2 > 1e300) {
      // P(T <= t) = nu^(nu/2 - 1) |t|^-nu / B(nu/2, 1/2) (1 + O(nu / t^2)), in logs
      return Math.exp(this.logTailConst() - nu * Math.log(-t));
    }
    const x = nu / (nu + t2);
    const y = t2 / (nu + t2);
    return 0.5 * betaincBoth(nu / 2, 0.5, x, y).lower;
  }
  /** log of c in the tail law P(T <= t) ~ c |t|^-nu. */
  private logTailConst(): number {
    return -lbeta(this.nu / 2, 0.5) + (this.nu / 2 - 1) * Math.log(this.nu);
  }
  cdf(t: number): number {
    if (Number.isNaN(t)) return NaN;
    return t <= 0 ? this.lowerTail(t) : 0.5 + (0.5 - this.lowerTail(-t));
  }
  sf(t: number): number {
    return this.cdf(-t);
  }
  protected override guess(p: number, lower: boolean): number {
    // Cornish-Fisher expansion in 1/nu (A&S 26.7.5)
    const z = lower ? normQuantile(p) : -normQuantile(p);
    const nu = this.nu;
    const z3 = z * z * z;
    const z5 = z3 * z * z;
    const g = z + (z3 + z) / (4 * nu) + (5 * z5 + 16 * z3 + 3 * z) / (96 * nu * nu);
    if (nu < 3 && Math.abs(z) > 3) {
      // heavy tail: P(T <= t) ~ c |t|^-nu
      const t = Math.exp((this.logTailConst() - Math.log(p)) / nu);
      return lower ? -t : t;
    }
    return g;
  }
  override quantile(p: number): number {
    requireProbability(p);
    if (this.nu === 1) return cauchyQuantile(p);
    if (this.nu === 2 && p > 0 && p < 1) {
      // closed form t = (2p - 1) / sqrt(2 p (1 - p)), evaluated on the lower half
      if (p > 0.5) return -this.quantile(1 - p);
      return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
    }
    if (Math.abs(p - 0.5) < 0.25) {
      // Near the median P(|T| <= |t|) = I_u(1/2, nu/2) with u = t^2 / (nu + t^2) and |1 - 2p| exact, so the
      // tiny quantile keeps its relative precision (the cdf itself sits at 1/2 there).
      if (p === 0.5) return 0;
      const u = betaincinv(0.5, this.nu / 2, Math.abs(1 - 2 * p));
      const t = Math.sqrt((this.nu * u) / (1 - u));
      return p < 0.5 ? -t : t;
    }
    return super.quantile(p);
  }
  override isf(q: number): number {
    requireProbability(q);
    return -this.quantile(q);
  }
  protected draw(rng: Rng): number {
    const z = rng.normal();
    const c = 2 * rng.gamma(this.nu / 2);
    return z / Math.sqrt(c / this.nu);
  }
}

/** Snedecor's F(d1, d2). */
export class F extends ContinuousDistribution {
  readonly name = 'F';
  readonly support = [0, Infinity] as const;
  constructor(readonly d1: number, readonly d2: number) {
    super();
    positive('F', 'd1', d1);
    positive('F', 'd2', d2);
  }
  get mean(): number {
    return this.d2 > 2 ? this.d2 / (this.d2 - 2) : NaN;
  }
  get variance(): number {
    const { d1, d2 } = this;
    if (d2 <= 4) return d2 > 2 ? Infinity : NaN;
    return (2 * d2 * d2 * (d1 + d2 - 2)) / (d1 * (d2 - 2) * (d2 - 2) * (d2 - 4));
  }
  private xy(v: number): [number, number] {
    const u = this.d1 * v;
    return [u / (u + this.d2), this.d2 / (u + this.d2)];
  }
  pdf(v: number): number {
    if (v < 0) return 0;
    const [x, y] = this.xy(v);
    const s = this.d1 * v + this.d2;
    return (betaincDerivative(this.d1 / 2, this.d2 / 2, x, y) * this.d1 * this.d2) / (s * s);
  }
  override logpdf(v: number): number {
    if (v < 0) return -Infinity;
    const [x, y] = this.xy(v);
    const s = this.d1 * v + this.d2;
    return logBetaDensity(this.d1 / 2, this.d2 / 2, x, y) + Math.log(this.d1) + Math.log(this.d2) - 2 * Math.log(s);
  }
  cdf(v: number): number {
    if (v <= 0) return 0;
    if (v === Infinity) return 1;
    const [x, y] = this.xy(v);
    return betaincBoth(this.d1 / 2, this.d2 / 2, x, y).lower;
  }
  sf(v: number): number {
    if (v <= 0) return 1;
    if (v === Infinity) return 0;
    const [x, y] = this.xy(v);
    return betaincBoth(this.d1 / 2, this.d2 / 2, x, y).upper;
  }
  protected override guess(p: number, lower: boolean): number {
    // Wilson-Hilferty style: F ~ (chi2_d1/d1)/(chi2_d2/d2) with cube-root normal approximations
    const z = lower ? normQuantile(p) : -normQuantile(p);
    const a = 2 / (9 * this.d1);
    const b = 2 / (9 * this.d2);
    const num = (1 - b) * (1 - a) + z * Math.sqrt((1 - b) * (1 - b) * a + (1 - a) * (1 - a) * b - a * b * z * z);
    const den = (1 - b) * (1 - b) - b * z * z;
    const r = num / den;
    if (r > 0 && den > 0 && Number.isFinite(r)) return r * r * r;
    return 1;
  }
  protected draw(rng: Rng): number {
    const x = rng.gamma(this.d1 / 2) / this.d1;
    const y = rng.gamma(this.d2 / 2) / this.d2;
    return x / y;
  }
}
