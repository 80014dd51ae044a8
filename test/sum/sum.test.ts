import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { type Expr, add, mul, pow, int, frac, sym } from '../../src/ast/expr.js';
import { parse } from '../../src/parse/parse.js';
import { text } from '../../src/render/text.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { substitute } from '../../src/ast/walk.js';
import { symbolicSum, symbolicProd, SumError, DivergesError } from '../../src/sum/index.js';
import { Session } from '../../src/lang/index.js';

const k = sym('k');
const n = sym('n');
const sum = (f: string, a: string, b: string): string => {
  const r = symbolicSum(parse(f), k, parse(a), parse(b));
  return text(r.value) + (r.condition === undefined ? '' : ` for ${r.condition}`);
};

describe('closed forms', () => {
  it.each([
    ['k', '1', 'n', 'n (n + 1)/2'],
    ['k^2', '1', 'n', 'n (n + 1)(2n + 1)/6'],
    ['k^3', '0', 'n', 'n^2 (n + 1)^2/4'],
    ['2^k', '0', 'n', '2^(n + 1) - 1'],
    ['k*2^k', '1', 'n', '2^(n + 1)(n - 1) + 2'],
    ['1/(k*(k+1))', '1', 'n', 'n/(n + 1)'],
    ['1/(k*(k+1))', '1', 'inf', '1'],
    ['1/(k*(k+2))', '1', 'inf', '3/4'],
    ['1/(4*k^2-1)', '1', 'inf', '1/2'],
    ['1/k^2', '1', 'inf', 'pi^2/6'],
    ['1/k^4', '1', 'inf', 'pi^4/90'],
    ['1/k^6', '1', 'inf', 'pi^6/945'],
    ['1/k^3', '1', 'inf', 'zeta(3)'],
    ['x^k/factorial(k)', '0', 'inf', 'exp(x)'],
    ['k*x^k/factorial(k)', '0', 'inf', 'x exp(x)'],
    ['(1/2)^k', '0', 'inf', '2'],
    ['k^2*(1/3)^k', '1', 'inf', '3/2'],
    ['factorial(n)/(factorial(k)*factorial(n-k))*p^k*q^(n-k)', '0', 'n', '(p + q)^n'],
    ['k', '1', '10', '55'],
    ['c', '1', 'n', 'c n'],
  ])('sum(%s, k, %s, %s) = %s', (f, a, b, want) => {
    expect(sum(f, a, b)).toBe(want);
  });

  it.each([
    ['k*factorial(k)', '1', 'n', '(n + 1)! - 1'],
    ['k/factorial(k+1)', '0', 'n', '1 - (n + 2)/(n + 2)!'],
    ['k*2^k/((k+1)*(k+2))', '0', 'n', '2^(n + 1)/(n + 2) - 1'],
  ])("Gosper's algorithm: sum(%s, k, %s, %s)", (f, a, b, want) => {
    const r = symbolicSum(parse(f), k, parse(a), parse(b));
    expect(r.steps[0]!.rule).toBe('sum/gosper');
    for (const m of [3, 7]) {
      const env = new Map<Expr, Expr>([[n, int(m)]]);
      expect(evaluate(substitute(r.value, env))).toBeCloseTo(evaluate(substitute(parse(want), env)), 9);
    }
  });

  it('reads binomial(n, k) as factorials', () => {
    expect(sum('binomial(n, k)', '0', 'n')).toBe('2^n');
    expect(sum('binomial(n, k)*x^k', '0', 'n')).toBe('(x + 1)^n');
  });

  it('states the condition a parameter needs', () => {
    expect(sum('r^k', '0', 'inf')).toBe('-1/(r - 1) for |r| < 1');
    expect(sum('r^k', '0', 'n')).toBe('(r^(n + 1) - 1)/(r - 1) for r ≠ 1');
  });

  it('says "diverges" only with a proof', () => {
    expect(() => sum('1/k', '1', 'inf')).toThrow(DivergesError);
    expect(() => sum('1/sqrt(k)', '1', 'inf')).toThrow(/compare with Σ 1\/k/);
    expect(() => sum('2^k', '0', 'inf')).toThrow(DivergesError);
    expect(() => sum('sin(k)', '0', 'inf')).toThrow(/do not tend to 0/);
    expect(() => sum('1/(k^2 + 1)', '0', 'inf')).toThrow(SumError);
    expect(() => sum('1/(k^2 + 1)', '0', 'inf')).not.toThrow(DivergesError);
    expect(() => sum('1/(k*(k+1))', '0', 'n')).toThrow(/undefined at k = 0/);
  });

  it('products', () => {
    const prod = (f: string, a: string, b: string): string => text(symbolicProd(parse(f), k, parse(a), parse(b)).value);
    expect(prod('k', '1', 'n')).toBe('n!');
    expect(prod('2', '1', 'n')).toBe('2^n');
    expect(prod('k^2', '1', 'n')).toBe('n!^2');
    expect(prod('k + 1/2', '0', 'n')).toBe('gamma(n + 3/2)/sqrt(pi)');
    expect(prod('2^k', '1', 'n')).toBe('2^(n (n + 1)/2)');
    expect(prod('k', '1', '5')).toBe('120');
  });

  it('in the language, with steps and sum(list) kept', () => {
    const s = new Session();
    const run = (line: string): string => {
      const out = s.run(line);
      return out.kind === 'expr' ? (out.text ?? text(out.expr)) : out.kind === 'text' ? out.text : '';
    };
    expect(run('sum([1, 2, 3])')).toBe('6');
    expect(run('sum(k^2, k, 1, n)')).toBe('n (n + 1)(2n + 1)/6');
    expect(run('sum(1/k, k, 1, inf)')).toMatch(/^inf {2}\(the series diverges/);
    expect(run('steps(sum(k^2, k, 1, n), pt)')).toContain('fórmula de Faulhaber');
    expect(run('prod([2, 3])')).toBe('6');
  });
});

describe('sums against direct summation', () => {
  const direct = (f: Expr, lo: number, hi: number, env: Record<string, number>): number => {
    let s = 0;
    for (let j = lo; j <= hi; j++) s += evaluate(f, { ...env, k: j });
    return s;
  };
  const close = (got: number, want: number, scale: number): void => {
    expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, scale));
  };
  const a = sym('a');
  const coeffs = fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 1, maxLength: 4 });

  it('polynomial summands with a parameter, random bounds', () => {
    const r = symbolicSum(add(mul(a, pow(k, int(3))), mul(int(2), k), int(-1)), k, sym('m'), n).value;
    fc.assert(fc.property(coeffs, fc.integer({ min: -5, max: 5 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: -3, max: 3 }), (cs, lo, len, av) => {
      const f = add(...cs.map((c, p) => mul(int(c), a, pow(k, int(p)))));
      const got = evaluate(substitute(symbolicSum(f, k, sym('m'), n).value, new Map<Expr, Expr>([[sym('m'), int(lo)], [n, int(lo + len)]])), { a: av });
      const want = direct(f, lo, lo + len, { a: av });
      close(got, want, Math.abs(want));
      const g = evaluate(substitute(r, new Map<Expr, Expr>([[sym('m'), int(lo)], [n, int(lo + len)]])), { a: av });
      close(g, direct(add(mul(a, pow(k, int(3))), mul(int(2), k), int(-1)), lo, lo + len, { a: av }), Math.abs(g));
      return true;
    }), { numRuns: 12 });
  });

  it('geometric and arithmetico-geometric summands, random ratio', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 1, maxLength: 3 }), fc.integer({ min: -7, max: 7 }).filter((p) => p !== 0 && p !== 4),
      fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 10 }), (cs, p, lo, len) => {
        const r = frac(p, 4);
        const f = mul(add(...cs.map((c, j) => mul(int(c), pow(k, int(j))))), pow(r, k));
        const closed = symbolicSum(f, k, int(lo), n).value;
        const got = evaluate(substitute(closed, new Map<Expr, Expr>([[n, int(lo + len)]])));
        const want = direct(f, lo, lo + len, {});
        close(got, want, Math.abs(want));
        if (Math.abs(p) < 4) {
          // the infinite series agrees with a long partial sum
          const inf = evaluate(symbolicSum(f, k, int(lo), sym('inf')).value);
          close(inf, direct(f, lo, lo + 400, {}), Math.abs(inf));
        }
        return true;
      }), { numRuns: 60 });
  });

  it('telescoping rational summands', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 15 }), (p, q, len) => {
      const f = pow(mul(add(k, int(p)), add(k, int(p + q))), int(-1));
      const closed = symbolicSum(f, k, int(1), n).value;
      close(evaluate(substitute(closed, new Map<Expr, Expr>([[n, int(1 + len)]]))), direct(f, 1, 1 + len, {}), 1);
      const inf = evaluate(symbolicSum(f, k, int(1), sym('inf')).value);
      let exact = 0;
      for (let j = 1; j <= q; j++) exact += 1 / (q * (p + j));
      close(inf, exact, 1);
      return true;
    }), { numRuns: 40 });
  });
});
