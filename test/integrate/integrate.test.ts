import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import katex from 'katex';
import { parse } from '../../src/parse/parse.js';
import { sym, type Expr } from '../../src/ast/expr.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { diff } from '../../src/diff/diff.js';
import { integrate } from '../../src/integrate/integrate.js';
import { integrateDefinite } from '../../src/integrate/definite.js';
import { explain } from '../../src/rewrite/explain.js';
import { renderDerivation } from '../../src/render/derivation.js';
import { Session } from '../../src/lang/session.js';
import '../../src/lang/index.js';
import '../../src/integrate/explain.js';

const x = sym('x');
const val = (e: Expr, v: number): number => {
  try { return evaluate(e, { x: v }); } catch { return NaN; }
};
/** Independent check: central differences (Richardson) of F against f at points where f is finite. */
function differentiatesTo(F: Expr, f: Expr): boolean {
  let used = 0;
  for (const p of [0.31, 0.77, 1.43, 2.6, -0.53, -1.9]) {
    const fv = val(f, p);
    if (!Number.isFinite(fv)) continue;
    const d = (h: number): number => (val(F, p + h) - val(F, p - h)) / (2 * h);
    const h = 1e-3;
    const dF = (4 * d(h / 2) - d(h)) / 3;
    if (!(Math.abs(dF - fv) <= 1e-5 * Math.max(1, Math.abs(fv)))) return false;
    used++;
  }
  return used >= 2;
}
const isUnevaluated = (e: Expr): boolean => e.kind === 'call' && e.fn === 'integrate';

describe('classic integrals, one per method', () => {
  const rows: [string, string][] = [
    ['table: power', 'x^5'], ['table: 1/x', '1/x'], ['table: exp of linear', 'exp(3*x+1)'], ['table: sin', 'sin(2*x)'],
    ['table: tan', 'tan(x)'], ['table: sinh', 'sinh(x)'], ['table: atan', 'atan(x)'], ['table: log', 'log(x)'],
    ['linearity', '3*x^2 - 2*cos(x) + 5'], ['rational: partial fractions', '1/(x^2 - 1)'],
    ['rational: Hermite', '1/(x^2+1)^2'], ['rational: atan part', '1/(x^2+x+1)'], ['rational: cubic', '1/(x^3+1)'],
    ['rational: Rothstein–Trager', '(3*x^2+1)/(x^3+x-7)'],
    ['substitution', 'x*cos(x^2)'], ['substitution: log', '1/(x*log(x))'], ['substitution: chain', 'sin(x)^4*cos(x)'],
    ['parts', 'x*exp(x)'], ['parts: tabular', 'x^3*sin(x)'], ['parts: log', 'x^2*log(x)'], ['parts: cyclic', 'exp(2*x)*cos(3*x)'],
    ['parts: inverse', 'x*atan(x)'], ['trig: sin^m cos^n', 'sin(x)^3*cos(x)^2'], ['trig: tan^n', 'tan(x)^4'],
    ['trig: sec^3', 'sec(x)^3'], ['Weierstrass', '1/(2+cos(x))'], ['hyperbolic', 'cosh(x)^3'],
    ['exp substitution', 'exp(x)/(1+exp(2*x))'], ['radical', 'x/sqrt(x+1)'], ['Euler', '1/sqrt(x^2+1)'],
    ['Euler: sqrt(1-x^2)', 'sqrt(1-x^2)'], ['inverse function', 'asin(x)'],
  ];
  for (const [name, src] of rows) {
    it(`${name}: ∫ ${src}`, () => {
      const f = parse(src);
      const F = integrate(f, x);
      expect(isUnevaluated(F), `no antiderivative for ${src}`).toBe(false);
      expect(differentiatesTo(F, f)).toBe(true);
    });
  }
  it('leaves a non-elementary integral unevaluated', () => {
    const F = integrate(parse('exp(x^2)'), x, { timeMs: 1500 });
    expect(isUnevaluated(F)).toBe(true);
  });
  it('rejects a bad variable', () => {
    expect(() => integrate(parse('x'), parse('2'))).toThrow(/variable/);
  });
});

describe('property: integrate(diff(F)) differentiates back to diff(F) or stays unevaluated', () => {
  // F drawn from the operator table: a function of a polynomial, times a polynomial, plus a polynomial.
  const fns = ['sin', 'cos', 'exp', 'atan', 'sinh', 'cosh', 'log', 'tan', 'asinh'];
  const poly = fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 3 })
    .map((cs) => cs.map((c, k) => `(${c})*x^${k}`).join(' + '));
  const arb = fc.record({ g: fc.constantFrom(...fns), inner: poly, outer: poly, extra: poly })
    .map(({ g, inner, outer, extra }) => `(${outer})*${g}(${inner}) + ${extra}`);
  it('never returns a wrong antiderivative', () => {
    let evaluated = 0;
    let total = 0;
    fc.assert(fc.property(arb, (src) => {
      const F0 = parse(src);
      const f = diff(F0, x);
      if (!Number.isFinite(val(f, 0.77)) && !Number.isFinite(val(f, 1.43))) return true;
      total++;
      const F = integrate(f, x, { timeMs: 400 });
      if (isUnevaluated(F)) return true;
      evaluated++;
      return differentiatesTo(F, f);
    }), { numRuns: 40, seed: 7 });
    console.log(`integrate(diff(F)) evaluated for ${evaluated}/${total} random F`);
    expect(total).toBeGreaterThan(0);
  }, 30_000);
});

describe('definite integrals', () => {
  const rows: [string, number, number, number, string][] = [
    ['x^2', 0, 1, 1 / 3, 'antiderivative'],
    ['1/(1+x^2)', 0, 1, Math.PI / 4, 'antiderivative'],
    ['sin(x)', 0, Math.PI, 2, 'antiderivative'],
    ['x*exp(-x)', 0, Infinity, 1, 'limit'],
    ['1/(2+cos(x))', 0, 2 * Math.PI, 2 * Math.PI / Math.sqrt(3), 'numeric'],
  ];
  for (const [src, a, b, want, path] of rows) {
    it(`∫_${a}^${b} ${src} = ${want.toFixed(6)} (${path})`, () => {
      const bound = (v: number): Expr => (v === Infinity ? parse('inf') : Math.abs(v - Math.PI) < 1e-15 ? parse('pi') : Math.abs(v - 2 * Math.PI) < 1e-15 ? parse('2*pi') : parse(String(v)));
      const r = integrateDefinite(parse(src), x, bound(a), bound(b));
      expect(Math.abs(evaluate(r.value) - want)).toBeLessThan(1e-6);
      expect(r.path).toBe(path);
    });
  }
  it('Gaussian over the line numerically', () => {
    const r = integrateDefinite(parse('exp(-x^2)'), x, parse('-inf'), parse('inf'));
    expect(Math.abs(evaluate(r.value) - Math.sqrt(Math.PI))).toBeLessThan(1e-8);
  });
});

describe('derivations', () => {
  for (const lang of ['en', 'pt'] as const) {
    it(`render in KaTeX (${lang})`, () => {
      for (const src of ['x*exp(x)', 'x*cos(x^2)', '1/(x^2-1)', 'sin(x)^3']) {
        const d = explain('integrate', parse(src), x);
        expect(d.steps.length).toBeGreaterThan(0);
        expect(differentiatesTo(d.result, parse(src))).toBe(true);
        const tex = renderDerivation(d, { lang });
        expect(() => katex.renderToString(tex, { throwOnError: true })).not.toThrow();
      }
    });
  }
  it('substitution shows u and du; parts shows u and dv', () => {
    const s = new Session();
    const sub = s.run('steps(integrate(x*cos(x^2), x))');
    expect(sub.kind === 'text' && /u = x\^2/.test(sub.text)).toBe(true);
    const parts = s.run('steps(integrate(x*exp(x), x), pt)');
    expect(parts.kind === 'text' && /partes/.test(parts.text) && /dv/.test(parts.text)).toBe(true);
  });
  it('commands work in a session', () => {
    const s = new Session();
    const r = s.run('integrate(x*exp(x), x)');
    expect(r.kind).toBe('expr');
    const d = s.run('integrate(x^2, x, 0, 3)');
    expect(d.kind === 'expr' && Math.abs(evaluate(d.expr) - 9) < 1e-12).toBe(true);
  });
});
