/** The commands every session has: numeric values, printing, and help. */
import { type Expr, add, mul, isInteger, float } from '../ast/expr.js';
import { text } from '../render/text.js';
import { latex } from '../render/latex.js';
import { N, freeSymbols } from '../eval/n.js';
import { evaluate } from '../eval/evaluate.js';
import { EvalError } from '../eval/errors.js';
import { defineCommand } from './registry.js';

const smallInt = (e: Expr, what: string): number => {
  if (!isInteger(e)) throw new EvalError(`${what} must be a whole number, got ${text(e)}`);
  return Number(e.value[0]);
};

defineCommand({
  name: 'N', usage: 'N(expr, digits?)', arity: [1, 2],
  doc: 'numeric value (double precision), optionally rounded to a number of significant digits',
  run: ([e, d]) => N(e!, d === undefined ? undefined : smallInt(d, 'digits')),
});

defineCommand({
  name: 'evaluate', usage: 'evaluate(expr)', arity: [1, 1],
  doc: 'the value of an expression with no free symbols, as one double (errors for domain problems)',
  run: ([e]) => {
    const free = freeSymbols(e!);
    if (free.length > 0) throw new EvalError(`'${free[0]}' has no value; assign one first (${free[0]} := 2)`);
    return float(evaluate(e!));
  },
});

defineCommand({
  name: 'latex', usage: 'latex(expr)', arity: [1, 1], hold: false,
  doc: 'the LaTeX of an expression',
  run: ([e]) => ({ kind: 'text', text: latex(e!) }),
});

defineCommand({
  name: 'text', usage: 'text(expr)', arity: [1, 1],
  doc: 'the plain-text form of an expression (it reads back as the same expression)',
  run: ([e]) => ({ kind: 'text', text: text(e!) }),
});

