/**
 * Monomials as exponent vectors. Position i of the vector is the exponent of the i-th variable of
 * the caller's variable list. Terms are ordered lexicographically with x0 > x1 > … .
 */
export type Exponents = readonly number[];

/** Lexicographic comparison: positive when a > b. */
export function lexCompare(a: Exponents, b: Exponents): number {
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d;
  }
  return 0;
}

export function monoMul(a: Exponents, b: Exponents): number[] {
  const r = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) r[i] = a[i]! + b[i]!;
  return r;
}

/** a / b when b divides a, otherwise undefined. */
export function monoDiv(a: Exponents, b: Exponents): number[] | undefined {
  const r = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!;
    if (d < 0) return undefined;
    r[i] = d;
  }
  return r;
}

export function monoKey(a: Exponents): string {
  return a.join(',');
}

export function monoDegree(a: Exponents): number {
  let s = 0;
  for (const e of a) s += e;
  return s;
}

export function zeroExponents(n: number): number[] {
  return new Array<number>(n).fill(0);
}
