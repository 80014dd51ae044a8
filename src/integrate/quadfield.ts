/**
 * The Rothstein–Trager logarithmic part when the resultant has an irreducible quadratic factor r(t): its two
 * roots α ± β√Δ lie in ℚ(√Δ), the gcds g = gcd(A − t D', D) are computed there, and the conjugate pair of
 * logarithms is written in real form: with g = P + √Δ·Q,
 *   Δ > 0:  α log|P² − ΔQ²| + β√Δ log|(P + √Δ Q)/(P − √Δ Q)|
 *   Δ < 0:  α log(P² − ΔQ²) − 2β√(−Δ) atan(√(−Δ) Q / P)      (the argument of P + i√(−Δ) Q).
 * (Rioboo's 1991 rewriting of the atan into atans of polynomials, which removes jumps, is not applied here; the
 * definite integrator checks continuity before using such an antiderivative.)
 */
import { type Expr, add, mul, pow, call, numOf, HALF, int } from '../ast/expr.js';
import { type Rational, rat, radd, rsub, rmul, rdiv, rneg, ZERO as RZERO, ONE as RONE } from '../ast/rational.js';
import { type UPoly, derivP, norm, toExprP, subP, mulP } from './upoly.js';

type QF = readonly [Rational, Rational];
type QPoly = QF[];

const isZ = (a: QF): boolean => a[0][0] === 0n && a[1][0] === 0n;

function field(delta: Rational) {
  const m = (a: QF, b: QF): QF => [radd(rmul(a[0], b[0]), rmul(rmul(a[1], b[1]), delta)), radd(rmul(a[0], b[1]), rmul(a[1], b[0]))];
  const inv = (a: QF): QF => {
    const n = rsub(rmul(a[0], a[0]), rmul(rmul(a[1], a[1]), delta));
    return [rdiv(a[0], n), rneg(rdiv(a[1], n))];
  };
  const s = (a: QF, b: QF): QF => [rsub(a[0], b[0]), rsub(a[1], b[1])];
  const trim = (p: QPoly): QPoly => {
    let n = p.length;
    while (n > 0 && isZ(p[n - 1]!)) n--;
    return p.slice(0, n);
  };
  const rem = (a: QPoly, b: QPoly): QPoly => {
    const r = [...a];
    const ib = inv(b[b.length - 1]!);
    for (let k = a.length - b.length; k >= 0; k--) {
      const c = m(r[k + b.length - 1]!, ib);
      if (isZ(c)) continue;
      for (let j = 0; j < b.length; j++) r[k + j] = s(r[k + j]!, m(c, b[j]!));
    }
    return trim(r.slice(0, b.length - 1));
  };
  const gcd = (a: QPoly, b: QPoly): QPoly => {
    a = trim(a);
    b = trim(b);
    while (b.length > 0) [a, b] = [b, rem(a, b)];
    const il = inv(a[a.length - 1]!);
    return a.map((c) => m(c, il));
  };
  return { gcd };
}

/** Real form of ∑_{r(c) = 0} c·log(gcd(a − c d', d)) for an irreducible quadratic r. */
export function logPartQuadratic(a: UPoly, d: UPoly, r: UPoly, x: Expr): Expr | undefined {
  const [r0, r1, r2] = [r[0]!, r[1]!, r[2]!];
  const delta = rsub(rmul(r1, r1), rmul(rat(4n), rmul(r2, r0)));
  const alpha = rdiv(rneg(r1), rmul(rat(2n), r2));
  const beta = rdiv(RONE, rmul(rat(2n), r2));
  const F = field(delta);
  const dp = derivP(d);
  const lift = (p: UPoly): QPoly => p.map((c) => [c, RZERO] as QF);
  // a − (α + β√Δ) d'
  const n = Math.max(a.length, dp.length);
  const poly: QPoly = [];
  for (let k = 0; k < n; k++) {
    const ak = a[k] ?? RZERO;
    const dk = dp[k] ?? RZERO;
    poly.push([rsub(ak, rmul(alpha, dk)), rneg(rmul(beta, dk))]);
  }
  const g = F.gcd(poly, lift(d));
  if (g.length < 2) return undefined;
  const P = norm(g.map((c) => c[0]));
  const Q = norm(g.map((c) => c[1]));
  const sq = (p: UPoly): UPoly => mulP(p, p);
  const normPoly = subP(sq(P), mulP(sq(Q), [delta]));
  const Px = toExprP(P, x);
  const Qx = toExprP(Q, x);
  const terms: Expr[] = [];
  if (delta[0] > 0n) {
    const w = pow(numOf(delta), HALF);
    if (alpha[0] !== 0n) terms.push(mul(numOf(alpha), call('log', [call('abs', [toExprP(normPoly, x)])])));
    const ratio = mul(add(Px, mul(w, Qx)), pow(add(Px, mul(int(-1), w, Qx)), int(-1)));
    terms.push(mul(numOf(beta), w, call('log', [call('abs', [ratio])])));
  } else {
    const s = pow(numOf(rneg(delta)), HALF);
    if (alpha[0] !== 0n) terms.push(mul(numOf(alpha), call('log', [toExprP(normPoly, x)])));
    terms.push(mul(int(-2), numOf(beta), s, call('atan', [mul(s, Qx, pow(Px, int(-1)))])));
  }
  return add(...terms);
}
