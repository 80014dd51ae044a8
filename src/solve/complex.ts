/**
 * Complex values of expressions in double precision, to check complex roots (x² + 1 = 0 at x = i) where the
 * real evaluator stops. Only what polynomial and exponential equations need: + × powers, exp, log, sin, cos,
 * and any real function at a real argument.
 */
import type { Expr } from '../ast/expr.js';
import { CONSTANTS, FUNCTIONS } from '../ast/ops.js';
import { EvalError } from '../eval/errors.js';
import { text } from '../render/text.js';

export interface C { readonly re: number; readonly im: number }

const c = (re: number, im = 0): C => ({ re, im });
const cadd = (a: C, b: C): C => c(a.re + b.re, a.im + b.im);
const cmul = (a: C, b: C): C => c(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
const cexp = (a: C): C => { const m = Math.exp(a.re); return c(m * Math.cos(a.im), m * Math.sin(a.im)); };
const clog = (a: C): C => {
  if (a.re === 0 && a.im === 0) throw new EvalError('log of 0');
  return c(Math.log(Math.hypot(a.re, a.im)), Math.atan2(a.im, a.re));
};
function cinv(a: C): C {
  const d = a.re * a.re + a.im * a.im;
  if (d === 0) throw new EvalError('division by zero');
  return c(a.re / d, -a.im / d);
}
function cpowInt(a: C, n: bigint): C {
  let r = c(1);
  let b = n < 0n ? cinv(a) : a;
  for (let m = n < 0n ? -n : n; m > 0n; m >>= 1n) {
    if (m & 1n) r = cmul(r, b);
    if (m > 1n) b = cmul(b, b);
  }
  return r;
}

export const modulus = (a: C): number => Math.hypot(a.re, a.im);

/** The complex value of e with the given real values for symbols (principal branches of powers and logs). */
export function evaluateComplex(e: Expr, env: ReadonlyMap<string, number> = new Map()): C {
  const memo = new Map<Expr, C>();
  const go = (x: Expr): C => {
    const hit = memo.get(x);
    if (hit !== undefined) return hit;
    const v = value(x);
    memo.set(x, v);
    return v;
  };
  const value = (x: Expr): C => {
    switch (x.kind) {
      case 'num': return c(Number(x.value[0]) / Number(x.value[1]));
      case 'float': return c(x.value);
      case 'sym': {
        if (x.name === 'i') return c(0, 1);
        const v = env.get(x.name) ?? CONSTANTS.get(x.name)?.value;
        if (v === undefined) throw new EvalError(`'${x.name}' has no value`);
        return c(v);
      }
      case 'add': return x.args.map(go).reduce(cadd);
      case 'mul': return x.args.map(go).reduce(cmul);
      case 'pow': {
        const b = go(x.base);
        if (x.exp.kind === 'num' && x.exp.value[1] === 1n) return cpowInt(b, x.exp.value[0]);
        const p = go(x.exp);
        if (b.re === 0 && b.im === 0) {
          if (p.re > 0) return c(0);
          throw new EvalError('division by zero');
        }
        return cexp(cmul(p, clog(b)));
      }
      case 'call': {
        const args = x.args.map(go);
        const a = args[0]!;
        if (x.args.length === 1) {
          if (x.fn === 'exp') return cexp(a);
          if (x.fn === 'log') return clog(a);
          if (x.fn === 'sqrt') return cexp(cmul(c(0.5), clog(a)));
          if (x.fn === 'abs') return c(modulus(a));
          if (x.fn === 'sin' || x.fn === 'cos') {
            const iz = cmul(c(0, 1), a);
            const p = cexp(iz);
            const q = cexp(cmul(c(-1), iz));
            return x.fn === 'cos' ? cmul(c(0.5), cadd(p, q)) : cmul(c(0, -0.5), cadd(p, cmul(c(-1), q)));
          }
        }
        const row = FUNCTIONS.get(x.fn);
        if (row === undefined || args.some((v) => v.im !== 0)) throw new EvalError(`no complex value for ${text(x)}`);
        const re = args.map((v) => v.re);
        const why = row.domain?.(...re);
        if (why !== undefined) throw new EvalError(why);
        const v = row.eval(...re);
        if (!Number.isFinite(v)) throw new EvalError(`${text(x)} is undefined here`);
        return c(v);
      }
      default: throw new EvalError(`${text(x)} has no complex value`);
    }
  };
  return go(e);
}
