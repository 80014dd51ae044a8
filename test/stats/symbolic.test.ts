import { describe, it, expect } from 'vitest';
import { parse } from '../../src/parse/parse.js';
import { text } from '../../src/render/text.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { Session } from '../../src/lang/index.js';
import { distributions } from '../../src/stats/dist/index.js';
import { nintegrate } from '../../src/numeric/methods/index.js';
import { LAWS, meanOf, pdfExpr, cdfExpr, varianceOf, conjugatePosterior } from '../../src/stats/symbolic/index.js';
import { float, sym } from '../../src/ast/expr.js';

const run = (line: string): string => {
  const out = new Session().run(line);
  return out.kind === 'expr' ? text(out.expr) : out.kind === 'text' ? out.text : '';
};

// Numeric parameters for each law, in the numeric classes' order.
const PARAMS: Record<string, number[]> = {
  Normal: [0.5, 1.5], LogNormal: [0.2, 0.6], Uniform: [-1, 3], Exponential: [2], GammaDist: [2.5, 1.5], ChiSquare: [5],
  Beta: [2, 3.5], StudentT: [6], F: [5, 9], Cauchy: [1, 2], Laplace: [0.5, 2], Logistic: [1, 0.7],
  Binomial: [12, 0.3], Bernoulli: [0.3], Poisson: [3.5], Geometric: [0.4], NegativeBinomial: [3, 0.4], Hypergeometric: [20, 7, 6],
};

describe('formulas agree with the numeric distributions', () => {
  for (const [name, ps] of Object.entries(PARAMS)) {
    it(`${name}: pdf/pmf formula, cdf formula, mean and variance`, () => {
      const spec = LAWS[name]!;
      const law = parse(`${name}(${ps.join(', ')})`);
      const num = distributions[spec.numeric]!(...ps);
      const xs = spec.discrete ? [0, 1, 2, 3, 5] : [num.quantile(0.1), num.quantile(0.5), num.quantile(0.93)];
      for (const x of xs) {
        if (num.pdf(x) === 0) continue;
        const f = evaluate(pdfExpr(law, float(x)));
        expect(Math.abs(f / num.pdf(x) - 1), `pdf at ${x}`).toBeLessThan(1e-12);
        const c = cdfExpr(law, float(x));
        if (c !== undefined) expect(Math.abs(evaluate(c) - num.cdf(x)), `cdf at ${x}`).toBeLessThan(1e-13);
      }
      if (Number.isFinite(num.mean)) expect(Math.abs(evaluate(meanOf(law).value) - num.mean)).toBeLessThan(1e-12 * Math.max(1, Math.abs(num.mean)));
      if (Number.isFinite(num.variance)) expect(Math.abs(evaluate(varianceOf(law).value) / num.variance - 1)).toBeLessThan(1e-12);
      if (!spec.discrete && Number.isFinite(num.variance)) {
        // closed-form mean checked against numeric integration of x·pdf
        const [lo, hi] = num.support;
        const m = nintegrate((x) => x * num.pdf(x), lo, hi, { relTol: 1e-10 }).value;
        expect(Math.abs(m - num.mean)).toBeLessThan(1e-7 * Math.max(1, Math.abs(num.mean)));
      }
    });
  }
  it('finite discrete moments are derived by exact sums, continuous ones by integrating the density', () => {
    expect(meanOf(parse('Binomial(4, p)')).method).toBe('sum');
    expect(text(meanOf(parse('Categorical([1/2, 1/4, 1/4])')).value)).toBe('3/4');
    expect(meanOf(parse('Normal(mu, sigma)')).method).toBe('integral');
    expect(text(meanOf(parse('Normal(mu, sigma)')).value)).toBe('mu');
    expect(() => meanOf(parse('Cauchy(0, 1)'))).toThrow(/no mean/);
  });
});

describe('symbolic forms', () => {
  it('the normal density reads as the textbook formula', () => {
    expect(pdfExpr(parse('Normal(mu, sigma)'), sym('x'))).toBe(parse('exp(-(x - mu)^2/(2 sigma^2))/(sigma sqrt(2 pi))'));
  });
  it('conjugate updates', () => {
    expect(conjugatePosterior(parse('Beta(a, b)'), parse('Binomial(n, p)'), [sym('k')]).posterior).toBe(parse('Beta(a + k, b + n - k)'));
    expect(text(conjugatePosterior(parse('GammaDist(2, 1)'), parse('Poisson(lambda)'), [parse('3'), parse('5')]).posterior)).toBe('GammaDist(10, 3)');
    // Normal–Normal against the precision-weighted formula, numerically
    const post = conjugatePosterior(parse('Normal(1, 2)'), parse('Normal(mu, 3)'), [parse('4'), parse('6')]).posterior;
    const prec = 1 / 4 + 2 / 9;
    expect(Math.abs(evaluate((post as { args: readonly import('../../src/ast/expr.js').Expr[] }).args[0]!) - (1 / 4 + 10 / 9) / prec)).toBeLessThan(1e-15);
    expect(() => conjugatePosterior(parse('Normal(0, 1)'), parse('Poisson(l)'), [])).toThrow(/no conjugate/);
  });
});

describe('commands', () => {
  it('stats commands', () => {
    expect(run('pdf(Normal(mu, sigma), x)')).toBe('exp(-(x - mu)^2/(2sigma^2))/(sigma sqrt(2pi))');
    expect(Math.abs(Number(run('cdf(Normal(0, 1), 1.96)')) - 0.9750021048517795)).toBeLessThan(1e-15);
    expect(Math.abs(Number(run('quantile(Normal(0,1), 0.975)')) - 1.959963984540054)).toBeLessThan(1e-14);
    expect(run('mean([1, 2, 4])')).toBe('7/3');
    expect(run('median([3, 1, 2, 10])')).toBe('5/2');
    expect(run('variance([1, 2, 4])')).toBe('7/3');
    expect(run('sample(Normal(0, 1), 4, 7)')).toBe(run('sample(Normal(0, 1), 4, 7)'));
    expect(run('ttest([1, 2, 3, 4, 5], [2, 3, 4, 5, 9])')).toMatch(/df = 6\.45.*\n.*p-value = 0\.29/s);
    expect(() => run('Normal(0, -1)')).toThrow(/sigma/);
    expect(() => run('quantile(Normal(0, 1), 2)')).toThrow(/\[0, 1\]/);
  });
  it('linear algebra commands', () => {
    expect(run('det([[a, b], [c, d]])')).toBe('a d - b c');
    expect(run('eig([[2, 1], [1, 2]])')).toBe('lambda = 1: v = [-1, 1]\nlambda = 3: v = [1, 1]');
    expect(run('solve([[2, 1], [1, 3]], [3, 5])')).toBe('[4/5, 7/5]');
    expect(run('matmul(inv([[1, 2], [3, 4]]), [[1, 2], [3, 4]])')).toBe('[[1, 0], [0, 1]]');
    expect(run('rank([[1, 2], [2, 4]])')).toBe('1');
    expect(() => run('inv([[1, 2], [2, 4]])')).toThrow(/singular/);
  });
});
