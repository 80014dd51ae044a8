/**
 * High-precision reference values (200-bit BigFloat) for the accuracy tests and the benchmark, computed
 * independently of src/stats: the normal cdf through BigFloat erfc, the regularized incomplete gamma by its
 * power series (A&S 6.5.29) and the regularized incomplete beta by the hypergeometric series
 * I_x(a, b) = x^a (1-x)^b / (a B(a, b)) · 2F1(a + b, 1; a + 1; x) (A&S 26.5.23, with 26.5.2 for symmetry).
 */
import { BigFloat, erfc, exp, lgamma, log } from '../../src/numeric/bigfloat/index.js';

const P = 200;
const bf = (x: number): BigFloat => BigFloat.fromNumber(x);
const ONE = BigFloat.ONE;
const EPS = BigFloat.pow2(-P);

/** Φ(x) = erfc(-x/√2)/2. */
export function normalCdfRef(x: number): BigFloat {
  const s = bf(2).sqrt(P);
  return erfc(bf(-x).div(s, P), P).div(bf(2), P);
}

/** Lower regularized incomplete gamma P(a, x) = x^a e^-x / Γ(a+1) Σ x^n / ((a+1)…(a+n)). */
export function gammaPRef(a: number, x: number): BigFloat {
  if (x === 0) return BigFloat.ZERO;
  const A = bf(a), X = bf(x);
  let term = ONE, sum = ONE;
  for (let n = 1; n < 100000; n++) {
    term = term.mul(X, P).div(A.add(bf(n), P), P);
    sum = sum.add(term, P);
    if (term.cmp(sum.mul(EPS, P)) < 0) break;
  }
  const logPrefix = A.mul(log(X, P), P).sub(X, P).sub(lgamma(A.add(ONE, P), P), P);
  return exp(logPrefix, P).mul(sum, P);
}

/** I_x(a, b) by the series, for x ≤ a/(a+b) + … (caller picks the side that converges fast). */
function betaSeries(x: number, a: number, b: number): BigFloat {
  const A = bf(a), B = bf(b), X = bf(x);
  // 2F1(a+b, 1; a+1; x) = Σ (a+b)_n / (a+1)_n x^n
  let term = ONE, sum = ONE;
  for (let n = 0; n < 200000; n++) {
    term = term.mul(A.add(B, P).add(bf(n), P), P).div(A.add(bf(n + 1), P), P).mul(X, P);
    sum = sum.add(term, P);
    if (term.abs().cmp(sum.mul(EPS, P)) < 0) break;
  }
  const lbeta = lgamma(A, P).add(lgamma(B, P), P).sub(lgamma(A.add(B, P), P), P);
  const logPrefix = A.mul(log(X, P), P).add(B.mul(log(bf(1).sub(X, P), P), P), P).sub(lbeta, P).sub(log(A, P), P);
  return exp(logPrefix, P).mul(sum, P);
}

/** Regularized incomplete beta I_x(a, b) and its complement 1 - I_x(a, b), both to full relative precision. */
export function betaIncRef(x: number, a: number, b: number): { lower: BigFloat; upper: BigFloat } {
  if (x <= 0) return { lower: BigFloat.ZERO, upper: ONE };
  if (x >= 1) return { lower: ONE, upper: BigFloat.ZERO };
  // The series ratio tends to x(a+b)/(a+1)·…; use it on the side where x < (a+1)/(a+b+2).
  if (x < (a + 1) / (a + b + 2)) {
    const lower = betaSeries(x, a, b);
    return { lower, upper: ONE.sub(lower, P) };
  }
  const upper = betaSeries(1 - x, b, a);
  return { lower: ONE.sub(upper, P), upper };
}

/** Relative error of a double against a reference (absolute when the reference is 0). */
export function relErr(got: number, ref: BigFloat): number {
  const r = ref.toNumber();
  if (r === 0) return Math.abs(got);
  return BigFloat.fromNumber(got).sub(ref, P).abs().div(ref.abs(), P).toNumber();
}
