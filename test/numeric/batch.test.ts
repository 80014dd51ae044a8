import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { exprArb, SYMBOLS } from '../arbitrary.js';
import { parse } from '../../src/parse/parse.js';
import { sym } from '../../src/ast/expr.js';
import { compile, compileGrad, interpret, CompileError } from '../../src/numeric/compile/index.js';
import { same } from './reference.js';

const ROWS = 24;
const columns = fc.array(fc.float64Array({ minLength: ROWS, maxLength: ROWS, noNaN: true, min: -5, max: 5 }), {
  minLength: SYMBOLS.length, maxLength: SYMBOLS.length,
});

describe('the batched schedule computes what the scalar one does', () => {
  it('batch == scalar, bit for bit, for both backends and both precisions', () => {
    fc.assert(fc.property(exprArb(4), columns, (e, cols) => {
      const k = compile(e, SYMBOLS);
      const k32 = compile(e, SYMBOLS, { precision: 'float32' });
      const ki = interpret(e, SYMBOLS);
      const out = k.batch(cols);
      const out32 = k32.batch(cols);
      const outI = ki.batch(cols);
      expect(out).toBeInstanceOf(Float64Array);
      expect(out32).toBeInstanceOf(Float32Array);
      for (let r = 0; r < ROWS; r++) {
        const want = k(...cols.map((c) => c[r]!));
        expect(same(out[r]!, want)).toBe(true);
        expect(same(outI[r]!, want)).toBe(true);
        expect(same(out32[r]!, Math.fround(want))).toBe(true);
      }
    }), { numRuns: 1000 });
  });

  it('several outputs and gradients fill one column each', () => {
    const f = parse('x^2 * y + sin(y)');
    const g = compileGrad(f, ['x', 'y']);
    const xs = Float64Array.from([1, 2, 3]);
    const ys = Float32Array.from([0.5, -1, 2]);
    const [v, gx, gy] = g.batch([xs, ys]);
    for (let r = 0; r < 3; r++) {
      const one = g(xs[r]!, ys[r]!);
      expect(v![r]).toBe(one.value);
      expect(gx![r]).toBe(one.gradient[0]);
      expect(gy![r]).toBe(one.gradient[1]);
    }
    const k = compile([sym('x'), parse('2*x')], ['x']);
    const outs = [new Float64Array(3), new Float64Array(3)];
    expect(k.batch([xs], outs)).toEqual(outs);
    expect([...outs[1]!]).toEqual([2, 4, 6]);
  });

  it('a constant kernel fills the rows of the column it is given', () => {
    const k = compile(parse('2 + pi'), []);
    expect([...k.batch([], new Float64Array(2))]).toEqual([2 + Math.PI, 2 + Math.PI]);
    expect(() => k.batch([])).toThrow(/without inputs/);
  });

  it('rejects mismatched columns with a clear message', () => {
    const k = compile(parse('x + y'), ['x', 'y']);
    expect(() => k.batch([new Float64Array(3)])).toThrow(CompileError);
    expect(() => k.batch([new Float64Array(3), new Float64Array(4)])).toThrow(/differ in length/);
    expect(() => k.batch([new Float64Array(3), new Float64Array(3)], new Float64Array(2))).toThrow(/fewer/);
    expect(() => k.batch([[1, 2] as unknown as Float64Array, new Float64Array(2)])).toThrow(/Float64Array/);
  });

  it('the batched loop allocates nothing per row', () => {
    const k = compile(parse('exp(-x^2/2) * cos(3*x) + x/(1 + x^2)'), ['x']);
    expect(k.source).not.toMatch(/new |\[\]|\{\}/);
    const xs = new Float64Array(1 << 16).map((_, i) => i / 1000);
    const out = new Float64Array(xs.length);
    expect(k.batch([xs], out)).toBe(out);
  });
});
