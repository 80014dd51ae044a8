import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from '../../src/parse/parse.js';
import { text } from '../../src/render/text.js';
import { cancel, polyGcd } from '../../src/simplify/index.js';

describe('powers with symbolic exponents are polynomials in one kernel', () => {
  it.each([
    ['gcd(2x^(n + 4) - x^(n + 2), 4x^(n + 1) + 3x^n)', 'x^n'],
    ['gcd(x^(2n) - 1, x^n - 1)', 'x^n - 1'],
    ['cancel((x^(n+1) - x^n)/(x - 1))', 'x^n'],
    ['cancel(x^(n+2)/x^n)', 'x^2'],
    ['factor(x^(2n) - 1)', '(x^n - 1)(x^n + 1)'],
    ['expand(x^(n+1) (x+1))', 'x^(n + 1) + x^(n + 2)'],
  ])('%s = %s', async (input, want) => {
    const { Session } = await import('../../src/lang/index.js');
    const out = new Session().run(input);
    expect(out.kind === 'expr' ? text(out.expr) : '').toBe(want);
  });

  it('cancel(x^(n + a)/x^(n + b)) = x^(a − b)', () => {
    fc.assert(fc.property(fc.integer({ min: -6, max: 6 }), fc.integer({ min: -6, max: 6 }), (a, b) => {
      const e = parse(`x^(n + ${a})/x^(n + ${b})`);
      expect(text(cancel(e))).toBe(text(parse(`x^(${a - b})`)));
    }), { numRuns: 50 });
  });

  it('gcd(x^(n + a)(x + 1), x^(n + b)(x - 1)) = x^(n + min(a, b))', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), (a, b) => {
      const g = polyGcd(parse(`x^(n + ${a}) (x + 1)`), parse(`x^(n + ${b}) (x - 1)`));
      const m = Math.min(a, b);
      expect(text(g)).toBe(m === 0 ? 'x^n' : `x^(n + ${m})`);
    }), { numRuns: 36 });
  });
});
