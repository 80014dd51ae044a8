import { describe, it, expect } from 'vitest';
import { Session } from '../../src/lang/index.js';
import type { Output } from '../../src/lang/registry.js';
import { type Expr, numberValue } from '../../src/ast/expr.js';

const value = (out: Output): Expr => {
  if (out.kind !== 'expr') throw new Error(`expected an expression, got ${out.kind}`);
  return out.expr;
};
const num = (e: Expr): number => {
  if (e.kind !== 'float' && e.kind !== 'num') throw new Error(`expected a number, got ${e.kind}`);
  return numberValue(e);
};
const nums = (e: Expr): number[] => {
  if (e.kind !== 'list') throw new Error(`expected a list, got ${e.kind}`);
  return e.items.map(num);
};
const run = (line: string, s = new Session()): Expr => value(s.run(line));

describe('numeric commands', () => {
  it('nsolve: Newton with the compiled derivative', () => {
    expect(num(run('nsolve(x^2 - 2, x, 1)'))).toBeCloseTo(Math.SQRT2, 15);
    // The real root of x^3 = x + 1, the plastic number, in closed form (Cardano).
    const plastic = Math.cbrt((9 + Math.sqrt(69)) / 18) + Math.cbrt((9 - Math.sqrt(69)) / 18);
    expect(num(run('nsolve(x^3 = x + 1, x, 1)'))).toBeCloseTo(plastic, 14);
    expect(() => run('nsolve(x^2 + 1, x, 1)')).toThrow(/did not converge/);
    // gamma has no symbolic derivative in the language (it needs digamma): the gradient kernel supplies it.
    expect(num(run('nsolve(gamma(x) = 24, x, 4.5)'))).toBeCloseTo(5, 13);
  });

  it('a session value of the bound variable does not capture it', () => {
    const s = new Session();
    s.run('x := 5');
    s.run('f(t) := t^2 - 3');
    expect(num(run('nsolve(f(x), x, 1)', s))).toBeCloseTo(Math.sqrt(3), 15);
    expect(num(run('findroot(f(x), x, 0, 5)', s))).toBeCloseTo(Math.sqrt(3), 15);
  });

  it('findroot: Brent in a bracket', () => {
    // Fixed point of cos: the Dottie number 0.739085133215160641655312087673873404…
    expect(num(run('findroot(cos(x) = x, x, 0, 1)'))).toBeCloseTo(0.7390851332151607, 14);
    expect(() => run('findroot(x^2 + 1, x, 0, 1)')).toThrow(/no sign change/);
  });

  it('nintegrate: value and error estimate, infinite ranges', () => {
    const [v, err] = nums(run('nintegrate(exp(-x^2), x, -inf, inf)'));
    expect(v).toBeCloseTo(Math.sqrt(Math.PI), 13);
    expect(err).toBeGreaterThanOrEqual(0);
    expect(err).toBeLessThan(1e-10);
    expect(nums(run('nintegrate(1/(1 + x^2), x, 0, 1)'))[0]).toBeCloseTo(Math.PI / 4, 14);
  });

  it('minimize: Rosenbrock by BFGS and Nelder–Mead, and the path', () => {
    for (const m of ['', ', bfgs', ', neldermead']) {
      const r = run(`minimize((1 - x)^2 + 100*(y - x^2)^2, [x, y], [-1.2, 1]${m})`);
      if (r.kind !== 'list') throw new Error('expected [point, value]');
      const [pt, val] = r.items;
      for (const c of nums(pt!)) expect(c).toBeCloseTo(1, 6);
      expect(num(val!)).toBeLessThan(1e-12);
    }
    const path = run('minpath(x^2 + 3*y^2, [x, y], [1, 1], gd)');
    if (path.kind !== 'list') throw new Error('expected a list');
    expect(path.items.length).toBeGreaterThan(2);
    const values = path.items.map((row) => nums(row).at(-1)!);
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeLessThanOrEqual(values[i - 1]!);
    expect(() => run('minimize(x^2, [x], [1], foo)')).toThrow(/unknown method/);
    expect(() => run('minimize(x^2 + y^2, [x, y], [1])')).toThrow(/2 coordinate/);
  });

  it('odesolve: scalar and systems', () => {
    expect(num(run('odesolve(-y, y, t, 1, 0, 2)'))).toBeCloseTo(Math.exp(-2), 9);
    const [x, v] = nums(run('odesolve([v, -x], [x, v], t, [1, 0], 0, pi)'));
    expect(x).toBeCloseTo(-1, 8);
    expect(v).toBeCloseTo(0, 8);
  });

  it('plot draws braille text', () => {
    const out = new Session().run('plot(sin(x)/x, x, -20, 20)');
    expect(out.kind).toBe('text');
    const t = out.kind === 'text' ? out.text : '';
    expect(t).toMatch(/[\u2801-\u28ff]/);
    expect(t).toContain('-20');
    expect(() => new Session().run('plot(x, x, 1, 0)')).toThrow(/a < b/);
    expect(() => new Session().run('plot(x + y, x, 0, 1)')).toThrow(/not one of the kernel's inputs/);
  });
});
