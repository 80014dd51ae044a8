import { describe, it, expect } from 'vitest';
import { Session } from '../../src/lang/index.js';
import { text } from '../../src/render/text.js';

const run = (line: string): string => {
  const o = new Session().run(line);
  return o.kind === 'expr' ? text(o.expr) : '';
};

describe('functions of decimals evaluate; functions of exact numbers stay exact', () => {
  it.each([
    ['sin(0.5)', Math.sin(0.5)],
    ['gamma(2.5)', 0.75 * Math.sqrt(Math.PI)],
    ['digamma(2.0)', 1 - 0.5772156649015329],
    ['gammainc(1, 2.0)', 1 - Math.exp(-2)],
    ['erfc(0.0)', 1],
  ])('%s', (line, want) => {
    expect(Number(run(line))).toBeCloseTo(want, 14);
  });

  it('keeps exact arguments symbolic and leaves out-of-domain calls alone', () => {
    expect(run('sin(1/2)')).toBe('sin(1/2)');
    expect(run('erf(1)')).toBe('erf(1)');
    expect(run('log(-1.0)')).toBe('log(-1.0)');
    expect(run('x + sin(0.5)')).toBe('x + 0.479425538604203');
  });
});
