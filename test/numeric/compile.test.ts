import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { exprArb, SYMBOLS, RUNS } from '../arbitrary.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { type Expr, add, call, div, float, int, mul, pow, sub, sym, frac } from '../../src/ast/expr.js';
import { parse } from '../../src/parse/parse.js';
import { compile, compileGrad, interpret, CompileError } from '../../src/numeric/compile/index.js';
import { bounded, hasPower, same } from './reference.js';

// Coordinates of ordinary size: away from ±0 (where sums of signed zeros legitimately differ from evaluate's
// 0 + a + b) and from subnormals (where writing x·y/z instead of x·z⁻¹·y changes what underflows).
const coord = fc.oneof(fc.double({ min: 2 ** -20, max: 4, noNaN: true }), fc.double({ min: -4, max: -(2 ** -20), noNaN: true }));
const point = fc.array(coord, { minLength: SYMBOLS.length, maxLength: SYMBOLS.length });

function reference(e: Expr, xs: readonly number[]): number | undefined {
  try {
    return evaluate(e, new Map(SYMBOLS.map((s, k) => [s, xs[k]!])));
  } catch {
    return undefined;
  }
}

describe('compiled kernels agree with evaluate and the interpreter', () => {
  it('kernel == interpreter bit for bit, == evaluate bit for bit without powers, within a running error bound with them', () => {
    let compared = 0;
    fc.assert(fc.property(exprArb(4), point, (e, xs) => {
      const k = compile(e, SYMBOLS);
      const ki = interpret(e, SYMBOLS);
      const got = k(...xs);
      expect(same(got, ki(...xs))).toBe(true);
      const ref = reference(e, xs);
      if (ref === undefined) return;
      compared++;
      if (!hasPower(e)) {
        expect(same(got, ref), `${got} vs ${ref}`).toBe(true);
        return;
      }
      if (same(got, ref)) return;
      const { b } = bounded(e, new Map(SYMBOLS.map((s, i) => [s, xs[i]!])));
      expect(Math.abs(got - ref) <= 4 * b || !Number.isFinite(b), `${got} vs ${ref}, bound ${b}`).toBe(true);
    }), { numRuns: RUNS });
    expect(compared).toBeGreaterThan(RUNS / 4);
  });

  it('rewritten powers stay within 4 ulps of Math.pow', () => {
    const x = sym('x');
    const forms = [2, 3, 4, -1, -2, -3, -4].map((n) => [n, compile(pow(x, int(n)), ['x'])] as const);
    const half = compile(pow(x, frac(1, 2)), ['x']);
    const mhalf = compile(pow(x, frac(-1, 2)), ['x']);
    fc.assert(fc.property(fc.double({ min: 1e-30, max: 1e30, noNaN: true }), fc.boolean(), (m, negative) => {
      const v = negative ? -m : m;
      for (const [n, k] of forms) {
        const want = Math.pow(v, n);
        expect(Math.abs(k(v) - want)).toBeLessThanOrEqual(4 * ulp(want));
      }
      expect(half(m)).toBe(Math.sqrt(m));
      expect(Math.abs(mhalf(m) - Math.pow(m, -0.5))).toBeLessThanOrEqual(2 * ulp(Math.pow(m, -0.5)));
    }), { numRuns: RUNS });
  });

  it('spells powers, quotients and differences the way a person would', () => {
    const k = compile(parse('x^2 + x^3 - y/z + sqrt(x) + x^(-1)'), ['x', 'y', 'z']);
    expect(k.source).not.toMatch(/Math\.pow/);
    expect(k.source).toMatch(/Math\.sqrt/);
    expect(k.source).toMatch(/ - /);
    // x*x is computed once and reused by x^3.
    expect(k.source).toMatch(/const t\d+ = \(v0 \* v0\)/);
  });

  it('computes a shared subexpression once', () => {
    const s = call('sin', [mul(sym('x'), sym('y'))]);
    const k = compile(add(pow(s, int(2)), mul(int(3), s), call('exp', [s])), ['x', 'y']);
    expect(k.source!.match(/Math\.sin/g)).toHaveLength(1);
  });

  it('folds constants and exact rationals to doubles', () => {
    const k = compile(add(mul(frac(1, 3), sym('x')), pow(int(2), frac(1, 2)), sym('pi'), call('exp', [int(1)])), ['x']);
    expect(k.size).toBeLessThanOrEqual(3);
    expect(k(3)).toBe(1 / 3 * 3 + Math.SQRT2 + Math.PI + Math.E);
  });

  it('several outputs fill a Float64Array', () => {
    const x = sym('x');
    const k = compile([call('sin', [x]), call('cos', [x]), div(int(1), x)], [x]);
    const out = k(0.7);
    expect(out).toBeInstanceOf(Float64Array);
    expect([...out]).toEqual([Math.sin(0.7), Math.cos(0.7), 1 / 0.7]);
    const o = new Float64Array(3);
    expect(k.into(o, 2)).toBe(o);
    expect(o[2]).toBe(0.5);
  });

  it('kernels follow IEEE instead of throwing', () => {
    const k = compile(parse('log(x) + 1/y'), ['x', 'y']);
    expect(k(-1, 1)).toBeNaN();
    expect(k(1, 0)).toBe(Infinity);
    expect(compile(sub(sym('x'), float(2.5)), ['x'])(1)).toBe(-1.5);
  });

  it('compiles expressions far deeper than the call stack', () => {
    let e: Expr = sym('x');
    let want = 0.3;
    for (let i = 0; i < 20000; i++) {
      e = call('sin', [add(e, int(i % 7))]);
      want = Math.sin(want + (i % 7));
    }
    expect(compile(e, ['x'])(0.3)).toBe(want);
    expect(interpret(e, ['x'])(0.3)).toBe(want);
    expect(Number.isFinite(compileGrad(e, ['x'])(0.3).gradient[0])).toBe(true);
  });

  it('reports what cannot be compiled', () => {
    expect(() => compile(parse('x + y'), ['x'])).toThrow(CompileError);
    expect(() => compile(parse('x + y'), ['x'])).toThrow(/'y' is not one of the kernel's inputs/);
    expect(() => compile(parse('x + i'), ['x'])).toThrow(/imaginary/);
    expect(() => compile(parse('[x, 1]'), ['x'])).toThrow(/list/);
    expect(() => compile(parse('x = 1'), ['x'])).toThrow(/equation/);
    expect(() => compile(sym('x'), ['x', 'x'])).toThrow(/twice/);
    expect(() => compile(call('nosuch', [sym('x')]), ['x'])).toThrow(/not a function/);
    // Helpers only gradients use are out of reach of user expressions.
    expect(() => compile(call('xlogy', [sym('x'), sym('x')]), ['x'])).toThrow(CompileError);
    expect(() => compile(call('betainc', [sym('x')]), ['x'])).toThrow(/3 argument/);
    expect(() => compile([], ['x'])).toThrow(/at least one output/);
  });
});

function ulp(v: number): number {
  const a = Math.abs(v);
  if (!Number.isFinite(a)) return Infinity;
  return a === 0 ? Number.MIN_VALUE : 2 ** (Math.floor(Math.log2(a)) - 52);
}
