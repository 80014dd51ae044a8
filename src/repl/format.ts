/** How the terminal shows results and errors: one result per line, errors with a caret, never a stack trace. */
import { ParseError } from '../parse/errors.js';
import { text } from '../render/text.js';
import { latex } from '../render/latex.js';
import type { Output } from '../lang/registry.js';

export function formatOutput(out: Output, latexMode: boolean): string | undefined {
  switch (out.kind) {
    case 'expr': {
      const shown = latexMode ? (out.latex ?? latex(out.expr)) : (out.text ?? text(out.expr));
      return out.note === undefined ? shown : `${shown}\n(${out.note})`;
    }
    case 'text': return latexMode && out.latex !== undefined ? out.latex : out.text;
    case 'none': return undefined;
  }
}

export function formatError(err: unknown): string {
  if (err instanceof ParseError) return err.caret();
  if (err instanceof RangeError && /call stack/i.test(err.message)) {
    return 'error: the expression is too deeply nested to process';
  }
  if (err instanceof Error) {
    const kind = err.name === 'Error' || err.name === 'EvalError' ? 'error' : err.name;
    return `${kind}: ${err.message}`;
  }
  return `error: ${String(err)}`;
}
