import { describe, it, expect } from 'vitest';
import { parse } from '../../src/parse/parse.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { meanOf, varianceOf } from '../../src/stats/symbolic/index.js';

describe('moments of discrete laws derived by summation with symbolic parameters', () => {
  it.each([
    ['Poisson(lambda)', 'lambda', 'lambda', { lambda: 2.3 }],
    ['Geometric(p)', '(1 - p)/p', '(1 - p)/p^2', { p: 0.35 }],
    ['Binomial(n, p)', 'n*p', 'n*p*(1 - p)', { n: 9, p: 0.4 }],
  ])('%s', (law, mean, variance, env) => {
    const m = meanOf(parse(law));
    const v = varianceOf(parse(law));
    expect(m.method).toBe('sum');
    expect(v.method).toBe('sum');
    expect(m.explanation).toContain('summed symbolically');
    expect(evaluate(m.value, env)).toBeCloseTo(evaluate(parse(mean), env), 12);
    expect(evaluate(v.value, env)).toBeCloseTo(evaluate(parse(variance), env), 12);
  });
});
