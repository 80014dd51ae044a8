/**
 * Derivatives of the functions in the operator table (src/ast/ops.ts), one row per function, keyed by the same
 * name. A row lists the partial derivatives of `f(u, v, …)` with respect to each argument, written in Lousa
 * syntax in the argument names `u`, `v`, `w`; a variadic function gives a TypeScript row instead. A partial that has
 * no closed form in the table's functions (the order n of polygamma, the shape a of the incomplete gamma) is
 * `null`, and a function with no derivative at all (zeta) has the row `null`: a derivative that needs one stays
 * an unevaluated `D(…)` call.
 */
import { type Expr, add, call, HALF, mul, ONE, sub } from '../ast/expr.js';
import { FUNCTIONS, SPELLING_FUNCTIONS } from '../ast/ops.js';
import { shapeRule } from '../ast/shapes.js';
import { parse } from '../parse/parse.js';
import { instantiate } from '../rewrite/rule.js';

type Templates = readonly (string | null)[];
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

// Without a prototype, so a user's function called `constructor` finds no row.
export const DERIVATIVES: Readonly<Record<string, Row>> = Object.assign(Object.create(null) as Record<string, Row>, {
  sin: ['cos(u)'],
  cos: ['-sin(u)'],
  tan: ['sec(u)^2'],
  cot: ['-csc(u)^2'],
  sec: ['sec(u) tan(u)'],
  csc: ['-csc(u) cot(u)'],
  asin: ['1/sqrt(1 - u^2)'],
  acos: ['-1/sqrt(1 - u^2)'],
  atan: ['1/(1 + u^2)'],
  cbrt: ['1/(3 cbrt(u)^2)'],
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
  gamma: ['gamma(u) digamma(u)'],
  factorial: ['gamma(u + 1) digamma(u + 1)'],
  erfc: ['-2/sqrt(pi) exp(-u^2)'],
  erfcx: ['2u erfcx(u) - 2/sqrt(pi)'],
  erfinv: ['sqrt(pi)/2 exp(erfinv(u)^2)'],
  erfcinv: ['-sqrt(pi)/2 exp(erfcinv(u)^2)'],
  lgamma: ['digamma(u)'],
  digamma: ['trigamma(u)'],
  trigamma: ['polygamma(2, u)'],
  // polygamma(n, x): no derivative in the order n.
  polygamma: [null, 'polygamma(u + 1, v)'],
  beta: ['beta(u, v) (digamma(u) - digamma(u + v))', 'beta(u, v) (digamma(v) - digamma(u + v))'],
  lbeta: ['digamma(u) - digamma(u + v)', 'digamma(v) - digamma(u + v)'],
  // In x only: the derivatives in the shape parameters are not closed forms in these functions.
  gammainc: [null, 'v^(u - 1) exp(-v)/gamma(u)'],
  gammaincc: [null, '-v^(u - 1) exp(-v)/gamma(u)'],
  // Inverse functions: 1 over the density at the quantile.
  gammaincinv: [null, 'gamma(u) exp(gammaincinv(u, v)) gammaincinv(u, v)^(1 - u)'],
  gammainccinv: [null, '-gamma(u) exp(gammainccinv(u, v)) gammainccinv(u, v)^(1 - u)'],
  betainc: [null, null, 'w^(u - 1) (1 - w)^(v - 1)/beta(u, v)'],
  betaincc: [null, null, '-w^(u - 1) (1 - w)^(v - 1)/beta(u, v)'],
  betaincinv: [null, null, 'beta(u, v) betaincinv(u, v, w)^(1 - u) (1 - betaincinv(u, v, w))^(1 - v)'],
  zeta: null,
  log1p: ['1/(1 + u)'],
  expm1: ['exp(u)'],
  sigmoid: ['sigmoid(u) (1 - sigmoid(u))'],
  // relu' is the step function; (1 + sign(u))/2 takes the midpoint 1/2 at the kink, as max does.
  relu: ['(1 + sign(u))/2'],
  softplus: ['sigmoid(u)'],
  // (x Φ(x))' = Φ(x) + x φ(x)
  gelu: ['(1 + erf(u/sqrt(2)))/2 + u exp(-u^2/2)/sqrt(2 pi)'],
});

const NAMES = ['u', 'v', 'w'];
const parsed = new Map<string, Expr>();

function template(s: string): Expr {
  let t = parsed.get(s);
  if (t === undefined) parsed.set(s, (t = parse(s)));
  return t;
}

/**
 * The partial derivative of `fn(args)` with respect to each argument (undefined where the table has none), or
 * undefined when the function has no row for this number of arguments.
 */
export function partialList(fn: string, args: readonly Expr[]): (Expr | undefined)[] | undefined {
  // f'(u) for an unknown function of one argument; of several, the partials stay unevaluated.
  if (args.length === 1 && isAbstractFunction(fn)) return [call(`${fn}'`, args)];
  const row = DERIVATIVES[fn];
  if (row === undefined || row === null) return undefined;
  if (typeof row === 'function') return row(args);
  const ts = Array.isArray(row) ? (row as Templates) : (row as Record<number, Templates>)[args.length];
  if (ts === undefined || ts.length !== args.length) return undefined;
  const b = new Map(args.map((a, k) => [NAMES[k]!, a]));
  return ts.map((t) => (t === null ? undefined : instantiate(template(t), b)));
}

/**
 * A function the language knows nothing about (`f`, `g`, `phi`, `f'`): a name outside the operator table and the
 * tensor operations, which keep their own rules.
 */
export function isAbstractFunction(fn: string): boolean {
  return !FUNCTIONS.has(fn) && !SPELLING_FUNCTIONS.has(fn) && shapeRule(fn) === undefined && fn !== 'D'
    && /^[A-Za-z][A-Za-z0-9_]*'*$/.test(fn) && !NOT_ABSTRACT.has(fn);
}
/** Names of operations that can stay unevaluated in a result; they are not unknown functions. */
const NOT_ABSTRACT: ReadonlySet<string> = new Set([
  'integrate', 'limit', 'sum', 'prod', 'series', 'diff', 'det', 'inv', 'trace', 'norm', 'softmax', 'logsumexp', 'N',
  'simplify', 'expand', 'factor', 'subs', 'Piecewise', 'If',
]);

/** The partial derivatives of `fn(args)` with respect to every argument, or undefined unless all are known. */
export function partials(fn: string, args: readonly Expr[]): Expr[] | undefined {
  const ps = partialList(fn, args);
  return ps === undefined || ps.some((p) => p === undefined) ? undefined : ps as Expr[];
}

/** Functions of the operator table that have no row here (kept empty by a test). */
export function missingRows(): string[] {
  return [...FUNCTIONS.keys()].filter((n) => !(n in DERIVATIVES));
}
