import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { exprArb } from '../../test/arbitrary.js';
import { type Expr, call, list, mul, sym } from '../ast/expr.js';
import { parse } from '../parse/parse.js';
import { text } from '../render/text.js';
import { rewrite } from '../rewrite/engine.js';
import { derive, directApplies } from './derive.js';
import { diff, explainDiff, hessian } from './diff.js';
import { D, DIFF_RULES } from './rules.js';

const X = sym('x');
const Y = sym('y');

/** The rewrite of D(f, x) with the rules, as the derivation computes it (no tidying). */
const byRules = (f: Expr, x = X): Expr => rewrite(D(f, x), DIFF_RULES).expr;

describe('the direct pass computes what the rules compute', () => {
  it('on random expressions over the whole operator table, before tidying', () => {
    fc.assert(
      fc.property(exprArb(4), (f) => {
        if (!directApplies(f)) return;
        expect(text(derive(f, X))).toBe(text(byRules(f)));
        expect(derive(f, X)).toBe(byRules(f));
      }),
      { numRuns: 400 },
    );
  });

  it('diff and explain("diff") give identical results, first and second order, in x and in y', () => {
    fc.assert(
      fc.property(exprArb(3), fc.constantFrom(X, Y), fc.constantFrom(1, 2), (f, v, n) => {
        expect(diff(f, v, n)).toBe(explainDiff(f, v, n).result);
      }),
      { numRuns: 250 },
    );
  });

  it('on products with many constant factors, quotients with several denominators, and lists', () => {
    const cases = [
      '2 y a b c d e_1 f g h k m n p q sin(x) x^2', 'x/(sin(x) (x + 1)^2 log(x))', 'y^x x^y', '0^x + 0.0^x',
      'atan2(x, y^2) + log(x, 2) + max(x, y, 1)', 'gamma(x) + f(x)', 'x^x^x', '3 (x + 1)^(-2) y',
    ];
    for (const s of cases) {
      const f = parse(s);
      expect(derive(f, X), s).toBe(byRules(f));
      expect(diff(f, X), s).toBe(explainDiff(f, X).result);
    }
    const l = list([parse('x^2'), list([parse('sin(x)'), parse('y')])]);
    expect(diff(l, X)).toBe(explainDiff(l, X).result);
  });
});

describe('where the direct pass does not apply, diff uses the rules', () => {
  it('nested derivatives are evaluated first, wherever they are', () => {
    const f = mul(X, D(parse('y^2'), Y));
    expect(directApplies(f)).toBe(false);
    expect(diff(f, X)).toBe(explainDiff(f, X).result);
    expect(text(diff(f, X))).toBe('2y');
  });

  it('lists inside other operations', () => {
    const f = mul(X, call('sin', [list([X, Y])]));
    expect(directApplies(f)).toBe(false);
    expect(diff(f, X)).toBe(explainDiff(f, X).result);
  });

  it('a shared memo keeps variables apart', () => {
    const f = parse('x^2 y^3 + sin(x y)');
    const h = hessian(f, [X, Y]);
    expect(h).toBe(list([
      list([diff(f, X, 2), diff(diff(f, X), Y)]),
      list([diff(diff(f, X), Y), diff(f, Y, 2)]),
    ]));
  });
});
