/**
 * The language a learner meets at the prompt: matrix arithmetic with operators, substitution and clearing, the light
 * algebra of every result, abstract functions under diff, unknown-function warnings and the activation functions.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import '../../src/lang/index.js';
import { Session } from '../../src/lang/session.js';
import { runLine } from '../../src/repl/repl.js';
import { parse } from '../../src/parse/parse.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { latex } from '../../src/render/latex.js';

/** Runs lines in one session; returns the printed result (or error) of the last. */
function run(...lines: string[]): string {
  const s = new Session();
  let last = '';
  for (const l of lines) {
    const r = runLine(s, l);
    last = r.out ?? r.err ?? '';
  }
  return last;
}

describe('matrix arithmetic with operators', () => {
  const defs = ['A := [[1, 2], [3, 4]]', 'B := [[0, 1], [1, 0]]'];
  it.each([
    ['A B', '[[2, 1], [4, 3]]'],
    ['B A', '[[3, 4], [1, 2]]'],
    ['A*B', '[[2, 1], [4, 3]]'],
    ['A + B', '[[1, 3], [4, 4]]'],
    ['A - A', '[[0, 0], [0, 0]]'],
    ['2A', '[[2, 4], [6, 8]]'],
    ['A^2', '[[7, 10], [15, 22]]'],
    ['A^-1', '[[-2, 1], [3/2, -1/2]]'],
    ['A^T', '[[1, 3], [2, 4]]'],
    ['transpose(A)', '[[1, 3], [2, 4]]'],
    ['A^-1 A', '[[1, 0], [0, 1]]'],
    ['A [1, 1]', '[3, 7]'],
    ['[1, 1] A', '[4, 6]'],
    ['trace(A)', '5'],
    ['eye(2) A - A I(2)', '[[0, 0], [0, 0]]'],
  ])('%s = %s', (input, want) => {
    expect(run(...defs, input)).toBe(want);
  });

  it.each([
    ['[1, 2] + [3, 4]', '[4, 6]'],
    ['[[1, 2], [3, 4]]^-1', '[[-2, 1], [3/2, -1/2]]'],
    ['[[a, b], [c, d]]^-1', '[[d/(a d - b c), -b/(a d - b c)], [-c/(a d - b c), a/(a d - b c)]]'],
    ['dot([1, 2, 3], [4, 5, 6])', '32'],
    ['cross([1, 2, 3], [4, 5, 6])', '[-3, 6, -3]'],
    ['norm([3, 4])', '5'],
    ['norm([1, -2, 3], 1)', '6'],
    ['eye(3)', '[[1, 0, 0], [0, 1, 0], [0, 0, 1]]'],
    ['[[1, 2], [3, 4]] + [10, 20]', '[[11, 22], [13, 24]]'],
    ['x [1, 2] + [x, 0]', '[2x, 2x]'],
    ['[[x, 1], [0, x]]^2', '[[x^2, 2x], [0, x^2]]'],
  ])('%s = %s', (input, want) => {
    expect(run(input)).toBe(want);
  });

  it('shape errors name both shapes', () => {
    expect(run('[[1, 2, 3]] [[1, 2]]')).toContain('1×3 matrix by a 1×2 matrix');
    expect(run('[[1, 2], [3, 4]] + [1, 2, 3]')).toMatch(/\[3\] and \[2, 2\]|\[2, 2\] and \[3\]/);
    expect(run('[[1, 2], [2, 4]]^-1')).toContain('singular');
    expect(run('[[1, 2, 3], [4, 5, 6]]^2')).toContain('square');
  });

  const entry = fc.integer({ min: -4, max: 4 });
  const matrix = fc.array(fc.array(entry, { minLength: 2, maxLength: 2 }), { minLength: 2, maxLength: 2 });
  const show = (m: number[][]): string => `[${m.map((r) => `[${r.join(', ')}]`).join(', ')}]`;
  const det = (m: number[][]): number => m[0]![0]! * m[1]![1]! - m[0]![1]! * m[1]![0]!;

  it('(A + B)^T = A^T + B^T and (A B)^T = B^T A^T', () => {
    fc.assert(fc.property(matrix, matrix, (a, b) => {
      const s = new Session();
      runLine(s, `A := ${show(a)}`);
      runLine(s, `B := ${show(b)}`);
      expect(runLine(s, '(A + B)^T - (A^T + B^T)').out).toBe('[[0, 0], [0, 0]]');
      expect(runLine(s, '(A B)^T - B^T A^T').out).toBe('[[0, 0], [0, 0]]');
    }), { numRuns: 60 });
  });

  it('(A B)^-1 = B^-1 A^-1 on invertible matrices, and A A^-1 = I', () => {
    fc.assert(fc.property(matrix, matrix, (a, b) => {
      fc.pre(det(a) !== 0 && det(b) !== 0);
      const s = new Session();
      runLine(s, `A := ${show(a)}`);
      runLine(s, `B := ${show(b)}`);
      expect(runLine(s, '(A B)^-1 - B^-1 A^-1').out).toBe('[[0, 0], [0, 0]]');
      expect(runLine(s, 'A A^-1').out).toBe('[[1, 0], [0, 1]]');
      expect(runLine(s, 'A^3 - A A A').out).toBe('[[0, 0], [0, 0]]');
    }), { numRuns: 60 });
  });
});

describe('substitution and clearing', () => {
  it('subs, clear, and functions after clear', () => {
    expect(run('subs(x^2 + y, y, 2)')).toBe('x^2 + 2');
    expect(run('subs(x^2 + y, [x = 1, y = 2])')).toBe('3');
    expect(run('subs(sin(x) + x, x, 0)')).toBe('0');
    expect(run('subs(x y, [x = y, y = x])')).toBe('x y');
    expect(run('z := 5', 'clear(z)', 'z')).toBe('z');
    expect(run('z := 5', 'f(x) := x^2', 'clear()', 'z + f(2)')).toBe('z + f(2)');
    expect(run('f(x) := x^2 + 1', 'f(2)')).toBe('5');
    expect(run('y := 3', 'subs(x + y, y, 2)')).toBe('x + 2');
  });

  it('subs then evaluate = evaluate with the values', () => {
    const poly = fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 }), fc.integer({ min: 0, max: 3 }));
    fc.assert(fc.property(poly, fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 }), ([a, b, n], x, y) => {
      const e = `${a} x^${n} + ${b} x y - y^2`;
      const got = run(`N(subs(${e}, [x = ${x}, y = ${y}]))`);
      const want = evaluate(parse(e), new Map([['x', x], ['y', y]]));
      expect(Number(got)).toBeCloseTo(want, 9);
    }), { numRuns: 80 });
  });
});

describe('light algebra at the prompt', () => {
  it.each([
    ['x + x', '2x'], ['x - x', '0'], ['3 + 4 - x + x', '7'], ['x/x', '1'], ['x x', 'x^2'], ['2x + 3x - y', '5x - y'],
    ['x^2/x', 'x'], ['sqrt(x) sqrt(x)', 'x'],
  ])('%s = %s', (input, want) => {
    expect(run(input)).toBe(want);
  });

  it('simplify and steps keep every rule', () => {
    expect(run('steps(simplify(x + x))')).toContain('x + x');
    expect(run('steps(diff(x^2 + x^2, x))')).toContain('x^2');
  });

  it('repeated definitions nested 18 deep stay small', () => {
    const lines = ['f0(x) := x + x', ...Array.from({ length: 18 }, (_, k) => `f${k + 1}(x) := f${k}(x) + f${k}(x)`), 'f18(y)'];
    expect(run(...lines)).toBe(`${2 ** 19}y`);
    const nested = `${'f('.repeat(18)}x${')'.repeat(18)}`;
    expect(run('f(x) := x + x', nested)).toBe(`${2 ** 18}x`);
  });
});

describe('abstract functions', () => {
  it('chain rule on unknown functions in Lagrange notation, text and LaTeX', () => {
    expect(run('diff(f(g(x)), x)')).toBe("f'(g(x)) g'(x)");
    expect(run('diff(f(x), x, 2)')).toBe("f''(x)");
    expect(run('diff(f(x)^2, x)')).toBe("2 f(x) f'(x)");
    expect(latex(parse("f'(g(x)) g'(x)"))).toBe('f^{\\prime}\\left(g\\left(x\\right)\\right) g^{\\prime}\\left(x\\right)');
    expect(run('latex(diff(f(g(x)), x))')).toContain('f^{\\prime}');
    expect(run('steps(diff(f(g(x)), x))')).toContain('chain rule for an unknown function');
    expect(run('h(x) := x^3', "h'(2)")).toBe('12');
    // Several arguments: the partial stays unevaluated.
    expect(run('diff(f(x, y), x)')).toBe('D(f(x, y), x)');
  });
});

describe('unknown names and activation functions', () => {
  it('an unknown function is kept with a warning naming the nearest known ones', () => {
    const s = new Session();
    const r = runLine(s, 'sinn(x)');
    expect(r.out).toBe('sinn(x)');
    expect(r.warn).toMatch(/did you mean .*\bsin\b/);
    expect(runLine(s, 'expp(1)').warn).toContain('exp');
    expect(runLine(s, 'f(x) + g(x)').warn).toBeUndefined();
  });

  it.each([
    ['sigmoid(0)', '1/2'],
    ['diff(sigmoid(x), x)', 'sigmoid(x)(1 - sigmoid(x))'],
    ['diff(softplus(x), x)', 'sigmoid(x)'],
    ['diff(relu(x), x)', '(sign(x) + 1)/2'],
    ['relu([-1, 2, x])', '[0, 2, relu(x)]'],
    ['logsumexp([x, y])', 'log(exp(x) + exp(y))'],
    ['diff(logsumexp([x, y]), x)', 'exp(x)/(exp(x) + exp(y))'],
    ['softmax([1.0, 2.0, 3.0])', '[0.09003057317038046, 0.24472847105479764, 0.6652409557748218]'],
    ['logsumexp([1000.0, 1000.0])', '1000.6931471805599'],
  ])('%s = %s', (input, want) => {
    expect(run(input)).toBe(want);
  });

  it('the derivatives agree with central differences', () => {
    for (const f of ['sigmoid', 'softplus', 'gelu']) {
      const d = parse(run(`diff(${f}(x), x)`));
      for (const x of [-3, -0.5, 0.7, 2.5]) {
        const h = 1e-5;
        const fd = (evaluate(parse(`${f}(${x + h})`)) - evaluate(parse(`${f}(${x - h})`))) / (2 * h);
        expect(evaluate(d, new Map([['x', x]]))).toBeCloseTo(fd, 7);
      }
    }
  });

  it('softmax of exact numbers sums to 1, and matches the decimal one', () => {
    expect(Number(run('N(sum(softmax([1, 2, 3])))'))).toBeCloseTo(1, 14);
    expect(run('simplify(sum(softmax([a, b])))')).toBe('1');
    expect(run('N(softmax([1, 2, 3]))')).toBe('[0.09003057317038046, 0.2447284710547977, 0.665240955774822]');
  });
});
