import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { type Expr, sym, int, ZERO } from '../../src/ast/expr.js';
import { parse } from '../../src/parse/parse.js';
import { substitute, someNode } from '../../src/ast/walk.js';
import { bigDigits } from '../../src/eval/n-big.js';
import { solve, SolveError } from '../../src/solve/index.js';

const x = sym('x');

/** |lhs − rhs| at the root, with 30 correct digits (the root written exactly). */
function residual(eq: Expr, v: Expr, env: Map<Expr, Expr> = new Map()): number {
  const sides = eq.kind === 'rel' ? [eq.lhs, eq.rhs] : [eq, ZERO];
  const at = (e: Expr): Expr => substitute(substitute(e, new Map([[x as Expr, v]])), env);
  return Math.abs(Number(bigDigits(at(sides[0]!), 30)) - Number(bigDigits(at(sides[1]!), 30)));
}

const solved = (eq: Expr): readonly Expr[] | undefined => {
  try {
    return solve(eq, x).values;
  } catch (err) {
    if (err instanceof SolveError) return undefined; // "could not" is allowed; a wrong root is not
    throw err;
  }
};

const small = fc.integer({ min: -6, max: 6 });
const nonzero = small.filter((n) => n !== 0);

describe('every root substituted back holds to 25 digits', () => {
  it('exp(a x + b) = c: the logarithm when c > 0, and provably none when c <= 0', () => {
    fc.assert(fc.property(nonzero, small, small, (a, b, c) => {
      const eq = parse(`exp(${a} x + ${b}) = ${c}`);
      const vs = solved(eq);
      expect(vs).toBeDefined();
      if (c <= 0) expect(vs).toEqual([]);
      else {
        expect(vs!.length).toBe(1);
        for (const v of vs!) expect(residual(eq, v)).toBeLessThan(1e-25 * (1 + c));
      }
    }), { numRuns: 25 });
  });

  it('sqrt(x + a) = x + b: only the roots that survive squaring, each one exact', () => {
    fc.assert(fc.property(small, small, (a, b) => {
      const eq = parse(`sqrt(x + ${a}) = x + ${b}`);
      const vs = solved(eq);
      if (vs === undefined) return;
      for (const v of vs) expect(residual(eq, v)).toBeLessThan(1e-25);
      // the roots of (x + b)^2 = x + a with x + b >= 0 are exactly the solutions: count them numerically
      const disc = (2 * b - 1) ** 2 - 4 * (b * b - a);
      let count = 0;
      if (disc >= 0) for (const s of disc === 0 ? [0] : [-1, 1]) { const r = (1 - 2 * b + s * Math.sqrt(disc)) / 2; if (r + b >= -1e-12) count++; }
      expect(vs.length).toBe(count);
    }), { numRuns: 30 });
  });

  it('sin(x) = p/q: every solution in one period, each exact', () => {
    fc.assert(fc.property(fc.integer({ min: -4, max: 4 }), fc.integer({ min: 1, max: 4 }), (p, q) => {
      const eq = parse(`sin(x) = ${p}/${q}`);
      const vs = solved(eq);
      if (Math.abs(p) > q) { expect(vs).toEqual([]); return; }
      if (vs === undefined) return;
      expect(vs.length).toBe(Math.abs(p) === q ? 1 : 2);
      for (const v of vs) expect(residual(eq, v)).toBeLessThan(1e-25);
    }), { numRuns: 20 });
  });

  it('a x^2 + b x = c with a parameter y in c: the roots hold at sample values of y', () => {
    fc.assert(fc.property(nonzero, small, nonzero, (a, b, c) => {
      const eq = parse(`${a} x^2 + ${b} x = ${c} y`);
      const vs = solved(eq);
      expect(vs).toBeDefined();
      for (const yv of [2, 7]) {
        for (const v of vs!) {
          const env = new Map<Expr, Expr>([[sym('y'), int(yv)]]);
          if (someNode(v, (n) => n.kind === 'sym' && n.name === 'i')) continue;
          const disc = b * b + 4 * a * c * yv;
          if (disc < 0) continue; // complex roots: the real evaluator does not reach them
          expect(residual(eq, v, env)).toBeLessThan(1e-20 * (1 + Math.abs(c * yv)));
        }
      }
    }), { numRuns: 20 });
  });
});
