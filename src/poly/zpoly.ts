/**
 * Dense univariate polynomials over ℤ: `bigint[]`, coefficient of x^k at index k, no trailing zeros
 * (the zero polynomial is `[]`). The fast internal representation for gcd and factorisation.
 */
import { tick } from '../ast/budget.js';
import { babs, bgcd } from '../ast/rational.js';

export type ZPoly = bigint[];

export function ztrim(a: ZPoly): ZPoly {
  let n = a.length;
  while (n > 0 && a[n - 1] === 0n) n--;
  return n === a.length ? a : a.slice(0, n);
}

export const zdeg = (a: ZPoly): number => a.length - 1;
export const zlc = (a: ZPoly): bigint => a[a.length - 1] ?? 0n;

export function zadd(a: ZPoly, b: ZPoly): ZPoly {
  const n = Math.max(a.length, b.length);
  const r = new Array<bigint>(n);
  for (let i = 0; i < n; i++) r[i] = (a[i] ?? 0n) + (b[i] ?? 0n);
  return ztrim(r);
}

export function zsub(a: ZPoly, b: ZPoly): ZPoly {
  const n = Math.max(a.length, b.length);
  const r = new Array<bigint>(n);
  for (let i = 0; i < n; i++) r[i] = (a[i] ?? 0n) - (b[i] ?? 0n);
  return ztrim(r);
}

export function zscale(a: ZPoly, c: bigint): ZPoly {
  return c === 0n ? [] : a.map((x) => x * c);
}

export function zmul(a: ZPoly, b: ZPoly): ZPoly {
  if (a.length === 0 || b.length === 0) return [];
  const r = new Array<bigint>(a.length + b.length - 1).fill(0n);
  for (let i = 0; i < a.length; i++) {
    const ai = a[i]!;
    if (ai === 0n) continue;
    for (let j = 0; j < b.length; j++) r[i + j] += ai * b[j]!;
  }
  return r;
}

/** a / b if b divides a exactly over ℤ, else undefined. */
export function zdivExact(a: ZPoly, b: ZPoly): ZPoly | undefined {
  tick(1 + ((a.length * b.length) >> 6)); // the operation's budget (src/ast/budget.ts)
  if (b.length === 0) throw new RangeError('division by the zero polynomial');
  if (a.length === 0) return [];
  if (a.length < b.length) return undefined;
  const r = a.slice();
  const lb = zlc(b);
  const db = b.length - 1;
  const q = new Array<bigint>(a.length - db).fill(0n);
  for (let k = a.length - 1; k >= db; k--) {
    const c = r[k]!;
    if (c === 0n) continue;
    if (c % lb !== 0n) return undefined;
    const qc = c / lb;
    q[k - db] = qc;
    for (let j = 0; j <= db; j++) r[k - db + j]! -= qc * b[j]!;
  }
  for (let k = 0; k < db; k++) if (r[k] !== 0n) return undefined;
  return q;
}

export function zcontent(a: ZPoly): bigint {
  let g = 0n;
  for (const c of a) {
    g = bgcd(g, c);
    if (g === 1n) break;
  }
  return g;
}

/** Primitive part with positive leading coefficient. */
export function zprimitive(a: ZPoly): ZPoly {
  if (a.length === 0) return a;
  let g = zcontent(a);
  if (zlc(a) < 0n) g = -g;
  return g === 1n ? a : a.map((c) => c / g);
}

export function zderiv(a: ZPoly): ZPoly {
  const r: bigint[] = [];
  for (let i = 1; i < a.length; i++) r.push(BigInt(i) * a[i]!);
  return ztrim(r);
}

export function zeval(a: ZPoly, x: bigint): bigint {
  let s = 0n;
  for (let i = a.length - 1; i >= 0; i--) s = s * x + a[i]!;
  return s;
}

export function zmaxNorm(a: ZPoly): bigint {
  let m = 0n;
  for (const c of a) if (babs(c) > m) m = babs(c);
  return m;
}

/** Euclidean norm rounded up: ⌈‖a‖₂⌉. */
export function zl2NormCeil(a: ZPoly): bigint {
  let s = 0n;
  for (const c of a) s += c * c;
  return isqrtCeil(s);
}

export function isqrtCeil(n: bigint): bigint {
  if (n <= 0n) return 0n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2) + 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) break;
    x = y;
  }
  while (x * x > n) x--;
  return x * x === n ? x : x + 1n;
}

export function zequal(a: ZPoly, b: ZPoly): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

/** a(x + c) by Horner's scheme (Taylor shift). */
export function zshift(a: ZPoly, c: bigint): ZPoly {
  const r = a.slice();
  const n = r.length;
  for (let i = 0; i < n - 1; i++) for (let j = n - 2; j >= i; j--) r[j]! += c * r[j + 1]!;
  return r;
}
