/**
 * High-precision reference values of erfc for Lousa's tests, over the HP type.
 * Small x: the all-positive series erf(x) = 2/sqrt(pi) exp(-x^2) sum 2^n x^(2n+1) / (2n+1)!!
 * (Abramowitz & Stegun 7.1.6). Large x: the Laplace continued fraction (A&S 7.1.14) evaluated
 * backwards at two depths to confirm convergence.
 */
import { HP, PI, exp, sqrt } from './hpref.js';

const SQRT_PI = sqrt(PI);

export function hpErf(x: HP): HP {
  const x2 = x.mul(x);
  let term = x;
  let sum = x;
  for (let n = 1; n < 100000; n++) {
    term = term.mul(x2).ldexp(1).div(2 * n + 1);
    sum = sum.add(term);
    if (term.e + (term.m.toString(2).length) < sum.e + sum.m.toString(2).length - 270) break;
  }
  return sum.mul(exp(x2.neg())).ldexp(1).div(SQRT_PI);
}

function cf(x: HP, depth: number): HP {
  let t = x;
  for (let k = depth; k >= 1; k--) t = x.add(HP.from(k / 2).div(t));
  return HP.from(1).div(t);
}

/** erfc(x) for real x (any sign). */
export function hpErfc(x: HP): HP {
  const xd = x.toNumber();
  if (xd < 6) return HP.from(1).sub(hpErf(x));
  const depth = Math.ceil(4000 / xd);
  const a = cf(x, depth);
  const b = cf(x, 2 * depth);
  const rel = a.sub(b).div(b).abs().toNumber();
  if (rel > 1e-30) throw new Error('erfc continued fraction did not converge at ' + xd);
  return b.mul(exp(x.mul(x).neg())).div(SQRT_PI);
}
