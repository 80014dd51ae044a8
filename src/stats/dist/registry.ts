/** Name -> factory map so that a REPL can evaluate `Normal(0, 1)` and friends. */
import { DomainError } from '../special/errors.js';
import type { Distribution } from './types.js';
import { Normal, LogNormal } from './normal.js';
import { Uniform, Exponential, Cauchy, Laplace, Logistic } from './simple.js';
import { Gamma, ChiSquare } from './gamma.js';
import { Beta } from './beta.js';
import { StudentT, F } from './studentt.js';
import { Binomial, Bernoulli } from './binomial.js';
import { Poisson } from './poisson.js';
import { Geometric, NegativeBinomial } from './negbin.js';
import { Hypergeometric } from './hypergeometric.js';
import { Categorical } from './categorical.js';

export type DistributionArg = number | readonly number[];
export type DistributionFactory = (...args: DistributionArg[]) => Distribution;

function nums(name: string, args: DistributionArg[], min: number, max: number): number[] {
  if (args.length < min || args.length > max) {
    throw new DomainError(`${name} takes ${min === max ? min : `${min} to ${max}`} parameters, got ${args.length}`);
  }
  return args.map((a, i) => {
    if (typeof a !== 'number') throw new DomainError(`${name}: parameter ${i + 1} must be a number`);
    return a;
  });
}

export const distributions: Readonly<Record<string, DistributionFactory>> = {
  Normal: (...a) => new Normal(...(nums('Normal', a, 0, 2) as [number?, number?])),
  LogNormal: (...a) => new LogNormal(...(nums('LogNormal', a, 0, 2) as [number?, number?])),
  Uniform: (...a) => new Uniform(...(nums('Uniform', a, 0, 2) as [number?, number?])),
  Exponential: (...a) => new Exponential(...(nums('Exponential', a, 0, 1) as [number?])),
  Gamma: (...a) => new Gamma(...(nums('Gamma', a, 1, 2) as [number, number?])),
  ChiSquare: (...a) => new ChiSquare(...(nums('ChiSquare', a, 1, 1) as [number])),
  Beta: (...a) => new Beta(...(nums('Beta', a, 2, 2) as [number, number])),
  StudentT: (...a) => new StudentT(...(nums('StudentT', a, 1, 1) as [number])),
  F: (...a) => new F(...(nums('F', a, 2, 2) as [number, number])),
  Cauchy: (...a) => new Cauchy(...(nums('Cauchy', a, 0, 2) as [number?, number?])),
  Laplace: (...a) => new Laplace(...(nums('Laplace', a, 0, 2) as [number?, number?])),
  Logistic: (...a) => new Logistic(...(nums('Logistic', a, 0, 2) as [number?, number?])),
  Binomial: (...a) => new Binomial(...(nums('Binomial', a, 2, 2) as [number, number])),
  Bernoulli: (...a) => new Bernoulli(...(nums('Bernoulli', a, 1, 1) as [number])),
  Poisson: (...a) => new Poisson(...(nums('Poisson', a, 1, 1) as [number])),
  Geometric: (...a) => new Geometric(...(nums('Geometric', a, 1, 1) as [number])),
  NegativeBinomial: (...a) => new NegativeBinomial(...(nums('NegativeBinomial', a, 2, 2) as [number, number])),
  Hypergeometric: (...a) => new Hypergeometric(...(nums('Hypergeometric', a, 3, 3) as [number, number, number])),
  Categorical: (...a) => {
    if (a.length !== 1 || typeof a[0] === 'number') throw new DomainError('Categorical takes one array of probabilities');
    return new Categorical(a[0]);
  },
};
