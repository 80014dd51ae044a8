/**
 * Sums of monomials S^a C^b (S = sin t, C = cos t, or sinh/cosh; a, b rational) whose integral is again such a
 * sum, although the single terms may have none in elementary terms: ∫ (cosh^(−5/2) − cosh^(−1/2)/3) dx =
 * (2/3) sinh · cosh^(−3/2). Since d/dt (S^p C^q) = p S^(p−1) C^(q+1) ∓ q S^(p+1) C^(q−1) keeps the total degree,
 * the antiderivative is sought as Σ c_pq S^p C^q over exponents (a + i, b + j) near those of the integrand with
 * i + j even (the reduction formulas of sin^m cos^n, e.g. Gradshteyn–Ryzhik 2.510), the coefficients fitted by
 * least squares at sample points, recognised as small rationals, and the result verified exactly as usual.
 */
import { type Expr, type Sym, add, mul, pow, call, numOf, int } from '../ast/expr.js';
import { type Rational, rat, radd, rtoNumber } from '../ast/rational.js';
import { evaluate } from '../eval/evaluate.js';
import type { Method } from './types.js';
import { free, freshSymbol, substituteMap } from './linear.js';
import { commonArgument, safeCancel } from './trigsub.js';
import { leaf } from './found.js';
import { recogniseRational } from './recognise.js';
import { sinCosMap } from './trignormal.js';

const TRIG = new Set(['sin', 'cos', 'tan', 'cot', 'sec', 'csc']);
const HYPER = new Set(['sinh', 'cosh', 'tanh']);

type Mono = [Rational, Rational];
const key = (m: Mono): string => `${m[0][0]}/${m[0][1]},${m[1][0]}/${m[1][1]}`;

/** The terms of h as monomials S^a C^b (coefficients dropped), or undefined when h is not such a sum. */
function monomials(h: Expr, S: Sym, C: Sym): Mono[] | undefined {
  const terms = h.kind === 'add' ? h.args : [h];
  const out: Mono[] = [];
  for (const t of terms) {
    let a: Rational = rat(0n);
    let b: Rational = rat(0n);
    for (const f of t.kind === 'mul' ? t.args : [t]) {
      if (f.kind === 'num') continue;
      const [base, e] = f.kind === 'pow' ? [f.base, f.exp] : [f, numOf(rat(1n))];
      if (e.kind !== 'num') return undefined;
      if (base === S) a = radd(a, e.value);
      else if (base === C) b = radd(b, e.value);
      else return undefined;
    }
    out.push([a, b]);
  }
  return out;
}


/** Least squares by modified Gram–Schmidt with column dropping; undefined unless the fit is exact to rounding. */
function fit(A: number[][], b: number[]): number[] | undefined {
  const m = A.length;
  const n = A[0]!.length;
  const Q: number[][] = [];
  const R: number[][] = [];
  const kept: number[] = [];
  for (let j = 0; j < n; j++) {
    const v = A.map((r) => r[j]!);
    const n0 = Math.hypot(...v);
    if (n0 === 0) continue;
    const col: number[] = [];
    for (const q of Q) {
      let d = 0;
      for (let i = 0; i < m; i++) d += q[i]! * v[i]!;
      col.push(d);
      for (let i = 0; i < m; i++) v[i]! -= d * q[i]!;
    }
    const nn = Math.hypot(...v);
    if (nn < 1e-9 * n0) continue;
    Q.push(v.map((t) => t / nn));
    col.push(nn);
    R.push(col);
    kept.push(j);
  }
  if (kept.length === 0) return undefined;
  const y = Q.map((q) => q.reduce((s, t, i) => s + t * b[i]!, 0));
  const ck = new Array<number>(kept.length).fill(0);
  for (let r = kept.length - 1; r >= 0; r--) {
    let s = y[r]!;
    for (let j = r + 1; j < kept.length; j++) s -= R[j]![r]! * ck[j]!;
    ck[r] = s / R[r]![r]!;
  }
  const c = new Array<number>(n).fill(0);
  kept.forEach((j, r) => { c[j] = ck[r]!; });
  for (let i = 0; i < m; i++) {
    const v = A[i]!.reduce((s, a, j) => s + a * c[j]!, 0);
    const size = A[i]!.reduce((s, a, j) => s + Math.abs(a * c[j]!), 0);
    if (Math.abs(v - b[i]!) > 1e-7 * Math.max(1, Math.abs(b[i]!), size)) return undefined;
  }
  return c;
}

export const trigAnsatz: Method = (f, x) => {
  for (const hyper of [false, true]) {
    const info = commonArgument(f, x, hyper ? HYPER : TRIG);
    if (info === undefined) continue;
    const S = freshSymbol('S', f);
    const C = freshSymbol('C', f, S);
    const map = sinCosMap(info, hyper, S, C);
    const h = substituteMap(f, map);
    if (!free(h, x)) continue;
    const monos = monomials(h, S, C) ?? monomials(safeCancel(h) ?? h, S, C);
    if (monos === undefined || monos.length > 6) continue;
    // Only worth it when some exponent is fractional (integer ones are Bioche's business).
    if (!monos.some(([a, b]) => a[1] !== 1n || b[1] !== 1n)) continue;
    // S² + C² = 1 (C² − S² = 1) makes S^p C^(q+2) a combination of S^p C^q and S^(p+2) C^q: one exponent
    // ranges over a window of two consecutive values, so the candidate terms are independent.
    const [a0, b0] = monos[0]!;
    const whole = (r: Rational): boolean => r[1] === 1n;
    if (!monos.every(([a, b]) => whole(radd(a, [-a0[0], a0[1]])) && whole(radd(b, [-b0[0], b0[1]])))) continue;
    const wide = [-3, -2, -1, 0, 1, 2, 3];
    const windows: [number[], number[]][] = [];
    for (const w of [0, -1, 1, -2]) windows.push([wide, [w, w + 1]], [[w, w + 1], wide]);
    for (const [is, js] of windows) {
      const cand = new Map<string, Mono>();
      for (const i of is) {
        for (const j of js) {
          if ((i + j) % 2 !== 0) continue;
          const m: Mono = [radd(a0, rat(BigInt(i))), radd(b0, rat(BigInt(j)))];
          if (m[0][0] === 0n && m[1][0] === 0n) continue;
          cand.set(key(m), m);
        }
      }
      const F = fitTerms([...cand.values()], h, S, C, rtoNumber(info.g), hyper);
      if (F === undefined) continue;
      const t = add(mul(numOf(info.g), x), info.b);
      const sx = call(hyper ? 'sinh' : 'sin', [t]);
      const cx = call(hyper ? 'cosh' : 'cos', [t]);
      return leaf('int/trig-ansatz', f, x, add(...F.map(([r, [p, q]]) => mul(numOf(r), pow(sx, numOf(p)), pow(cx, numOf(q))))));
    }
  }
  return undefined;
};

/** Coefficients r with d/dt Σ r S^p C^q = h at sample points, recognised as rationals; undefined if none fit. */
function fitTerms(terms: Mono[], h: Expr, S: Sym, C: Sym, g: number, hyper: boolean): [Rational, Mono][] | undefined {
    const rows: number[][] = [];
    const rhs: number[] = [];
    const sgn = hyper ? 1 : -1;
    for (let k = 0; k < 160 && rows.length < terms.length + 12; k++) {
      const t = hyper ? -2.2 + 4.4 * ((0.5 + k * 0.618034) % 1) : 2 * Math.PI * ((0.5 + k * 0.618034) % 1);
      const s = hyper ? Math.sinh(t) : Math.sin(t);
      const c = hyper ? Math.cosh(t) : Math.cos(t);
      let fv: number;
      try {
        fv = evaluate(h, { [S.name]: s, [C.name]: c });
      } catch {
        continue;
      }
      if (!Number.isFinite(fv) || Math.abs(fv) > 1e6) continue;
      const row = terms.map(([p, q]) => {
        const pn = rtoNumber(p);
        const qn = rtoNumber(q);
        return g * (pn * Math.pow(s, pn - 1) * Math.pow(c, qn + 1) + sgn * qn * Math.pow(s, pn + 1) * Math.pow(c, qn - 1));
      });
      if (row.some((v) => !Number.isFinite(v) || Math.abs(v) > 1e8)) continue;
      rows.push(row);
      rhs.push(fv);
    }
    if (rows.length < terms.length + 4) return undefined;
    const c0 = fit(rows, rhs);
    if (c0 === undefined) return undefined;
    // Refit on the terms that matter: dropping the (numerically) zero ones improves the conditioning a lot.
    const big = Math.max(...c0.map(Math.abs));
    const keep = terms.map((_, i) => i).filter((i) => Math.abs(c0[i]!) > 1e-4 * big);
    const c1 = fit(rows.map((r) => keep.map((i) => r[i]!)), rhs);
    if (c1 === undefined) return undefined;
    const out: [Rational, Mono][] = [];
    for (let k = 0; k < keep.length; k++) {
      const r = Math.abs(c1[k]!) < 1e-10 ? rat(0n) : recogniseRational(c1[k]!, 5000, 1e-9);
      if (r === undefined) return undefined;
      if (r[0] !== 0n) out.push([r, terms[keep[k]!]!]);
    }
    return out.length === 0 ? undefined : out;
}
