import { describe, it, expect } from 'vitest';
import { sym } from '../../src/ast/expr.js';
import { parse } from '../../src/parse/parse.js';
import { text } from '../../src/render/text.js';
import { limit, seriesTerms, seriesDisplay, NoLimitError, DoesNotExistError, LimitDependsError } from '../../src/limit/index.js';
import { Assumptions } from '../../src/simplify/assume.js';

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

describe('limits with parameters, constants and oscillation', () => {
  const withA = (f: string, a: string, as: string): string =>
    text(limit(parse(f), x, parse(a), 'both', { assumptions: Assumptions.from({ assumptions: [parse(as)] }) }));
  it('reads the sign of a parameter from the assumptions', () => {
    expect(withA('x^a', 'inf', 'a < 0')).toBe('0');
    expect(withA('x^a', 'inf', 'a > 0')).toBe('inf');
    expect(withA('exp(-a*x)', 'inf', 'a > 0')).toBe('0');
    expect(withA('(x^2 + 1)^a/x', 'inf', 'a < 0')).toBe('0');
  });
  it('states the cases when the sign is unknown', () => {
    expect(() => limit(parse('x^a'), x, parse('inf'))).toThrow('inf if a > 0, 0 if a < 0, 1 if a = 0');
    expect(() => limit(parse('exp(-a*x)'), x, parse('inf'))).toThrow(LimitDependsError);
  });
  it.each([
    ['0', '0', '0'], ['0/x', '0', '0'], ['y', 'inf', 'y'],
    ['log(1 + exp(x)) - x', 'inf', '0'], ['log(1 + exp(2*x)) - 2*x', 'inf', '0'], ['log(exp(x) + x) - x', 'inf', '0'],
    ['x*sin(1/x)', '0', '0'],
  ])('lim %s at %s = %s', (f, a, want) => {
    expect(lim(f, a)).toBe(want);
  });
  it('says "does not exist" only with a proof', () => {
    expect(() => limit(parse('sin(1/x)'), x, parse('0'))).toThrow(DoesNotExistError);
    expect(() => limit(parse('cos(x^2)'), x, parse('inf'))).toThrow(/oscillates/);
    expect(() => limit(parse('2 + (1 + x)*sin(1/x)'), x, parse('0'))).toThrow(DoesNotExistError);
    // c might be 0: not proven
    expect(() => limit(parse('c*sin(1/x)'), x, parse('0'))).toThrow(NoLimitError);
    expect(() => limit(parse('c*sin(1/x)'), x, parse('0'))).not.toThrow(DoesNotExistError);
  });
  it('stops within its budget or refuses at once', () => {
    const t0 = Date.now();
    expect(() => limit(parse('(1 + 1/x)^x'), x, parse('i + y'))).toThrow(NoLimitError);
    expect(Date.now() - t0).toBeLessThan(6000);
  });
});
