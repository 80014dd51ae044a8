import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluate, EvalError, N, parse, text } from '../../src/index.js';
import { Session } from '../../src/lang/index.js';

describe('evaluate', () => {
  it.each([
    ['1/3 + 1/6', {}, 0.5],
    ['x^2 + 1', { x: 3 }, 10],
    ['sin(pi/2)', {}, 1],
    ['log(8, 2)', {}, 3],
    ['5!', {}, 120],
    ['gamma(1/2)^2', {}, Math.PI],
    ['erf(0.5)', {}, 0.5204998778130465],
    ['atan2(1, 1)', {}, Math.PI / 4],
    ['max(1, x, 3)', { x: 7 }, 7],
    ['sqrt(16)', {}, 4],
    ['root(27, 3)', {}, 3],
    ['alpha * theta_1', { alpha: 2, theta_1: 4 }, 8],
  ])('%s with %j is %d', (src, env, want) => {
    expect(evaluate(parse(src), env)).toBeCloseTo(want, 12);
  });

  it.each([
    ['x + 1', {}, "'x' has no value"],
    ['1/0', {}, 'division by zero in 1/0'],
    ['1/(x - 1)', { x: 1 }, 'division by zero'],
    ['log(-1)', {}, 'log of a non-positive number (-1)'],
    ['sqrt(-4)', {}, 'a negative number to a fractional power is not a real number'],
    ['asin(2)', {}, 'asin is defined on [-1, 1], got 2'],
    ['i^2', {}, 'i is imaginary'],
    ['[1, 2]', {}, 'is a list'],
    ['2^(10^10)', {}, 'too large for a double'],
  ])('%s with %j fails: %s', (src, env, message) => {
    expect(() => evaluate(parse(src), env)).toThrow(EvalError);
    expect(() => evaluate(parse(src), env)).toThrow(message);
  });

  it('agrees with the numeric functions it is built from', () => {
    fc.assert(fc.property(fc.double({ min: -50, max: 50, noNaN: true }), (x) => {
      const want = Math.sin(x) + Math.cos(x) ** 2 - Math.exp(x / 10);
      expect(Math.abs(evaluate(parse('sin(x) + cos(x)^2 - exp(x/10)'), { x }) - want)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(Math.exp(x / 10))));
    }), { numRuns: 200 });
  });
});

describe('N and exact evaluation', () => {
  const run = (s: Session, line: string): string => {
    const out = s.run(line);
    return out.kind === 'expr' ? text(out.expr) : out.kind === 'text' ? out.text : '';
  };
  it.each([
    ['N(pi)', '3.141592653589793'],
    ['N(pi, 5)', '3.1416'],
    ['N(1/3)', '0.3333333333333333'],
    ['N(x + pi)', 'x + 3.141592653589793'],
    ['N(sqrt(2))', '1.4142135623730951'],
    ['10!', '3628800'],
    ['abs(-3/4)', '3/4'],
    ['floor(7/2) + ceil(7/2)', '7'],
    ['floor(-7/2)', '-4'],
    ['sin(0) + cos(0)', '1'],
    ['2^100', '1267650600228229401496703205376'],
    ['sqrt(8)', 'sqrt(8)'],
    ['(4/9)^(1/2)', '2/3'],
    ['latex(x/2)', '\\frac{x}{2}'],
    ['text(sqrt(x))', 'sqrt(x)'],
  ])('%s → %s', (line, shown) => {
    expect(run(new Session(), line)).toBe(shown);
  });

  it('keeps variables and functions across lines', () => {
    const s = new Session();
    run(s, 'a := 3');
    run(s, 'f(x) := x^2 + a');
    expect(run(s, 'f(2)')).toBe('7');
    expect(run(s, 'f(y)')).toBe('y^2 + 3');
    expect(() => run(s, 'g(x) := g(x)')).not.toThrow();
    expect(() => run(s, 'g(1)')).toThrow(/nested function calls/);
    expect(() => run(s, 'sin(x) := 1')).toThrow(/built-in/);
    expect(() => run(s, 'pi := 3')).toThrow(/constant/);
  });

  it('N gives every digit asked for beyond double precision', () => {
    // π and e to 50 significant digits are well-known constants.
    expect(text(N(parse('pi'), 50))).toBe('3.1415926535897932384626433832795028841971693993751');
    expect(text(N(parse('e'), 40))).toBe('2.718281828459045235360287471352662497757');
    expect(text(N(parse('-sqrt(2)'), 30))).toBe('-1.41421356237309504880168872421');
    const big = N(parse('pi'), 30);
    expect(parse(text(big))).toBe(big);
    expect(() => N(parse('pi'), 0)).toThrow(/positive whole number/);
  });
});
