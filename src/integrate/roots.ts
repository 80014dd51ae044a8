/**
 * Roots in closed form of an irreducible polynomial over ℚ, as real expressions: each real root r, and each pair
 * of complex conjugate roots α ± iβ with |r|² (and, when it is known, the polar form r = ρ·e^{iθ}).
 *
 * Tried in order (the first that applies gives the tidiest spelling):
 *  1. d divides xᴺ − c for some small N (x^N ≡ c mod d; cyclotomic factors, binomials and their factors): the roots
 *     are among c^{1/N}·e^{iπ(2j + [c<0])/N}, picked out numerically and checked.
 *  2. d = P(xᵏ) (functional decomposition by a monomial), the roots of P in closed form (recursively), then their
 *     k-th roots: by half-angle radicals for k a power of two, by the polar form otherwise.
 *  3. degree 3 and 4: Cardano's and Ferrari's formulas (rootsCubic.ts).
 * Every result is checked: the root expressions, evaluated, must be deg d distinct zeros of d.
 */
import { type Expr, add, mul, pow, call, numOf, int, HALF, neg, PI } from '../ast/expr.js';
import { type Rational, rat, rdiv, rneg, rmul, rsub, radd, bgcd, rcmp } from '../ast/rational.js';
import { evaluate } from '../eval/evaluate.js';
import { type UPoly, deg, lc, mulP, divmodP, X, monicP } from './upoly.js';
import { cosPi, sinPi } from './rootsTrig.js';
import { cubicRoots, quarticRoots } from './rootsCubic.js';

export interface Polar {
  readonly rho: Expr;
  /** θ = qπ when q is given, else `theta`. */
  readonly q?: Rational;
  readonly theta?: Expr;
}
export interface RealRoot { readonly kind: 'real'; readonly e: Expr }
/** The conjugate pair α ± iβ; `mod2` = α² + β². */
export interface PairRoot { readonly kind: 'pair'; readonly alpha: Expr; readonly beta: Expr; readonly mod2: Expr; readonly polar?: Polar }
export interface Roots { readonly real: RealRoot[]; readonly pairs: PairRoot[] }

/** Largest degree handled. */
export const MAX_ROOT_DEGREE = 24;

export const num = (e: Expr): number => {
  try {
    return evaluate(e);
  } catch {
    return NaN;
  }
};

/** Shift-invariant magnitude of d's terms at |z|, for relative zero tests. */
function scale(d: UPoly, m: number): number {
  let s = 0;
  d.forEach((c, k) => { s += Math.abs(Number(c[0]) / Number(c[1])) * m ** k; });
  return s;
}

function evalC(d: UPoly, re: number, im: number): [number, number] {
  let [a, b] = [0, 0];
  for (let k = d.length - 1; k >= 0; k--) {
    const c = Number(d[k]![0]) / Number(d[k]![1]);
    [a, b] = [a * re - b * im + c, a * im + b * re];
  }
  return [a, b];
}

/** Are the roots exactly deg d distinct zeros of d, numerically? */
export function checkRoots(d: UPoly, r: Roots): boolean {
  const pts: [number, number][] = [];
  for (const t of r.real) pts.push([num(t.e), 0]);
  for (const p of r.pairs) {
    const [a, b] = [num(p.alpha), num(p.beta)];
    if (!(Math.abs(b) > 1e-9) || Math.abs(num(p.mod2) - (a * a + b * b)) > 1e-8 * Math.max(1, a * a + b * b)) return false;
    pts.push([a, b], [a, -b]);
  }
  if (pts.length !== deg(d)) return false;
  for (const [a, b] of pts) {
    if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
    const [u, v] = evalC(d, a, b);
    if (Math.hypot(u, v) > 1e-8 * scale(d, Math.hypot(a, b))) return false;
  }
  for (let i = 0; i < pts.length; i++) {
    for (let j = i + 1; j < pts.length; j++) {
      const m = Math.max(1, Math.hypot(...pts[i]!));
      if (Math.hypot(pts[i]![0] - pts[j]![0], pts[i]![1] - pts[j]![1]) < 1e-7 * m) return false;
    }
  }
  return true;
}

/** The N-th roots of c (c ≠ 0 rational) that are zeros of d. */
function binomialRoots(d: UPoly, N: number, c: Rational): Roots | undefined {
  const neg0 = c[0] < 0n;
  const rho = pow(numOf(neg0 ? rneg(c) : c), numOf(rat(1n, BigInt(N))));
  const rhov = num(rho);
  const real: RealRoot[] = [];
  const pairs: PairRoot[] = [];
  for (let j = 0; j < N; j++) {
    const q = rat(BigInt(2 * j + (neg0 ? 1 : 0)), BigInt(N)); // θ = qπ ∈ [0, 2)
    if (rcmp(q, rat(1n)) > 0) continue; // the conjugate of a root with θ ∈ (0, π)
    const th = Number(q[0]) / Number(q[1]) * Math.PI;
    const [u, v] = evalC(d, rhov * Math.cos(th), rhov * Math.sin(th));
    if (Math.hypot(u, v) > 1e-7 * scale(d, rhov)) continue;
    if (q[0] === 0n) real.push({ kind: 'real', e: rho });
    else if (q[0] === q[1]) real.push({ kind: 'real', e: neg(rho) });
    else pairs.push({ kind: 'pair', alpha: mul(rho, cosPi(q)), beta: mul(rho, sinPi(q)), mod2: pow(rho, int(2)), polar: { rho, q } });
  }
  return { real, pairs };
}

/** The smallest N ≤ limit with x^N ≡ c (mod d), c a rational constant. */
function binomialMultiple(d: UPoly, limit: number): [number, Rational] | undefined {
  let p: UPoly = [rat(1n)];
  for (let N = 1; N <= limit; N++) {
    p = divmodP(mulP(p, X), d).r;
    if (N >= deg(d) && p.length <= 1) return p.length === 1 ? [N, p[0]!] : undefined;
    if (p.some((c) => c[1] > 1n << 256n || c[0] > 1n << 256n || -c[0] > 1n << 256n)) return undefined;
  }
  return undefined;
}

/** The k-th roots of the roots of P, where d = P(x^k). */
function kthRoots(P: Roots, k: number): Roots {
  const real: RealRoot[] = [];
  const pairs: PairRoot[] = [];
  for (const y of P.real) {
    const yv = num(y.e);
    const abs = yv < 0 ? negE(y.e) : y.e;
    const rho = pow(abs, numOf(rat(1n, BigInt(k))));
    for (let j = 0; j < k; j++) {
      const q = rat(BigInt(2 * j + (yv < 0 ? 1 : 0)), BigInt(k));
      if (rcmp(q, rat(1n)) > 0) continue;
      if (q[0] === 0n) real.push({ kind: 'real', e: rho });
      else if (q[0] === q[1]) real.push({ kind: 'real', e: neg(rho) });
      else pairs.push({ kind: 'pair', alpha: mul(rho, cosPi(q)), beta: mul(rho, sinPi(q)), mod2: pow(rho, int(2)), polar: { rho, q } });
    }
  }
  for (const y of P.pairs) {
    if ((k & (k - 1)) === 0) {
      // square roots by halves: √(α + iβ) = ±(√((R + α)/2) + i·sgn(β)·√((R − α)/2)), R = |y|
      let cur: PairRoot[] = [y];
      for (let m = k; m > 1; m >>= 1) {
        const next: PairRoot[] = [];
        for (const z of cur) {
          const R = pow(z.mod2, HALF);
          const a = pow(mul(HALF, add(R, z.alpha)), HALF);
          const b0 = pow(mul(HALF, add(R, neg(z.alpha))), HALF);
          const b = num(z.beta) < 0 ? neg(b0) : b0;
          next.push({ kind: 'pair', alpha: a, beta: b, mod2: R }, { kind: 'pair', alpha: neg(a), beta: neg(b), mod2: R });
        }
        cur = next;
      }
      pairs.push(...cur);
      continue;
    }
    // polar form: y = R e^{iφ}, x = R^{1/k} e^{i(φ + 2πj)/k}
    const R = pow(y.mod2, HALF);
    const phi0 = call('acos', [mul(y.alpha, pow(R, int(-1)))]);
    const phi = num(y.beta) < 0 ? neg(phi0) : phi0;
    const rho = pow(y.mod2, numOf(rat(1n, BigInt(2 * k))));
    for (let j = 0; j < k; j++) {
      const theta = mul(numOf(rat(1n, BigInt(k))), add(phi, mul(int(2 * j), PI)));
      pairs.push({
        kind: 'pair', alpha: mul(rho, call('cos', [theta])), beta: mul(rho, call('sin', [theta])),
        mod2: pow(y.mod2, numOf(rat(1n, BigInt(k)))), polar: { rho, theta },
      });
    }
  }
  return { real, pairs };
}

/** √r for a rational r > 0 with the square factors taken out: √(8/3) = (2/3)·√6. */
export function sqrtQ(r: Rational): Expr {
  let m = r[0] * r[1];
  let out = 1n;
  for (let p = 2n; p * p <= m && p < 1000n; p++) {
    while (m % (p * p) === 0n) { m /= p * p; out *= p; }
  }
  return mul(numOf(rat(out, r[1])), pow(numOf(rat(m)), HALF));
}

/** −e, distributed over a sum. */
export const negE = (e: Expr): Expr => (e.kind === 'add' ? add(...e.args.map((t) => neg(t))) : neg(e));

/** Roots of an irreducible quadratic a y² + b y + c. */
export function quadraticRoots(P: UPoly): Roots {
  const [c, b, a] = [P[0]!, P[1]!, P[2]!];
  const disc = rsub(rmul(b, b), rmul(rat(4n), rmul(a, c)));
  const alpha = numOf(rdiv(rneg(b), rmul(rat(2n), a)));
  const h = rdiv(rat(1n), rmul(rat(2n), a));
  if (disc[0] > 0n) {
    const s = mul(numOf(h), sqrtQ(disc));
    return { real: [{ kind: 'real', e: add(alpha, s) }, { kind: 'real', e: add(alpha, neg(s)) }], pairs: [] };
  }
  return { real: [], pairs: [{ kind: 'pair', alpha, beta: mul(numOf(h), sqrtQ(rneg(disc))), mod2: numOf(rdiv(c, a)) }] };
}

function gcdExponent(d: UPoly): number {
  let g = 0n;
  d.forEach((c, k) => { if (k > 0 && c[0] !== 0n) g = bgcd(g, BigInt(k)); });
  return Number(g);
}

/** The closed-form roots of d (irreducible over ℚ, square-free), or undefined. */
export function closedFormRoots(d0: UPoly, depth = 0): Roots | undefined {
  const d = monicP(d0);
  const n = deg(d);
  if (n < 1 || n > MAX_ROOT_DEGREE || depth > 3) return undefined;
  if (n === 1) return { real: [{ kind: 'real', e: numOf(rneg(d[0]!)) }], pairs: [] };
  if (n === 2) return quadraticRoots(d);
  const ok = (r: Roots | undefined): Roots | undefined => (r !== undefined && checkRoots(d, r) ? r : undefined);
  const bm = binomialMultiple(d, Math.min(6 * n, 120));
  if (bm !== undefined) {
    const r = ok(binomialRoots(d, bm[0], bm[1]));
    if (r) return r;
  }
  const k = gcdExponent(d);
  if (k > 1) {
    const P: UPoly = d.filter((_, i) => i % k === 0);
    const pr = closedFormRoots(P, depth + 1);
    const r = pr && ok(kthRoots(pr, k));
    if (r) return r;
  }
  if (n === 3) return ok(cubicRoots(d));
  if (n === 4) return ok(quarticRoots(d, (p) => closedFormRoots(p, depth + 1)));
  return undefined;
}

/** The roots of d(y + h), moved back to x = y + h (the polar forms no longer apply and are dropped). */
export function shiftRoots(r: Roots, h: Rational): Roots {
  const H = numOf(h);
  return {
    real: r.real.map((t) => ({ kind: 'real', e: add(t.e, H) })),
    pairs: r.pairs.map((p) => ({
      kind: 'pair', alpha: add(p.alpha, H), beta: p.beta,
      mod2: add(p.mod2, mul(int(2), H, p.alpha), numOf(rmul(h, h))),
    })),
  };
}

/** d(x + h) by Horner's scheme. */
export function taylorShift(d: UPoly, h: Rational): UPoly {
  let out: UPoly = [];
  for (let k = d.length - 1; k >= 0; k--) {
    const t = mulP(out, [h, rat(1n)]);
    const c = [...t];
    c[0] = radd(c[0] ?? rat(0n), d[k]!);
    out = c.every((z) => z[0] === 0n) ? [] : c;
  }
  return out;
}
void lc;
