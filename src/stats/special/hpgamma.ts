/**
 * High-precision references for the regularized incomplete gamma functions (tests only):
 * for x <= a + 1, P by its power series (A&S 6.5.29) in HP arithmetic and Q = 1 - P (HP carries
 * 77 digits); for x > a + 1, Q by
 * Legendre's continued fraction (A&S 6.5.31) evaluated backwards at two depths.
 */
import { HP, exp, log, lgamma } from './hpref.js';

function prefixOverGamma(a: HP, x: HP, ga: HP): HP {
  // x^a e^-x / Gamma(a) where ga = lgamma(a)
  return exp(a.mul(log(x)).sub(x).sub(ga));
}

export function hpGammaP(a: HP, x: HP): HP {
  if (x.cmp(a.add(1)) > 0) return HP.from(1).sub(hpGammaCF(a, x));
  return hpGammaSeries(a, x);
}

function hpGammaSeries(a: HP, x: HP): HP {
  const lga1 = lgamma(a.add(1));
  let term = HP.from(1);
  let sum = HP.from(1);
  for (let n = 1; n < 10_000_000; n++) {
    term = term.mul(x).div(a.add(n));
    sum = sum.add(term);
    if (term.toNumber() < sum.toNumber() * 1e-40) break;
  }
  return exp(a.mul(log(x)).sub(x).sub(lga1)).mul(sum);
}

function cf(a: HP, x: HP, depth: number): HP {
  // Q Gamma(a) e^x x^-a = 1/(x + 1 - a - 1(1-a)/(x + 3 - a - 2(2-a)/(x + 5 - a - ...)))
  let t = x.add(2 * depth + 1).sub(a);
  for (let i = depth; i >= 1; i--) {
    const an = HP.from(i).mul(a.sub(i)); // -i(i - a)
    t = x.add(2 * i - 1).sub(a).add(an.div(t));
  }
  return HP.from(1).div(t);
}

export function hpGammaQ(a: HP, x: HP): HP {
  if (x.cmp(a.add(1)) > 0) return hpGammaCF(a, x);
  const q1 = HP.from(1).sub(hpGammaSeries(a, x));
  if (q1.toNumber() > 1e-40) return q1;
  return hpGammaCF(a, x);
}

function hpGammaCF(a: HP, x: HP): HP {
  let depth = 50;
  for (;;) {
    const u = cf(a, x, depth);
    const v = cf(a, x, 2 * depth);
    if (u.sub(v).div(v).abs().toNumber() < 1e-35) return prefixOverGamma(a, x, lgamma(a)).mul(v);
    depth *= 2;
    if (depth > 1_000_000) throw new Error('hpGammaQ: continued fraction did not converge');
  }
}
