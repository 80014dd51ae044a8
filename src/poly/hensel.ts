/**
 * Multifactor Hensel lifting over ℤ/p^k by a balanced factor tree, each edge lifted with the
 * quadratic two-factor step of J. von zur Gathen & J. Gerhard (2013), "Modern Computer Algebra",
 * 3rd ed., Algorithm 15.10 (after H. Zassenhaus (1969), "On Hensel factorization I", J. Number
 * Theory 1). Moduli need only satisfy m | m' | m², so the last step lands exactly on p^k.
 */
import { tick } from '../ast/budget.js';
import { pmul, pxgcd, pscale, type PPoly } from './modp.js';
import { type ZPoly, ztrim, zlc } from './zpoly.js';

const mod = (c: bigint, m: bigint): bigint => ((c % m) + m) % m;
const zmodm = (a: ZPoly, m: bigint): ZPoly => ztrim(a.map((c) => mod(c, m)));

function mulm(a: ZPoly, b: ZPoly, m: bigint): ZPoly {
  tick(1 + ((a.length * b.length) >> 6)); // the operation's budget (src/ast/budget.ts)
  if (a.length === 0 || b.length === 0) return [];
  const r = new Array<bigint>(a.length + b.length - 1).fill(0n);
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) r[i + j] += a[i]! * b[j]!;
  return zmodm(r, m);
}

function addm(a: ZPoly, b: ZPoly, m: bigint, sign = 1n): ZPoly {
  const n = Math.max(a.length, b.length);
  const r = new Array<bigint>(n);
  for (let i = 0; i < n; i++) r[i] = (a[i] ?? 0n) + sign * (b[i] ?? 0n);
  return zmodm(r, m);
}

/** Division with remainder by a monic polynomial modulo m. */
function divmodMonic(a: ZPoly, b: ZPoly, m: bigint): { q: ZPoly; r: ZPoly } {
  const r = a.slice();
  const db = b.length - 1;
  if (r.length <= db) return { q: [], r: zmodm(r, m) };
  const q = new Array<bigint>(r.length - db).fill(0n);
  for (let k = r.length - 1; k >= db; k--) {
    const c = mod(r[k]!, m);
    q[k - db] = c;
    if (c === 0n) continue;
    for (let j = 0; j <= db; j++) r[k - db + j]! -= c * b[j]!;
  }
  return { q: zmodm(q, m), r: zmodm(r.slice(0, db), m) };
}

const toZ = (a: PPoly): ZPoly => a.map(BigInt);

/**
 * Lift f ≡ g·h (mod p) to modulus M = p^k, where h is monic and s·g + t·h ≡ 1 (mod p).
 * Returns g, h with f ≡ g·h (mod M), h monic.
 */
function liftPair(f: ZPoly, g0: PPoly, h0: PPoly, p: number, M: bigint): { g: ZPoly; h: ZPoly } {
  const { s: s0, t: t0 } = pxgcd(g0, h0, p);
  let [g, h, s, t] = [toZ(g0), toZ(h0), toZ(s0), toZ(t0)];
  let m = BigInt(p);
  while (m < M) {
    const m2 = m * m < M ? m * m : M;
    const e = addm(f, mulm(g, h, m2), m2, -1n);
    const { q, r } = divmodMonic(mulm(s, e, m2), h, m2);
    const gs = addm(addm(g, mulm(t, e, m2), m2), mulm(q, g, m2), m2);
    const hs = addm(h, r, m2);
    const b = addm(addm(mulm(s, gs, m2), mulm(t, hs, m2), m2), [1n], m2, -1n);
    const { q: c, r: d } = divmodMonic(mulm(s, b, m2), hs, m2);
    s = addm(s, d, m2, -1n);
    t = addm(addm(t, mulm(t, b, m2), m2, -1n), mulm(c, gs, m2), m2, -1n);
    [g, h, m] = [gs, hs, m2];
  }
  return { g, h };
}

/**
 * Given f ∈ ℤ[x] with p ∤ lc(f) and distinct monic irreducible factors us over F_p with
 * f ≡ lc(f)·∏us (mod p), return monic ũ_i ∈ ℤ/M[x] (coefficients in [0, M)) with ũ_i ≡ u_i (mod p)
 * and f ≡ lc(f)·∏ũ_i (mod M).
 */
export function henselLift(f: ZPoly, us: readonly PPoly[], p: number, M: bigint): ZPoly[] {
  f = zmodm(f, M);
  if (us.length === 1) {
    const inv = inverseMod(zlc(f), M);
    return [zmodm(f.map((c) => c * inv), M)];
  }
  const half = us.length >> 1;
  const left = us.slice(0, half);
  const right = us.slice(half);
  const lcp = Number(mod(zlc(f), BigInt(p)));
  const g0 = pscale(left.reduce((a, b) => pmul(a, b, p), [1]), lcp, p);
  const h0 = right.reduce((a, b) => pmul(a, b, p), [1]);
  const { g, h } = liftPair(f, g0, h0, p, M);
  return [...henselLift(g, left, p, M), ...henselLift(h, right, p, M)];
}

/** Inverse of a modulo M (gcd(a, M) = 1), by the extended Euclidean algorithm on bigints. */
export function inverseMod(a: bigint, M: bigint): bigint {
  let [r0, r1] = [mod(a, M), M];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) throw new RangeError('not invertible');
  return mod(s0, M);
}


