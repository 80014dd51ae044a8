/**
 * Plain text that reads back: `parse(text(e)) === e` for every expression, with as few parentheses as the
 * grammar allows. Products are written by juxtaposition where that is unambiguous (`2x`, `3 sin(x)`,
 * `(x - 1)(x + 1)`), with `*` where the next factor starts with a digit (`2*3^x`).
 */
import { type Expr, HALF } from '../ast/expr.js';
import { PREC } from '../ast/ops.js';
import { isNegativeTerm, precOf, productParts, sumOrder } from './layout.js';

/** Plain text of display-only functions, given their arguments and a printer. */
export type CallText = (args: readonly Expr[], print: (e: Expr, tight: boolean) => string) => string;
const CALL_TEXT = new Map<string, CallText>();
/** Declare how a display-only function is written in plain text. */
export function registerCallText(fn: string, f: CallText): void {
  CALL_TEXT.set(fn, f);
}

export function text(e: Expr): string {
  return print(e, PREC.define);
}

function wrap(s: string, p: number, ctx: number): string {
  return p < ctx ? `(${s})` : s;
}

/** A double that reads back as the same double and as a float (never as an exact integer). */
export function floatText(x: number): string {
  const s = String(x);
  return /[.eE]/.test(s) || !/^-?[0-9]+$/.test(s) ? s : `${s}.0`;
}

function print(e: Expr, ctx: number): string {
  return wrap(bare(e), precOf(e), ctx);
}

function bare(e: Expr): string {
  switch (e.kind) {
    case 'num': {
      const [p, q] = e.value;
      return q === 1n ? p.toString() : `${p}/${q}`;
    }
    case 'float': return e.decimal ?? floatText(e.value);
    case 'sym': return e.name;
    case 'add': {
      const terms = sumOrder(e.args);
      let out = print(terms[0]!, PREC.add);
      for (const t of terms.slice(1)) {
        if (isNegativeTerm(t)) out += ` - ${printProductBody(t, PREC.add + 1)}`;
        else out += ` + ${print(t, PREC.add + 1)}`;
      }
      return out;
    }
    case 'mul': return printProduct(e);
    case 'pow': {
      if (e.exp === HALF) return `sqrt(${print(e.base, PREC.define)})`;
      if (precOf(e) === PREC.mul) return printProduct(e);
      return `${print(e.base, PREC.postfix)}^${print(e.exp, PREC.neg)}`;
    }
    case 'call': {
      if (e.fn === 'factorial') return `${print(e.args[0]!, PREC.postfix)}!`;
      const custom = CALL_TEXT.get(e.fn);
      if (custom !== undefined) return custom(e.args, (x, tight) => print(x, tight ? PREC.postfix : PREC.rel));
      return `${e.fn}(${e.args.map((a) => print(a, PREC.rel)).join(', ')})`;
    }
    case 'list': return `[${e.items.map((a) => print(a, PREC.rel)).join(', ')}]`;
    case 'rel': return `${print(e.lhs, PREC.add)} ${e.op} ${print(e.rhs, PREC.add)}`;
    case 'define': return `${print(e.target, PREC.rel)} := ${print(e.value, PREC.rel)}`;
  }
}

/** A product without its sign (for `a - 2x`), parenthesised when it binds looser than `ctx`. */
function printProductBody(e: Expr, ctx: number): string {
  const { num, den } = productParts(e);
  if (num.length === 1 && den.length === 0) return print(num[0]!, ctx);
  const s = quotient(num, den);
  const p = den.length > 0 || num.length > 1 ? PREC.mul : num.length === 1 ? precOf(num[0]!) : PREC.atom;
  return wrap(s, p, ctx);
}

function printProduct(e: Expr): string {
  const { negative, num, den } = productParts(e);
  const body = quotient(num, den);
  // `-x/2` and `-(x/2)` read back as the same product, so the sign never needs parentheses of its own.
  return negative ? `-${body}` : body;
}

function quotient(num: readonly Expr[], den: readonly Expr[]): string {
  const top = num.length === 0 ? '1' : juxtapose(num);
  if (den.length === 0) return top;
  // A zero below the line would swallow its neighbours when read back as a product: 1/(0 x) is 1/0.
  if (den.length > 1 && den.some((d) => (d.kind === 'num' && d.value[0] === 0n) || (d.kind === 'float' && d.value === 0))) {
    return `${top}/${den.map((d) => print(d, PREC.pow)).join('/')}`;
  }
  const bottom = den.length === 1 ? print(den[0]!, PREC.pow) : `(${juxtapose(den)})`;
  return `${top}/${bottom}`;
}

const startsWithDigit = (s: string): boolean => /^[0-9.]/.test(s);
const endsWithWordChar = (s: string): boolean => /[A-Za-z0-9_\u0370-\u03ff]$/.test(s);

/** Factors written side by side with the separator each pair needs to read back as a product. */
function juxtapose(factors: readonly Expr[]): string {
  if (factors.length === 1) return print(factors[0]!, PREC.mul);
  let out = '';
  let prevIsNumber = false;
  factors.forEach((f, k) => {
    const s = print(f, PREC.neg);
    if (k === 0) out = s;
    else if (startsWithDigit(s)) out += `*${s}`;
    else if (prevIsNumber && /^[A-DF-Za-df-z\u0370-\u03ff]/.test(s) && (f.kind === 'sym' || (f.kind === 'pow' && f.base.kind === 'sym'))) out += s;
    else if (s.startsWith('(') && (prevIsNumber || !endsWithWordChar(out))) out += s;
    else out += ` ${s}`;
    prevIsNumber = f.kind === 'num' || f.kind === 'float';
  });
  return out;
}
