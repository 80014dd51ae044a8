import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { type Expr, add, mul, pow, int, sym, I } from '../../src/ast/expr.js';
import { parse } from '../../src/parse/parse.js';
import { text } from '../../src/render/text.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { solve, SolveError } from '../../src/solve/index.js';
import { Session } from '../../src/lang/index.js';
import { someNode } from '../../src/ast/walk.js';

const x = sym('x');
const sols = (eq: string): string[] => solve(parse(eq), x).values.map(text);

/** |p(v)| for a complex v = re + i·im given as an expression, by Horner in complex arithmetic. */
function residual(coeffs: number[], v: Expr): number {
  const re = evaluate(v, { i: 0 });
  // the imaginary part: v = re + im·i is linear in i
  const im = someNode(v, (n) => n === I) ? (evaluate(v, { i: 1 }) - re) : 0;
  let pr = 0;
  let pi = 0;
  for (let k = coeffs.length - 1; k >= 0; k--) {
    const nr = pr * re - pi * im + coeffs[k]!;
    const ni = pr * im + pi * re;
    pr = nr;
    pi = ni;
  }
  return Math.hypot(pr, pi);
}

describe('solve', () => {
  it.each([
    ['x^2 = 2', ['-sqrt(2)', 'sqrt(2)']],
    ['x^2 - 5x + 6', ['2', '3']],
    ['x^3 - 6x^2 + 11x - 6 = 0', ['1', '2', '3']],
    ['x^2 + 1', ['-i', 'i']],
    ['exp(2x) = 3', ['log(3)/2']],
    ['log(x) + 1 = 3', ['exp(2)']],
    ['sqrt(x) = 3', ['9']],
    ['(x^2 - 1)/(x - 1)', ['-1']],
    ['1/x = 0', []],
    ['exp(x) = -1', []],
  ])('solve(%s)', (eq, want) => {
    expect(sols(eq)).toEqual(want);
  });

  it('the quadratic formula with symbolic coefficients', () => {
    const [r1, r2] = solve(parse('a x^2 + b x + c'), x).values;
    for (const env of [{ a: 1, b: -3, c: 2 }, { a: 2, b: 1, c: -6 }]) {
      for (const r of [r1!, r2!]) {
        const v = evaluate(r, env);
        expect(env.a * v * v + env.b * v + env.c).toBeCloseTo(0, 12);
      }
    }
  });

  it('periodic equations give every solution in one period and the general form', () => {
    const r = solve(parse('sin(x) = 1/2'), x);
    expect(r.values.map(text)).toEqual(['pi/6', '5pi/6']);
    expect(r.roots.map((t) => text(t.period!))).toEqual(['2pi', '2pi']);
  });

  it('every root returned makes a generated cubic or quartic vanish (closed forms by radicals)', () => {
    const poly = fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 4, maxLength: 5 }).filter((c) => c[c.length - 1] !== 0 && c[0] !== 0);
    fc.assert(fc.property(poly, (c) => {
      const p = add(...c.map((k, j) => mul(int(k), pow(x, int(j)))));
      let values: readonly Expr[];
      try {
        values = solve(p, x).values;
      } catch (err) {
        if (err instanceof SolveError) return; // no closed form found is allowed; a wrong root is not
        throw err;
      }
      const scale = Math.max(...c.map(Math.abs));
      for (const v of values) expect(residual(c, v)).toBeLessThan(1e-7 * scale * (1 + Math.abs(evaluate(v, { i: 0 }))) ** c.length);
    }), { numRuns: 60 });
  });

  it('says clearly what it cannot do', () => {
    expect(() => solve(parse('x = x'), x)).toThrow(/holds for every x/);
    expect(() => solve(parse('x^2 < 2'), x)).toThrow(/not an inequality/);
  });

  it('the language: solve(eq, x), solve(eq) with one unknown, and still solve(A, b) for matrices', () => {
    const s = new Session();
    const out = (line: string): string => {
      const o = s.run(line);
      return o.kind === 'expr' ? text(o.expr) : o.kind === 'text' ? o.text : '';
    };
    expect(out('solve(x^2 = 4, x)')).toBe('[-2, 2]');
    expect(out('solve(t^2 - 9)')).toBe('[-3, 3]');
    expect(out('solve([[2, 1], [1, 3]], [3, 5])')).toBe('[4/5, 7/5]');
    expect(out('solve(cos(x) = 0, x)')).toBe('[pi/2, 3pi/2]   (in one period; every solution: pi/2 + 2k pi, 3pi/2 + 2k pi, k an integer)');
  });
});
