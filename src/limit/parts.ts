/**
 * The algebra of limits, for what the series method cannot expand (a power with a symbolic exponent, x^a):
 * the limit of a sum, product or power from the limits of its parts, whenever the combination is not an
 * indeterminate form. A power u^a with u → ∞ needs the sign of a, read from the assumptions.
 */
import { type Expr, type Sym, ZERO, ONE, MINUS_ONE, add, mul, pow, isNumber, numberValue } from '../ast/expr.js';
import { freeSymbols } from '../eval/n.js';
import { simplify } from '../simplify/index.js';
import { sign } from '../simplify/assume.js';
import { dependsOn } from '../simplify/vars.js';
import { INF, NEG_INF } from './points.js';
import { SignUnknownError, currentAssumptions } from './series.js';
import { NoLimitError } from './errors.js';

export type OneSided = (f: Expr, x: Sym, point: Expr, side: 1 | -1) => Expr;

const infinite = (e: Expr): boolean => e === INF || e === NEG_INF;

/** The sign of a limit value (a constant, possibly with parameters); 0 when it is unknown. */
function signOfValue(e: Expr): 1 | -1 | 0 {
  if (e === INF) return 1;
  if (e === NEG_INF) return -1;
  if (isNumber(e)) return Math.sign(numberValue(e)) as 1 | -1 | 0;
  const A = currentAssumptions();
  if (A !== undefined) {
    const s = sign(e, A);
    if (s === 'pos') return 1;
    if (s === 'neg') return -1;
  }
  if (freeSymbols(e).length === 0) return 0;
  throw new SignUnknownError(freeSymbols(e));
}

/** The limit of each part, or undefined when one is not determined; a parameter's unknown sign propagates. */
function partLimits(parts: readonly Expr[], x: Sym, point: Expr, side: 1 | -1, lim: OneSided): Expr[] | undefined {
  const out: Expr[] = [];
  for (const p of parts) {
    try {
      out.push(lim(p, x, point, side));
    } catch (err) {
      if (err instanceof SignUnknownError) throw err;
      if (err instanceof NoLimitError) return undefined;
      throw err;
    }
  }
  return out;
}

function powerLimit(base: Expr, e: Expr, x: Sym, point: Expr, side: 1 | -1, lim: OneSided): Expr | undefined {
  const [lb] = partLimits([base], x, point, side, lim) ?? [];
  if (lb === undefined || lb === NEG_INF) return undefined;
  const se = (): 1 | -1 | 0 => {
    const A = currentAssumptions();
    const s = A === undefined ? 'unknown' : sign(e, A);
    if (s === 'pos') return 1;
    if (s === 'neg') return -1;
    if (s === 'zero') return 0;
    if (isNumber(e)) return Math.sign(numberValue(e)) as 1 | -1 | 0;
    throw new SignUnknownError(freeSymbols(e));
  };
  if (lb === INF) {
    const s = se();
    return s > 0 ? INF : s < 0 ? ZERO : ONE;
  }
  if (lb === ZERO) {
    // u → 0 from above (1/u → +∞) is needed for u^a to be real near the point.
    const [inv] = partLimits([pow(base, MINUS_ONE)], x, point, side, lim) ?? [];
    if (inv !== INF) return undefined;
    const s = se();
    return s > 0 ? ZERO : s < 0 ? INF : ONE;
  }
  if (signOfValue(lb) > 0) return simplify(pow(lb, e));
  return undefined;
}

/** lim f from the limits of its parts, or undefined when that is an indeterminate form or a part is unknown. */
export function byParts(f: Expr, x: Sym, point: Expr, side: 1 | -1, lim: OneSided): Expr | undefined {
  if (f.kind === 'pow' && !dependsOn(f.exp, x) && dependsOn(f.base, x)) return powerLimit(f.base, f.exp, x, point, side, lim);
  if (f.kind === 'mul') {
    const ls = partLimits(f.args, x, point, side, lim);
    if (ls === undefined) return undefined;
    const inf = ls.filter(infinite);
    if (inf.length === 0) return simplify(mul(...ls));
    if (ls.some((l) => l === ZERO)) return undefined; // 0·∞
    let s = 1;
    for (const l of ls) {
      const v = signOfValue(l);
      if (v === 0) return undefined;
      s *= v;
    }
    return s > 0 ? INF : NEG_INF;
  }
  if (f.kind === 'add') {
    const ls = partLimits(f.args, x, point, side, lim);
    if (ls === undefined) return undefined;
    const inf = new Set(ls.filter(infinite));
    if (inf.size === 0) return simplify(add(...ls));
    return inf.size === 1 ? [...inf][0] : undefined; // ∞ − ∞ is indeterminate
  }
  return undefined;
}
