/**
 * Local partial derivatives of every operator-table function, as expressions in placeholder arguments
 * `u0, u1, …` and the function's own value `w` (so tan' = 1 + w² reuses the computed tan). Reverse mode
 * lowers these into the same IR as the forward pass, so a gradient kernel shares every subexpression with
 * the value it differentiates.
 *
 * This one table is the only place that knows calculus; once symbolic differentiation (`src/diff`) is
 * available, `localPartial` below becomes `diff(call(fn, u), u[i])` and this table can go.
 */
import { type Expr, add, call, div, int, mul, neg, pow, sub, sym, frac, PI } from '../../ast/expr.js';

type Partial = (u: readonly Expr[], w: Expr, i: number) => Expr;

const sq = (x: Expr): Expr => pow(x, int(2));
const recipSqrt = (x: Expr): Expr => pow(x, frac(-1, 2));
/** 1 where a = b, else 0. */
const equal = (a: Expr, b: Expr): Expr => sub(int(1), call('sign', [call('abs', [sub(a, b)])]));
/**
 * ∂ max(u)/∂ui (and min alike): 1 for the argument that attains the value w, shared equally among ties (so
 * max(x, x) has derivative 1). The count of ties is one expression for every i, computed once.
 */
const extremum: Partial = (u, w, i) => div(equal(w, u[i]!), add(...u.map((v) => equal(w, v))));
const ZERO = int(0);

function table(): Readonly<Record<string, Partial>> {
  const t = Object.create(null) as Record<string, Partial>;
  t.sin = ([u]) => call('cos', [u!]);
  t.cos = ([u]) => neg(call('sin', [u!]));
  t.tan = (_u, w) => add(int(1), sq(w));
  t.cot = (_u, w) => neg(add(int(1), sq(w)));
  t.sec = ([u], w) => mul(w, call('tan', [u!]));
  t.csc = ([u], w) => neg(mul(w, call('cot', [u!])));
  t.asin = ([u]) => recipSqrt(sub(int(1), sq(u!)));
  t.acos = ([u]) => neg(recipSqrt(sub(int(1), sq(u!))));
  t.atan = ([u]) => pow(add(int(1), sq(u!)), int(-1));
  // atan2(y, x): ∂y = x / (x² + y²), ∂x = −y / (x² + y²)
  t.atan2 = ([y, x], _w, i) => div(i === 0 ? x! : neg(y!), add(sq(x!), sq(y!)));
  t.sinh = ([u]) => call('cosh', [u!]);
  t.cosh = ([u]) => call('sinh', [u!]);
  t.tanh = (_u, w) => sub(int(1), sq(w));
  t.asinh = ([u]) => recipSqrt(add(sq(u!), int(1)));
  t.acosh = ([u]) => recipSqrt(sub(sq(u!), int(1)));
  t.atanh = ([u]) => pow(sub(int(1), sq(u!)), int(-1));
  t.exp = (_u, w) => w;
  // log(x) and log(x, b) = ln x / ln b
  t.log = ([x, b], _w, i) => {
    if (b === undefined) return pow(x!, int(-1));
    return i === 0 ? div(int(1), mul(x!, call('log', [b]))) : neg(div(call('log', [x!]), mul(b, sq(call('log', [b])))));
  };
  t.abs = ([u]) => call('sign', [u!]);
  t.sign = () => ZERO;
  t.floor = () => ZERO;
  t.ceil = () => ZERO;
  t.max = extremum;
  t.min = extremum;
  // Γ'(x) = Γ(x) ψ(x); (n!)' = Γ(n + 1) ψ(n + 1)
  t.gamma = ([u], w) => mul(w, call('digamma', [u!]));
  t.factorial = ([u], w) => mul(w, call('digamma', [add(u!, int(1))]));
  // erf'(x) = 2/√π · e^(−x²)
  t.erf = ([u]) => mul(int(2), pow(PI, frac(-1, 2)), call('exp', [neg(sq(u!))]));
  return Object.freeze(t);
}

const PARTIALS = table();

/** Placeholder symbols standing for a function's arguments inside a local partial. */
export const placeholder = (k: number): Expr => sym(`\u0000u${k}`);

/** ∂ fn(u0, …, un−1) / ∂ui as an expression in the placeholders, or undefined for an unknown function. */
export function localPartial(fn: string, arity: number, i: number): Expr | undefined {
  const p = PARTIALS[fn];
  if (p === undefined) return undefined;
  const u = Array.from({ length: arity }, (_, k) => placeholder(k));
  return p(u, call(fn, u), i);
}
