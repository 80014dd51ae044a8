/**
 * A normal form for quotients of trigonometric (or hyperbolic) functions of multiples of one argument: every
 * call becomes a polynomial or quotient in S = sin t, C = cos t (multiple-angle formulas; tan = S/C, …), the
 * result is cancelled as a rational function of S and C, and the Pythagorean relation C² = 1 − S² (or
 * S² = 1 − C²; cosh² = 1 + sinh²) eliminates one of them when it occurs only squared and that gives a shorter
 * form. Used where "derivative divides" needs tan x · cos²x / sin 2x to become 1/2.
 */
import { type Expr, type Sym, div, pow, add, mul, sub, call, numOf, ONE, HALF, int, children } from '../ast/expr.js';
import { free, freshSymbol, substituteMap, treeSize } from './linear.js';
import { commonArgument, multipleAngle, safeCancel } from './trigsub.js';
import { hyperMultiple } from './hypersub.js';

const TRIG = new Set(['sin', 'cos', 'tan', 'cot', 'sec', 'csc']);
const HYPER = new Set(['sinh', 'cosh', 'tanh']);

function hasCall(e: Expr, fns: Set<string>): boolean {
  if (e.kind === 'call' && fns.has(e.fn)) return true;
  return children(e).some((c) => hasCall(c, fns));
}

/** v occurs in e, and e is unchanged (after cancelling) when v is replaced by −v. */
function evenIn(e: Expr, v: Sym): boolean {
  if (free(e, v)) return false;
  const flipped = safeCancel(substituteMap(e, new Map<Expr, Expr>([[v, mul(int(-1), v)]])));
  return flipped !== undefined && flipped === e;
}

/**
 * Each trigonometric (hyperbolic) call of a common argument t written through S = sin t, C = cos t (sinh, cosh):
 * multiple angles expanded, tan = S/C, cot = C/S, sec = 1/C, csc = 1/S.
 */
export function sinCosMap(info: { calls: readonly Expr[]; n: ReadonlyMap<Expr, bigint> }, hyper: boolean, S: Expr, C: Expr): Map<Expr, Expr> {
  const map = new Map<Expr, Expr>();
  for (const c of info.calls) {
    const [s, co] = (hyper ? hyperMultiple : multipleAngle)(info.n.get(c)!, S, C);
    const fn = (c as { fn: string }).fn;
    map.set(c, fn === 'sin' || fn === 'sinh' ? s : fn === 'cos' || fn === 'cosh' ? co : fn === 'tan' || fn === 'tanh' ? div(s, co)
      : fn === 'cot' ? div(co, s) : fn === 'sec' ? pow(co, int(-1)) : pow(s, int(-1)));
  }
  return map;
}

/** e with its trigonometric (or hyperbolic) calls in normal form; e itself when nothing applies. */
export function trigNormal(e: Expr, x: Sym): Expr {
  for (const hyper of [false, true]) {
    const fns = hyper ? HYPER : TRIG;
    if (!hasCall(e, fns)) continue;
    const info = commonArgument(e, x, fns);
    if (info === undefined) continue;
    const S = freshSymbol('S', e);
    const C = freshSymbol('C', e, S);
    const map = sinCosMap(info, hyper, S, C);
    const h = safeCancel(substituteMap(e, map));
    if (h === undefined) continue;
    let best = h;
    for (const [v, other] of [[C, S], [S, C]] as const) {
      if (!evenIn(h, v)) continue;
      const w = freshSymbol('w', h);
      const square = hyper ? (v === C ? add(ONE, pow(other, int(2))) : sub(pow(other, int(2)), ONE)) : sub(ONE, pow(other, int(2)));
      const r = safeCancel(substituteMap(substituteMap(h, new Map<Expr, Expr>([[v, pow(w, HALF)]])), new Map<Expr, Expr>([[w, square]])));
      if (r !== undefined && free(r, v) && treeSize(r) < treeSize(best)) best = r;
    }
    const t = add(mul(numOf(info.g), x), info.b);
    return substituteMap(best, new Map<Expr, Expr>([[S, call(hyper ? 'sinh' : 'sin', [t])], [C, call(hyper ? 'cosh' : 'cos', [t])]]));
  }
  return e;
}
