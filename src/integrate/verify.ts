/**
 * The self-check every antiderivative passes before it is returned: differentiate the candidate and compare it
 * with the integrand at sample points where the integrand is real and finite. A candidate that disagrees, or
 * that is not real where the integrand is, is rejected.
 *
 * The comparison is relative to the size of the *terms* being added (|t₁| + |t₂| + … of d/dx F and of f), not of
 * their sum, so that neither a small integrand made of large cancelling terms is rejected nor a small term of
 * the integrand (x·eˣ + sin(x²)/10⁹) silently dropped. Points span several scales of x; parameters (symbols other
 * than x) take admissible values under the assumptions in force (several draws). When double precision cannot
 * decide, the point is redone in 192-bit arithmetic; the final answer of a search is always confirmed so.
 */
import type { Expr, Sym } from '../ast/expr.js';
import { evaluate } from '../eval/evaluate.js';
import { diff } from '../diff/diff.js';
import { ZERO, add, mul, MINUS_ONE, exactFromNumber, sym } from '../ast/expr.js';
import { bigApprox } from '../eval/n-big.js';
import { substitute } from '../ast/walk.js';
import { simplify } from '../simplify/index.js';
import { treeSize } from './linear.js';
import type { Draw } from '../simplify/assume-sample.js';

/** Sample points, interleaving scales and signs; none a small rational that hits special values. */
const POINTS = [0.3719, -1.6813, 2.2367, 5.4129, -0.4571, 1.2941, -7.2291, 0.1137, 8.8817, -2.5923, 0.6183, 21.339,
  -13.517, 3.1079, -0.0731, 0.8377, -4.3307, 1.7713, 0.9461, -0.8123, -1.1969, 0.0419, 47.213, -33.71];

/** Values of the parameters (symbols other than the variable) used by every evaluation; one draw per check pass. */
let draws: readonly Draw[] = [{}];
let current: Draw = {};

/** Run `fn` with parameters sampled as `ds` (the first draw is the one methods see through valueAt). */
export function withDraws<T>(ds: readonly Draw[], fn: () => T): T {
  const [saved, savedCurrent] = [draws, current];
  draws = ds.length > 0 ? ds : [{}];
  current = draws[0]!;
  try {
    return fn();
  } finally {
    draws = saved;
    current = savedCurrent;
  }
}

/** The parameter values in force (for methods that fit numbers). */
export function currentDraw(): Draw {
  return current;
}

export function valueAt(e: Expr, x: Sym, v: number): number {
  try {
    return evaluate(e, { ...current, [x.name]: v });
  } catch {
    return NaN;
  }
}

/** Points (up to `n`) where `f` is real and finite, for the current parameter values. */
export function samplePoints(f: Expr, x: Sym, n = 6): number[] {
  const out: number[] = [];
  for (const p of POINTS) {
    const v = valueAt(f, x, p);
    if (Number.isFinite(v) && Math.abs(v) < 1e150) out.push(p);
    if (out.length >= n) break;
  }
  return out;
}

export function close(a: number, b: number, tol = 1e-7): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * The size of the terms of `e` at x = p: |t₁| + |t₂| + … for a sum, the product of the factors' sizes for a
 * product, so that cancellation inside a factor (e^(1−x)·(x¹² + 12x¹¹ + … − …)) counts; |e| below `depth`.
 */
function termScale(e: Expr, x: Sym, p: number, depth = 4): number {
  if (depth > 0 && e.kind === 'add') {
    let s = 0;
    for (const t of e.args) s += termScale(t, x, p, depth - 1);
    return s;
  }
  if (depth > 0 && e.kind === 'mul') {
    let s = 1;
    for (const t of e.args) s *= termScale(t, x, p, depth - 1);
    return s;
  }
  if (depth > 0 && e.kind === 'pow' && e.exp.kind === 'num' && e.exp.value[1] === 1n && e.exp.value[0] > 0n && e.exp.value[0] < 20n) {
    return termScale(e.base, x, p, depth - 1) ** Number(e.exp.value[0]);
  }
  return Math.abs(valueAt(e, x, p));
}

/** Agreement in double precision, relative to the sizes of the terms. */
const DOUBLE_TOL = 1e-11;
/** Beyond this (relative to the terms) a disagreement is not rounding: no high-precision retry. */
const RETRY_TOL = 1e-4;

type Verdict = 'agree' | 'disagree' | 'unknown';

/** d/dx F against f at one point, in double precision and, when that cannot decide, in 192-bit arithmetic. */
function comparePoint(dF: Expr, f: Expr, x: Sym, p: number, precise: boolean): Verdict {
  const a = valueAt(dF, x, p);
  const b = valueAt(f, x, p);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return 'unknown';
  // the terms are at least as large as the sums, so agreement relative to |a| + |b| needs no term sizes
  if (!precise && Math.abs(a - b) <= DOUBLE_TOL * (Math.abs(a) + Math.abs(b))) return 'agree';
  const scale = termScale(dF, x, p) + termScale(f, x, p);
  const gap = Math.abs(a - b);
  if (gap > RETRY_TOL * scale && gap > 1e-300) return 'disagree';
  if (!precise && gap <= DOUBLE_TOL * scale) return 'agree';
  return comparePrecisely(dF, f, x, p, scale);
}

/**
 * The comparison at one point redone in 192-bit arithmetic, for answers whose derivative cancels in double
 * precision (x^12·e^(1−x) integrates to −e^(1−x)(x^12 + 12x^11 + … + 12!), whose terms are 10^13 times the
 * integrand near 0) and for the final confirmation. 'unknown' when the expression is too large or has a
 * function the arbitrary-precision evaluator lacks.
 */
function comparePrecisely(dF: Expr, f: Expr, x: Sym, p: number, scale: number): Verdict {
  if (treeSize(dF, 3000) >= 3000) return 'unknown';
  try {
    const at = exactPoint(x, p);
    const a = bigApprox(substitute(dF, at), 192);
    const b = bigApprox(substitute(f, at), 192);
    const gap = Math.abs(a.sub(b, 192).toNumber());
    return gap <= 1e-40 * Math.max(scale, 1e-300) ? 'agree' : 'disagree';
  } catch {
    return 'unknown';
  }
}

/** The point (x and the parameters) as exact numbers, for the arbitrary-precision evaluator. */
function exactPoint(x: Sym, p: number): Map<Expr, Expr> {
  const at = new Map<Expr, Expr>([[x, exactFromNumber(p)]]);
  for (const [k, v] of Object.entries(current)) at.set(sym(k), exactFromNumber(v));
  return at;
}

/**
 * Is F real at p (or just beside it, for an isolated removable point)? Where double precision fails (log|u| with
 * u rounded to 0 at large x) the value is retried in 192-bit arithmetic.
 */
function realAt(F: Expr, x: Sym, p: number): boolean {
  if (!Number.isNaN(valueAt(F, x, p)) || !Number.isNaN(valueAt(F, x, p * (1 + 1e-6) + 1e-7))) return true;
  if (treeSize(F, 3000) >= 3000) return false;
  try {
    bigApprox(substitute(F, exactPoint(x, p)), 192); // throws outside the real domain
    return true;
  } catch {
    return false;
  }
}

/**
 * Does d/dx F equal f? At up to eight points per draw of the parameters, spread over both signs and several
 * scales (an answer valid on only part of the integrand's domain is caught), with F real wherever f is; at least
 * three points must agree and none disagree. `final` confirms one point per draw in 192-bit arithmetic too
 * (a difference below double precision relative to the terms is still a difference).
 */
export function checkAntiderivative(F: Expr, f: Expr, x: Sym, final = false): boolean {
  let dF: Expr;
  try {
    dF = diff(F, x);
  } catch {
    return false;
  }
  let agreed = 0;
  for (const draw of draws) {
    const saved = current;
    current = draw;
    try {
      const pts = samplePoints(f, x, 8);
      let precise = final ? 1 : 0;
      for (const p of pts) {
        if (Math.abs(valueAt(f, x, p)) < 1e100 && !realAt(F, x, p)) return false;
        let v = comparePoint(dF, f, x, p, precise > 0);
        if (v === 'unknown' && precise > 0) v = comparePoint(dF, f, x, p, false); // no 192-bit evaluator for it
        if (v === 'unknown') {
          // an isolated removable point (0/0 in the derivative) is retried nearby
          const q = p * (1 + 1e-6) + 1e-7;
          if (Number.isNaN(valueAt(dF, x, p)) && Number.isFinite(valueAt(dF, x, q))) v = comparePoint(dF, f, x, q, false);
        }
        if (v === 'disagree') return false;
        if (v === 'agree') {
          agreed++;
          if (precise > 0) precise--;
        }
      }
    } finally {
      current = saved;
    }
  }
  return agreed >= 3;
}

/**
 * The symbolic half of the self-check, where it is cheap: does simplify(d/dx F − f) reach 0? Tried only for
 * small expressions (simplification of large ones costs more than the search); undefined when not tried or not
 * conclusive — a false here never means wrong, only "not shown symbolically".
 */
export function checkSymbolically(F: Expr, f: Expr, x: Sym, maxSize = 120): boolean | undefined {
  if (treeSize(F, maxSize) >= maxSize || treeSize(f, maxSize) >= maxSize) return undefined;
  try {
    return simplify(add(diff(F, x), mul(MINUS_ONE, f))) === ZERO ? true : undefined;
  } catch {
    return undefined;
  }
}
