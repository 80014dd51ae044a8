/**
 * Conjugate Bayesian updates as expressions (H. Raiffa and R. Schlaifer, 1961, "Applied Statistical
 * Decision Theory"; the tables of D. Fink, 1997, "A Compendium of Conjugate Priors"). The likelihood is a
 * distribution value whose unknown parameter is the one the prior is about; its other parameters are known.
 * Observations may be numbers or symbols, so `posterior(Beta(a, b), Binomial(n, p), k)` gives
 * `Beta(a + k, b + n - k)`.
 */
import { type Call, type Expr, add, call, div, int, mul, pow, sub } from '../../ast/expr.js';
import { text } from '../../render/text.js';
import { simplify } from '../../simplify/index.js';
import { DistributionSpecError } from './errors.js';
import { readLaw } from './distribution.js';

export interface Posterior {
  readonly posterior: Call;
  /** Which conjugate pair, and the update rule in words. */
  readonly rule: string;
}

const tidy = (e: Expr): Expr => simplify(e);
const sum = (xs: readonly Expr[]): Expr => add(...xs);
const law = (name: string, params: Expr[]): Call => call(name, params.map(tidy)) as Call;

/** Posterior of `prior` after observing `data` (a list of observations) drawn from `likelihood`. */
export function conjugatePosterior(prior: Expr, likelihood: Expr, data: readonly Expr[]): Posterior {
  const p = readLaw(prior);
  const l = readLaw(likelihood);
  const n = int(data.length);
  const s = sum(data);
  const pair = `${p.name}–${l.name}`;
  switch (pair) {
    case 'Beta–Bernoulli': {
      const [a, b] = p.params as [Expr, Expr];
      return { posterior: law('Beta', [add(a, s), add(b, sub(n, s))]), rule: 'Beta–Bernoulli: alpha + successes, beta + failures' };
    }
    case 'Beta–Binomial': {
      const [a, b] = p.params as [Expr, Expr];
      const trials = mul(l.params[0]!, n);
      return { posterior: law('Beta', [add(a, s), add(b, sub(trials, s))]), rule: 'Beta–Binomial: alpha + successes, beta + (trials - successes)' };
    }
    case 'Beta–Geometric': {
      const [a, b] = p.params as [Expr, Expr];
      return { posterior: law('Beta', [add(a, n), add(b, s)]), rule: 'Beta–Geometric (failures before success): alpha + n, beta + total failures' };
    }
    case 'Beta–NegativeBinomial': {
      const [a, b] = p.params as [Expr, Expr];
      return { posterior: law('Beta', [add(a, mul(l.params[0]!, n)), add(b, s)]), rule: 'Beta–NegativeBinomial (r known): alpha + r n, beta + total failures' };
    }
    case 'GammaDist–Poisson': {
      const [k, r] = p.params as [Expr, Expr];
      return { posterior: law('GammaDist', [add(k, s), add(r, n)]), rule: 'Gamma–Poisson (shape, rate): shape + sum of counts, rate + n' };
    }
    case 'GammaDist–Exponential': {
      const [k, r] = p.params as [Expr, Expr];
      return { posterior: law('GammaDist', [add(k, n), add(r, s)]), rule: 'Gamma–Exponential (shape, rate): shape + n, rate + sum of observations' };
    }
    case 'Normal–Normal': {
      // Known sigma; precisions add, the posterior mean is the precision-weighted average.
      const [m0, t0] = p.params as [Expr, Expr];
      const sigma = l.params[1]!;
      const prec0 = pow(t0, int(-2));
      const precData = div(n, pow(sigma, int(2)));
      const prec = add(prec0, precData);
      const mean = div(add(mul(m0, prec0), div(s, pow(sigma, int(2)))), prec);
      return {
        posterior: law('Normal', [mean, pow(prec, div(int(-1), int(2)))]),
        rule: 'Normal–Normal (known sigma): precisions add, 1/tau_n^2 = 1/tau^2 + n/sigma^2; the mean is precision-weighted',
      };
    }
    default:
      throw new DistributionSpecError(`no conjugate update for the prior ${text(prior)} with the likelihood ${text(likelihood)}; `
        + 'known pairs: Beta with Bernoulli, Binomial, Geometric or NegativeBinomial; GammaDist with Poisson or Exponential; Normal with Normal');
  }
}
