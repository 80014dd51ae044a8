/**
 * Polynomials times a Gaussian with symbolic coefficients, ∫ P(x)·exp(a x² + b x + c) dx — the densities and
 * moments of probability with μ and σ. The same undetermined coefficients as gaussian.ts (R′ + R·Q′ + λ = P from
 * the top degree down, then λ·∫ e^Q as an erf after completing the square), with a, b, c and P's coefficients
 * expressions in the parameters. Whether a < 0 is for the self-check at admissible parameter values to decide.
 */
import { type Expr, type Sym, add, mul, pow, call, neg, div, HALF, PI, ZERO, int, numOf } from '../ast/expr.js';
import { rat } from '../ast/rational.js';
import { coeffs, simplify } from '../simplify/index.js';
import { freeSymbols } from '../eval/n.js';
import type { Method } from './types.js';
import { free } from './linear.js';
import { node } from './found.js';

function coefficients(e: Expr, x: Sym): Expr[] | undefined {
  try {
    const c = coeffs(e, x);
    return c.kind === 'list' ? [...c.items] : undefined;
  } catch {
    return undefined;
  }
}

/** √e with even powers taken out as absolute values: √(1/(2σ²)) = √(1/2)/|σ|. */
function sqrtOf(e: Expr): Expr {
  const fs = e.kind === 'mul' ? e.args : [e];
  const out: Expr[] = [];
  const inside: Expr[] = [];
  for (const t of fs) {
    if (t.kind === 'pow' && t.exp.kind === 'num' && t.exp.value[1] === 1n && t.exp.value[0] % 2n === 0n) {
      out.push(pow(call('abs', [t.base]), numOf(rat(t.exp.value[0] / 2n))));
    } else inside.push(t);
  }
  return mul(...out, pow(mul(...inside), HALF));
}

export const gaussianSymbolic: Method = (f, x) => {
  if (freeSymbols(f).every((s) => s === x.name)) return undefined; // gaussian.ts, over the rationals
  const factors = f.kind === 'mul' ? f.args : [f];
  const exps: Expr[] = [];
  const rest: Expr[] = [];
  for (const g of factors) {
    if (g.kind === 'call' && g.fn === 'exp' && !free(g, x)) exps.push(g.args[0]!);
    else rest.push(g);
  }
  if (exps.length === 0) return undefined;
  const Q = coefficients(add(...exps), x);
  const P = coefficients(mul(...rest), x);
  if (Q === undefined || P === undefined || Q.length !== 3 || P.length > 12 || Q[2] === ZERO) return undefined;
  const [c, b, a] = Q as [Expr, Expr, Expr];
  const n = P.length - 1;
  const p = (k: number): Expr => P[k] ?? ZERO;
  const r: Expr[] = new Array<Expr>(Math.max(n, 0)).fill(ZERO);
  const rr = (k: number): Expr => r[k] ?? ZERO;
  const twoA = mul(int(2), a);
  for (let k = n; k >= 1; k--) {
    r[k - 1] = simplify(div(add(p(k), neg(mul(b, rr(k))), neg(mul(int(k + 1), rr(k + 1)))), twoA));
  }
  const lambda = simplify(add(p(0), neg(mul(b, rr(0))), neg(rr(1))));
  const eQ = call('exp', [add(...exps)]);
  const R = simplify(add(...r.map((ck, k) => mul(ck, pow(x, int(k))))));
  const terms: Expr[] = [mul(R, eQ)];
  if (lambda !== ZERO) {
    const s = sqrtOf(simplify(neg(a)));
    const beta = div(b, mul(int(2), s));
    const shift = simplify(add(c, neg(div(mul(b, b), mul(int(4), a)))));
    const erfArg = simplify(add(mul(s, x), neg(beta)));
    terms.push(mul(lambda, shift === ZERO ? int(1) : call('exp', [shift]), pow(PI, HALF), pow(mul(int(2), s), int(-1)), call('erf', [erfArg])));
  }
  const value = add(...terms);
  return value === ZERO ? undefined : node('int/gaussian', f, x, value, value, [], [['R', R], ['λ', lambda]]);
};
