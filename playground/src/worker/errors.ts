/**
 * Errors as the page shows them: Lousa's own errors keep their message (and a parse error its column); anything
 * else is a fault of Lousa, reported in words without JavaScript internals.
 */
import { ParseError } from '../../../src/parse/parse.js';

export interface Problem { readonly message: string; readonly column?: number }

/** Errors that JavaScript itself raises; their messages are not for people. */
const INTERNAL = new Set(['TypeError', 'ReferenceError', 'SyntaxError', 'URIError', 'EvalError_js']);

export function describe(err: unknown): Problem {
  if (err instanceof ParseError) return { message: err.reason, column: err.column };
  if (err instanceof RangeError && /call stack/i.test(err.message)) {
    return { message: 'the expression is nested too deeply to work on' };
  }
  if (err instanceof Error) {
    if (INTERNAL.has(err.name) || err instanceof RangeError) {
      return { message: 'Lousa could not finish this: an internal fault stopped the computation (the page is fine; try another form of the input)' };
    }
    return { message: err.message };
  }
  return { message: String(err) };
}
