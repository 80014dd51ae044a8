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

describe('exact special values', () => {
  it('ζ at even positive and at non-positive integers (Euler), B at whole numbers, lgamma/erfc/log1p at their zeros', () => {
    // ζ(2k) against the defining series Σ 1/n^s (with the tail estimated by its integral), in floating point.
    for (const s of [2, 4, 6, 8, 10]) {
      let sum = 0;
      for (let n = 1; n <= 100000; n++) sum += n ** -s;
      sum += 100000 ** (1 - s) / (s - 1);
      const o = new Session().run(`N(zeta(${s}))`);
      expect(o.kind === 'expr' && Number(text(o.expr))).toBeCloseTo(sum, 9);
      expect(run(`zeta(${s})`)).toMatch(/pi\^/);
    }
    // ζ(−n) = −B_{n+1}/(n+1): −1/12, 0, 1/120, 0, −1/252
    expect([1, 2, 3, 4, 5].map((n) => run(`zeta(${-n})`))).toEqual(['-1/12', '0', '1/120', '0', '-1/252']);
    expect(run('zeta(0)')).toBe('-1/2');
    expect(run('beta(2, 3)')).toBe('1/12');
    expect(run('lgamma(2)')).toBe('0');
    expect(run('erfc(0)')).toBe('1');
    expect(run('log1p(0)')).toBe('0');
  });
});
