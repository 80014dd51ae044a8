/**
 * A heuristic transcendental fallback in the spirit of the parallel Risch algorithm (A. C. Norman and P. M. A.
 * Moore, 1977, "Implementing the new Risch integration algorithm"; M. Bronstein, 2007, "Structure theorems for
 * parallel integration"): guess that the antiderivative is a linear combination of candidate terms built from
 * the integrand's kernels (its exp and log subterms, powers of x, reciprocals of its denominators), fit the
 * coefficients so that the derivative matches the integrand at sample points (least squares by Householder QR),
 * recognise them as small rationals, and keep the result only if it passes the exact-form check in verify.ts.
 */
import { type Expr, type Sym, add, mul, pow, int, numOf, children, ONE } from '../ast/expr.js';
import { rat } from '../ast/rational.js';
import { diff } from '../diff/diff.js';
import type { Method } from './types.js';
import { free } from './linear.js';
import { valueAt } from './verify.js';
import { leaf } from './found.js';

function kernelsOf(f: Expr, x: Sym): { kernels: Expr[]; dens: Expr[] } {
  const kernels = new Set<Expr>();
  const dens = new Set<Expr>();
  const visit = (e: Expr): void => {
    if (free(e, x)) return;
    if (e.kind === 'call' && (e.fn === 'exp' || e.fn === 'log')) kernels.add(e);
    if (e.kind === 'pow' && e.exp.kind === 'num' && e.exp.value[0] < 0n && e.base !== x) dens.add(e.base);
    for (const c of children(e)) visit(c);
  };
  visit(f);
  return { kernels: [...kernels].slice(0, 3), dens: [...dens].slice(0, 2) };
}

/**
 * Least squares A c ≈ b by modified Gram–Schmidt QR with column dropping: a column (nearly) in the span of the
 * earlier ones gets coefficient 0, so dependent candidate terms do not break the fit.
 */
function leastSquares(A: number[][], b: number[]): number[] | undefined {
  const m = A.length;
  const n = A[0]!.length;
  const Q: number[][] = [];
  const kept: number[] = [];
  const R: number[][] = [];
  for (let j = 0; j < n; j++) {
    const v = A.map((r) => r[j]!);
    const norm0 = Math.hypot(...v);
    if (norm0 === 0) continue;
    const rcol: number[] = [];
    for (const q of Q) {
      let d = 0;
      for (let i = 0; i < m; i++) d += q[i]! * v[i]!;
      rcol.push(d);
      for (let i = 0; i < m; i++) v[i]! -= d * q[i]!;
    }
    const norm = Math.hypot(...v);
    if (norm < 1e-7 * norm0) continue;
    Q.push(v.map((t) => t / norm));
    rcol.push(norm);
    R.push(rcol);
    kept.push(j);
  }
  if (kept.length === 0) return undefined;
  const k = kept.length;
  const y = Q.map((q) => q.reduce((s, t, i) => s + t * b[i]!, 0));
  const ck = new Array<number>(k).fill(0);
  for (let r = k - 1; r >= 0; r--) {
    let s = y[r]!;
    for (let j = r + 1; j < k; j++) s -= R[j]![r]! * ck[j]!;
    ck[r] = s / R[r]![r]!;
  }
  const c = new Array<number>(n).fill(0);
  kept.forEach((j, r) => { c[j] = ck[r]!; });
  // the fit must be exact to rounding, relative to the size of the terms fitted, or the ansatz does not contain an
  // antiderivative (a residual of 1e-9 is a term the ansatz lacks, not rounding)
  for (let i = 0; i < m; i++) {
    const fit = A[i]!.reduce((s, a, j) => s + a * c[j]!, 0);
    const size = A[i]!.reduce((s, a, j) => s + Math.abs(a * c[j]!), Math.abs(b[i]!));
    if (Math.abs(fit - b[i]!) > 1e-11 * size) return undefined;
  }
  return c;
}

/**
 * The nearest fraction p/q with q ≤ 2000 by continued fractions, if it is within 1e-10 (relative); 0 only for a
 * coefficient below 1e-13 of the largest one (a coefficient of 1e-8 is a term, not rounding).
 */
function recognise(c: number, largest: number): Expr | undefined {
  if (Math.abs(c) < 1e-13 * Math.max(1, largest)) return numOf(rat(0n));
  let [h0, h1, k0, k1] = [0, 1, 1, 0];
  let v = c;
  for (let i = 0; i < 20; i++) {
    const a = Math.floor(v);
    [h0, h1] = [h1, a * h1 + h0];
    [k0, k1] = [k1, a * k1 + k0];
    if (k1 > 2000) return undefined;
    if (Math.abs(h1 / k1 - c) <= 1e-10 * Math.max(1, Math.abs(c))) return numOf(rat(BigInt(h1), BigInt(k1)));
    const frac = v - a;
    if (frac < 1e-12) break;
    v = 1 / frac;
  }
  return undefined;
}

/** Sample abscissae: a low-discrepancy (golden-ratio) sequence over [-3.5, 4.5], avoiding small rationals. */
const POINTS = Array.from({ length: 72 }, (_, i) => -3.5 + 8 * ((0.5 + i * 0.6180339887498949) % 1) + 1e-3 * Math.SQRT2);

export const ansatz: Method = (f, x, ctx) => {
  const { kernels, dens } = kernelsOf(f, x);
  if (kernels.length === 0) return undefined;
  // Small ansätze first: fewer unknowns fit better in floating point.
  const small: Expr[] = [ONE, x, pow(x, int(2)), pow(x, int(-1))];
  for (const d of dens) small.push(pow(d, int(-1)));
  const big: Expr[] = [...small, pow(x, int(3)), pow(x, int(-2))];
  for (const d of dens) big.push(mul(x, pow(d, int(-1))), pow(d, int(-2)));
  const squares: Expr[] = [];
  for (let i = 0; i < kernels.length; i++) for (let j = i; j < kernels.length; j++) squares.push(mul(kernels[i]!, kernels[j]!));
  return fit(f, x, small, [ONE, ...kernels]) ?? fit(f, x, big, [ONE, ...kernels, ...squares]);
  void ctx;
};

function fit(f: Expr, x: Sym, rationals: Expr[], monomials: Expr[]) {
  const terms: Expr[] = [];
  for (const r of rationals) for (const k of monomials) if (!(r === ONE && k === ONE)) terms.push(mul(r, k));
  if (terms.length > 60) terms.length = 60;
  const derivs = terms.map((t) => diff(t, x));
  const rows: number[][] = [];
  const rhs: number[] = [];
  for (const p of POINTS) {
    const fv = valueAt(f, x, p);
    if (!Number.isFinite(fv) || Math.abs(fv) > 1e8) continue;
    const row = derivs.map((d) => valueAt(d, x, p));
    if (row.some((v) => !Number.isFinite(v) || Math.abs(v) > 1e8)) continue;
    rows.push(row);
    rhs.push(fv);
  }
  // Keep only the columns that are not identically zero, and need more equations than unknowns.
  const cols = terms.map((_, j) => j).filter((j) => rows.some((r) => Math.abs(r[j]!) > 1e-14));
  if (cols.length === 0 || rows.length < cols.length + 3) return undefined;
  const c = leastSquares(rows.map((r) => cols.map((j) => r[j]!)), rhs);
  if (c === undefined) return undefined;
  const parts: Expr[] = [];
  for (let i = 0; i < cols.length; i++) {
    const q = recognise(c[i]!, Math.max(...c.map(Math.abs)));
    if (q === undefined) return undefined;
    if (q.kind === 'num' && q.value[0] !== 0n) parts.push(mul(q, terms[cols[i]!]!));
  }
  if (parts.length === 0) return undefined;
  return leaf('int/ansatz', f, x, add(...parts), [['terms', add(...cols.map((j) => terms[j]!))]]);
}
