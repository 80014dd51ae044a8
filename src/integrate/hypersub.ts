/**
 * Functions of sinh, cosh and tanh of multiples of one linear argument t, by the hyperbolic form of Bioche's
 * rules (C. Bioche, 1902; the hyperbolic case follows from t ↦ i t, see e.g. J.-M. Monier, "Analyse" vol. 1):
 * write the integrand as h(S, C) with S = sinh t, C = cosh t; then
 *   h(−S, C) = −h(S, C)   ⇒ u = cosh t  (du = S dt, S² = u² − 1),
 *   h(S, −C) = −h(S, C)   ⇒ u = sinh t  (du = C dt, C = √(1 + u²) exactly, as cosh > 0),
 *   h(−S, −C) = h(S, C)   ⇒ u = tanh t  (dt = du/(1 − u²), C = (1 − u²)^(−1/2) exactly).
 * What remains is rational or algebraic in u and is handed to the search. Otherwise u = e^t (trigsub.ts).
 */
import { type Expr, type Sym, add, mul, pow, call, sub, div, numOf, int, ONE, MINUS_ONE, HALF, sym } from '../ast/expr.js';
import { rat } from '../ast/rational.js';
import type { Method } from './types.js';
import { free, freshSymbol, substituteMap } from './linear.js';
import { commonArgument, safeCancel, symmetric, finishIn } from './trigsub.js';

const HYPER = new Set(['sinh', 'cosh', 'tanh', 'exp']);

/** sinh(n t), cosh(n t) as polynomials in S = sinh t, C = cosh t (addition formulas). */
export function hyperMultiple(n: bigint, S: Expr, C: Expr): [Expr, Expr] {
  let s: Expr = numOf([0n, 1n]);
  let c: Expr = ONE;
  const k = n < 0n ? -n : n;
  for (let i = 0n; i < k; i++) [s, c] = [add(mul(s, C), mul(c, S)), add(mul(c, C), mul(s, S))];
  return n < 0n ? [mul(MINUS_ONE, s), c] : [s, c];
}

const hyperPoint = (th: number): [number, number] => [Math.sinh(th - 2.5), Math.cosh(th - 2.5)];

/** The integrand as h(S, C), or undefined when it has exp or no common argument. */
export function hyperForm(f: Expr, x: Sym): { h: Expr; S: Sym; C: Sym; t: Expr; gx: Expr } | undefined {
  const info = commonArgument(f, x, HYPER);
  if (info === undefined || info.calls.some((c) => (c as { fn: string }).fn === 'exp')) return undefined;
  const S = freshSymbol('S', f);
  const C = freshSymbol('C', f);
  const map = new Map<Expr, Expr>();
  for (const c of info.calls) {
    const [s, co] = hyperMultiple(info.n.get(c)!, S, C);
    const fn = (c as { fn: string }).fn;
    map.set(c, fn === 'sinh' ? s : fn === 'cosh' ? co : div(s, co));
  }
  const h = substituteMap(f, map);
  if (!free(h, x)) return undefined;
  const gx = numOf(info.g);
  return { h, S, C, t: add(mul(gx, x), info.b), gx };
}

export const hyperBioche: Method = (f, x, ctx) => {
  const form = hyperForm(f, x);
  if (form === undefined) return undefined;
  const { h, S, C, t, gx } = form;
  const U = freshSymbol('u', f, S, C);
  const dtdx = pow(gx, MINUS_ONE);
  const dx = sym('dx');
  if (symmetric(h, S, C, 1, -1, -1, hyperPoint)) {
    const q = safeCancel(mul(h, pow(C, MINUS_ONE)));
    const g = q && safeCancel(mul(dtdx, substituteMap(q, new Map<Expr, Expr>([[S, U], [C, pow(add(ONE, pow(U, int(2))), HALF)]]))));
    const r = finishIn(g, U, ctx, f, x, call('sinh', [t]), mul(gx, call('cosh', [t]), dx), 'int/hyper-sinh');
    if (r) return r;
  }
  if (symmetric(h, S, C, -1, 1, -1, hyperPoint)) {
    const q = safeCancel(mul(h, pow(S, MINUS_ONE)));
    const g = q && safeCancel(mul(dtdx, substituteMap(q, new Map<Expr, Expr>([[C, U], [S, pow(sub(pow(U, int(2)), ONE), HALF)]]))));
    const r = finishIn(g, U, ctx, f, x, call('cosh', [t]), mul(gx, call('sinh', [t]), dx), 'int/hyper-cosh');
    if (r) return r;
  }
  if (symmetric(h, S, C, -1, -1, 1, hyperPoint)) {
    const oneMinus = sub(ONE, pow(U, int(2)));
    const q = safeCancel(substituteMap(h, new Map<Expr, Expr>([[S, mul(U, C)]])));
    const g = q && safeCancel(mul(dtdx, pow(oneMinus, MINUS_ONE), substituteMap(q, new Map<Expr, Expr>([[C, pow(oneMinus, numOf(rat(-1n, 2n)))]]))));
    const r = finishIn(g, U, ctx, f, x, call('tanh', [t]), mul(gx, pow(call('cosh', [t]), int(-2)), dx), 'int/hyper-tanh');
    if (r) return r;
  }
  return undefined;
};
