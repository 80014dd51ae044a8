/**
 * The antiderivative table, keyed by the operator-table names, for a function of a linear argument
 * u = a·x + b: ∫ g(u) dx = G(u)/a. `1/x` integrates to `log(abs(x))`, which is an antiderivative on the
 * whole real line without 0 (Lousa's choice: real-valid everywhere the integrand is).
 */
import { type Expr, add, mul, pow, call, div, neg, sub, int, HALF, ONE, MINUS_ONE } from '../ast/expr.js';
import { free, linearParts } from './linear.js';

const log = (e: Expr): Expr => call('log', [e]);
const abs = (e: Expr): Expr => call('abs', [e]);
const sqrt = (e: Expr): Expr => pow(e, HALF);
const sq = (e: Expr): Expr => pow(e, int(2));

export const ANTIDERIVATIVES: ReadonlyMap<string, (u: Expr) => Expr> = new Map([
  ['exp', (u: Expr) => call('exp', [u])],
  ['sin', (u: Expr) => neg(call('cos', [u]))],
  ['cos', (u: Expr) => call('sin', [u])],
  ['tan', (u: Expr) => neg(log(abs(call('cos', [u]))))],
  ['cot', (u: Expr) => log(abs(call('sin', [u])))],
  ['sec', (u: Expr) => log(abs(add(call('sec', [u]), call('tan', [u]))))],
  ['csc', (u: Expr) => neg(log(abs(add(call('csc', [u]), call('cot', [u])))))],
  ['sinh', (u: Expr) => call('cosh', [u])],
  ['cosh', (u: Expr) => call('sinh', [u])],
  ['tanh', (u: Expr) => log(call('cosh', [u]))],
  ['log', (u: Expr) => sub(mul(u, log(u)), u)],
  ['asin', (u: Expr) => add(mul(u, call('asin', [u])), sqrt(sub(ONE, sq(u))))],
  ['acos', (u: Expr) => sub(mul(u, call('acos', [u])), sqrt(sub(ONE, sq(u))))],
  ['atan', (u: Expr) => sub(mul(u, call('atan', [u])), div(log(add(ONE, sq(u))), int(2)))],
  ['asinh', (u: Expr) => sub(mul(u, call('asinh', [u])), sqrt(add(sq(u), ONE)))],
  ['acosh', (u: Expr) => sub(mul(u, call('acosh', [u])), sqrt(add(sq(u), MINUS_ONE)))],
  ['atanh', (u: Expr) => add(mul(u, call('atanh', [u])), div(log(abs(sub(ONE, sq(u)))), int(2)))],
  ['abs', (u: Expr) => div(mul(u, abs(u)), int(2))],
  ['sign', (u: Expr) => abs(u)],
]);

/** Table entry for a single function or power of a linear argument; returns [rule id, antiderivative]. */
export function tableLookup(f: Expr, x: Expr): [string, Expr] | undefined {
  if (f === x) return ['int/power', div(sq(x), int(2))];
  if (f.kind === 'call' && f.args.length === 1) {
    const G = ANTIDERIVATIVES.get(f.fn);
    const lin = G && linearParts(f.args[0]!, x);
    if (G === undefined || lin === undefined) return undefined;
    return [`int/${f.fn}`, div(G(f.args[0]!), lin.a)];
  }
  if (f.kind === 'pow') {
    const { base, exp } = f;
    if (free(exp, x)) {
      const lin = linearParts(base, x);
      if (lin === undefined) return undefined;
      if (exp === MINUS_ONE) return ['int/reciprocal', div(log(abs(base)), lin.a)];
      // a symbolic exponent: the generic power rule (the exponent −1 becomes a stated special case, conditions.ts)
      return ['int/power', div(pow(base, add(exp, ONE)), mul(lin.a, add(exp, ONE)))];
    }
    if (free(base, x)) {
      const lin = linearParts(exp, x);
      if (lin === undefined) return undefined;
      return ['int/exponential', div(f, mul(lin.a, log(base)))];
    }
  }
  return undefined;
}

/** ∫ e^(a x + b) sin(c x + d) and its cos/sinh/cosh cousins: by parts twice, solving for the integral. */
export function expTrig(f: Expr, x: Expr): Expr | undefined {
  if (f.kind !== 'mul') return undefined;
  const fs = f.args.filter((t) => !free(t, x));
  const c = f.args.filter((t) => free(t, x));
  if (fs.length !== 2) return undefined;
  const e = fs.find((t) => t.kind === 'call' && t.fn === 'exp');
  const g = fs.find((t) => t !== e);
  if (e === undefined || g === undefined || g.kind !== 'call' || !['sin', 'cos', 'sinh', 'cosh'].includes(g.fn)) return undefined;
  const le = linearParts((e as { args: readonly Expr[] }).args[0]!, x);
  const lg = linearParts(g.args[0]!, x);
  if (le === undefined || lg === undefined) return undefined;
  const { a } = le;
  const b = lg.a;
  const u = g.args[0]!;
  const hyper = g.fn === 'sinh' || g.fn === 'cosh';
  const denom = hyper ? sub(sq(a), sq(b)) : add(sq(a), sq(b));
  if (denom.kind === 'num' && denom.value[0] === 0n) return undefined;
  const s = call(hyper ? 'sinh' : 'sin', [u]);
  const co = call(hyper ? 'cosh' : 'cos', [u]);
  let inner: Expr;
  if (g.fn === 'sin') inner = sub(mul(a, s), mul(b, co));
  else if (g.fn === 'cos') inner = add(mul(a, co), mul(b, s));
  else if (g.fn === 'sinh') inner = sub(mul(a, s), mul(b, co));
  else inner = sub(mul(a, co), mul(b, s));
  return mul(...c, e, inner, pow(denom, MINUS_ONE));
}
