/**
 * One line of input, run by the same Session as the REPL. A few commands have a richer form on the page:
 * `plot` draws on a canvas with sliders, `steps`/`explain` reveal one step at a time in either language, and
 * `nntrain` reports its progress while it trains. Everything else is the session's own output.
 */
import type { Expr } from '../../../src/ast/expr.js';
import { parse } from '../../../src/parse/parse.js';
import type { Session } from '../../../src/lang/session.js';
import type { Result, TrainProgress } from '../protocol.js';
import { formOf, formsOf } from './forms.js';
import { runPlot } from './plot.js';
import { runSteps } from './steps.js';
import { runTraining } from './train.js';

const isCall = (e: Expr, ...names: string[]): e is Expr & { kind: 'call' } => e.kind === 'call' && names.includes(e.fn);

export function runLine(session: Session, line: string, progress: (p: TrainProgress) => void): Result {
  if (line.trim() === '') return { kind: 'none' };
  const e = parse(line);
  if (isCall(e, 'plot') && e.args.length === 4) return runPlot(session, e.args);
  if (isCall(e, 'steps', 'explain') && e.args.length >= 1 && e.args.length <= 2) return runSteps(session, e);
  if (isCall(e, 'nntrain') && e.args.length >= 1 && e.args.length <= 4) return { kind: 'train', summary: runTraining(e.args, progress) };
  const out = session.runExpr(e);
  if (out.kind === 'none') return { kind: 'none' };
  if (out.kind === 'text') return { kind: 'text', text: out.text, ...(out.latex !== undefined ? { tex: out.latex } : {}) };
  if (out.expr.kind === 'define') return { kind: 'define', exact: formOf(out.expr) };
  return { kind: 'expr', ...formsOf(out.expr) };
}
