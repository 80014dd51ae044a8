/**
 * Isolating x in lhs = rhs when x occurs once on the left: each step undoes the outermost operation and records
 * what the right-hand side must satisfy for a real solution (log needs rhs > 0, asin needs −1 ≤ rhs ≤ 1).
 * Periodic functions give every branch with the integer k: sin(u) = c has u = asin(c) + 2kπ and
 * u = π − asin(c) + 2kπ; cos(u) = c has u = ±acos(c) + 2kπ; tan(u) = c has u = atan(c) + kπ.
 * The branches together contain every real solution; each is checked by substitution afterwards.
 */
import { type Expr, ZERO, ONE, add, mul, neg, pow, call, int, rel, MINUS_ONE, PI, isInteger, type RelOp } from '../ast/expr.js';
import { FUNCTIONS } from '../ast/ops.js';
import { has, type Branch, type Cond, type Context, tidy } from './context.js';

const inv = (e: Expr): Expr => pow(e, MINUS_ONE);
const r = (op: RelOp, a: Expr, b: Expr): Cond => rel(op, a, b);

interface Inverse {
  /** The values of the argument u with f(u) = c. */
  readonly branches: (c: Expr, k: Expr) => Expr[];
  /** What c must satisfy (real solutions). */
  readonly conds?: (c: Expr) => Cond[];
}

const twoPiK = (k: Expr): Expr => mul(int(2), PI, k);
const between = (lo: Expr, c: Expr, hi: Expr, strict: boolean): Cond[] =>
  [r(strict ? '>' : '>=', c, lo), r(strict ? '<' : '<=', c, hi)];
const halfPi = mul(PI, pow(int(2), MINUS_ONE));

/** f(u) = c ⇔ u ∈ branches(c), for the functions whose inverse Lousa knows. */
const INVERSES: Record<string, Inverse> = {
  exp: { branches: (c) => [call('log', [c])], conds: (c) => [r('>', c, ZERO)] },
  log: { branches: (c) => [call('exp', [c])] },
  sin: { branches: (c, k) => [add(call('asin', [c]), twoPiK(k)), add(PI, neg(call('asin', [c])), twoPiK(k))], conds: (c) => between(int(-1), c, ONE, false) },
  cos: { branches: (c, k) => [add(call('acos', [c]), twoPiK(k)), add(neg(call('acos', [c])), twoPiK(k))], conds: (c) => between(int(-1), c, ONE, false) },
  tan: { branches: (c, k) => [add(call('atan', [c]), mul(PI, k))] },
  asin: { branches: (c) => [call('sin', [c])], conds: (c) => between(neg(halfPi), c, halfPi, false) },
  acos: { branches: (c) => [call('cos', [c])], conds: (c) => between(ZERO, c, PI, false) },
  atan: { branches: (c) => [call('tan', [c])], conds: (c) => between(neg(halfPi), c, halfPi, true) },
  sinh: { branches: (c) => [call('asinh', [c])] },
  cosh: { branches: (c) => [call('acosh', [c]), neg(call('acosh', [c]))], conds: (c) => [r('>=', c, ONE)] },
  tanh: { branches: (c) => [call('atanh', [c])], conds: (c) => between(int(-1), c, ONE, true) },
  asinh: { branches: (c) => [call('sinh', [c])] },
  acosh: { branches: (c) => [call('cosh', [c])], conds: (c) => [r('>=', c, ZERO)] },
  atanh: { branches: (c) => [call('tanh', [c])] },
  abs: { branches: (c) => [neg(c), c], conds: (c) => [r('>=', c, ZERO)] },
  sqrt: { branches: (c) => [pow(c, int(2))], conds: (c) => [r('>=', c, ZERO)] },
};

/** The inverse of f: from the table, else the operator table's inverse (erf ↦ erfinv) with no condition. */
function inverseOf(fn: string): Inverse | undefined {
  const known = INVERSES[fn];
  if (known !== undefined) return known;
  const name = FUNCTIONS.get(fn)?.inverse;
  return name === undefined ? undefined : { branches: (c) => [call(name, [c])] };
}

export const isInvertible = (fn: string): boolean => inverseOf(fn) !== undefined;

/** Every branch of x from lhs = rhs, or undefined when x does not occur exactly once in a form this undoes. */
export function isolate(lhs: Expr, rhs: Expr, ctx: Context, conds: readonly Cond[] = [], depth = 0): Branch[] | undefined {
  const { x } = ctx;
  if (depth > 40) return undefined;
  if (lhs === x) return [{ value: rhs, conds }];
  const go = (l: Expr, rr: Expr, more: readonly Cond[] = []): Branch[] | undefined => isolate(l, rr, ctx, [...conds, ...more], depth + 1);
  if (lhs.kind === 'add' || lhs.kind === 'mul') {
    const inside = lhs.args.filter((a) => has(a, x));
    if (inside.length !== 1) return undefined;
    const outside = lhs.args.filter((a) => !has(a, x));
    if (lhs.kind === 'add') return go(inside[0]!, add(rhs, neg(add(...outside))));
    const c = mul(...outside);
    const nonzero = ctx.params.length > 0 && c.kind !== 'num' && tidy(c).kind !== 'num' ? [r('!=', c, ZERO)] : [];
    return go(inside[0]!, mul(rhs, inv(c)), nonzero);
  }
  if (lhs.kind === 'pow') {
    if (!has(lhs.exp, x)) {
      const n = lhs.exp;
      if (isInteger(n) && n.value[0] === -1n) return go(lhs.base, inv(rhs), [r('!=', rhs, ZERO)]);
      if (isInteger(n) && (n.value[0] === 2n || n.value[0] === -2n)) {
        const s = pow(rhs, pow(n, MINUS_ONE));
        return concat([go(lhs.base, neg(s)), go(lhs.base, s)]);
      }
      if (n.kind === 'num' && n.value[0] > 0n && n.value[1] > 1n) {
        // u^(p/q) = c: u = c^(q/p); an even q needs c ≥ 0 (a principal root is not negative)
        const back = pow(rhs, numOfInv(n));
        return go(lhs.base, back, n.value[1] % 2n === 0n ? [r('>=', rhs, ZERO)] : []);
      }
      if (isInteger(n) && n.value[0] > 0n && n.value[0] % 2n === 1n) {
        // an odd power is one-to-one on the reals: the real root of c, written for either sign of c
        const q = pow(n, MINUS_ONE);
        return concat([go(lhs.base, pow(rhs, q), [r('>=', rhs, ZERO)]), go(lhs.base, neg(pow(neg(rhs), q)), [r('<', rhs, ZERO)])]);
      }
      return undefined;
    }
    if (!has(lhs.base, x)) {
      // a^u = c: u = log(c)/log(a) for a > 0
      return go(lhs.exp, mul(call('log', [rhs]), inv(call('log', [lhs.base]))), [r('>', rhs, ZERO), r('>', lhs.base, ZERO)]);
    }
    return undefined;
  }
  if (lhs.kind === 'call' && lhs.fn === 'log' && lhs.args.length === 2 && !has(lhs.args[1]!, x)) {
    // log(u, b) = c: u = b^c
    return go(lhs.args[0]!, pow(lhs.args[1]!, rhs));
  }
  if (lhs.kind === 'call' && lhs.args.length === 1) {
    const f = inverseOf(lhs.fn);
    if (f === undefined) return undefined;
    const more = f.conds?.(rhs) ?? [];
    return concat(f.branches(rhs, ctx.k).map((b) => go(lhs.args[0]!, b, more)));
  }
  return undefined;
}

function numOfInv(n: Expr): Expr {
  return tidy(pow(n, MINUS_ONE));
}

function concat(parts: (Branch[] | undefined)[]): Branch[] | undefined {
  const out: Branch[] = [];
  for (const p of parts) {
    if (p === undefined) return undefined;
    out.push(...p);
  }
  return out;
}
