/** Shared generators and numeric comparisons for the algebra tests. */
import fc from 'fast-check';
import {
  type Expr, add, call, int, frac, mul, pow, sym, sub, div,
} from '../../src/ast/expr.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { freeSymbols } from '../../src/eval/n.js';
import { LimitError } from '../../src/ast/limits.js';
import { AlgebraError } from '../../src/simplify/index.js';

/** Points at which to compare values: irrational-looking, away from the integers where poles sit. */
const POINTS = [0.3712, -1.2913, 2.1357, 0.8131, -0.5377, 1.7149, -2.2631, 0.1163];

/** Values of e at a few assignments of the free symbols; undefined where e is not defined. */
function valuesAt(e: Expr, names: readonly string[]): (number | undefined)[] {
  const out: (number | undefined)[] = [];
  for (let k = 0; k < 5; k++) {
    const env: Record<string, number> = {};
    names.forEach((n, j) => { env[n] = POINTS[(k + 3 * j) % POINTS.length]!; });
    try {
      const v = evaluate(e, env);
      out.push(Number.isFinite(v) && Math.abs(v) < 1e8 ? v : undefined);
    } catch {
      out.push(undefined);
    }
  }
  return out;
}

/**
 * Where `a` is defined (and moderate), `b` is defined and has the same value. Returns a message on failure.
 * Tolerance is relative to the size of the terms, since expanded and factored forms round differently.
 */
export function sameValue(a: Expr, b: Expr, tol = 1e-7): string | undefined {
  const names = [...new Set([...freeSymbols(a), ...freeSymbols(b)])].filter((n) => n !== 'pi' && n !== 'e').sort();
  const va = valuesAt(a, names);
  const vb = valuesAt(b, names);
  for (let k = 0; k < va.length; k++) {
    const x = va[k];
    if (x === undefined) continue;
    const y = vb[k];
    if (y === undefined) return `point ${k}: first is ${x}, second is undefined`;
    if (Math.abs(x - y) > tol * (1 + Math.abs(x) + Math.abs(y)) * 100) return `point ${k}: ${x} vs ${y}`;
  }
  return undefined;
}

/**
 * Run f; a LimitError (a refused blow-up) or a division by an expression that is identically zero (the input is
 * defined nowhere) counts as "skip this case".
 */
export function unlessLimit<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (e instanceof LimitError) return undefined;
    if (e instanceof AlgebraError && /division by zero/.test(e.message)) return undefined;
    throw e;
  }
}

const X = sym('x');
const Y = sym('y');

/** Rational expressions in x and y with small integer powers. */
export function rationalArb(depth = 3, vars: Expr[] = [X, Y]): fc.Arbitrary<Expr> {
  const { e } = fc.letrec<{ e: Expr }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', maxDepth: depth } as fc.OneOfConstraints,
      fc.oneof(
        fc.integer({ min: -5, max: 5 }).map(int),
        fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 1, max: 4 })).map(([n, d]) => frac(n, d)),
        fc.constantFrom(...vars),
        fc.constantFrom(...vars),
      ),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => add(a, b)),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => sub(a, b)),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => mul(a, b)),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => div(a, b)),
      fc.tuple(tie('e'), fc.integer({ min: -2, max: 3 })).map(([a, n]) => pow(a, int(n))),
    ),
  }));
  return e;
}

/** Expressions mixing rational operations with sin, cos, exp, log, sqrt. */
export function elementaryArb(depth = 3): fc.Arbitrary<Expr> {
  const { e } = fc.letrec<{ e: Expr }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', maxDepth: depth } as fc.OneOfConstraints,
      fc.oneof(fc.integer({ min: -4, max: 4 }).map(int), fc.constantFrom(X, Y, X)),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => add(a, b)),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => sub(a, b)),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => mul(a, b)),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => div(a, b)),
      fc.tuple(tie('e'), fc.integer({ min: -2, max: 3 })).map(([a, n]) => pow(a, int(n))),
      fc.tuple(fc.constantFrom('sin', 'cos', 'exp', 'log', 'sqrt', 'tan', 'abs'), tie('e')).map(([f, a]) => call(f, [a])),
    ),
  }));
  return e;
}
