/**
 * `steps(…)` for the page: the same command the REPL runs, asked once in English and once in Portuguese, cut
 * into rows so that the page can reveal one step at a time and switch language without recomputing.
 */
import { type Expr, call, sym } from '../../../src/ast/expr.js';
import type { Session } from '../../../src/lang/session.js';
import type { Result, StepsLang } from '../protocol.js';
import { formOf } from './forms.js';
import { parse } from '../../../src/parse/parse.js';

/** The rows of an aligned derivation (`\begin{aligned} r0 \\ r1 … \end{aligned}`). */
function rowsOf(tex: string): string[] {
  const body = tex.replace(/^\\begin\{aligned\}\n?/, '').replace(/\n?\\end\{aligned\}$/, '');
  return body.split(' \\\\\n');
}

/** The label of each step: the bracketed end of each text line after the first. */
function labelsOf(textOut: string): string[] {
  return textOut.split('\n').slice(1).map((l) => /\[(.*)\]\s*$/.exec(l)?.[1] ?? '').filter((l) => l !== '');
}

function one(session: Session, inner: Expr, lang: 'en' | 'pt'): StepsLang {
  const out = session.runExpr(call('steps', [inner, sym(lang)]));
  if (out.kind !== 'text' || out.latex === undefined) throw new Error('steps produced no derivation');
  return { rows: rowsOf(out.latex), labels: labelsOf(out.text), text: out.text, tex: out.latex };
}

/** Run `steps(op(…))` (or `explain(…)`) in both languages. */
export function runSteps(session: Session, e: Expr & { kind: 'call' }): Result {
  const inner = e.args[0]!;
  const en = one(session, inner, 'en');
  const pt = one(session, inner, 'pt');
  // The result of the derivation is the operation itself, run by the session.
  const result = session.runExpr(inner);
  const value = result.kind === 'expr' ? result.expr : parse('0');
  return { kind: 'steps', result: formOf(value), en, pt };
}
