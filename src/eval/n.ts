/**
 * `N(e, digits?)`: numeric values for every closed subexpression (no free symbols), leaving symbols alone,
 * as SymPy's `N` does: `N(x + pi)` is `x + 3.141592653589793`. With `digits`, values are rounded to that many
 * significant digits.
 */
import { type Expr, DOUBLE_DIGITS, children, float, withChildren, list } from '../ast/expr.js';
import { bigDigits } from './n-big.js';
import { nodes } from '../ast/walk.js';
import { CONSTANTS, lookupFunction } from '../ast/ops.js';
import { evaluate } from './evaluate.js';
import { EvalError } from './errors.js';
import { LimitError } from '../ast/limits.js';
import { text } from '../render/text.js';

/** Symbols that are not constants, in first-seen order. */
export function freeSymbols(e: Expr): string[] {
  const out = new Set<string>();
  for (const x of nodes(e)) if (x.kind === 'sym' && !CONSTANTS.has(x.name)) out.add(x.name);
  return [...out];
}

function isClosed(e: Expr, memo: Map<Expr, boolean>): boolean {
  const hit = memo.get(e);
  if (hit !== undefined) return hit;
  let v: boolean;
  switch (e.kind) {
    case 'sym': v = CONSTANTS.has(e.name) && e.name !== 'i'; break;
    case 'num': case 'float': v = true; break;
    case 'call': v = lookupFunction(e.fn) !== undefined && e.args.every((a) => isClosed(a, memo)); break;
    case 'list': case 'rel': case 'define': v = false; break;
    default: v = children(e).every((a) => isClosed(a, memo));
  }
  memo.set(e, v);
  return v;
}

export function N(e: Expr, digits?: number): Expr {
  if (digits !== undefined && (!Number.isInteger(digits) || digits < 1)) {
    throw new EvalError(`N(e, digits) takes a positive whole number of digits, got ${digits}`);
  }
  const memo = new Map<Expr, boolean>();
  const value = (x: Expr): Expr => {
    if (digits === undefined || digits <= DOUBLE_DIGITS) return doubleValue(x, digits);
    const s = bigDigits(x, digits, true);
    return float(Number(s), s);
  };
  const go = (x: Expr): Expr => {
    if (isClosed(x, memo)) return value(x);
    if (x.kind === 'list') return list(x.items.map(go));
    const kids = children(x);
    return kids.length === 0 ? x : withChildren(x, kids.map(go));
  };
  return go(e);
}

/** The smallest positive normal double: below it a double keeps fewer digits, down to 0. */
const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * A closed expression's value to at most 17 digits. Doubles first; when they overflow, underflow or fail on the
 * way (10^400, exp(-1000000), exp(1000) · exp(-1000)) the arbitrary-precision evaluator gives the value, whose
 * exponent is not bounded. A value that is undefined (inf − inf, sin(inf)) is an error that says so.
 */
function doubleValue(x: Expr, digits: number | undefined): Expr {
  let v: number | undefined;
  let failure: unknown;
  try {
    v = evaluate(x);
  } catch (err) {
    if (!(err instanceof EvalError)) throw err;
    failure = err;
  }
  if (v !== undefined && Number.isFinite(v) && Math.abs(v) >= MIN_NORMAL) {
    return float(digits === undefined ? v : Number(v.toPrecision(digits)));
  }
  try {
    const s = bigDigits(x, digits ?? DOUBLE_DIGITS, true);
    const t = Number(s);
    if (/^-?0(\.0*)?$/.test(s)) return float(0);
    // In the range of doubles the nearest double is the value (17 digits identify it); outside, the digits are kept.
    return Number.isFinite(t) && Math.abs(t) >= MIN_NORMAL ? float(digits === undefined ? t : Number(t.toPrecision(digits))) : float(t, digits === undefined ? trimZeros(s) : s);
  } catch (err) {
    if (!(err instanceof EvalError || err instanceof LimitError)) throw err;
    if (failure !== undefined) throw failure;
    if (v === undefined || Number.isNaN(v)) {
      throw new EvalError(`${short(x)} is undefined (not a number): an indeterminate form such as 0/0, inf - inf or sin(inf)`);
    }
    return float(v);
  }
}

const short = (e: Expr): string => {
  const s = text(e);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

/** `1.9700711140170470e+434` → `1.970071114017047e+434`: digits a double-precision answer does not claim. */
function trimZeros(s: string): string {
  return s.replace(/(\.\d*?)0+(e|$)/, (_m, a: string, b: string) => `${a === '.' ? '.0' : a}${b}`);
}
