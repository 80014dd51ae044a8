import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import katex from 'katex';
import { latex, parse } from '../../src/index.js';
import { RUNS, statementArb } from '../arbitrary.js';

describe('latex', () => {
  it.each([
    ['1/2', '\\frac{1}{2}'],
    ['x/(2y)', '\\frac{x}{2 y}'],
    ['-x^2', '-x^{2}'],
    ['sqrt(x^2 + 1)', '\\sqrt{x^{2} + 1}'],
    ['x^(1/3)', '\\sqrt[3]{x}'],
    ['sin(x)^2', '\\sin^{2}\\left(x\\right)'],
    ['exp(x)', 'e^{x}'],
    ['log(x)', '\\ln\\left(x\\right)'],
    ['log(x, 2)', '\\log_{2}\\left(x\\right)'],
    ['alpha_1 + theta', '\\alpha_{1} + \\theta'],
    ['W_q', 'W_{q}'],
    ['[[1, 2], [3, 4]]', '\\begin{bmatrix}1 & 2 \\\\ 3 & 4\\end{bmatrix}'],
    ['a - (b + c)', 'a - \\left(b + c\\right)'],
    ['2*3^x', '2 \\cdot 3^{x}'],
    ['abs(x)', '\\left|x\\right|'],
    ['n!', 'n!'],
    ['x <= 1', 'x \\le 1'],
    ['pi', '\\pi'],
    ['1.5e-7', '1.5 \\times 10^{-7}'],
    ['rate', '\\mathrm{rate}'],
  ])('%s → %s', (input, tex) => {
    expect(latex(parse(input))).toBe(tex);
  });

  it('KaTeX renders the LaTeX of every generated expression', () => {
    fc.assert(fc.property(statementArb(), (e) => {
      katex.renderToString(latex(e), { throwOnError: true });
    }), { numRuns: RUNS });
  });
});
