/**
 * Derivatives of the functions in the operator table (src/ast/ops.ts), one row per function, keyed by the same
 * name. A row lists the partial derivatives of `f(u, v, …)` with respect to each argument, written in Lousa
 * syntax in the argument names `u`, `v`; a variadic function gives a TypeScript row instead. Functions whose
 * derivative is not given here (gamma, factorial) have the row `null`: their derivatives stay as
 * unevaluated `D(…)` calls.
 */
import { type Expr, add, call, HALF, mul, ONE, sub } from '../ast/expr.js';
import { FUNCTIONS } from '../ast/ops.js';
import { parse } from '../parse/parse.js';
import { instantiate } from '../rewrite/rule.js';

type Templates = readonly string[];
type Row = Templates | { readonly [arity: number]: Templates } | ((args: readonly Expr[]) => Expr[]) | null;

/** min(a, b) = (a + b - |a - b|)/2 and max(a, b) = (a + b + |a - b|)/2 give sign-based partials without pieces. */
function minMaxPartials(isMax: boolean) {
  return (args: readonly Expr[]): Expr[] => {
    if (args.length === 1) return [ONE];
    const rest = args.slice(1);
    const m = rest.length === 1 ? rest[0]! : call(isMax ? 'max' : 'min', rest);
    const s = call('sign', [sub(args[0]!, m)]);
    const first = mul(HALF, isMax ? add(ONE, s) : sub(ONE, s));
    const other = mul(HALF, isMax ? sub(ONE, s) : add(ONE, s));
    const inner = rest.length === 1 ? [ONE] : minMaxPartials(isMax)(rest);
    return [first, ...inner.map((p) => mul(other, p))];
  };
}

export const DERIVATIVES: Readonly<Record<string, Row>> = {
  sin: ['cos(u)'],
  cos: ['-sin(u)'],
  tan: ['sec(u)^2'],
  cot: ['-csc(u)^2'],
  sec: ['sec(u) tan(u)'],
  csc: ['-csc(u) cot(u)'],
  asin: ['1/sqrt(1 - u^2)'],
  acos: ['-1/sqrt(1 - u^2)'],
  atan: ['1/(1 + u^2)'],
  // atan2(y, x) with u = y, v = x
  atan2: ['v/(u^2 + v^2)', '-u/(u^2 + v^2)'],
  sinh: ['cosh(u)'],
  cosh: ['sinh(u)'],
  tanh: ['1 - tanh(u)^2'],
  asinh: ['1/sqrt(u^2 + 1)'],
  acosh: ['1/(sqrt(u - 1) sqrt(u + 1))'],
  atanh: ['1/(1 - u^2)'],
  exp: ['exp(u)'],
  log: { 1: ['1/u'], 2: ['1/(u log(v))', '-log(u)/(v log(v)^2)'] },
  abs: ['sign(u)'],
  // Zero wherever they are differentiable (everywhere but their jumps).
  sign: ['0'],
  floor: ['0'],
  ceil: ['0'],
  min: minMaxPartials(false),
  max: minMaxPartials(true),
  erf: ['2/sqrt(pi) exp(-u^2)'],
  gamma: null,
  factorial: null,
};

const NAMES = ['u', 'v', 'w'];
const parsed = new Map<string, Expr>();

function template(s: string): Expr {
  let t = parsed.get(s);
  if (t === undefined) parsed.set(s, (t = parse(s)));
  return t;
}

/** The partial derivatives of `fn(args)` with respect to each argument, or undefined when none are known. */
export function partials(fn: string, args: readonly Expr[]): Expr[] | undefined {
  const row = DERIVATIVES[fn];
  if (row === undefined || row === null) return undefined;
  if (typeof row === 'function') return row(args);
  const ts = Array.isArray(row) ? (row as Templates) : (row as Record<number, Templates>)[args.length];
  if (ts === undefined || ts.length !== args.length) return undefined;
  const b = new Map(args.map((a, k) => [NAMES[k]!, a]));
  return ts.map((t) => instantiate(template(t), b));
}

/** Functions of the operator table that have no row here (kept empty by a test). */
export function missingRows(): string[] {
  return [...FUNCTIONS.keys()].filter((n) => !(n in DERIVATIVES));
}
