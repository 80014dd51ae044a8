/** The forms in which a value is shown: exact, simplified (when simplify changes it) and numeric (when N does). */
import type { Expr } from '../../../src/ast/expr.js';
import { latex } from '../../../src/render/latex.js';
import { text } from '../../../src/render/text.js';
import { simplify } from '../../../src/simplify/index.js';
import { N, freeSymbols } from '../../../src/eval/n.js';
import type { Form } from '../protocol.js';

export const formOf = (e: Expr): Form => ({ tex: latex(e), text: text(e) });

/** `f` applied to `e`, or undefined when it fails or changes nothing. */
function tryForm(e: Expr, f: (x: Expr) => Expr, not: readonly Expr[]): Expr | undefined {
  try {
    const r = f(e);
    return not.includes(r) ? undefined : r;
  } catch {
    return undefined;
  }
}

/** The forms of a value; a form is left out when it reads the same as one already shown. */
export function formsOf(e: Expr): { exact: Form; simplified?: Form; numeric?: Form } {
  const exact = formOf(e);
  const s = e.kind === 'num' || e.kind === 'float' ? undefined : tryForm(e, simplify, [e]);
  const simplified = s === undefined ? undefined : formOf(s);
  // A numeric form is shown for values (no free symbols) that are not already plain integers.
  const n = e.kind === 'float' || freeSymbols(e).length > 0 ? undefined : tryForm(s ?? e, (x) => N(x), [e]);
  const numeric = n === undefined ? undefined : formOf(n);
  // 2.0 and 2 read alike: a numeric form that only adds ".0" says nothing new.
  const plain = numeric?.text.replace(/\.0\b/g, '');
  return {
    exact,
    ...(simplified !== undefined && simplified.text !== exact.text ? { simplified } : {}),
    ...(numeric !== undefined && plain !== exact.text && plain !== simplified?.text ? { numeric } : {}),
  };
}
