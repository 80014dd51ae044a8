import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { type Expr, add, mul, pow, call, int, frac, sym } from '../../src/ast/expr.js';
import { parse } from '../../src/parse/parse.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { integrate } from '../../src/integrate/integrate.js';
import { integrateDefinite } from '../../src/integrate/definite.js';
import { checkAntiderivative } from '../../src/integrate/verify.js';
import { explain } from '../../src/rewrite/explain.js';
import '../../src/integrate/explain.js';
import { renderDerivation } from '../../src/render/derivation.js';
import katex from 'katex';

const x = sym('x');

describe('polynomial times a Gaussian', () => {
  it('integrates P(x)·exp(a x² + b x + c) for generated P and a < 0, and the answer differentiates back', () => {
    const poly = fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 5 });
    const q = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: -4, max: 4 }), fc.integer({ min: -2, max: 2 }));
    fc.assert(fc.property(poly, q, (ps, [an, ad, b, c]) => {
      if (ps.every((p) => p === 0)) return;
      const P = add(...ps.map((p, k) => mul(int(p), pow(x, int(k)))));
      const Q = add(mul(frac(-an, ad), pow(x, int(2))), mul(int(b), x), int(c));
      const f = mul(P, call('exp', [Q]));
      const F = integrate(f, x);
      expect(F.kind === 'call' && F.fn === 'integrate').toBe(false);
      expect(checkAntiderivative(F, f, x)).toBe(true);
    }), { numRuns: 150 });
  });

  it('the moments of the standard normal: E[X^(2k)] = (2k − 1)!!, exactly by the fundamental theorem and limits', () => {
    let doubleFactorial = 1;
    for (let k = 0; k <= 4; k++) {
      if (k > 0) doubleFactorial *= 2 * k - 1;
      const r = integrateDefinite(parse(`x^${2 * k}*exp(-x^2/2)/sqrt(2*pi)`), x, parse('-inf'), parse('inf'));
      expect(r.path).toBe('limit');
      expect(evaluate(r.value)).toBeCloseTo(doubleFactorial, 12);
      // and exactly: the roots of 2π cancel (√(2π) = √2·√π for positive constants)
      expect(r.value.kind).toBe('num');
    }
  });

  it('explains the step and typesets it', () => {
    const d = explain('integrate', parse('x^2*exp(-x^2)'), x);
    const tex = renderDerivation(d, { lang: 'pt' });
    expect(tex).toMatch(/gaussiana/);
    expect(() => katex.renderToString(tex, { throwOnError: true })).not.toThrow();
  });

  it('leaves exp(+x²) alone (its antiderivative needs erfi)', () => {
    const F: Expr = integrate(parse('exp(x^2)'), x);
    expect(F.kind === 'call' && F.fn === 'integrate').toBe(true);
  });
});

describe('polynomial times an exponential of a linear function', () => {
  it('any degree in one pass, checked by differentiation; low degrees keep the by-parts derivation', () => {
    const poly = fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 5, maxLength: 22 });
    fc.assert(fc.property(poly, fc.integer({ min: -4, max: 4 }).filter((b) => b !== 0), (ps, b) => {
      if (ps[ps.length - 1] === 0) return;
      const P = add(...ps.map((p, k) => mul(int(p), pow(x, int(k)))));
      const f = mul(P, call('exp', [add(mul(int(b), x), int(1))]));
      const F = integrate(f, x);
      expect(F.kind === 'call' && F.fn === 'integrate').toBe(false);
      expect(checkAntiderivative(F, f, x)).toBe(true);
    }), { numRuns: 60 });
    expect(explain('integrate', parse('x*exp(x)'), x).steps[0]!.rule).toBe('int/parts');
  });
});
