/**
 * Roots of cubics and quartics by radicals.
 * - Cubic (G. Cardano, 1545, "Ars Magna"): x = t − a/3, t³ + p t + q = 0. With D = q²/4 + p³/27 > 0 there is one
 *   real root A + B (A, B the real cube roots of −q/2 ± √D) and the pair −(A + B)/2 ± i(√3/2)(A − B); with D < 0
 *   the three real roots in trigonometric form (F. Viète, 1615): t_k = 2m·cos(acos(−q/(2m³))/3 − 2πk/3), m = √(−p/3).
 * - Quartic (L. Ferrari, 1545): y⁴ + p y² + q y + r = (y² − S y + p/2 + m + q/(2S))(y² + S y + p/2 + m − q/(2S)) with
 *   S = √(2m), m > 0 a root of the resolvent 8m³ + 8p m² + (2p² − 8r) m − q² (preferably rational).
 */
import { type Expr, add, mul, pow, call, numOf, int, frac, HALF, neg, PI } from '../ast/expr.js';
import { type Rational, rat, rdiv, rmul, rsub, radd, rneg } from '../ast/rational.js';
import { factor as polyFactor } from '../poly/index.js';
import { type UPoly, toPoly, fromPoly, deg } from './upoly.js';
import type { Roots, RealRoot, PairRoot } from './roots.js';
import { num, shiftRoots, taylorShift } from './roots.js';

const R = (r: Rational): Expr => numOf(r);

/** The real cube root of w, whose sign is read from its value. */
function cbrt(w: Expr): Expr {
  return num(w) < 0 ? neg(pow(neg(w), frac(1, 3))) : pow(w, frac(1, 3));
}

/** Roots of a monic cubic. */
export function cubicRoots(d: UPoly): Roots | undefined {
  if (deg(d) !== 3) return undefined;
  const a = d[2]!;
  if (a[0] !== 0n) {
    const h = rdiv(rneg(a), rat(3n));
    const inner = cubicRoots(taylorShift(d, h));
    return inner && shiftRoots(inner, h);
  }
  const p = d[1] ?? rat(0n);
  const q = d[0]!;
  const D = radd(rdiv(rmul(q, q), rat(4n)), rdiv(rmul(p, rmul(p, p)), rat(27n)));
  const mq2 = R(rdiv(rneg(q), rat(2n)));
  if (D[0] > 0n) {
    const sD = pow(R(D), HALF);
    const A = cbrt(add(mq2, sD));
    const B = cbrt(add(mq2, neg(sD)));
    const real: RealRoot[] = [{ kind: 'real', e: add(A, B) }];
    const pair: PairRoot = {
      kind: 'pair', alpha: mul(int(-1), HALF, add(A, B)), beta: mul(HALF, pow(int(3), HALF), add(A, neg(B))),
      mod2: add(pow(A, int(2)), neg(mul(A, B)), pow(B, int(2))),
    };
    return { real, pairs: [pair] };
  }
  if (D[0] === 0n || p[0] >= 0n) return undefined;
  const m2 = rdiv(rneg(p), rat(3n)); // m² = −p/3 > 0
  const m = pow(R(m2), HALF);
  const c = mul(R(rdiv(rneg(q), rat(2n))), pow(R(m2), frac(-3, 2)));
  const phi = mul(frac(1, 3), call('acos', [c]));
  const real: RealRoot[] = [0, 1, 2].map((k) => ({
    kind: 'real', e: mul(int(2), m, call('cos', [add(phi, mul(frac(-2 * k, 3), PI))])),
  }));
  return { real, pairs: [] };
}

/** Roots of y² − s y + P (s, P real expressions). */
function quadraticFactor(s: Expr, P: Expr): Roots {
  const disc = add(pow(s, int(2)), mul(int(-4), P));
  if (num(disc) > 0) {
    const w = mul(HALF, pow(disc, HALF));
    const h = mul(HALF, s);
    return { real: [{ kind: 'real', e: add(h, w) }, { kind: 'real', e: add(h, neg(w)) }], pairs: [] };
  }
  return { real: [], pairs: [{ kind: 'pair', alpha: mul(HALF, s), beta: mul(HALF, pow(neg(disc), HALF)), mod2: P }] };
}

/** Roots of a monic quartic; `sub` gives closed-form roots of the resolvent cubic's factors. */
export function quarticRoots(d: UPoly, sub: (p: UPoly) => Roots | undefined): Roots | undefined {
  if (deg(d) !== 4) return undefined;
  const a = d[3]!;
  if (a[0] !== 0n) {
    const h = rdiv(rneg(a), rat(4n));
    const inner = quarticRoots(taylorShift(d, h), sub);
    return inner && shiftRoots(inner, h);
  }
  const [r, q, p] = [d[0]!, d[1] ?? rat(0n), d[2] ?? rat(0n)];
  if (q[0] === 0n) return undefined; // biquadratic: decomposition handles it
  const res: UPoly = [rneg(rmul(q, q)), rsub(rmul(rat(2n), rmul(p, p)), rmul(rat(8n), r)), rmul(rat(8n), p), rat(8n)];
  // a positive root m of the resolvent: rational when it has one, else in closed form
  let m: Expr | undefined;
  const facs = polyFactor(toPoly(res)).factors.map(([f]) => fromPoly(f)).filter((f) => deg(f) > 0);
  for (const f of facs) {
    if (deg(f) === 1) {
      const root = rdiv(rneg(f[0]!), f[1]!);
      if (root[0] > 0n) { m = R(root); break; }
    }
  }
  if (m === undefined) {
    for (const f of facs) {
      if (deg(f) === 1) continue;
      const rr = sub(f);
      const cand = rr?.real.filter((t) => num(t.e) > 1e-12).sort((u, v) => num(v.e) - num(u.e))[0];
      if (cand) { m = cand.e; break; }
    }
  }
  if (m === undefined) return undefined;
  const S = pow(mul(int(2), m), HALF);
  const base = add(mul(HALF, R(p)), m);
  const k = mul(R(q), HALF, pow(S, int(-1)));
  const f1 = quadraticFactor(S, add(base, k));
  const f2 = quadraticFactor(neg(S), add(base, neg(k)));
  return { real: [...f1.real, ...f2.real], pairs: [...f1.pairs, ...f2.pairs] };
}
