import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parse } from '../parse/parse.js';
import { text } from '../render/text.js';
import { evaluate } from '../eval/evaluate.js';
import { rule, RuleError, type Rule } from './rule.js';
import { rewrite } from './engine.js';
import { match } from './match.js';
import { type Expr, add, int, mul, pow, sym, call } from '../ast/expr.js';

const P = parse;

/** All the bindings a pattern admits against a subject (the matcher backtracks through each). */
function allMatches(p: string, s: string): string[] {
  const out: string[] = [];
  const b = new Map<string, Expr>();
  match(P(p), P(s), b, () => {
    out.push([...b].sort(([a], [c]) => (a < c ? -1 : 1)).map(([k, v]) => `${k}=${text(v)}`).join(' '));
    return false;
  });
  return out;
}

describe('matching', () => {
  it('splits an n-ary product over two variables in every way (2^n - 2 ordered splits)', () => {
    for (const n of [2, 3, 4, 5]) {
      const factors = ['p', 'q', 'r', 's', 't'].slice(0, n).join('*');
      const ms = allMatches('a*b', factors);
      expect(ms.length).toBe(2 ** n - 2);
      expect(new Set(ms).size).toBe(ms.length);
    }
  });

  it('matches sums modulo order and non-linear patterns only with equal parts', () => {
    expect(allMatches('sin(a)^2 + cos(a)^2', 'cos(t)^2 + sin(t)^2')).toEqual(['a=t']);
    expect(allMatches('sin(a)^2 + cos(a)^2', 'cos(t)^2 + sin(u)^2')).toEqual([]);
    expect(allMatches('D(x, x)', 'D(y, y)')).toEqual(['x=y']);
    expect(allMatches('D(x, x)', 'D(y, z)')).toEqual([]);
  });

  it('lets rest variables match nothing', () => {
    expect(allMatches('sin(a)^2 + cos(a)^2 + rest', 'cos(t)^2 + sin(t)^2')).toEqual(['a=t rest=0']);
    expect(allMatches('sin(a)^2 + cos(a)^2 + rest', 'cos(t)^2 + sin(t)^2 + y + 1')).toEqual(['a=t rest=y + 1']);
  });

  it('matches constants only by themselves', () => {
    expect(allMatches('exp(a) * pi', 'pi exp(3)')).toEqual(['a=3']);
    expect(allMatches('a + 2', 'x + 3')).toEqual([]);
  });
});

describe('rules', () => {
  it('rejects right-hand sides and guards with variables not in the pattern, and unknown guards', () => {
    expect(() => rule('bad', 'f(a)', 'g(b)')).toThrow(RuleError);
    expect(() => rule('bad', 'f(a)', 'g(a)', { when: 'isConstant(b, a)' })).toThrow(RuleError);
    expect(() => rule('bad', 'f(a)', 'g(a)', { when: 'noSuchGuard(a)' })).toThrow(/unknown guard/);
  });
});

const LOG_RULES: Rule[] = [
  rule('log/product', 'log(a*b)', 'log(a) + log(b)', { when: ['isPositive(a)'] }),
  rule('log/power', 'log(a^n)', 'n*log(a)', { when: 'isInteger(n)' }),
  rule('trig/pythagoras', 'sin(a)^2 + cos(a)^2 + rest', '1 + rest'),
];

describe('rewrite', () => {
  it('returns the very same node when no rule applies', () => {
    const e = P('x^2 + sin(y) * log(z)');
    const r = rewrite(e, LOG_RULES);
    expect(r.expr).toBe(e);
    expect(r.stopped).toBe('fixpoint');
    expect(r.count).toBe(0);
  });

  it('rewrites innermost first, to a fixpoint, and keeps values', () => {
    const e = P('log(3 x^4) + sin(log(2 y^2))^2 + cos(log(2 y^2))^2');
    const r = rewrite(e, LOG_RULES, { trace: true });
    expect(text(r.expr)).toBe(text(P('log(3) + 4 log(x) + 1')));
    expect(r.steps.map((s) => s.rule)).toEqual(['log/product', 'log/power', 'log/product', 'log/power', 'trig/pythagoras']);
    const env = { x: 1.7, y: 0.6 };
    expect(evaluate(r.expr, env)).toBeCloseTo(evaluate(e, env), 12);
    // each recorded whole expression keeps the value, and `at` points at the rewritten subterm
    let prev = e;
    for (const s of r.steps) {
      expect(evaluate(s.whole!, env)).toBeCloseTo(evaluate(prev, env), 10);
      prev = s.whole!;
    }
    expect(prev).toBe(r.expr);
  });

  it('a guard that fails leaves the term alone', () => {
    const e = P('log(-2 x)');
    expect(rewrite(e, LOG_RULES).expr).toBe(e);
  });

  it('stops at the step limit with a partial result and says so', () => {
    const grow = [rule('grow', 'f(a)', 'f(a + 1)')];
    const r = rewrite(call('f', [sym('x')]), grow, { limits: { steps: 50 } });
    expect(r.stopped).toBe('step-limit');
    expect(r.count).toBe(50);
    expect(r.expr.kind).toBe('call');
  });

  it('stops at the size limit', () => {
    const blow = [rule('blow', 'f(a)', 'f(g(a, a))')];
    const r = rewrite(call('f', [sym('x')]), blow, { limits: { height: 30 } });
    expect(r.stopped).toBe('size-limit');
  });

  it('stops at the time limit', () => {
    const slow = [rule('slow', 'f(a)', (b) => { const t = Date.now(); while (Date.now() - t < 2); return call('f', [add(b.get('a')!, int(1))]); })];
    const r = rewrite(call('f', [sym('x')]), slow, { limits: { timeMs: 20, steps: 1e9 } });
    expect(r.stopped).toBe('time-limit');
  });

  it('handles very deep expressions without recursion', () => {
    let e: Expr = sym('x');
    let g: Expr = sym('x');
    for (let k = 0; k < 20000; k++) {
      e = call('f', [e]);
      g = call('g', [g]);
    }
    const r = rewrite(e, [rule('f-to-g', 'f(a)', 'g(a)')]);
    expect(r.stopped).toBe('fixpoint');
    expect(r.count).toBe(20000);
    expect(r.expr).toBe(g);
  });

  it('normalises a shared subtree once (memoised over the DAG)', () => {
    let e: Expr = P('log(x^2)');
    for (let k = 0; k < 40; k++) e = mul(e, add(e, int(1))); // 2^40 tree paths, 80 distinct nodes
    const r = rewrite(e, LOG_RULES);
    expect(r.count).toBe(1);
  });

  it('log rules agree with the numeric value on random inputs', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 6 }), fc.double({ min: 0.1, max: 5, noNaN: true }), (c, n, x) => {
      const e = call('log', [mul(int(c), pow(sym('x'), int(n)))]);
      const r = rewrite(e, LOG_RULES);
      expect(evaluate(r.expr, { x })).toBeCloseTo(evaluate(e, { x }), 9);
    }), { numRuns: 200 });
  });
});
