/** Commands of the language for calculus: derivatives, gradients, Jacobians, Hessians, and their derivations. */
import { type Expr, isInteger, list, sym } from '../../ast/expr.js';
import { EvalError } from '../../eval/errors.js';
import { freeSymbols } from '../../eval/n.js';
import { text } from '../../render/text.js';
import { renderDerivation, renderDerivationText } from '../../render/derivation.js';
import { diff, grad, hessian, jacobian } from '../../diff/diff.js';
import { explain, explainableOps } from '../../rewrite/explain.js';
import { defineCommand } from '../registry.js';
import type { Session } from '../session.js';

function order(n: Expr | undefined): number {
  if (n === undefined) return 1;
  if (!isInteger(n) || n.value[0] < 0n) throw new EvalError(`the order of a derivative must be a whole number ≥ 0, got ${text(n)}`);
  return Number(n.value[0]);
}

/** The variables to differentiate by: given explicitly, or the expression's only free symbol. */
function variablesOf(f: Expr, vars: Expr | undefined, what: string): Expr {
  if (vars !== undefined) return vars;
  const free = freeSymbols(f).sort();
  if (what === 'diff') {
    if (free.length === 1) return sym(free[0]!);
    throw new EvalError(free.length === 0
      ? 'diff(f, x): f has no variable; say which variable to differentiate by'
      : `diff(f, x): f has several variables (${free.join(', ')}); say which one`);
  }
  if (free.length === 0) throw new EvalError(`${what}(f, [x, y, …]): f has no variables; list them`);
  return list(free.map((s) => sym(s)));
}

defineCommand({
  name: 'diff', usage: 'diff(f, x, n?)', arity: [1, 3],
  doc: 'derivative of f with respect to x (n-th derivative with n); other symbols are constants',
  run: ([f, x, n]) => diff(f!, variablesOf(f!, x, 'diff'), order(n)),
});

defineCommand({
  name: 'grad', usage: 'grad(f, [x, y, …])', arity: [1, 2],
  doc: 'gradient: the list of partial derivatives of f (variables in alphabetical order if not given)',
  run: ([f, vars]) => grad(f!, variablesOf(f!, vars, 'grad')),
});

defineCommand({
  name: 'jacobian', usage: 'jacobian([f, g, …], [x, y, …])', arity: [1, 2],
  doc: 'Jacobian matrix: row i is the gradient of the i-th function',
  run: ([fs, vars]) => jacobian(fs!, variablesOf(fs!, vars, 'jacobian')),
});

defineCommand({
  name: 'hessian', usage: 'hessian(f, [x, y, …])', arity: [1, 2],
  doc: 'Hessian matrix of second partial derivatives of f',
  run: ([f, vars]) => hessian(f!, variablesOf(f!, vars, 'hessian')),
});

function stepsOf(args: readonly Expr[], session: Session) {
  const [call, langArg] = args;
  const lang = langArg === undefined ? 'en' : langArg.kind === 'sym' && (langArg.name === 'en' || langArg.name === 'pt') ? langArg.name : undefined;
  if (lang === undefined) throw new EvalError(`the language of a derivation is en or pt, got ${text(langArg!)}`);
  const ops = explainableOps();
  if (call!.kind !== 'call' || !ops.includes(call!.fn)) {
    throw new EvalError(`steps(…) shows how an operation is done; write it around one of: ${ops.map((o) => `${o}(…)`).join(', ')}`);
  }
  // The arguments without the light algebra of the prompt, so that every rule the operation applies is shown.
  let evaluated = call!.args.map((a) => session.evaluate(a, false));
  if (call!.fn === 'diff' && evaluated.length === 1) evaluated = [evaluated[0]!, variablesOf(evaluated[0]!, undefined, 'diff')];
  const d = explain(call!.fn, ...evaluated);
  return { kind: 'text' as const, text: renderDerivationText(d, { lang }), latex: renderDerivation(d, { lang }) };
}

defineCommand({
  name: 'steps', usage: 'steps(diff(f, x), lang?)', arity: [1, 2], hold: true,
  doc: 'how a result is obtained, step by step (lang: en or pt); :latex shows it typeset',
  run: (args, session) => stepsOf(args, session),
});

defineCommand({
  name: 'explain', usage: 'explain(diff(f, x), lang?)', arity: [1, 2], hold: true,
  doc: 'the same as steps(…)',
  run: (args, session) => stepsOf(args, session),
});
