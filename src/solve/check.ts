/**
 * Substituting a candidate back. A candidate is a root when the equation's difference vanishes there relative
 * to the size of its terms (so a large cancelling sum cannot pass by scale), in double precision and, for closed
 * values, again with 30 digits; it is not a root when the difference is clearly nonzero or undefined there.
 * Parameters are given several sample values (respecting assumptions and the candidate's conditions); a
 * candidate that holds for some admissible samples and fails for others is reported as `mixed`.
 */
import { type Expr, I, ZERO, float } from '../ast/expr.js';
import { evaluate } from '../eval/evaluate.js';
import { zeroTest } from '../simplify/zero.js';
import { freeSymbols } from '../eval/n.js';
import { someNode, substitute } from '../ast/walk.js';
import { evaluateComplex, modulus } from './complex.js';
import type { Branch, Context } from './context.js';

export type Verdict = 'root' | 'not' | 'mixed';

const SAMPLES = [0.37, 0.71, 1.63, 2.9, -0.53, -1.7, 0.19, 4.3];

/** Sample values of the parameters, respecting what the assumptions say about their signs. */
export function parameterSamples(ctx: Context): Map<string, number>[] {
  if (ctx.params.length === 0) return [new Map()];
  const out: Map<string, number>[] = [];
  for (let i = 0; i < SAMPLES.length; i++) {
    const env = new Map<string, number>();
    ctx.params.forEach((p, j) => {
      let v = SAMPLES[(i + 3 * j) % SAMPLES.length]! * (1 + 0.13 * j);
      if (ctx.assume.has(p, 'positive') || ctx.assume.has(p, 'nonnegative')) v = Math.abs(v);
      if (ctx.assume.has(p, 'negative') || ctx.assume.has(p, 'nonpositive')) v = -Math.abs(v);
      env.set(p, v);
    });
    out.push(env);
  }
  return out;
}

const isComplex = (e: Expr): boolean => someNode(e, (n) => n === I);

/** Does the relation hold at env? undefined when it cannot be evaluated there. */
export function holdsAt(rel: Expr, env: ReadonlyMap<string, number>): boolean | undefined {
  if (rel.kind !== 'rel') return undefined;
  try {
    const a = evaluate(rel.lhs, env);
    const b = evaluate(rel.rhs, env);
    const eps = 1e-12 * (1 + Math.abs(a) + Math.abs(b));
    switch (rel.op) {
      case '<': return a < b - eps;
      case '>': return a > b + eps;
      case '<=': return a <= b + eps;
      case '>=': return a >= b - eps;
      case '!=': return Math.abs(a - b) > eps;
      case '=': return Math.abs(a - b) <= eps;
    }
  } catch {
    return undefined;
  }
}

const terms = (e: Expr): readonly Expr[] => (e.kind === 'add' ? e.args : [e]);

/** |e| and the size of its terms at a point, in complex double precision; undefined where e is undefined. */
function residual(e: Expr, env: ReadonlyMap<string, number>, complex: boolean): { r: number; scale: number } | undefined {
  try {
    if (complex) {
      const ts = terms(e).map((t) => modulus(evaluateComplex(t, env)));
      const r = modulus(evaluateComplex(e, env));
      return Number.isFinite(r) ? { r, scale: Math.max(0, ...ts) } : undefined;
    }
    const ts = terms(e).map((t) => Math.abs(evaluate(t, env)));
    const r = Math.abs(evaluate(e, env));
    return Number.isFinite(r) && ts.every(Number.isFinite) ? { r, scale: Math.max(0, ...ts) } : undefined;
  } catch {
    return undefined;
  }
}

/** The CAS's zero test on a closed value: exact for radicals, high precision otherwise; undefined when it cannot say. */
function closedIsZero(e: Expr): boolean | undefined {
  const z = zeroTest(e);
  return z.verdict === 'zero' ? true : z.verdict === 'nonzero' ? false : undefined;
}

/** Is `b.value` (with k = 0) a solution of `diff` = 0 at every admissible sample of the parameters? `exact`: the
 *  value is an exact root of the numerator (from factoring), so only where the equation is defined is in question. */
export function verdict(diff: Expr, b: Branch, ctx: Context, exact = false): Verdict {
  const v = substitute(b.value, new Map([[ctx.k as Expr, ZERO]]));
  const complex = isComplex(v);
  let pass = 0;
  let fail = 0;
  for (const env of parameterSamples(ctx)) {
    if (b.conds.some((c) => holdsAt(c, env) !== true)) continue;
    let at: Expr;
    let point: ReadonlyMap<string, number> = env;
    if (complex) at = substitute(diff, new Map([[ctx.x as Expr, v]]));
    else {
      let xv: number;
      try {
        xv = evaluate(v, env);
      } catch {
        if (ctx.params.length === 0) fail++; // a closed value that is not a real number
        continue; // otherwise outside the domain of the formula: the conditions say where it applies
      }
      if (!Number.isFinite(xv)) { fail++; continue; }
      // evaluate at the number, not by substituting (0·log(x) would collapse to 0 before log(0) is seen)
      at = diff;
      point = new Map([...env, [ctx.x.name, xv]]);
    }
    const r = residual(at, point, complex);
    if (r === undefined) {
      fail++; // the equation is undefined at the candidate
      continue;
    }
    let ok = r.r <= 1e-12 * r.scale || r.r === 0;
    if (!ok && exact) ok = r.r <= 1e-6 * r.scale; // an exact root of the numerator: only the domain is in question
    else if (!ok && r.r <= 1e-6 * Math.max(r.scale, 1e-300) + 1e-12) {
      // ambiguous in double precision: decide with the zero test where the value is closed and real (a
      // residual of rounding, as sin(π) in doubles, is zero there; a genuine small residual is not).
      const z = !complex && ctx.params.length === 0 ? closedIsZero(substitute(diff, new Map([[ctx.x as Expr, v]]))) : undefined;
      ok = z !== undefined ? z : r.r <= 1e-9 * r.scale;
    }
    if (ok) pass++;
    else fail++;
  }
  if (fail === 0 && pass > 0) return 'root';
  if (pass === 0) return fail > 0 ? 'not' : 'mixed';
  return 'mixed';
}
