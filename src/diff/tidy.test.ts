import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { exprArb } from '../../test/arbitrary.js';
import { tryEvaluate } from '../../test/calculus/numeric.js';
import { type Expr, children, sym } from '../ast/expr.js';
import { parse } from '../parse/parse.js';
import { derive } from './derive.js';
import { diff } from './diff.js';
import { tidy } from './tidy.js';

const env = { x: 0.83, y: -1.21, z: 2.3, alpha: 0.37, x_1: 1.9, W_q: -0.45, theta: 1.3 };
const size = (e: Expr): number => 1 + children(e).reduce((s, c) => s + size(c), 0);
const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

describe('tidy', () => {
  it('keeps values and is idempotent, on random expressions and on raw derivatives', () => {
    fc.assert(fc.property(exprArb(3), (f) => {
      for (const e of [f, derive(f, sym('x'))]) {
        const t = tidy(e);
        expect(tidy(t)).toBe(t);
        const a = tryEvaluate(e, env);
        const b = tryEvaluate(t, env);
        if (a !== undefined && b !== undefined) expect(close(a, b), `${a} vs ${b}`).toBe(true);
      }
    }), { numRuns: 400 });
  });

  it('returns a tidy node itself', () => {
    const e = parse('x^2 cos(x) + 2x sin(x)');
    expect(tidy(e)).toBe(e);
  });

  it('cancels a common power between a sum and the denominator (the quotient rule’s leftover)', () => {
    expect(tidy(parse('(2x (x + 1) - x^2)/x^4'))).toBe(parse('(2(x + 1) - x)/x^3'));
    expect(tidy(parse('(x^3 sin(x) + x^2)/x^(5/2)'))).toBe(parse('(x sin(x) + 1) x^(-1/2)'));
    // Nothing cancels when a term lacks the factor.
    const kept = parse('(x^2 + 1)/x^2');
    expect(tidy(kept)).toBe(kept);
  });

  it('pulls integer content out of a sum only when the tree gets smaller', () => {
    expect(tidy(parse('2x + 2cos(2x) + 2'))).toBe(parse('2(x + cos(2x) + 1)'));
    const kept = parse('3x^2 + 6x + 1');
    expect(tidy(kept)).toBe(kept);
    const even = parse('2x + 2');
    expect(tidy(even)).toBe(even);
  });

  it('merges an even root of a root with the root itself', () => {
    expect(tidy(parse('sqrt(sqrt(x + 1))/sqrt(x + 1)'))).toBe(parse('(x + 1)^(-1/4)'));
    // (x^2)^(1/2) is |x|, not x: an integer power inside a root is left alone.
    const abs = parse('sqrt(x^2)/x');
    expect(tidy(abs)).toBe(abs);
  });

  it('values at 0 and log(1)', () => {
    expect(tidy(parse('log(x/x) + cos(0 y) + 3'))).toBe(parse('4'));
  });

  it('makes quotient-rule results as small as the reduced form', () => {
    // d/dx x^2/(x + e^x)^2 = 2x (x + e^x)^-2 - x^2 · 2 (x + e^x)^-3 (1 + e^x), over one power of the denominator.
    const d = diff(parse('x^2/(x + exp(x))^2'), sym('x'));
    expect(size(d)).toBeLessThanOrEqual(size(parse('(2x (x + exp(x)) - 2x^2 (exp(x) + 1))/(x + exp(x))^3')));
    const ref = (t: number): number => (2 * t * (t + Math.exp(t)) - 2 * t * t * (Math.exp(t) + 1)) / (t + Math.exp(t)) ** 3;
    for (const t of [-0.3, 0.4, 1.7]) expect(close(tryEvaluate(d, { x: t })!, ref(t))).toBe(true);
  });
});
