/**
 * Multivariate heuristic gcd over ℤ: evaluate one variable at a large integer ξ, take the gcd of the
 * images recursively, and lift it back by symmetric ξ-adic expansion of its coefficients — the
 * multivariate form of GCDHEU in B. W. Char, K. O. Geddes & G. H. Gonnet (1989), J. Symbolic
 * Computation 7, §5. Candidates are accepted only after exact trial division of both inputs; when
 * the heuristic gives up the caller falls back to the subresultant algorithm.
 */
import { bgcd, babs } from '../ast/rational.js';
import { Poly } from './poly.js';
import { tryDivide } from './division.js';
import { coefficientsIn, fromCoefficientsIn } from './structure.js';

type GcdZ = (a: Poly, b: Poly) => Poly;

/** Give up once the evaluated coefficients would pass this many bits. */
const MAX_BITS = 4000;

/**
 * gcd of integer polynomials a, b (both non-constant, sharing variable v), or undefined.
 * `inner` computes gcds over ℤ in the remaining variables.
 */
export function heuristicGcdMulti(a: Poly, b: Poly, v: number, inner: GcdZ): Poly | undefined {
  const ca = intContent(a);
  const cb = intContent(b);
  const c = bgcd(ca, cb);
  const A = a.scale([1n, ca]);
  const B = b.scale([1n, cb]);
  const ma = maxNorm(A);
  const mb = maxNorm(B);
  let xi = 2n * (ma < mb ? ma : mb) + 29n;
  const deg = Math.max(A.degree(v), B.degree(v));
  for (let attempt = 0; attempt < 6; attempt++) {
    if (bits(xi) * deg + bits(ma > mb ? ma : mb) > MAX_BITS) return undefined;
    const gamma = inner(evalInt(A, v, xi), evalInt(B, v, xi));
    if (!gamma.isZero()) {
      let G = lift(gamma, v, xi);
      const g = intContent(G);
      G = G.scale([G.lc()[0] < 0n ? -1n : 1n, g]);
      if (!G.isConstant() || G.constantValue()[0] === 1n) {
        if (tryDivide(A, G) && tryDivide(B, G)) return G.scale(c);
      }
    }
    xi = (xi * 73794n) / 27011n;
  }
  return undefined;
}

/** p with x_v = ξ, by Horner over the coefficients in x_v. */
function evalInt(p: Poly, v: number, xi: bigint): Poly {
  const cs = coefficientsIn(p, v);
  let r = Poly.zero(p.nvars);
  for (let k = cs.length - 1; k >= 0; k--) r = r.scale(xi).add(cs[k]!);
  return r;
}

/** Σ_i g_i x_v^i with γ = Σ g_i ξ^i and each coefficient of g_i in (−ξ/2, ξ/2]. */
function lift(gamma: Poly, v: number, xi: bigint): Poly {
  const digits: Poly[] = [];
  const half = xi / 2n;
  let rest = gamma;
  while (!rest.isZero()) {
    const d = Poly.fromTerms(
      rest.nvars,
      rest.terms.map((t) => {
        let r = t.coef[0] % xi;
        if (r > half) r -= xi;
        else if (r < -half) r += xi;
        return { exp: t.exp, coef: r };
      }),
    );
    digits.push(d);
    rest = rest.sub(d).scale([1n, xi]);
  }
  return fromCoefficientsIn(gamma.nvars, v, digits);
}

function intContent(p: Poly): bigint {
  let g = 0n;
  for (const t of p.terms) {
    g = bgcd(g, t.coef[0]);
    if (g === 1n) break;
  }
  return g === 0n ? 1n : g;
}

function maxNorm(p: Poly): bigint {
  let m = 0n;
  for (const t of p.terms) if (babs(t.coef[0]) > m) m = babs(t.coef[0]);
  return m;
}

const bits = (n: bigint): number => n.toString(2).length;
