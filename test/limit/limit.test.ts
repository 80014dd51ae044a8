import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { type Expr, add, mul, call, int, pow, sym, frac } from '../../src/ast/expr.js';
import { parse } from '../../src/parse/parse.js';
import { text } from '../../src/render/text.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { diff } from '../../src/diff/diff.js';
import { limit, series, NoLimitError } from '../../src/limit/index.js';
import { integrateDefinite } from '../../src/integrate/definite.js';
import { Session } from '../../src/lang/index.js';
import { substitute } from '../../src/ast/walk.js';

const x = sym('x');
const lim = (f: string, a: string, side?: 'left' | 'right'): string => text(limit(parse(f), x, parse(a), side));

describe('limit', () => {
  it.each([
    ['sin(x)/x', '0', '1'],
    ['(1 - cos(x))/x^2', '0', '1/2'],
    ['(sin(x) - x)/x^3', '0', '-1/6'],
    ['(exp(x) - 1 - x)/x^2', '0', '1/2'],
    ['x*log(x)', '0', '0'],
    ['x^x', '0', '1'],
    ['x^10*exp(-x)', 'inf', '0'],
    ['exp(x)/x^5', 'inf', 'inf'],
    ['log(x)/x', 'inf', '0'],
    ['log(log(x))/log(x)', 'inf', '0'],
    ['atan(x)', 'inf', 'pi/2'],
    ['atan(x)', '-inf', '-pi/2'],
    ['(1 + 1/x)^x', 'inf', 'exp(1)'],
    ['sqrt(x^2 + x) - x', 'inf', '1/2'],
    ['(x^2 + 1)/(3*x^2 - x)', 'inf', '1/3'],
    ['(tanh(x) - 1)*exp(2*x)', 'inf', '-2'],
    ['erf(x)', 'inf', '1'],
    ['x*(exp(1/x) - 1)', 'inf', '1'],
    ['exp(-1/x^2)/x^100', '0', '0'],
    ['exp(-x)*(sin(x) + cos(x))', 'inf', '0'],
    ['log(x + 1) - log(x)', 'inf', '0'],
  ])('lim %s at %s = %s', (f, a, want) => {
    expect(lim(f, a)).toBe(want);
  });

  it('one-sided limits and limits that do not exist', () => {
    expect(lim('1/x', '0', 'right')).toBe('inf');
    expect(lim('1/x', '0', 'left')).toBe('-inf');
    expect(() => limit(parse('1/x'), x, parse('0'))).toThrow(NoLimitError);
    expect(() => limit(parse('1/x'), x, parse('0'))).toThrow(/from the left -inf, from the right inf/);
    expect(() => limit(parse('sin(x)'), x, parse('inf'))).toThrow(NoLimitError);
  });

  it('keeps symbolic parameters', () => {
    expect(lim('(1 + a/x)^x', 'inf')).toBe('exp(a)');
  });

  // A law: the difference quotient at 0 tends to the derivative, for functions analytic at 0.
  const analyticArb: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
    e: fc.oneof(
      { maxDepth: 3, depthSize: 'small' } as fc.OneOfConstraints,
      fc.constant(x as Expr),
      fc.integer({ min: -4, max: 4 }).map((n) => int(n) as Expr),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => add(a, b)),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => mul(a, b)),
      fc.tuple(fc.constantFrom('exp', 'sin', 'cos', 'atan', 'sinh', 'tanh'), tie('e')).map(([f, a]) => call(f, [a])),
      tie('e').map((a) => call('log', [add(int(3), pow(a, int(2)))])),
      tie('e').map((a) => pow(add(int(2), pow(a, int(2))), frac(1, 2))),
    ),
  })).e;

  it('lim (f(x) − f(0))/x = f′(0) for generated analytic f', () => {
    fc.assert(fc.property(analyticArb, (f) => {
      const f0 = evaluate(f, { x: 0 });
      const d0 = evaluate(diff(f, x), { x: 0 });
      if (!Number.isFinite(f0) || !Number.isFinite(d0) || Math.abs(d0) > 1e6) return true;
      // (f(x) − f(0))/x with f(0) written exactly as the expression f at 0.
      const quotient = mul(add(f, mul(int(-1), substitute(f, new Map([[x, int(0)]])))), pow(x, int(-1)));
      let L: Expr;
      try {
        L = limit(quotient, x, int(0));
      } catch (err) {
        if (err instanceof NoLimitError) return true; // undetermined is allowed, wrong is not
        throw err;
      }
      const v = evaluate(L);
      expect(Math.abs(v - d0)).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(d0)));
      return true;
    }), { numRuns: 150 });
  });

  it('lim p(x)/q(x) at inf is the ratio of leading coefficients when the degrees agree', () => {
    const coeffs = fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(coeffs, coeffs, fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), (p, q, lp, lq) => {
      const n = Math.max(p.length, q.length);
      const poly = (cs: number[], lead: number): Expr => add(mul(int(lead), pow(x, int(n))), ...cs.slice(0, n).map((c, k) => mul(int(c), pow(x, int(k)))));
      const L = limit(mul(poly(p, lp), pow(poly(q, lq), int(-1))), x, sym('inf'));
      expect(evaluate(L)).toBeCloseTo(lp / lq, 14);
    }), { numRuns: 200 });
  });
});

describe('series', () => {
  it.each([
    ['exp(x)', '0', 6, 'x^5/120 + x^4/24 + x^3/6 + x^2/2 + x + 1'],
    ['sin(x)/x', '0', 6, 'x^4/120 - x^2/6 + 1'],
    ['log(1 + x)', '0', 4, '-x^2/2 + x^3/3 + x'],
    ['tan(x)', '0', 6, '2x^5/15 + x^3/3 + x'],
    ['sqrt(x^2 + 1)', 'inf', 4, 'x + 1/(2x) - 1/(8x^3)'],
  ])('series(%s, x, %s, %i)', (f, a, n, want) => {
    const got = series(parse(f), x, parse(a), n);
    // Compare values, not strings: term order is the printer's business.
    for (const p of [0.3, 0.7, 1.9]) expect(evaluate(got, { x: p })).toBeCloseTo(evaluate(parse(want), { x: p }), 12);
  });

  it('the coefficients are the Taylor coefficients f^(k)(0)/k! (checked by differentiation)', () => {
    for (const f of ['exp(sin(x))', 'atan(x)/(1 + x)', 'cos(x)^2*exp(2*x)', 'sqrt(1 + x)*log(1 + x)']) {
      const s = series(parse(f), x, parse('0'), 5);
      let df = parse(f);
      let ds = s;
      for (let k = 0; k < 5; k++) {
        expect(evaluate(ds, { x: 0 })).toBeCloseTo(evaluate(df, { x: 0 }), 10);
        df = diff(df, x);
        ds = diff(ds, x);
      }
    }
  });
});

describe('definite integrals reach their ends through exact limits', () => {
  const def = (f: string, a: string, b: string) => integrateDefinite(parse(f), x, parse(a), parse(b));
  it.each([
    ['exp(-x)', '0', 'inf', '1'],
    ['x^3*exp(-x)', '0', 'inf', '6'],
    ['1/(1 + x^2)', '-inf', 'inf', 'pi'],
    ['log(x)', '0', '1', '-1'],
    ['exp(-x)*sin(x)', '0', 'inf', '1/2'],
    ['1/(x^2 - 1)', '2', 'inf', 'log(3)/2'],
    ['x*exp(-x^2)', '0', 'inf', '1/2'],
  ])('∫ %s from %s to %s = %s', (f, a, b, want) => {
    const r = def(f, a, b);
    expect(r.path).not.toBe('numeric');
    expect(evaluate(r.value)).toBeCloseTo(evaluate(parse(want)), 13);
    expect(r.value.kind).not.toBe('float');
  });

  it('says when an integral diverges', () => {
    expect(() => def('1/x', '1', 'inf')).toThrow(/diverges/);
  });

  it('the language speaks limit and series', () => {
    const s = new Session();
    const out = (line: string): string => {
      const o = s.run(line);
      return o.kind === 'expr' ? text(o.expr) : o.kind === 'text' ? o.text : '';
    };
    expect(out('limit(sin(x)/x, x, 0)')).toBe('1');
    expect(out('limit(1/x, x, 0, -1)')).toBe('-inf');
    expect(out('series(cos(x), x, 0, 4)')).toBe('1 - x^2/2');
    expect(() => out('limit(1/x, x, 0)')).toThrow(/does not exist/);
  });
});
