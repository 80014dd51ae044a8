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
import { digamma } from '../../src/numeric/compile/runtime.js';

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
    const points: Record<string, number[]> = { acosh: [1.5, 3], atanh: [-0.5, 0.3], asin: [-0.5, 0.7], acos: [-0.5, 0.7], log: [0.5, 3], gamma: [0.7, 2.5, -1.5], factorial: [0.3, 4.5] };
    for (const row of FUNCTIONS.values()) {
      const ts = points[row.name] ?? [-1.3, 0.4, 2.2];
      for (const t of ts) {
        const e = row.arity[0] === 2 || row.name === 'log' || row.name === 'min' || row.name === 'max'
          ? call(row.name, [mul(int(2), x), add(y, int(3))])
          : call(row.name, [mul(int(2), x)]);
        expect(checkGradient(e, ['x', 'y'], [t / 2, 0.25], 1e-7), row.name).toBe(true);
      }
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

describe('digamma (used by the derivative of gamma)', () => {
  const EULER_GAMMA = 0.5772156649015329;
  it('matches closed forms', () => {
    expect(digamma(1)).toBeCloseTo(-EULER_GAMMA, 14);
    expect(digamma(0.5)).toBeCloseTo(-EULER_GAMMA - 2 * Math.LN2, 14);
    expect(digamma(-0.5)).toBeCloseTo(-EULER_GAMMA - 2 * Math.LN2 + 2, 13);
    let h = 0;
    for (let n = 1; n <= 30; n++) {
      h += 1 / n;
      expect(digamma(n + 1)).toBeCloseTo(h - EULER_GAMMA, 13);
    }
    expect(digamma(0)).toBeNaN();
    expect(digamma(-3)).toBeNaN();
  });
  it('satisfies the recurrence ψ(x + 1) = ψ(x) + 1/x', () => {
    fc.assert(fc.property(fc.double({ min: -20, max: 50, noNaN: true }), (x) => {
      fc.pre(Math.abs(x - Math.round(x)) > 1e-3);
      const lhs = digamma(x + 1);
      const rhs = digamma(x) + 1 / x;
      return Math.abs(lhs - rhs) <= 1e-12 * (1 + Math.abs(lhs) + Math.abs(1 / x));
    }), { numRuns: 1000 });
  });
});
