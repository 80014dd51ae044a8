/**
 * "Check my answer" (the worker's side, without a browser): right answers in other forms are accepted, wrong
 * ones rejected with the point where they differ; a difference far below double rounding is still seen.
 */
import { describe, expect, it } from 'vitest';
import '../../src/lang/index.js';
import { Session } from '../../src/lang/session.js';
import { checkAnswer, FieldError } from '../../playground/src/worker/check.js';

const check = (mode: 'derivative' | 'antiderivative', f: string, answer: string, x = 'x') => checkAnswer(new Session(), { mode, f, x, answer });

describe('check my answer', () => {
  it.each([
    ['derivative', 'sin(x^2)', '2 x cos(x^2)'],
    ['derivative', 'sin(x^2)', 'cos(x^2) * x * 2'],
    ['derivative', 'x^3 exp(x)', 'exp(x) (x^3 + 3x^2)'],
    ['derivative', 'log(x^2 + 1)', '2x/(x^2 + 1)'],
    ['derivative', 'sin(x) cos(x)', 'cos(2x)'],
    ['derivative', 'a x^2 + b', '2 a x'],
    ['derivative', 'tanh(x)', '1 - tanh(x)^2'],
    ['derivative', '1/(1 + exp(-x))', 'exp(-x)/(1 + exp(-x))^2'],
    ['antiderivative', 'x cos(x)', 'x sin(x) + cos(x) + 5'],
    ['antiderivative', 'sin(x) cos(x)', 'sin(x)^2/2'],
    ['antiderivative', 'sin(x) cos(x)', '-cos(2x)/4'],
    ['antiderivative', '1/x', 'log(x)'],
    ['antiderivative', 'exp(k t)', 'exp(k t)/k', 't'],
  ] as const)('accepts the %s of %s written as %s', (mode, f, answer, x?: string) => {
    const r = check(mode, f, answer, x ?? 'x');
    expect(r.equivalent, r.message).toBe(true);
  });

  it.each([
    ['derivative', 'sin(x^2)', 'x cos(x^2)'],
    ['derivative', 'sin(x^2)', '2x sin(x^2)'],
    ['derivative', 'x^3', '3x^3'],
    ['derivative', 'a x^2', '2x'],
    ['derivative', 'exp(x)', 'exp(x) + 10^(-25)'],
    ['antiderivative', 'x cos(x)', 'x sin(x) - cos(x)'],
    ['antiderivative', 'sin(x) cos(x)', 'cos(2x)/4'],
    ['antiderivative', 'x^2', 'x^3/3 + x/10^30'],
  ] as const)('rejects the %s of %s written as %s, saying where', (mode, f, answer) => {
    const r = check(mode, f, answer);
    expect(r.equivalent).toBe(false);
    expect(r.where?.point).toMatch(/x = /);
  });

  it('says which field a parse error is in, and at which column', () => {
    try {
      check('derivative', 'sin(x^2)', '2 x cos(x^2');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(FieldError);
      expect((err as FieldError).field).toBe('answer');
      expect((err as FieldError).column).toBe(8);
    }
  });
});
