/**
 * Test references for kernels. `bounded` evaluates an expression the way `evaluate` does and carries a running
 * error bound beside each value (running error analysis, N. J. Higham, 2002, "Accuracy and Stability of
 * Numerical Algorithms", §3.3): how far a computation that rounds differently (x·x·x instead of pow(x, 3),
 * a / b instead of a·(1/b)) may land from `evaluate`. Functions are bounded by re-evaluating them at the ends
 * of their arguments' error intervals, so jumps (floor, sign) widen the bound instead of failing the test.
 */
import { type Expr, numberValue } from '../../src/ast/expr.js';
import { CONSTANTS, lookupFunction } from '../../src/ast/ops.js';

const U = 2 ** -53;
/** Absolute error of one rounding in the subnormal range (Higham's model fl(x op y) = (x op y)(1 + δ) + η). */
const ETA = 2 ** -1074;

export interface Bounded {
  readonly v: number;
  readonly b: number;
}

/** The largest change of f when each argument moves within its bound (both ends tried, one at a time). */
function spread(f: (...a: number[]) => number, args: readonly Bounded[], v: number): number {
  let total = 0;
  for (let i = 0; i < args.length; i++) {
    const { v: ai, b: bi } = args[i]!;
    if (bi === 0) continue;
    let worst = 0;
    for (const s of [-1, 1]) {
      const xs = args.map((a) => a.v);
      xs[i] = ai + s * bi;
      const d = Math.abs(f(...xs) - v);
      worst = Number.isNaN(d) ? Infinity : Math.max(worst, d);
    }
    total += worst;
  }
  return 2 * total;
}

export function bounded(e: Expr, env: ReadonlyMap<string, number>): Bounded {
  const memo = new Map<Expr, Bounded>();
  const go = (x: Expr): Bounded => {
    const hit = memo.get(x);
    if (hit !== undefined) return hit;
    const r = node(x);
    memo.set(x, r);
    return r;
  };
  const node = (x: Expr): Bounded => {
    switch (x.kind) {
      case 'num': case 'float': { const v = numberValue(x); return { v, b: U * Math.abs(v) }; }
      case 'sym': {
        const v = env.get(x.name) ?? CONSTANTS.get(x.name)!.value;
        return { v, b: env.has(x.name) ? 0 : U * Math.abs(v) };
      }
      case 'add': {
        let v = 0;
        let b = 0;
        let mag = 0;
        for (const a of x.args) {
          const r = go(a);
          v += r.v;
          b += r.b;
          mag += Math.abs(r.v);
        }
        return { v, b: b + x.args.length * U * mag + ETA };
      }
      case 'mul': {
        let v = 1;
        let b = 0;
        for (const a of x.args) {
          const r = go(a);
          const nv = v * r.v;
          b = Math.abs(v) * r.b + Math.abs(r.v) * b + b * r.b + 2 * U * Math.abs(nv) + ETA;
          v = nv;
        }
        return { v, b };
      }
      case 'pow': {
        const base = go(x.base);
        const p = go(x.exp);
        const v = Math.pow(base.v, p.v);
        return { v, b: spread(Math.pow, [base, p], v) + 16 * U * Math.abs(v) + 4 * ETA };
      }
      case 'call': {
        const row = lookupFunction(x.fn)!;
        const args = x.args.map(go);
        const v = row.eval(...args.map((a) => a.v));
        return { v, b: spread(row.eval, args, v) + 8 * U * Math.abs(v) + ETA };
      }
      default: throw new Error(`bounded: ${x.kind} has no value`);
    }
  };
  return go(e);
}

/** Same double, NaN equal to NaN, and +0 equal to −0. */
export const same = (a: number, b: number): boolean => a === b || (Number.isNaN(a) && Number.isNaN(b));

/** Does the expression contain a power (the only node whose spelling the compiler changes)? */
export function hasPower(e: Expr, seen = new Set<Expr>()): boolean {
  if (seen.has(e)) return false;
  seen.add(e);
  if (e.kind === 'pow') return true;
  const kids = e.kind === 'add' || e.kind === 'mul' || e.kind === 'call' ? e.args : [];
  return kids.some((k) => hasPower(k, seen));
}
