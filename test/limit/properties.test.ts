import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { type Expr, add, mul, call, int, pow, sym, frac } from '../../src/ast/expr.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { diff } from '../../src/diff/diff.js';
import { bigDigits } from '../../src/eval/n-big.js';
import { substitute } from '../../src/ast/walk.js';
import { limit, seriesTerms, NoLimitError } from '../../src/limit/index.js';

const x = sym('x');

const analyticArb: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { maxDepth: 3, depthSize: 'small' } as fc.OneOfConstraints,
    fc.constant(x as Expr),
    fc.integer({ min: -4, max: 4 }).map((n) => int(n) as Expr),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => add(a, b)),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => mul(a, b)),
    fc.tuple(fc.constantFrom('exp', 'sin', 'cos', 'atan', 'sinh', 'tanh'), tie('e')).map(([f, a]) => call(f, [a])),
    tie('e').map((a) => call('log', [add(int(3), pow(a, int(2)))])),
  ),
})).e;

describe('limits and series against high-precision evaluation', () => {
  it('lim f at a point of continuity is f(a), to 30 digits', () => {
    fc.assert(fc.property(analyticArb, fc.constantFrom(frac(1, 2), int(-1), int(2)), (f, a) => {
      let L: Expr;
      try {
        L = limit(f, x, a);
      } catch (err) {
        if (err instanceof NoLimitError) return true; // undetermined is allowed, wrong is not
        throw err;
      }
      const want = bigDigits(substitute(f, new Map([[x, a]])), 30);
      const got = bigDigits(L, 30);
      expect(Number(got)).toBeCloseTo(Number(want), 10);
      return true;
    }), { numRuns: 30 });
  });

  it('series coefficients are f^(j)(0)/j!', () => {
    fc.assert(fc.property(analyticArb, (f) => {
      let terms: readonly Expr[];
      try {
        terms = seriesTerms(f, x, int(0), 4).terms;
      } catch (err) {
        if (err instanceof NoLimitError) return true;
        throw err;
      }
      const poly = add(...terms);
      let df = f;
      let dp = poly;
      for (let j = 0; j < 4; j++) {
        if (j > 0) {
          df = diff(df, x);
          dp = diff(dp, x);
        }
        const want = evaluate(df, { x: 0 });
        if (!Number.isFinite(want) || Math.abs(want) > 1e8) return true;
        expect(evaluate(dp, { x: 0 })).toBeCloseTo(want, 6);
      }
      return true;
    }), { numRuns: 60 });
  });

  it('limits at infinity of exponentially small and large terms keep tiny coefficients', () => {
    fc.assert(fc.property(fc.integer({ min: 20, max: 60 }), fc.integer({ min: 1, max: 3 }), (c, p) => {
      // sinh(c − x^p) → −∞ however small exp(−c) is; exp(−c)·x^p → ∞
      expect(limit(call('sinh', [add(int(c), mul(int(-1), pow(x, int(p))))]), x, sym('inf'))).toBe(mul(int(-1), sym('inf')));
      expect(limit(mul(call('exp', [int(-c)]), pow(x, int(p))), x, sym('inf'))).toBe(sym('inf'));
      return true;
    }), { numRuns: 20 });
  });
});
