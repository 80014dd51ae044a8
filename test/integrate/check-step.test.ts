import { describe, it, expect } from 'vitest';
import katex from 'katex';
import { parse } from '../../src/parse/parse.js';
import { sym } from '../../src/ast/expr.js';
import { explain } from '../../src/rewrite/explain.js';
import '../../src/integrate/explain.js';
import { renderDerivation, renderDerivationText } from '../../src/render/derivation.js';
import { checkSymbolically } from '../../src/integrate/verify.js';

const x = sym('x');

describe('every explained antiderivative closes with its check', () => {
  it('symbolically where simplification reaches the integrand', () => {
    const d = explain('integrate', parse('x*exp(x)'), x);
    expect(d.check?.rule).toBe('int/check-symbolic');
    const txt = renderDerivationText(d, { lang: 'en' });
    expect(txt.split('\n').at(-1)).toMatch(/^ {2}check \(simplified symbolically\): diff\(.*, x\) = x exp\(x\)$/);
    for (const lang of ['en', 'pt'] as const) expect(() => katex.renderToString(renderDerivation(d, { lang }), { throwOnError: true })).not.toThrow();
  });

  it('a wrong candidate is never shown as checked symbolically', () => {
    expect(checkSymbolically(parse('x^2/2 + x'), parse('x'), x)).toBeUndefined();
    expect(checkSymbolically(parse('x^2/2 + 7'), parse('x'), x)).toBe(true);
  });
});
