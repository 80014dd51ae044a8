/**
 * Dense univariate gcd over ℤ: the heuristic GCDHEU first (Char, Geddes & Gonnet 1989), then the
 * primitive-part subresultant remainder sequence (Collins 1967; Brown & Traub 1971) which always
 * answers. Result: integer content included, positive leading coefficient; zgcd(0, 0) = 0.
 */
import { bgcd } from '../ast/rational.js';
import { zgcdHeuristic } from './heugcd.js';
import { type ZPoly, zcontent, zdivExact, zlc, zprimitive, zscale, ztrim } from './zpoly.js';

export function zgcd(a: ZPoly, b: ZPoly, heuristic = true): ZPoly {
  a = ztrim(a);
  b = ztrim(b);
  if (a.length === 0) return zprimitiveKeep(b);
  if (b.length === 0) return zprimitiveKeep(a);
  const c = bgcd(zcontent(a), zcontent(b));
  if (a.length === 1 || b.length === 1) return [c];
  const h = heuristic ? zgcdHeuristic(a, b) : undefined;
  if (h) return h;
  let A = zprimitive(a);
  let B = zprimitive(b);
  if (A.length < B.length) [A, B] = [B, A];
  let g = 1n;
  let hh = 1n;
  for (;;) {
    const d = A.length - B.length;
    const r = zprem(A, B);
    if (r.length === 0) break;
    if (r.length === 1) return [c];
    A = B;
    B = r.map((x) => x / (g * hh ** BigInt(d)));
    g = zlc(A);
    hh = d === 0 ? hh : g ** BigInt(d) / hh ** BigInt(d - 1);
  }
  return zscale(zprimitive(B), c);
}

/** Pseudo-remainder of a by b (deg a ≥ deg b ≥ 0). */
export function zprem(a: ZPoly, b: ZPoly): ZPoly {
  const r = a.slice();
  const db = b.length - 1;
  const lb = zlc(b);
  let delta = a.length - b.length + 1;
  for (let k = r.length - 1; k >= db; k--) {
    const c = r[k]!;
    for (let j = 0; j <= k; j++) r[j]! *= lb;
    for (let j = 0; j <= db; j++) r[k - db + j]! -= c * b[j]!;
    delta--;
  }
  const f = lb ** BigInt(delta);
  return ztrim(r.slice(0, db).map((x) => x * f));
}

function zprimitiveKeep(a: ZPoly): ZPoly {
  return zlc(a) < 0n ? a.map((x) => -x) : a;
}

/** Exact quotient, throwing when b does not divide a (an internal invariant failed). */
export function zdiv(a: ZPoly, b: ZPoly): ZPoly {
  const q = zdivExact(a, b);
  if (!q) throw new Error('internal: inexact division in ℤ[x]');
  return q;
}


