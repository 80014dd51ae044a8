/**
 * The numeric fallback, labelled as such. Real roots of f in an interval: f is sampled on a grid dense near 0
 * and spreading out to ±100; every sign change between finite values brackets a root (the intermediate value
 * theorem, where f is continuous) and bisection narrows it to double precision; a bracket whose midpoint value
 * does not become small relative to f's terms is a pole, not a root. Roots where f touches 0 without changing
 * sign can be missed, and the note says so. Polynomials with numeric coefficients instead get all n complex
 * roots at once (Durand–Kerner iteration, polished by Newton's method).
 */
import { type Expr, type Sym, float, add, mul, I } from '../ast/expr.js';
import { evaluate } from '../eval/evaluate.js';

export const NUMERIC_RANGE = 100;
const GRID = 4000;

function valueAt(f: Expr, x: Sym, v: number): number {
  try {
    const r = evaluate(f, { [x.name]: v });
    return Number.isFinite(r) ? r : NaN;
  } catch {
    return NaN;
  }
}

function scaleAt(f: Expr, x: Sym, v: number): number {
  const terms = f.kind === 'add' ? f.args : [f];
  return Math.max(...terms.map((t) => Math.abs(valueAt(t, x, v))).filter(Number.isFinite), 1e-300);
}

/** Real roots of f = 0 in [−100, 100] that a sign change brackets, in increasing order. */
export function signChangeRoots(f: Expr, x: Sym): number[] {
  const top = Math.asinh(NUMERIC_RANGE);
  const pts: number[] = [];
  for (let i = 0; i <= GRID; i++) pts.push(Math.sinh(-top + (2 * top * i) / GRID));
  const vals = pts.map((p) => valueAt(f, x, p));
  const out: number[] = [];
  const accept = (r: number): void => {
    const fr = Math.abs(valueAt(f, x, r));
    if (!(fr <= 1e-9 * scaleAt(f, x, r))) return; // a pole or a jump, not a root
    if (out.length > 0 && Math.abs(out[out.length - 1]! - r) <= 1e-9 * (1 + Math.abs(r))) return;
    out.push(r);
  };
  for (let i = 0; i < GRID; i++) {
    const [a, b, fa, fb] = [pts[i]!, pts[i + 1]!, vals[i]!, vals[i + 1]!];
    if (fa === 0) { accept(a); continue; }
    if (Number.isNaN(fa) || Number.isNaN(fb) || Math.sign(fa) === Math.sign(fb) || fb === 0) continue;
    let [lo, hi, flo] = [a, b, fa];
    for (let it = 0; it < 200 && hi - lo > 0; it++) {
      const mid = (lo + hi) / 2;
      if (mid === lo || mid === hi) break;
      const fm = valueAt(f, x, mid);
      if (Number.isNaN(fm)) break;
      if (fm === 0) { lo = hi = mid; break; }
      if (Math.sign(fm) === Math.sign(flo)) [lo, flo] = [mid, fm];
      else hi = mid;
    }
    accept((lo + hi) / 2);
  }
  if (vals[GRID] === 0) accept(pts[GRID]!);
  return out;
}

type C = [number, number];
const cm = (a: C, b: C): C => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
const cdiv = (a: C, b: C): C => { const d = b[0] * b[0] + b[1] * b[1]; return [(a[0] * b[0] + a[1] * b[1]) / d, (a[1] * b[0] - a[0] * b[1]) / d]; };
const horner = (c: readonly number[], z: C): C => c.reduceRight<C>((acc, ck) => { const m = cm(acc, z); return [m[0] + ck, m[1]]; }, [0, 0]);

/** All complex roots of c₀ + c₁z + … + c_n zⁿ (numeric coefficients, c_n ≠ 0); undefined if it did not converge. */
export function allPolynomialRoots(c: readonly number[]): C[] | undefined {
  const n = c.length - 1;
  const lead = c[n]!;
  const a = c.map((v) => v / lead);
  const radius = 1 + Math.max(...a.slice(0, n).map(Math.abs));
  let z: C[] = Array.from({ length: n }, (_, k) => [radius * Math.cos(0.4 + (2 * Math.PI * k) / n), radius * Math.sin(0.4 + (2 * Math.PI * k) / n)]);
  for (let it = 0; it < 2000; it++) {
    let moved = 0;
    z = z.map((zi, i) => {
      let den: C = [1, 0];
      z.forEach((zj, j) => { if (j !== i) den = cm(den, [zi[0] - zj[0], zi[1] - zj[1]]); });
      const step = cdiv(horner(a, zi), den);
      moved = Math.max(moved, Math.hypot(step[0], step[1]) / (1 + Math.hypot(zi[0], zi[1])));
      return [zi[0] - step[0], zi[1] - step[1]];
    });
    if (moved < 1e-15) break;
  }
  const scale = (w: C): number => a.reduce((s, ak, k) => s + Math.abs(ak) * Math.hypot(w[0], w[1]) ** k, 0);
  if (z.some((w) => Math.hypot(...horner(a, w)) > 1e-8 * scale(w))) return undefined;
  return z.map((w) => (Math.abs(w[1]) <= 1e-12 * (1 + Math.abs(w[0])) ? [w[0], 0] : w));
}

/** A numeric complex root as an expression a + b i. */
export function complexValue(w: C): Expr {
  return w[1] === 0 ? float(w[0]) : add(float(w[0]), mul(float(w[1]), I));
}
