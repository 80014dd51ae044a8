/**
 * Trigonometric candidates for `simplify`. In the polynomial picture, sin(u) = s and cos(u) = c are
 * independent variables tied by s² + c² = 1 (and cosh² − sinh² = 1); reducing a polynomial modulo that
 * relation in c (or in s) gives the representative of least degree in that variable, so sin(x)^2 + cos(x)^2
 * reduces to 1 and 1 − sin(x)^2 to cos(x)^2. Multiple angles sin(n u), cos(n u) are expanded by the
 * recurrence of (c + i s)^n (de Moivre) when a candidate needs them in terms of sin u and cos u.
 */
import { type Expr, add, call, children, isInteger, mul, neg, sub } from '../ast/expr.js';
import { Poly, divmodIn } from '../poly/index.js';
import { bottomUp } from '../rewrite/index.js';
import type { Kernels, RatFun } from './poly-bridge.js';
import { ALGEBRA_LIMITS } from './errors.js';

const PARTNER: Record<string, string> = { sin: 'cos', cos: 'sin', sinh: 'cosh', cosh: 'sinh' };

/** The missing partners (cos u for sin u, …) of the trigonometric kernels of K. */
export function trigPartners(K: Kernels): Expr[] {
  const out: Expr[] = [];
  for (const b of K.bases) {
    if (b.kind !== 'call' || !(b.fn in PARTNER)) continue;
    const p = call(PARTNER[b.fn]!, b.args);
    if (K.indexOf(p) === undefined && !out.includes(p)) out.push(p);
  }
  return out;
}

interface Pair {
  s: number;
  c: number;
  relation: Poly;
}

function pairs(K: Kernels): Pair[] {
  const out: Pair[] = [];
  const n = K.nvars;
  K.bases.forEach((b, si) => {
    if (b.kind !== 'call' || (b.fn !== 'sin' && b.fn !== 'sinh') || K.roots[si] !== 1) return;
    const ci = K.indexOf(call(b.fn === 'sin' ? 'cos' : 'cosh', b.args));
    if (ci === undefined || K.roots[ci] !== 1) return;
    const s2 = Poly.variable(n, si, 2);
    const c2 = Poly.variable(n, ci, 2);
    const one = Poly.one(n);
    out.push({ s: si, c: ci, relation: b.fn === 'sin' ? s2.add(c2).sub(one) : c2.sub(s2).sub(one) });
  });
  return out;
}

/** r reduced modulo the Pythagorean relations, one variant per choice of variable to eliminate. */
export function pythagoreanVariants(r: RatFun, K: Kernels): RatFun[] {
  const ps = pairs(K);
  if (ps.length === 0) return [];
  const choices: number[][] = [];
  if (ps.length <= 3) {
    for (let m = 0; m < 1 << ps.length; m++) choices.push(ps.map((_, k) => (m >> k) & 1));
  } else choices.push(ps.map(() => 0), ps.map(() => 1));
  return choices.map((ch) => {
    const red = (p: Poly): Poly => ps.reduce((acc, pr, k) => divmodIn(acc, pr.relation, ch[k] === 0 ? pr.c : pr.s).r, p);
    return { num: red(r.num), den: red(r.den) };
  });
}

/** sin(n u), cos(n u) (integer 2 ≤ |n| ≤ limit) written through sin u and cos u; undefined if none occur. */
export function expandMultipleAngles(e: Expr): Expr {
  return bottomUp(e, (x) => {
    if (x.kind !== 'call' || x.args.length !== 1) return x;
    const f = x.fn;
    if (f !== 'sin' && f !== 'cos' && f !== 'sinh' && f !== 'cosh') return x;
    const a = x.args[0]!;
    if (a.kind !== 'mul' || !isInteger(a.args[0]!)) return x;
    const n = Number(a.args[0].value[0]);
    if (Math.abs(n) < 2 || Math.abs(n) > ALGEBRA_LIMITS.maxMultipleAngle) return x;
    const u = mul(...a.args.slice(1));
    const hyper = f === 'sinh' || f === 'cosh';
    const s = call(hyper ? 'sinh' : 'sin', [u]);
    const c = call(hyper ? 'cosh' : 'cos', [u]);
    // (C_k, S_k) = (cos k u, sin k u): C_{k+1} = C_k c ∓ S_k s, S_{k+1} = S_k c + C_k s.
    let C: Expr = c;
    let S: Expr = s;
    for (let k = 1; k < Math.abs(n); k++) {
      const C1 = hyper ? add(mul(C, c), mul(S, s)) : sub(mul(C, c), mul(S, s));
      S = add(mul(S, c), mul(C, s));
      C = C1;
    }
    const sign = n < 0 ? -1 : 1;
    return f === 'cos' || f === 'cosh' ? C : sign < 0 ? neg(S) : S;
  });
}

/** Does e hold sin, cos, sinh or cosh? */
export function hasTrig(e: Expr): boolean {
  if (e.kind === 'call' && e.fn in PARTNER) return true;
  return children(e).some(hasTrig);
}
