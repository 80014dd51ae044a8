/**
 * Errors as the page shows them: Lousa's own errors keep their message (and a parse error its column); an error
 * JavaScript itself raised (a TypeError, a plain RangeError…) is a fault of Lousa, reported in words without
 * JavaScript internals. Lousa's error classes that extend a built-in one (a domain error is a RangeError) are
 * Lousa's, and keep their message.
 */
import { ParseError } from '../../../src/parse/parse.js';

export interface Problem { readonly message: string; readonly column?: number }

/** The built-in error classes, whose messages are not for people. */
const BUILT_IN: readonly Function[] = [TypeError, ReferenceError, SyntaxError, RangeError, URIError];

export function describe(err: unknown): Problem {
  if (err instanceof ParseError) return { message: err.reason, column: err.column };
  if (err instanceof RangeError && /call stack/i.test(err.message)) {
    return { message: 'the expression is nested too deeply to work on' };
  }
  if (err instanceof Error) {
    if (BUILT_IN.includes(err.constructor)) {
      return { message: 'Lousa could not finish this: an internal fault stopped the computation (the page is fine; try another form of the input)' };
    }
    return { message: err.message };
  }
  return { message: String(err) };
}
