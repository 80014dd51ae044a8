import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { text } from '../../src/render/text.js';
import { Session } from '../../src/lang/index.js';
import { parse } from '../../src/parse/parse.js';
import { simplify } from '../../src/simplify/index.js';
import { evaluate } from '../../src/eval/evaluate.js';

const run = (line: string): string => {
  const out = new Session().run(line);
  return out.kind === 'expr' ? text(out.expr) : out.kind === 'text' ? out.text : '';
};

describe('simplifications a CAS is expected to do', () => {
  it.each([
    ['simplify(sin(x + pi))', '-sin(x)'],
    ['simplify(cos(pi/2 - x))', 'sin(x)'],
    ['simplify(sin(x - pi/2))', '-cos(x)'],
    ['simplify(cos(x + 3pi/2))', 'sin(x)'],
    ['simplify(tan(x + pi))', 'tan(x)'],
    ['simplify(factorial(n+1)/factorial(n))', 'n + 1'],
    ['simplify((n+2)!/(n!))', '(n + 1)(n + 2)'],
    ['simplify(factorial(n)/factorial(n-1))', 'n'],
    ['simplify(gamma(x+1)/gamma(x))', 'x'],
    ['simplify(binomial(n+1, 3) - binomial(n, 3))', 'n (n - 1)/2'],
  ])('%s → %s', (input, want) => {
    expect(run(input)).toBe(want);
  });

  it('shifts by multiples of π/2 keep the value', () => {
    fc.assert(fc.property(fc.constantFrom('sin', 'cos', 'tan'), fc.integer({ min: -7, max: 7 }), fc.double({ min: -3, max: 3, noNaN: true }), (f, k, x) => {
      const e = parse(`${f}(x + ${k} pi/2)`);
      const s = simplify(e);
      const a = evaluate(e, { x });
      if (!Number.isFinite(a) || Math.abs(a) > 1e6) return;
      expect(evaluate(s, { x })).toBeCloseTo(a, 8);
    }), { numRuns: 100 });
  });

  it('ratios of factorials keep the value', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 12 }), (a, b, n) => {
      const e = parse(`factorial(n + ${a})/factorial(n + ${b})`);
      const s = simplify(e);
      expect(evaluate(s, { n })).toBeCloseTo(evaluate(e, { n }), 6);
    }), { numRuns: 60 });
  });
});
