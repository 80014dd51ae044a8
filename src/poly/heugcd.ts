/**
 * Heuristic univariate gcd over ℤ by evaluation at a large integer and symmetric ξ-adic
 * reconstruction — B. W. Char, K. O. Geddes & G. H. Gonnet (1989), "GCDHEU: Heuristic polynomial
 * GCD algorithm based on integer GCD computation", J. Symbolic Computation 7. The candidate is only
 * accepted after exact trial division, so a wrong guess costs time, never correctness.
 */
import { bgcd, babs } from '../ast/rational.js';
import { type ZPoly, zcontent, zdivExact, zeval, zmaxNorm, zprimitive, ztrim } from './zpoly.js';

/** Dense gcd over ℤ (integer content included, positive leading coefficient) or undefined. */
export function zgcdHeuristic(A: ZPoly, B: ZPoly): ZPoly | undefined {
  const ca = zcontent(A);
  const cb = zcontent(B);
  const c = bgcd(ca, cb);
  const pa = zprimitive(A);
  const pb = zprimitive(B);
  const deg = Math.max(pa.length, pb.length);
  let xi = 2n * minBig(zmaxNorm(pa), zmaxNorm(pb)) + 29n;
  for (let attempt = 0; attempt < 6; attempt++) {
    if (xi.toString(2).length * deg > 200_000) return undefined;
    const gamma = bgcd(zeval(pa, xi), zeval(pb, xi));
    const G = zprimitive(reconstruct(gamma, xi));
    if (G.length > 0 && zdivExact(pa, G) && zdivExact(pb, G)) return G.map((x) => x * c);
    xi = (xi * 73794n) / 27011n;
  }
  return undefined;
}

function reconstruct(gamma: bigint, xi: bigint): ZPoly {
  const out: bigint[] = [];
  const half = xi / 2n;
  while (gamma !== 0n) {
    let r = gamma % xi;
    if (r > half) r -= xi;
    else if (r < -half) r += xi;
    out.push(r);
    gamma = (gamma - r) / xi;
  }
  return ztrim(out);
}

function minBig(a: bigint, b: bigint): bigint {
  return babs(a) < babs(b) ? a : b;
}
