/**
 * Definite integrals. Three paths, tried in order:
 * 1. 'antiderivative': the fundamental theorem, F(b) − F(a), when an antiderivative was found and is continuous
 *    on [a, b] — checked by sampling: F must be finite and each increment of F must agree with the trapezoid
 *    estimate of ∫ f over that piece (a jump of a branch cut or a pole in between fails this).
 * 2. 'limit': the same, but an end where F cannot be evaluated (an infinite bound, a log at 0) is reached as a
 *    limit of F from inside the interval — exact by the series method of src/limit where it succeeds, else a
 *    numerical limit along a sequence approaching the end. An infinite limit means the integral diverges.
 * 3. 'numeric': adaptive quadrature (`nintegrate`), with its error estimate.
 */
import { type Expr, type Sym, add, neg, float, mul, MINUS_ONE, sym, call } from '../ast/expr.js';
import { freeSymbols } from '../eval/n.js';
import { integrateDefiniteSymbolic } from './definite-symbolic.js';
import { evaluate } from '../eval/evaluate.js';
import { simplify } from '../simplify/index.js';
import { nintegrate } from '../numeric/methods/index.js';
import { substituteMap } from './linear.js';
import { searchIntegral, type IntegrateOptions } from './core.js';
import { valueAt } from './verify.js';
import { IntegrateError, checkVariable } from './integrate.js';
import { text } from '../render/text.js';
import type { Found } from './types.js';
import { limit, NoLimitError } from '../limit/limit.js';

export type DefinitePath = 'antiderivative' | 'limit' | 'numeric' | 'table' | 'unevaluated';

export interface DefiniteResult {
  readonly value: Expr;
  readonly path: DefinitePath;
  /** The antiderivative used (paths 'antiderivative' and 'limit'). */
  readonly antiderivative?: Expr;
  readonly found?: Found;
  /** Error estimate of the numeric path. */
  readonly error?: number;
}

function boundValue(e: Expr): number {
  if (e === sym('inf')) return Infinity;
  if (e === mul(MINUS_ONE, sym('inf'))) return -Infinity;
  try {
    const v = evaluate(e);
    if (Number.isNaN(v)) throw new Error('nan');
    return v;
  } catch {
    throw new IntegrateError('the bounds of a definite integral must be numbers (or ±inf)');
  }
}

/**
 * Near an end of the interval F must settle (its limit from inside exists, which covers integrable singularities
 * such as log x at 0): sampled at end + (inner − end)·2^−j, the increments of F must be finite, keep the sign of f,
 * and die out.
 */
function settlesAt(F: Expr, f: Expr, x: Sym, end: number, inner: number): boolean {
  let prev = valueAt(F, x, inner);
  if (!Number.isFinite(prev)) return false;
  let last = Infinity;
  for (let j = 1; j <= 40; j++) {
    const p = end + (inner - end) * 2 ** -j;
    if (p === end) break;
    const Fv = valueAt(F, x, p);
    const fv = valueAt(f, x, p);
    if (!Number.isFinite(Fv) || Number.isNaN(fv)) return false;
    last = Math.abs(Fv - prev);
    prev = Fv;
  }
  return last <= 1e-6 * Math.max(1, Math.abs(prev));
}

/** F continuous on [a, b] (finite interval), judged by sampling against the trapezoid rule. */
export function continuousOn(F: Expr, f: Expr, x: Sym, a: number, b: number): boolean {
  const n = 256;
  const h = (b - a) / n;
  if (!settlesAt(F, f, x, a, a + h) || !settlesAt(F, f, x, b, b - h)) return false;
  let prevF = valueAt(F, x, a + h);
  let prevf = valueAt(f, x, a + h);
  for (let k = 2; k < n; k++) {
    const t = a + k * h;
    const Fv = valueAt(F, x, t);
    const fv = valueAt(f, x, t);
    if (!Number.isFinite(Fv) || !Number.isFinite(prevF)) return false;
    const dF = Fv - prevF;
    const trap = Number.isFinite(fv) && Number.isFinite(prevf) ? (fv + prevf) * h / 2 : NaN;
    if (Number.isFinite(trap) && Math.abs(dF - trap) > 0.05 * Math.max(Math.abs(dF), Math.abs(trap)) + 1e-3 * Math.abs(h) * (1 + Math.abs(fv) + Math.abs(prevf)) && Math.abs(dF - trap) > 1e-6) {
      // Refine once: a smooth F agrees better on a finer grid, a jump does not.
      const m = 16;
      let acc = 0;
      let okFine = true;
      for (let j = 0; j < m; j++) {
        const u0 = t - h + (j * h) / m;
        const f0 = valueAt(f, x, u0);
        const f1 = valueAt(f, x, u0 + h / m);
        if (!Number.isFinite(f0) || !Number.isFinite(f1)) okFine = false;
        acc += (f0 + f1) * h / (2 * m);
      }
      if (!okFine || Math.abs(dF - acc) > 1e-3 * Math.max(1, Math.abs(dF))) return false;
    }
    prevF = Fv;
    prevf = fv;
  }
  return true;
}

/** lim F(t) as t → end (from inside), or NaN when the values do not settle. */
function limitAt(F: Expr, x: Sym, end: number, inner: number): number {
  const seq: number[] = [];
  for (let k = 2; k <= 12; k += 2) {
    const t = Number.isFinite(end) ? end + (inner - end) * 10 ** -k : Math.sign(end) * 10 ** (k + 1);
    seq.push(valueAt(F, x, t));
  }
  const last = seq[seq.length - 1]!;
  const prev = seq[seq.length - 2]!;
  return Number.isFinite(last) && Math.abs(last - prev) <= 1e-6 * Math.max(1, Math.abs(last)) ? last : NaN;
}

export function integrateDefinite(f: Expr, xArg: Expr, a: Expr, b: Expr, options: IntegrateOptions = {}): DefiniteResult {
  const x = checkVariable(xArg);
  if ([f, a, b].some((e) => freeSymbols(e).some((s) => s !== x.name))) {
    // parameters or symbolic bounds: exact, with stated conditions, or left unevaluated
    if (freeSymbols(a).includes(x.name) || freeSymbols(b).includes(x.name)) {
      throw new IntegrateError(`the bounds of a definite integral must not contain the variable ${x.name}`);
    }
    const r = integrateDefiniteSymbolic(f, x, a, b, options);
    if (r !== undefined) return r;
    return { value: call('integrate', [f, x, a, b]), path: 'unevaluated' };
  }
  const av = boundValue(a);
  const bv = boundValue(b);
  if (av === bv) return { value: add(), path: 'antiderivative' };
  const lo = Math.min(av, bv);
  const hi = Math.max(av, bv);
  const search = searchIntegral(f, x, options);
  const F = search.value;
  if (F !== undefined) {
    const finLo = Number.isFinite(lo) ? lo : Number.isFinite(hi) ? hi - 50 - Math.abs(hi) : -50;
    const finHi = Number.isFinite(hi) ? hi : Number.isFinite(lo) ? lo + 50 + Math.abs(lo) : 50;
    if (continuousOn(F, f, x, finLo, finHi) && (Number.isFinite(lo) || continuousOn(F, f, x, finLo * 20 - 1, finLo)) &&
      (Number.isFinite(hi) || continuousOn(F, f, x, finHi, finHi * 20 + 1))) {
      const Fb = Number.isFinite(bv) ? valueAt(F, x, bv) : NaN;
      const Fa = Number.isFinite(av) ? valueAt(F, x, av) : NaN;
      if (Number.isFinite(Fa) && Number.isFinite(Fb)) {
        const exact = add(substituteMap(F, new Map([[x, b]])), neg(substituteMap(F, new Map([[x, a]]))));
        let value = exact;
        try {
          value = simplify(exact);
        } catch {
          // keep the unsimplified difference
        }
        return { value, path: 'antiderivative', antiderivative: F, found: search.found };
      }
      const exactEnd = (end: Expr, endValue: number, side: 'left' | 'right'): Expr | undefined => {
        if (Number.isFinite(endValue) && Number.isFinite(valueAt(F, x, endValue))) return substituteMap(F, new Map([[x, end]]));
        try {
          return limit(F, x, end, side);
        } catch (err) {
          if (err instanceof NoLimitError) return undefined;
          throw err;
        }
      };
      const upper = bv > av ? 'left' : 'right';
      const lower = bv > av ? 'right' : 'left';
      const Eb = exactEnd(b, bv, upper);
      const Ea = exactEnd(a, av, lower);
      if (Eb !== undefined && Ea !== undefined) {
        const infinite = (e: Expr): boolean => e === sym('inf') || e === mul(MINUS_ONE, sym('inf'));
        if (infinite(Eb) || infinite(Ea)) throw new IntegrateError(`the integral diverges: the antiderivative ${text(F)} tends to ${text(infinite(Eb) ? Eb : Ea)} at ${text(infinite(Eb) ? b : a)}`);
        let value = add(Eb, neg(Ea));
        try {
          value = simplify(value);
        } catch {
          // keep the difference
        }
        if (Number.isFinite(valueAt(value, x, 0))) return { value, path: 'limit', antiderivative: F, found: search.found };
      }
      const La = Number.isFinite(Fa) ? Fa : limitAt(F, x, av, (av + bv) / 2 || bv);
      const Lb = Number.isFinite(Fb) ? Fb : limitAt(F, x, bv, (av + bv) / 2 || av);
      if (Number.isFinite(La) && Number.isFinite(Lb)) {
        return { value: float(Lb - La), path: 'limit', antiderivative: F, found: search.found };
      }
    }
  }
  const fn = (t: number): number => valueAt(f, x, t);
  let r;
  try {
    r = nintegrate(fn, av, bv);
  } catch (err) {
    throw new IntegrateError(`the integral could not be computed numerically (${(err as Error).message})`);
  }
  if (!r.converged) throw new IntegrateError(`the integral did not converge numerically (best ${r.value} ± ${r.error})`);
  return { value: float(r.value), path: 'numeric', error: r.error };
}
