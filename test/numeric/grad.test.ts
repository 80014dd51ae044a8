import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { exprArb, SYMBOLS } from '../arbitrary.js';
import { type Expr, add, call, int, mul, numberValue, sym } from '../../src/ast/expr.js';
import { FUNCTIONS } from '../../src/ast/ops.js';
import { parse } from '../../src/parse/parse.js';
import { compile, compileGrad } from '../../src/numeric/compile/index.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { diff } from '../../src/diff/index.js';
import { bounded } from './reference.js';
import { DERIVATIVES } from '../../src/diff/index.js';

const VARS = SYMBOLS;
const SMOOTH = ['sin', 'cos', 'exp', 'tanh', 'atan', 'sinh', 'cosh', 'erf', 'asinh'].map((n) => FUNCTIONS.get(n)!);
/** Does a power have the base 0? 0^p jumps from 1 to 0 at p = 0, so it has no derivative there. */
function zeroBase(e: Expr): boolean {
  if (e.kind === 'pow' && (e.base.kind === 'num' || e.base.kind === 'float') && numberValue(e.base) === 0) return true;
  return (e.kind === 'add' || e.kind === 'mul' || e.kind === 'call' ? e.args : e.kind === 'pow' ? [e.base, e.exp] : []).some(zeroBase);
}
const smoothArb = exprArb(3, SMOOTH).filter((e) => !zeroBase(e));

/**
 * Is some a^p taken where it has no derivative: a negative base with a varying exponent (p ↦ a^p is defined at
 * integers only) or a zero base with p < 1 (an infinite slope, even when a factor 0 multiplies it away)?
 */
function negativeBase(e: Expr, env: ReadonlyMap<string, number>): boolean {
  if (e.kind === 'pow') {
    try {
      const a = evaluate(e.base, env);
      if (a < 0 && e.exp.kind !== 'num' && e.exp.kind !== 'float') return true;
      if (a === 0 && evaluate(e.exp, env) < 1) return true;
    } catch { /* undefined base: evaluate of the whole refuses too */ }
  }
  return (e.kind === 'add' || e.kind === 'mul' || e.kind === 'call' ? e.args : e.kind === 'pow' ? [e.base, e.exp] : [])
    .some((k) => negativeBase(k, env));
}
// Away from 0, where quotients of coordinates are singular and finite differences say nothing.
const coord = fc.oneof(fc.double({ min: 0.05, max: 2, noNaN: true }), fc.double({ min: -2, max: -0.05, noNaN: true }));

/** Central difference with one Richardson step, (4 D(h/2) − D(h)) / 3, and how far it moved. */
function richardson(f: (t: number) => number, t: number): { d: number; change: number; jump: number } {
  const h = 1e-3 * Math.max(1, Math.abs(t));
  const D = (s: number): number => (f(t + s) - f(t - s)) / (2 * s);
  const [d1, d2, d3] = [D(h), D(h / 2), D(h / 4)];
  const r1 = (4 * d2 - d1) / 3;
  const r2 = (4 * d3 - d2) / 3;
  // A smooth function moves little over ±h; a large jump means a pole or a cliff inside the stencil.
  const jump = Math.max(Math.abs(f(t + h) - f(t)), Math.abs(f(t - h) - f(t)));
  return { d: r2, change: Math.abs(r2 - r1) + Math.abs(r2 - d3) * 1e-3, jump };
}

function checkGradient(e: Expr, vars: readonly string[], xs: readonly number[], tol: number): boolean {
  const k = compile(e, vars);
  const g = compileGrad(e, vars);
  const { value, gradient } = g(...xs);
  // Points where evaluate refuses (0^-1, a negative base to a real power, overflow) are outside the real domain.
  try {
    const env = new Map(vars.map((v, i) => [v, xs[i]!]));
    if (!Number.isFinite(evaluate(e, env))) return true;
    if (negativeBase(e, env)) return true;
    // Nor where the forward value is itself inaccurate (intermediate overflow or underflow, cancellation).
    const { b } = bounded(e, env);
    if (!(b <= 1e-8 * (1 + Math.abs(value)))) return true;
  } catch {
    return true;
  }
  if (!Object.is(value, k(...xs))) throw new Error(`value ${value} differs from the kernel's ${k(...xs)}`);
  for (let i = 0; i < vars.length; i++) {
    const { d, change, jump } = richardson((t) => k(...xs.map((x, j) => (j === i ? t : x))), xs[i]!);
    const scale = 1 + Math.abs(d) + Math.abs(value);
    if (!Number.isFinite(d) || change > 1e-5 * scale || !(jump <= 0.1 * scale)) continue; // finite differences are not trustworthy here
    if (!(Math.abs(gradient[i]! - d) <= Math.max(tol * scale, 10 * change))) throw new Error(`∂/∂${vars[i]} = ${gradient[i]}, finite differences ${d}`);
  }
  return true;
}

describe('compileGrad: value and gradient by reverse mode', () => {
  it('agrees with central finite differences on random smooth expressions', () => {
    fc.assert(fc.property(smoothArb, fc.array(coord, { minLength: VARS.length, maxLength: VARS.length }), (e, xs) => checkGradient(e, VARS, xs, 1e-7)), { numRuns: 1000 });
  });

  it('agrees with the compiled symbolic derivative (diff)', () => {
    let compared = 0;
    fc.assert(fc.property(smoothArb, fc.array(coord, { minLength: VARS.length, maxLength: VARS.length }), fc.constantFrom(...VARS), (e, xs, v) => {
      const env = new Map(VARS.map((n, i) => [n, xs[i]!]));
      try {
        if (!Number.isFinite(evaluate(e, env)) || negativeBase(e, env)) return;
      } catch {
        return;
      }
      const { b } = bounded(e, env);
      const g = compileGrad(e, VARS)(...xs).gradient[VARS.indexOf(v)]!;
      const d = compile(diff(e, sym(v)), VARS)(...xs);
      if (!Number.isFinite(d) || !(b <= 1e-8 * (1 + Math.abs(d)))) return;
      compared++;
      expect(Math.abs(g - d), `${g} vs ${d}`).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(d) + Math.abs(g)));
    }), { numRuns: 1000 });
    expect(compared).toBeGreaterThan(300);
  });

  it('agrees with finite differences for every function of the operator table', () => {
    const x = sym('x');
    const y = sym('y');
    const points: Record<string, number[]> = {
      acosh: [1.5, 3], atanh: [-0.5, 0.3], asin: [-0.5, 0.7], acos: [-0.5, 0.7], log: [0.5, 3], gamma: [0.7, 2.5, -1.5],
      factorial: [0.3, 4.5], erfinv: [-0.8, 0.1, 0.6], erfcinv: [0.1, 0.9, 1.7], log1p: [-0.6, 0.4, 2.2], zeta: [1.5, 3],
      lgamma: [0.3, 4.5, -1.5], digamma: [0.3, 4.5, -1.5], trigamma: [0.3, 4.5, -1.5],
    };
    /** Where the table has no partial in an argument (polygamma's order, shape parameters) it is a constant. */
    const constants: Record<string, Expr[]> = { polygamma: [int(2)], gammainc: [int(3)], gammaincc: [int(3)], gammaincinv: [int(3)], gammainccinv: [int(3)], betainc: [int(2), int(3)], betaincc: [int(2), int(3)], betaincinv: [int(2), int(3)] };
    // Arguments of functions defined on (0, 1) or (0, ∞) in their last argument: t ↦ 1/(1 + exp(-2x)) or 2x + 1.
    const inUnit = new Set(['gammaincinv', 'gammainccinv', 'betainc', 'betaincc', 'betaincinv']);
    let rows = 0;
    for (const row of FUNCTIONS.values()) {
      if (DERIVATIVES[row.name] === null) {
        expect(() => compileGrad(call(row.name, [x]), ['x']), row.name).toThrow(/no derivative/);
        continue;
      }
      rows++;
      const ts = points[row.name] ?? [-1.3, 0.4, 2.2];
      for (const t of ts) {
        const fixed = constants[row.name];
        let e: Expr;
        if (fixed !== undefined) {
          const last = inUnit.has(row.name) ? parse('1/(1 + exp(-2x))') : row.name.startsWith('gammainc') ? parse('2x + 1') : mul(int(2), x);
          e = call(row.name, [...fixed, last]);
        } else {
          e = row.arity[0] === 2 || row.name === 'log' || row.name === 'min' || row.name === 'max'
            ? call(row.name, [mul(int(2), x), add(y, int(3))])
            : call(row.name, [mul(int(2), x)]);
        }
        expect(checkGradient(e, ['x', 'y'], [t / 2, 0.25], 1e-7), row.name).toBe(true);
      }
    }
    expect(rows).toBeGreaterThan(45);
  });

  it('refuses, with a clear error, to differentiate in an argument the table has no partial for', () => {
    expect(() => compileGrad(parse('gammainc(x, 2)'), ['x'])).toThrow(/no derivative is known for gammainc/);
    expect(() => compileGrad(parse('polygamma(x, 2)'), ['x'])).toThrow(/no derivative is known for polygamma/);
    // The same function is differentiable in the arguments that have partials.
    expect(compileGrad(parse('gammainc(2, x)'), ['x'])(1.5).gradient[0]).toBeCloseTo(1.5 * Math.exp(-1.5), 14);
  });

  it('differentiates gamma through the operator table’s digamma, the one a compiled diff uses too', () => {
    const e = parse('gamma(x) + lgamma(x y)');
    const g = compileGrad(e, ['x', 'y']);
    const d = compile([diff(e, sym('x')), diff(e, sym('y'))], ['x', 'y']);
    for (const [a, b] of [[0.7, 1.3], [2.5, 0.9], [-1.5, -0.4]] as const) {
      const got = g(a, b).gradient;
      const want = d(a, b);
      expect(Math.abs(got[0]! - want[0]!)).toBeLessThanOrEqual(1e-13 * Math.abs(want[0]!));
      expect(Math.abs(got[1]! - want[1]!)).toBeLessThanOrEqual(1e-13 * Math.abs(want[1]!));
    }
  });

  it('gives the textbook gradients', () => {
    const g = compileGrad(parse('x^2*y + exp(x*y) + log(y)'), ['x', 'y']);
    const { value, gradient } = g(1.5, 0.5);
    expect(value).toBeCloseTo(1.125 + Math.exp(0.75) + Math.log(0.5), 14);
    expect(gradient[0]).toBeCloseTo(2 * 1.5 * 0.5 + 0.5 * Math.exp(0.75), 14);
    expect(gradient[1]).toBeCloseTo(2.25 + 1.5 * Math.exp(0.75) + 2, 14);
    // A variable the function does not use has a zero partial.
    expect(compileGrad(parse('sin(x)'), ['x', 'w'])(1, 2).gradient[1]).toBe(0);
    // Non-smooth points: subgradients of abs and max, ties shared.
    expect(compileGrad(parse('abs(x) + max(x, 1)'), ['x'])(-2).gradient[0]).toBe(-1);
    expect(compileGrad(parse('max(x, y, 2)'), ['x', 'y'])(3, 3).gradient).toEqual(Float64Array.from([0.5, 0.5]));
    expect(compileGrad(parse('min(x, y, 2)'), ['x', 'y'])(3, 1).gradient).toEqual(Float64Array.from([0, 1]));
  });

  it('costs a small constant times the forward kernel, however many inputs', () => {
    for (const n of [2, 8, 32, 128]) {
      const xs = Array.from({ length: n }, (_, i) => sym(`w${i}`));
      const terms = xs.map((w, i) => call('tanh', [mul(w, xs[(i + 1) % n]!)]));
      const f = call('log', [add(int(1), mul(...terms), ...terms.map((t) => mul(t, t)))]);
      const k = compile(f, xs);
      const g = compileGrad(f, xs);
      expect(g.size).toBeLessThanOrEqual(5 * k.size);
    }
    fc.assert(fc.property(exprArb(4), (e) => {
      const vars = ['x', 'y', 'z', 'alpha', 'x_1', 'W_q', 'theta'];
      let g;
      try { g = compileGrad(e, vars); } catch { return true; }
      return g.size <= 10 * compile(e, vars).size + 16;
    }), { numRuns: 300 });
  });

  it('objective() writes the gradient in place for optimisers', () => {
    const g = compileGrad(parse('(1 - x)^2 + 100*(y - x^2)^2'), ['x', 'y']);
    const grad = new Float64Array(2);
    expect(g.objective(Float64Array.from([1, 1]), grad)).toBe(0);
    expect([...grad].map((v) => v + 0)).toEqual([0, 0]);
    expect(g.objective([0, 0], grad)).toBe(1);
    expect([...grad].map((v) => v + 0)).toEqual([-2, 0]);
    expect(() => g.objective([1], grad)).toThrow(/2 coordinates/);
  });
});
