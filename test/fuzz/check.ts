/**
 * Running one fuzz case and judging it: a crash (a JavaScript error, or a message naming JavaScript internals), a
 * hang (over the time bound), a leaked internal in the output, or a wrong value (checked at high precision with
 * the BigFloat evaluator) is a failure; a clear Lousa error or an operation stopped by its budget is not.
 */
import { type Expr, add, children, div, mul, numOf, sub, sym, withChildren } from '../../src/ast/expr.js';
import { parseDecimal } from '../../src/numeric/bigfloat/decimal.js';
import { substitute } from '../../src/ast/walk.js';
import { Session } from '../../src/lang/index.js';
import { text } from '../../src/render/text.js';
import { bigDigits } from '../../src/eval/n-big.js';
import { parse } from '../../src/parse/parse.js';

export type Kind = 'string' | 'diff' | 'simplify' | 'expand' | 'factor' | 'N' | 'integrate' | 'limit' | 'series' | 'solve';

export interface Verdict {
  readonly kind: Kind;
  readonly input: string;
  readonly outcome: 'ok' | 'error' | 'stopped' | 'crash' | 'leak' | 'wrong' | 'hang';
  readonly detail: string;
  readonly ms: number;
}

const JS_ERRORS = new Set(['Error', 'TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'URIError', 'AggregateError', 'InternalError']);
/** Words that only JavaScript's own objects and errors produce. */
const INTERNALS = /(\[native code\]|\[object \w+\]|\bundefined\b|\bNaN\b|\bInfinity\b|=>|Maximum call stack|Cannot read prop|is not a function|is not defined|BigInt|\b(?:constructor|__proto__|prototype|valueOf|toString|hasOwnProperty)\b)/;

/** Internal names in `out` that the input did not contain itself. */
function leaked(out: string, input: string): string | undefined {
  const m = INTERNALS.exec(out);
  if (m === null) return undefined;
  return input.includes(m[1]!) ? undefined : m[1];
}

const X = sym('x');
/** Points where values are compared: rationals in several scales. */
const POINTS: readonly Expr[] = [numOf([7n, 10n]), numOf([13n, 10n]), numOf([23n, 7n]), numOf([-3n, 5n])];

/** `e` with every decimal literal replaced by the exact rational it denotes, so substitution loses nothing. */
function exactify(e: Expr): Expr {
  return mapNodes(e, (y) => {
    if (y.kind !== 'float') return y;
    const { num, den } = parseDecimal(y.decimal ?? String(y.value));
    return numOf([num, den]);
  });
}

function mapNodes(e: Expr, f: (y: Expr) => Expr): Expr {
  const memo = new Map<Expr, Expr>();
  const go = (y: Expr): Expr => {
    const hit = memo.get(y);
    if (hit !== undefined) return hit;
    const kids = children(y);
    const out = f(kids.length === 0 ? y : withChildren(y, kids.map(go)));
    memo.set(y, out);
    return out;
  };
  return go(e);
}

/** True when `e` holds a decimal literal: its value is only as precise as a double. */
const hasFloat = (e: Expr): boolean => {
  let found = false;
  mapNodes(e, (y) => {
    if (y.kind === 'float') found = true;
    return y;
  });
  return found;
};

/** The value of f at x = a, to `digits` correct digits, or undefined where it has none (or it is 0). */
function valueAt(f: Expr, a: Expr, digits = 30): string | undefined {
  try {
    return bigDigits(substitute(exactify(f), new Map([[X, a]])), digits, true);
  } catch {
    return undefined;
  }
}

/** Two decimal texts agree to a relative 10^-tol (20 by default; 12 where a double took part). */
function close(a: string, b: string, tol = 20): boolean {
  const zero = (t: string): boolean => /^-?0(\.0*)?(e[-+]?\d+)?$/.test(t);
  if (zero(a) || zero(b)) return zero(a) && zero(b);
  const pa = parts(a);
  const pb = parts(b);
  if (pa === undefined || pb === undefined) return false;
  if (pa.sign !== pb.sign) return false;
  // Align exponents and compare 22-digit integers.
  const ea = pa.exp10;
  const eb = pb.exp10;
  if (Math.abs(ea - eb) > 1) return false;
  const ia = BigInt(pa.digits.padEnd(25, '0').slice(0, 25)) * (ea > eb ? 10n : 1n);
  const ib = BigInt(pb.digits.padEnd(25, '0').slice(0, 25)) * (eb > ea ? 10n : 1n);
  const diff = ia > ib ? ia - ib : ib - ia;
  return diff * 10n ** BigInt(tol) <= (ia > ib ? ia : ib);
}

function parts(s: string): { sign: number; digits: string; exp10: number } | undefined {
  const m = /^(-?)(\d+)(?:\.(\d*))?(?:e([-+]?\d+))?$/.exec(s);
  if (m === null) return undefined;
  const intPart = m[2]!.replace(/^0+/, '');
  const frac = m[3] ?? '';
  const e = Number(m[4] ?? 0);
  if (intPart.length > 0) return { sign: m[1] ? -1 : 1, digits: intPart + frac, exp10: e + intPart.length - 1 };
  const lead = frac.match(/^0*/)![0].length;
  return { sign: m[1] ? -1 : 1, digits: frac.slice(lead), exp10: e - lead - 1 };
}

/** d/dx f at a by a central difference in high precision (step 10^-24; error far below 10^-20 relative). */
function derivativeAt(f: Expr, a: Expr): string | undefined {
  const h = numOf([1n, 10n ** 24n]);
  const up = substitute(exactify(f), new Map([[X, add(a, h)]]));
  const down = substitute(exactify(f), new Map([[X, sub(a, h)]]));
  try {
    const d = bigDigits(div(sub(up, down), mul(numOf([2n, 1n]), h)), 30, true);
    // A difference that cancels to 0 only says the derivative is far below the function's size: no reference.
    return /^-?0(\.0*)?$/.test(d) ? undefined : d;
  } catch {
    return undefined;
  }
}

/** Whether the value check of an operation's result holds; a reason when it does not. */
function checkValue(kind: Kind, f: Expr, g: Expr): string | undefined {
  if (g.kind === 'call' && g.fn === kind) return undefined; // returned unevaluated
  let compared = 0;
  for (const a of POINTS) {
    if (compared >= 2) break;
    let want: string | undefined;
    let got: string | undefined;
    switch (kind) {
      case 'diff': want = derivativeAt(f, a); got = valueAt(g, a); break;
      case 'integrate': {
        if (text(g).includes('integrate')) return undefined;
        want = valueAt(f, a);
        got = derivativeAt(g, a);
        break;
      }
      case 'simplify': case 'expand': case 'factor': want = valueAt(f, a); got = valueAt(g, a); break;
      default: return undefined;
    }
    if (want === undefined || got === undefined) continue;
    compared++;
    if (!close(want, got, hasFloat(f) || hasFloat(g) ? 12 : 20)) return `at x = ${text(a)}: expected ${want}, got ${got}`;
  }
  return undefined;
}

/** Run one case through a fresh session and judge it. */
export function runCase(kind: Kind, input: string, hangMs = 5000): Verdict {
  const line = kind === 'string' ? input
    : kind === 'N' ? `N(${input}, 30)`
      : kind === 'limit' ? `limit(${input}, x, 0)`
        : kind === 'series' ? `series(${input}, x, 0, 4)`
          : kind === 'solve' ? `solve(${input} = 1, x)`
            : kind === 'diff' || kind === 'integrate' ? `${kind}(${input}, x)`
              : `${kind}(${input})`;
  const t0 = Date.now();
  let outcome: Verdict['outcome'] = 'ok';
  let detail = '';
  try {
    const out = new Session().run(line);
    const shown = out.kind === 'expr' ? text(out.expr) : out.kind === 'text' ? out.text : '';
    detail = shown.slice(0, 200);
    const leak = leaked(shown, line);
    if (leak !== undefined) {
      outcome = 'leak';
      detail = `output names '${leak}': ${shown.slice(0, 200)}`;
    } else if (out.kind === 'expr' && out.note !== undefined) {
      outcome = 'stopped';
      detail = out.note;
    } else if (out.kind === 'expr' && kind !== 'string') {
      const f = parse(input);
      const wrong = kind === 'N' ? checkN(f, out.expr) : checkValue(kind, f, out.expr);
      if (wrong !== undefined) {
        outcome = 'wrong';
        detail = `${wrong} (result ${shown.slice(0, 160)})`;
      }
    }
  } catch (err) {
    const e = err as Error;
    const name = typeof e === 'object' && e !== null && typeof e.name === 'string' ? e.name : 'non-error';
    const message = typeof e === 'object' && e !== null && typeof e.message === 'string' ? e.message : String(err);
    const leak = leaked(message, line);
    if (JS_ERRORS.has(name) || name === 'non-error') {
      outcome = 'crash';
      detail = `${name}: ${message.slice(0, 200)}`;
    } else if (leak !== undefined) {
      outcome = 'leak';
      detail = `${name} names '${leak}': ${message.slice(0, 200)}`;
    } else {
      outcome = /stopped/.test(message) && name === 'LimitError' ? 'stopped' : 'error';
      detail = `${name}: ${message.slice(0, 160)}`;
    }
  }
  const ms = Date.now() - t0;
  if (ms > hangMs && line.length < 60) {
    outcome = 'hang';
    detail = `${ms} ms; ${detail}`;
  }
  return { kind, input: line, outcome, detail, ms };
}

/** N(f, 30) against the value at 40 digits. */
function checkN(f: Expr, g: Expr): string | undefined {
  if (g.kind !== 'float' && g.kind !== 'num' && !(g.kind === 'mul' && g.args.length === 2)) return undefined;
  let want: string;
  try {
    want = bigDigits(f, 40, true);
  } catch {
    return undefined;
  }
  const got = text(g);
  if (!/^-?[\d.]+(e[-+]?\d+)?$/.test(got)) return undefined;
  return close(want, got, hasFloat(f) ? 12 : 28) ? undefined : `expected ${want}, got ${got}`;
}

