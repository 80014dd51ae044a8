/**
 * Dense univariate polynomials over the prime field F_p with p < 2^26, coefficients as JS numbers in
 * [0, p) (so a product of two fits exactly in a double), index k holding the coefficient of x^k.
 */
import { tick } from '../ast/budget.js';
export type PPoly = number[];

export function ptrim(a: PPoly): PPoly {
  let n = a.length;
  while (n > 0 && a[n - 1] === 0) n--;
  return n === a.length ? a : a.slice(0, n);
}

export const pdeg = (a: PPoly): number => a.length - 1;

export function pfromZ(a: readonly bigint[], p: number): PPoly {
  const P = BigInt(p);
  return ptrim(a.map((c) => Number(((c % P) + P) % P)));
}

export function modInverse(a: number, p: number): number {
  let [r0, r1] = [a % p, p];
  let [s0, s1] = [1, 0];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1) throw new RangeError(`${a} is not invertible modulo ${p}`);
  return ((s0 % p) + p) % p;
}

export function padd(a: PPoly, b: PPoly, p: number): PPoly {
  const n = Math.max(a.length, b.length);
  const r = new Array<number>(n);
  for (let i = 0; i < n; i++) r[i] = ((a[i] ?? 0) + (b[i] ?? 0)) % p;
  return ptrim(r);
}

export function psub(a: PPoly, b: PPoly, p: number): PPoly {
  const n = Math.max(a.length, b.length);
  const r = new Array<number>(n);
  for (let i = 0; i < n; i++) r[i] = ((a[i] ?? 0) - (b[i] ?? 0) + p) % p;
  return ptrim(r);
}

export function pscale(a: PPoly, c: number, p: number): PPoly {
  return ptrim(a.map((x) => (x * c) % p));
}

export function pmul(a: PPoly, b: PPoly, p: number): PPoly {
  tick(1 + ((a.length * b.length) >> 6)); // the operation's budget (src/ast/budget.ts)
  if (a.length === 0 || b.length === 0) return [];
  const r = new Array<number>(a.length + b.length - 1).fill(0);
  for (let i = 0; i < a.length; i++) {
    const ai = a[i]!;
    if (ai === 0) continue;
    for (let j = 0; j < b.length; j++) r[i + j] = (r[i + j]! + ai * b[j]!) % p;
  }
  return ptrim(r);
}

export function pdivmod(a: PPoly, b: PPoly, p: number): { q: PPoly; r: PPoly } {
  tick(1 + ((a.length * b.length) >> 6)); // the operation's budget (src/ast/budget.ts)
  if (b.length === 0) throw new RangeError('division by the zero polynomial mod p');
  const r = a.slice();
  const db = b.length - 1;
  if (r.length <= db) return { q: [], r: ptrim(r) };
  const inv = modInverse(b[db]!, p);
  const q = new Array<number>(r.length - db).fill(0);
  for (let k = r.length - 1; k >= db; k--) {
    const c = (r[k]! * inv) % p;
    if (c === 0) continue;
    q[k - db] = c;
    for (let j = 0; j <= db; j++) r[k - db + j] = (r[k - db + j]! - ((c * b[j]!) % p) + p) % p;
  }
  return { q: ptrim(q), r: ptrim(r.slice(0, db)) };
}

export const pmod = (a: PPoly, b: PPoly, p: number): PPoly => pdivmod(a, b, p).r;

export function pmonic(a: PPoly, p: number): PPoly {
  if (a.length === 0) return a;
  return pscale(a, modInverse(a[a.length - 1]!, p), p);
}

/** Monic gcd (0 for gcd(0, 0)). */
export function pgcd(a: PPoly, b: PPoly, p: number): PPoly {
  while (b.length > 0) [a, b] = [b, pmod(a, b, p)];
  return pmonic(a, p);
}

/** Extended Euclid: s·a + t·b = g with g monic. */
export function pxgcd(a: PPoly, b: PPoly, p: number): { g: PPoly; s: PPoly; t: PPoly } {
  let [r0, r1] = [a, b];
  let [s0, s1]: PPoly[] = [[1], []];
  let [t0, t1]: PPoly[] = [[], [1]];
  while (r1.length > 0) {
    const { q, r } = pdivmod(r0, r1, p);
    [r0, r1] = [r1, r];
    [s0, s1] = [s1, psub(s0, pmul(q, s1, p), p)];
    [t0, t1] = [t1, psub(t0, pmul(q, t1, p), p)];
  }
  const inv = r0.length > 0 ? modInverse(r0[r0.length - 1]!, p) : 1;
  return { g: pscale(r0, inv, p), s: pscale(s0, inv, p), t: pscale(t0, inv, p) };
}

/** base^e mod m for a non-negative bigint exponent. */
export function ppowmod(base: PPoly, e: bigint, m: PPoly, p: number): PPoly {
  let result: PPoly = [1];
  let b = pmod(base, m, p);
  while (e > 0n) {
    if (e & 1n) result = pmod(pmul(result, b, p), m, p);
    e >>= 1n;
    if (e > 0n) b = pmod(pmul(b, b, p), m, p);
  }
  return pmod(result, m, p);
}

export function pderiv(a: PPoly, p: number): PPoly {
  const r: number[] = [];
  for (let i = 1; i < a.length; i++) r.push((i % p) * a[i]! % p);
  return ptrim(r);
}
