/**
 * The self-check every antiderivative passes before it is returned: differentiate the candidate and compare it
 * with the integrand at sample points where the integrand is real and finite. A candidate that disagrees, or
 * that is not real where the integrand is, is rejected.
 */
import type { Expr, Sym } from '../ast/expr.js';
import { evaluate } from '../eval/evaluate.js';
import { diff } from '../diff/diff.js';
import { ZERO, add, mul, MINUS_ONE, exactFromNumber } from '../ast/expr.js';
import { bigDigits } from '../eval/n-big.js';
import { substitute } from '../ast/walk.js';
import { simplify } from '../simplify/index.js';
import { treeSize } from './linear.js';

/** Sample points: spread over both signs and several scales, none a small rational that hits special values. */
const POINTS = [0.3719, 0.6183, 1.2941, 2.2367, -0.4571, -1.6813, 0.1137, 3.1079, -2.5923, 0.8377, 5.4129, -0.0731, 1.7713, -4.3307,
  -7.2291, 0.9461, -0.8123, 8.8817, -1.1969, 0.0419, -13.517, 21.339];

export function valueAt(e: Expr, x: Sym, v: number): number {
  try {
    return evaluate(e, { [x.name]: v });
  } catch {
    return NaN;
  }
}

/** Points (up to `n`) where `f` is real and finite. */
export function samplePoints(f: Expr, x: Sym, n = 6): number[] {
  const out: number[] = [];
  for (const p of POINTS) {
    const v = valueAt(f, x, p);
    if (Number.isFinite(v) && Math.abs(v) < 1e6) out.push(p);
    if (out.length >= n) break;
  }
  return out;
}

export function close(a: number, b: number, tol = 1e-7): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Does d/dx F equal f at the sample points (at least two of them), with F itself real there? Ten points spread
 * over both signs and several scales, so that an answer valid on only part of the integrand's domain is caught.
 */
export function checkAntiderivative(F: Expr, f: Expr, x: Sym): boolean {
  const pts = samplePoints(f, x, 10);
  if (pts.length < 2) return false;
  let dF: Expr;
  try {
    dF = diff(F, x);
  } catch {
    return false;
  }
  for (const p of pts) {
    // An antiderivative must be real wherever the integrand is (atanh(u) with |u| > 1 has a real derivative).
    if (Number.isNaN(valueAt(F, x, p)) && Number.isNaN(valueAt(F, x, p * (1 + 1e-6) + 1e-7))) return false;
    const a = valueAt(dF, x, p);
    const b = valueAt(f, x, p);
    if (!Number.isFinite(a) || !close(a, b)) {
      // An isolated removable point (0/0 in the derivative) is retried nearby.
      const q = p * (1 + 1e-6) + 1e-7;
      const a2 = valueAt(dF, x, q);
      const b2 = valueAt(f, x, q);
      if (!(Number.isFinite(a2) && Number.isNaN(a) && close(a2, b2, 1e-5)) && !closePrecisely(dF, f, x, p)) return false;
    }
  }
  return true;
}

/**
 * The comparison at one point redone in 30-digit arithmetic, for answers whose derivative cancels in double
 * precision (x^12·e^(1−x) integrates to −e^(1−x)(x^12 + 12x^11 + … + 12!), whose terms are 10^13 times the
 * integrand near 0). Only tried for expressions of moderate size.
 */
function closePrecisely(dF: Expr, f: Expr, x: Sym, p: number): boolean {
  if (treeSize(dF, 3000) >= 3000) return false;
  try {
    const at = new Map([[x as Expr, exactFromNumber(p)]]);
    const a = Number(bigDigits(substitute(dF, at), 30));
    const b = Number(bigDigits(substitute(f, at), 30));
    return Number.isFinite(a) && Number.isFinite(b) && close(a, b, 1e-10);
  } catch {
    return false;
  }
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
