import { describe, it, expect } from 'vitest';
import { sym } from '../../src/ast/expr.js';
import { parse } from '../../src/parse/parse.js';
import { text } from '../../src/render/text.js';
import { limit, seriesTerms, seriesDisplay } from '../../src/limit/index.js';

const x = sym('x');
const lim = (f: string, a: string): string => text(limit(parse(f), x, parse(a)));
const ser = (f: string, n: number, a = '0'): string => seriesDisplay(seriesTerms(parse(f), x, parse(a), n)).text;

describe('limits at the edges', () => {
  it.each([
    ['atan(exp(x))', 'inf', 'pi/2'],
    ['atan(2^x)', 'inf', 'pi/2'],
    ['atan(exp(x^2))', 'inf', 'pi/2'],
    ['atan(exp(x))', '-inf', '0'],
    ['(atan(exp(x)) - pi/2)*exp(x)', 'inf', '-1'],
    ['sinh(25 - x^2)', 'inf', '-inf'],
    ['cosh(30 - x)', 'inf', 'inf'],
    ['exp(-40)*x', 'inf', 'inf'],
  ])('lim %s at %s = %s', (f, a, want) => {
    expect(lim(f, a)).toBe(want);
  });
});

describe('series keep every term below the order asked for', () => {
  it.each([
    ['1/(x (exp(x) - 1))', 7, '1/x^2 - 1/(2x) + 1/12 - x^2/720 + x^4/30240 - x^6/1209600'],
    ['exp(x)/x^3', 1, '1/x^3 + 1/x^2 + 1/(2x) + 1/6'],
    ['1/sin(x)^5', 2, '1/x^5 + 5/(6x^3) + 3/(8x) + 367x/3024'],
    ['exp(x - 30)', 3, 'exp(-30) + x exp(-30) + x^2 exp(-30)/2'],
    ['sin(x)', 6, 'x - x^3/6 + x^5/120'],
    ['1/x^4 + cos(x)/x^2', 1, '1/x^4 + 1/x^2 - 1/2'],
  ])('series(%s, x, 0, %d)', (f, n, want) => {
    expect(ser(f, n)).toBe(want);
  });

  it('series(tan(x), x, 0, 40) is fast and right', () => {
    const t0 = Date.now();
    const r = seriesTerms(parse('tan(x)'), x, parse('0'), 40);
    expect(Date.now() - t0).toBeLessThan(4000);
    expect(r.terms.length).toBe(20);
    // the coefficient of x^39 is 2^40 (2^40 − 1) |B_40| / 40!
    expect(text(r.terms[19]!)).toBe('32207686319158956594455462x^39/1126482925555250126673224649609375');
  });
});
