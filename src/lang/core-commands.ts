/** The commands every session has: numeric values, printing, and help. */
import { type Expr, add, mul, isInteger, float } from '../ast/expr.js';
import { text } from '../render/text.js';
import { latex } from '../render/latex.js';
import { N, freeSymbols } from '../eval/n.js';
import { evaluate } from '../eval/evaluate.js';
import { EvalError } from '../eval/errors.js';
import { defineCommand } from './registry.js';
import { substitute } from '../ast/walk.js';

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

defineCommand({
  name: 'clear', usage: 'clear(x, f, …) or clear()', arity: [0, Infinity], hold: true,
  doc: 'forget the values of names and the definitions of functions (all of them with no argument)',
  run: (args, session) => {
    const names = args.map((a) => {
      if (a.kind === 'sym') return a.name;
      if (a.kind === 'call' && a.args.length === 0) return a.fn;
      throw new EvalError(`clear takes names, such as clear(x) or clear(f); got ${text(a)}`);
    });
    const done = session.clear(args.length === 0 ? undefined : names);
    return { kind: 'text', text: done.length === 0 ? 'nothing to clear' : `cleared ${done.join(', ')}` };
  },
});

/** The pairs of `subs(e, x, v)` or `subs(e, [x = 1, y = 2])`. */
function substitutions(args: readonly Expr[]): Map<Expr, Expr> {
  if (args.length === 3) return new Map([[args[1]!, args[2]!]]);
  const eqs = args[1]!;
  const items = eqs.kind === 'list' ? eqs.items : [eqs];
  const out = new Map<Expr, Expr>();
  for (const eq of items) {
    if (eq.kind !== 'rel' || eq.op !== '=') throw new EvalError(`subs(e, [x = 1, y = 2]) takes equations name = value; got ${text(eq)}`);
    out.set(eq.lhs, eq.rhs);
  }
  return out;
}

defineCommand({
  name: 'subs', usage: 'subs(e, x, v) or subs(e, [x = 1, y = 2])', arity: [2, 3], hold: true,
  doc: 'replace x by v in e (every pair at once for a list of equations), then evaluate',
  run: (args, session) => {
    if (args.length === 2 && !(args[1]!.kind === 'list' || args[1]!.kind === 'rel')) {
      throw new EvalError('subs takes subs(e, x, v) or subs(e, [x = 1, y = 2])');
    }
    // The targets stay as written (a name with a value is still the name to replace); e and the values are evaluated.
    const pairs = substitutions(args);
    const values = new Map([...pairs].map(([k, v]) => [k, session.evaluate(v)]));
    const targets = [...values.keys()];
    // Names being replaced are hidden from the session's variables while e is evaluated.
    const saved = new Map<string, Expr>();
    for (const t of targets) {
      if (t.kind === 'sym' && session.vars.has(t.name)) {
        saved.set(t.name, session.vars.get(t.name)!);
        session.vars.delete(t.name);
      }
    }
    try {
      const e = session.evaluate(args[0]!);
      return session.evaluate(substitute(e, values));
    } finally {
      for (const [k, v] of saved) session.vars.set(k, v);
    }
  },
});
