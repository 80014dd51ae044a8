/**
 * A proof that a limit does not exist: f = B + A·sin(g) (or cos) near the point, where B and A have finite
 * limits, A's is not 0, and g → ±∞ continuously. By the intermediate value theorem g passes every value of
 * [M, ∞) in every neighbourhood, so sin(g) takes the values 1 and −1 there, and f comes close to both
 * lim B + lim A and lim B − lim A, which differ.
 */
import { type Expr, type Sym, ZERO, mul } from '../ast/expr.js';
import { text } from '../render/text.js';
import { dependsOn } from '../simplify/vars.js';
import { children } from '../ast/expr.js';
import { INF, NEG_INF } from './points.js';
import { NoLimitError } from './errors.js';
import type { OneSided } from './parts.js';
import { currentAssumptions } from './series.js';
import { freeSymbols } from '../eval/n.js';
import { evaluate } from '../eval/evaluate.js';

/** Functions that are not continuous where they are defined. */
const JUMPS = new Set(['floor', 'ceil', 'round', 'sign', 'frac', 'mod', 'heaviside', 'step']);

const continuous = (e: Expr): boolean => (e.kind !== 'call' || !JUMPS.has(e.fn)) && children(e).every(continuous);

function tryLimit(f: Expr, x: Sym, point: Expr, side: 1 | -1, lim: OneSided): Expr | undefined {
  try {
    return lim(f, x, point, side);
  } catch (err) {
    if (err instanceof NoLimitError) return undefined;
    throw err;
  }
}

function provablyNonzero(a: Expr): boolean {
  if (a === ZERO) return false;
  if (freeSymbols(a).length === 0) {
    try {
      return Math.abs(evaluate(a)) > 1e-300;
    } catch {
      return false;
    }
  }
  const A = currentAssumptions();
  return A !== undefined && (A.isPositive(a) || A.isNegative(a));
}

/** Why the limit does not exist, or undefined when that is not proven. */
export function oscillates(f: Expr, x: Sym, point: Expr, side: 1 | -1, lim: OneSided): string | undefined {
  const terms = f.kind === 'add' ? f.args : [f];
  const isTrig = (g: Expr): boolean => g.kind === 'call' && (g.fn === 'sin' || g.fn === 'cos') && dependsOn(g, x);
  if (!terms.some((t) => (t.kind === 'mul' ? t.args : [t]).some(isTrig))) return undefined;
  let why: string | undefined;
  for (const term of terms) {
    const factors = term.kind === 'mul' ? term.args : [term];
    const k = factors.findIndex(isTrig);
    if (k >= 0 && why === undefined) {
      const trig = factors[k]!;
      const g = (trig as { args: readonly Expr[] }).args[0]!;
      const lg = continuous(g) ? tryLimit(g, x, point, side, lim) : undefined;
      if (lg === INF || lg === NEG_INF) {
        const a = tryLimit(mul(...factors.filter((_, j) => j !== k)), x, point, side, lim);
        if (a === undefined || a === INF || a === NEG_INF || !provablyNonzero(a)) return undefined;
        why = `${text(trig)} oscillates between -1 and 1 as ${x.name} → ${text(point)}${side < 0 && point !== NEG_INF ? ' from the left' : ''}`;
        continue;
      }
    }
    const l = tryLimit(term, x, point, side, lim);
    if (l === undefined || l === INF || l === NEG_INF) return undefined;
  }
  return why;
}
