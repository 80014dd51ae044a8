/**
 * Numeric evaluation on doubles, with the checks a person needs: an unknown symbol, a division by zero or an
 * argument outside a function's real domain is an `EvalError` that names it, never a silent NaN.
 * Shared subexpressions of the DAG are evaluated once.
 */
import { type Expr, numberValue } from '../ast/expr.js';
import { CONSTANTS, lookupFunction } from '../ast/ops.js';
import { text } from '../render/text.js';
import { EvalError } from './errors.js';

export type NumericEnv = Readonly<Record<string, number>> | ReadonlyMap<string, number>;

function lookup(env: NumericEnv | undefined, name: string): number | undefined {
  if (env === undefined) return undefined;
  if (env instanceof Map) return env.get(name);
  return Object.prototype.hasOwnProperty.call(env, name) ? (env as Record<string, number>)[name] : undefined;
}

const short = (e: Expr): string => {
  const s = text(e);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

/** The value of `e` as a double, with `env` giving values to symbols. */
export function evaluate(e: Expr, env?: NumericEnv): number {
  const memo = new Map<Expr, number>();
  const go = (x: Expr): number => {
    const hit = memo.get(x);
    if (hit !== undefined) return hit;
    const v = value(x);
    memo.set(x, v);
    return v;
  };
  const value = (x: Expr): number => {
    switch (x.kind) {
      case 'num': case 'float': return numberValue(x);
      case 'sym': {
        const v = lookup(env, x.name);
        if (v !== undefined) return v;
        const c = CONSTANTS.get(x.name);
        if (c !== undefined) {
          if (x.name === 'i') throw new EvalError('i is imaginary: numeric evaluation is over the real numbers');
          return c.value;
        }
        throw new EvalError(`'${x.name}' has no value; give it one, e.g. evaluate(e, { ${x.name}: 1 })`);
      }
      case 'add': {
        let s = 0;
        for (const a of x.args) s += go(a);
        return s;
      }
      case 'mul': {
        let p = 1;
        for (const a of x.args) p *= go(a);
        return p;
      }
      case 'pow': {
        const b = go(x.base);
        const p = go(x.exp);
        if (b === 0 && p < 0) throw new EvalError(`division by zero in ${short(x)}`);
        if (b < 0 && !Number.isInteger(p)) {
          throw new EvalError(`${short(x)}: a negative number to a fractional power is not a real number (the principal root is complex; cbrt(x) gives the real cube root)`);
        }
        const v = Math.pow(b, p);
        if (!Number.isFinite(v) && Number.isFinite(b) && Number.isFinite(p)) {
          throw new EvalError(`${short(x)} is too large for a double (overflow)`);
        }
        return v;
      }
      case 'call': {
        if (x.fn === 'piecewise') return go(piecewiseBranch(x.args, go));
        const row = lookupFunction(x.fn);
        if (row === undefined) throw new EvalError(`'${x.fn}' is not a known function`);
        const args = x.args.map(go);
        const why = row.domain?.(...args);
        if (why !== undefined) throw new EvalError(`${why}, in ${short(x)}`);
        const v = row.eval(...args);
        if (Number.isNaN(v) && !args.some(Number.isNaN)) {
          throw new EvalError(`${short(x)} is undefined (not a number) at these values`);
        }
        if (!Number.isFinite(v) && args.every(Number.isFinite)) {
          if (Number.isNaN(v)) throw new EvalError(`${short(x)} is undefined at these values`);
          throw new EvalError(`${short(x)} is infinite or too large for a double at these values`);
        }
        return v;
      }
      case 'list': throw new EvalError(`evaluate gives one number; ${short(x)} is a list (use N for element-wise values)`);
      case 'rel': throw new EvalError(`evaluate gives one number; ${short(x)} is an equation or inequality`);
      case 'define': throw new EvalError('a definition has no numeric value');
    }
  };
  return go(e);
}

/**
 * The branch of `piecewise(v₁, c₁, v₂, c₂, …, otherwise)` whose condition holds first (conditions are relations
 * evaluated with `value`); the last argument when none does and the count is odd.
 */
export function piecewiseBranch(args: readonly Expr[], value: (e: Expr) => number): Expr {
  for (let i = 0; i + 1 < args.length; i += 2) {
    const c = args[i + 1]!;
    if (c.kind !== 'rel') throw new EvalError(`piecewise: the condition ${short(c)} is not a relation`);
    const a = value(c.lhs);
    const b = value(c.rhs);
    const holds = { '=': a === b, '!=': a !== b, '<': a < b, '>': a > b, '<=': a <= b, '>=': a >= b }[c.op];
    if (holds) return args[i]!;
  }
  if (args.length % 2 === 1) return args[args.length - 1]!;
  throw new EvalError('piecewise: no condition holds at these values');
}
