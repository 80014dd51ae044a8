/**
 * Products of powers of sin and cos of linear arguments turned into sums by the product-to-sum formulas
 *   sin a sin b = (cos(a − b) − cos(a + b))/2,  sin a cos b = (sin(a + b) + sin(a − b))/2,
 *   cos a cos b = (cos(a − b) + cos(a + b))/2,
 * and likewise for sinh/cosh (sinh a sinh b = (cosh(a + b) − cosh(a − b))/2, …), so that each term has a table
 * integral (the classical reduction of sin^m x cos^n x to multiple angles).
 */
import { type Expr, add, mul, call, numOf, ONE, ZERO } from '../ast/expr.js';
import { type Rational, rat, rmul, rneg } from '../ast/rational.js';
import type { Method } from './types.js';
import { free } from './linear.js';
import { asPolynomial } from './ratexpr.js';
import { type UPoly, addP, subP, toExprP } from './upoly.js';
import { node } from './found.js';

type Fn = 'sin' | 'cos' | 'sinh' | 'cosh';
interface Term { c: Rational; fn: Fn | '1'; arg: UPoly }

const HALF_R = rat(1n, 2n);

function combine(a: Fn, p: UPoly, t: Term): Term[] {
  if (t.fn === '1') return [{ c: t.c, fn: a, arg: p }];
  const s = addP(p, t.arg);
  const d = subP(p, t.arg);
  const h = rmul(t.c, HALF_R);
  const b = t.fn;
  const hyper = a === 'sinh' || a === 'cosh';
  if (hyper !== (b === 'sinh' || b === 'cosh')) return [];
  if (!hyper) {
    if (a === 'sin' && b === 'sin') return [{ c: h, fn: 'cos', arg: d }, { c: rneg(h), fn: 'cos', arg: s }];
    if (a === 'cos' && b === 'cos') return [{ c: h, fn: 'cos', arg: d }, { c: h, fn: 'cos', arg: s }];
    if (a === 'sin') return [{ c: h, fn: 'sin', arg: s }, { c: h, fn: 'sin', arg: d }];
    return [{ c: h, fn: 'sin', arg: s }, { c: rneg(h), fn: 'sin', arg: d }];
  }
  if (a === 'sinh' && b === 'sinh') return [{ c: h, fn: 'cosh', arg: s }, { c: rneg(h), fn: 'cosh', arg: d }];
  if (a === 'cosh' && b === 'cosh') return [{ c: h, fn: 'cosh', arg: s }, { c: h, fn: 'cosh', arg: d }];
  if (a === 'sinh') return [{ c: h, fn: 'sinh', arg: s }, { c: h, fn: 'sinh', arg: d }];
  return [{ c: h, fn: 'sinh', arg: s }, { c: rneg(h), fn: 'sinh', arg: d }];
}

function toExpr(t: Term, x: Expr): Expr {
  if (t.fn === '1') return numOf(t.c);
  let arg = t.arg;
  let c = t.c;
  const odd = t.fn === 'sin' || t.fn === 'sinh';
  if (arg.length === 0) return t.fn === 'cos' || t.fn === 'cosh' ? numOf(c) : ZERO;
  if (arg[arg.length - 1]![0] < 0n) {
    arg = arg.map(rneg);
    if (odd) c = rneg(c);
  }
  return mul(numOf(c), call(t.fn, [toExprP(arg, x)]));
}

export const linearize: Method = (f, x, ctx) => {
  const factors = f.kind === 'mul' ? f.args : [f];
  const trig: [Fn, UPoly][] = [];
  const rest: Expr[] = [];
  for (const t of factors) {
    const [b, n] = t.kind === 'pow' && t.exp.kind === 'num' && t.exp.value[1] === 1n && t.exp.value[0] > 0n ? [t.base, Number(t.exp.value[0])] : [t, 1];
    if (b.kind === 'call' && ['sin', 'cos', 'sinh', 'cosh'].includes(b.fn) && n <= 10) {
      const p = asPolynomial(b.args[0]!, x);
      if (p === undefined || p.length !== 2) return undefined;
      for (let k = 0; k < n; k++) trig.push([b.fn as Fn, p]);
    } else if (free(t, x) || asPolynomial(t, x) !== undefined) rest.push(t);
    else if (t.kind === 'call' && t.fn === 'exp' && asPolynomial(t.args[0]!, x)?.length === 2) rest.push(t); // e^(a x + b) sin^n: cyclic parts per term
    else return undefined;
  }
  if (trig.length < 2) return undefined;
  let terms: Term[] = [{ c: rat(1n), fn: '1', arg: [] }];
  for (const [fn, p] of trig) {
    const next: Term[] = [];
    for (const t of terms) {
      const parts = combine(fn, p, t);
      if (parts.length === 0) return undefined;
      next.push(...parts);
    }
    terms = next;
    if (terms.length > 4096) return undefined;
  }
  const g = mul(...rest, add(...terms.map((t) => toExpr(t, x))));
  if (g === f) return undefined;
  const k = ctx.integrate(rest.length === 0 ? g : add(...terms.map((t) => mul(...rest, toExpr(t, x)))), x);
  return k && node('int/linearize', f, x, k.before, k.value, [k]);
};
void ONE;
