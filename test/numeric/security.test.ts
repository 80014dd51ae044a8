import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { evaluate } from '../../src/eval/evaluate.js';
import { add, call, int, mul, pow, sym, frac } from '../../src/ast/expr.js';
import { substitute } from '../../src/lang/session.js';
import { compile, compileGrad, interpret, CompileError } from '../../src/numeric/compile/index.js';

const HOSTILE = [
  'constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', '"); process.exit(1); //',
  "'); throw 1; //", '`${process.exit(1)}`', '*/ process.exit(1) /*', 'rt', 'Math', 'v0', 'v1', 't3', 'k', 'n', 'I', 'O',
  'i0', 'o0', 'x\nprocess.exit(1)', '\u2028', 'return', 'this', 'eval',
];

describe('user strings never reach generated code', () => {
  it('hostile symbol names are ordinary inputs', () => {
    for (const name of HOSTILE) {
      const x = sym(name);
      const y = sym(`${name}2`);
      const e = add(mul(int(3), pow(x, int(2))), call('sin', [mul(x, y)]), mul(frac(1, 7), y));
      const neutral = compile(substitute(e, new Map([[x, sym('a')], [y, sym('b')]])), ['a', 'b']).source;
      for (const backend of ['codegen', 'interpret'] as const) {
        const k = compile(e, [name, `${name}2`], { backend });
        const want = evaluate(e, new Map([[name, 1.25], [`${name}2`, -0.5]]));
        expect(Math.abs(k(1.25, -0.5) - want)).toBeLessThanOrEqual(4e-16 * Math.abs(want));
        // The generated source depends on positions only: the same as with neutral names.
        if (k.source !== undefined) expect(k.source).toBe(neutral);
      }
      const g = compileGrad(e, [name, `${name}2`]);
      expect(g(1.25, -0.5).gradient[0]).toBeCloseTo(6 * 1.25 + Math.cos(-0.625) * -0.5, 12);
    }
  });

  it('inputs are bound by position, even when named like generated locals', () => {
    const k = compile(add(sym('v0'), mul(int(10), sym('v1'))), ['v1', 'v0']);
    expect(k(1, 2)).toBe(2 + 10 * 1);
  });

  it('function names are looked up in tables without a prototype', () => {
    for (const fn of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'log/1', 'xlogy', 'Math.sin', 'rt.log', 'eval']) {
      expect(() => compile(call(fn, [sym('x')]), ['x'])).toThrow(CompileError);
      expect(() => interpret(call(fn, [sym('x')]), ['x'])).toThrow(CompileError);
    }
  });

  it('random names never appear in the source', () => {
    fc.assert(fc.property(fc.string({ minLength: 3, maxLength: 12 }), fc.double({ min: -3, max: 3, noNaN: true }), (name, v) => {
      const x = sym(name);
      const e = add(call('exp', [x]), pow(x, int(3)));
      const k = compile(e, [x]);
      expect(k.source).toBe(compile(add(call('exp', [sym('a')]), pow(sym('a'), int(3))), ['a']).source);
      expect(k(v)).toBe(interpret(e, [x])(v));
    }), { numRuns: 300 });
  });
});
