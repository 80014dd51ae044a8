import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import katex from 'katex';
import { exprArb } from '../../test/arbitrary.js';
import { numericDerivative, tryEvaluate, type Env } from '../../test/calculus/numeric.js';
import { type Expr, children, float, sym, withChildren } from '../ast/expr.js';
import { parse } from '../parse/parse.js';
import { explain } from '../rewrite/explain.js';
import { diff } from '../diff/index.js';
import { renderDerivation, renderDerivationText } from './derivation.js';
import { label } from './labels.js';

const X = sym('x');

/** Value of an expression whose unevaluated derivatives D(f, x) are replaced by finite-difference values. */
function valueWithD(e: Expr, env: Env): number | undefined {
  let ok = true;
  const go = (n: Expr): Expr => {
    if (n.kind === 'call' && n.fn === 'D') {
      const [f, v] = n.args as [Expr, Expr];
      const d = v.kind === 'sym' ? numericDerivative(go(f), v.name, env) : undefined;
      if (d === undefined) ok = false;
      return float(d ?? 0);
    }
    const kids = children(n);
    return kids.length === 0 ? n : withChildren(n, kids.map(go));
  };
  const closed = go(e);
  return ok ? tryEvaluate(closed, env) : undefined;
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

describe('derivation of diff(sin(x^2) exp(x), x)', () => {
  const d = explain('diff', parse('sin(x^2) * exp(x)'), X);

  it('renders in KaTeX in English and Portuguese, with the labels of its rules', () => {
    for (const lang of ['en', 'pt'] as const) {
      const s = renderDerivation(d, { lang });
      expect(() => katex.renderToString(s, { throwOnError: true })).not.toThrow();
      expect(s).toMatch(/^\\begin\{aligned\}/);
      expect(s).toContain('\\textcolor');
      for (const step of d.steps) expect(s).toContain(label(step.rule, lang).split(' ')[0]);
    }
    expect(renderDerivation(d, { lang: 'pt' })).toContain('regra do produto');
    expect(renderDerivation(d, { lang: 'en' })).toContain('product rule');
  });

  it('uses the product, chain and table rules, with paths to the rewritten subterms', () => {
    const rules = d.steps.map((s) => s.rule);
    expect(rules).toContain('d/product');
    expect(rules).toContain('d/chain');
    expect(rules).toContain('d/exp');
    const chain = d.steps.find((s) => s.rule === 'd/chain')!;
    expect(chain.substeps.map((s) => s.rule)).toEqual(['d/sin']);
    let prev = d.input;
    for (const s of d.steps) {
      // `at` leads to the rewritten subterm in the previous whole expression (or to the sum that holds it)
      let node = prev;
      for (const i of s.at) node = children(node)[i]!;
      if (s.rule !== 'tidy') expect(node === s.before || (node.kind === s.before.kind && (node.kind === 'add' || node.kind === 'mul'))).toBe(true);
      prev = s.whole!;
    }
  });

  it('ends at the answer diff gives (one code path)', () => {
    expect(d.result).toBe(diff(parse('sin(x^2) * exp(x)'), X));
    expect(d.steps[d.steps.length - 1]!.whole).toBe(d.result);
    expect(d.stopped).toBe('fixpoint');
  });

  it('every step keeps the value, at random points', () => {
    fc.assert(fc.property(fc.double({ min: -2, max: 2, noNaN: true }), (x) => {
      const env = { x };
      for (const s of d.steps) {
        const a = valueWithD(s.before, env);
        const b = valueWithD(s.after, env);
        if (a !== undefined && b !== undefined) expect(close(a, b), `${s.rule} at x = ${x}: ${a} vs ${b}`).toBe(true);
      }
    }), { numRuns: 200 });
  });

  it('prints as text with one line per step', () => {
    const t = renderDerivationText(d, { lang: 'pt' });
    expect(t.split('\n')).toHaveLength(d.steps.length + 1);
    expect(t).toContain('[regra do produto]');
  });
});

describe('derivations of generated expressions', () => {
  it('render in KaTeX, keep the value step by step, and end at diff’s answer', () => {
    let compared = 0;
    fc.assert(fc.property(exprArb(2), fc.double({ min: 0.1, max: 2, noNaN: true }), (f, x) => {
      const d = explain('diff', f, X);
      expect(d.result).toBe(diff(f, X));
      for (const lang of ['en', 'pt'] as const) katex.renderToString(renderDerivation(d, { lang }), { throwOnError: true });
      const env = { x, y: 0.7, z: -1.3, alpha: 0.4, x_1: 1.1, W_q: -0.6, theta: 0.9 };
      let prev = d.input;
      for (const s of d.steps) {
        const a = valueWithD(prev, env);
        const b = valueWithD(s.whole!, env);
        if (a !== undefined && b !== undefined && Math.abs(a) < 1e6) {
          expect(close(a, b), `${s.rule}: ${a} vs ${b}`).toBe(true);
          compared++;
        }
        prev = s.whole!;
      }
    }), { numRuns: 300 });
    expect(compared).toBeGreaterThan(300);
  });

  it('show the stop reason when a limit ends the rewrite', () => {
    const d = { op: 'diff', input: parse('D(x, x)'), result: parse('D(x, x)'), steps: [], stopped: 'step-limit' as const };
    expect(renderDerivationText(d, { lang: 'pt' })).toContain('limite de passos');
    katex.renderToString(renderDerivation(d), { throwOnError: true });
  });
});
