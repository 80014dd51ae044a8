/**
 * Exact determinants.
 * - Rational entries: each row is scaled to integers, then Bareiss's fraction-free elimination runs on BigInt
 *   (E. H. Bareiss, 1968, "Sylvester's identity and multistep integer-preserving Gaussian elimination",
 *   Math. Comp. 22): every division is exact, and intermediate entries are minors, so they stay small.
 * - Symbolic entries: Laplace (cofactor) expansion along the sparsest row for n ≤ 4, otherwise Bareiss with
 *   the exact divisions done by `cancel`. The result is expanded, so `det([[a, b], [c, d]])` is `a d - b c`.
 */
import { type Expr, MINUS_ONE, ZERO, add, mul, numOf, neg, pow } from '../../ast/expr.js';
import { type Rational, rat } from '../../ast/rational.js';
import { expand } from '../../simplify/index.js';
import { allRational, isZeroEntry, normal } from './field.js';
import { type ExprMatrix, requireSquare } from './matrix.js';

const babs = (a: bigint): bigint => (a < 0n ? -a : a);
const bgcd = (a: bigint, b: bigint): bigint => {
  a = babs(a);
  b = babs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};

/** Determinant of an integer matrix by Bareiss elimination with row pivoting; `m` is overwritten. */
export function bareissInteger(m: bigint[][]): bigint {
  const n = m.length;
  let sign = 1n;
  let prev = 1n;
  for (let k = 0; k < n - 1; k++) {
    if (m[k]![k] === 0n) {
      let p = k + 1;
      while (p < n && m[p]![k] === 0n) p++;
      if (p === n) return 0n;
      [m[k], m[p]] = [m[p]!, m[k]!];
      sign = -sign;
    }
    const rk = m[k]!;
    const pivot = rk[k]!;
    for (let i = k + 1; i < n; i++) {
      const ri = m[i]!;
      const a = ri[k]!;
      for (let j = k + 1; j < n; j++) ri[j] = (pivot * ri[j]! - a * rk[j]!) / prev;
      ri[k] = 0n;
    }
    prev = pivot;
  }
  return sign * m[n - 1]![n - 1]!;
}

/** Determinant of a matrix of rationals, exactly. */
export function detRational(m: readonly (readonly Rational[])[]): Rational {
  let scale = 1n;
  const ints = m.map((row) => {
    let l = 1n;
    for (const [, d] of row) l = (l / bgcd(l, d)) * d;
    scale *= l;
    return row.map(([p, q]) => p * (l / q));
  });
  return rat(bareissInteger(ints), scale);
}

function cofactor(m: ExprMatrix): Expr {
  const n = m.length;
  if (n === 1) return m[0]![0]!;
  if (n === 2) return add(mul(m[0]![0]!, m[1]![1]!), neg(mul(m[0]![1]!, m[1]![0]!)));
  // Expand along the row with the most zeros.
  let best = 0;
  let bestZeros = -1;
  m.forEach((r, i) => {
    const z = r.filter((x) => x === ZERO).length;
    if (z > bestZeros) [best, bestZeros] = [i, z];
  });
  const terms: Expr[] = [];
  const rest = m.filter((_, i) => i !== best);
  m[best]!.forEach((x, j) => {
    if (x === ZERO) return;
    const minor = rest.map((r) => r.filter((_, k) => k !== j));
    const t = mul(x, cofactor(minor));
    terms.push((best + j) % 2 === 0 ? t : neg(t));
  });
  return add(...terms);
}

function bareissSymbolic(input: ExprMatrix): Expr {
  const m = input.map((r) => r.map(normal));
  const n = m.length;
  let sign = 1;
  let prev: Expr = numOf([1n, 1n]);
  for (let k = 0; k < n - 1; k++) {
    if (isZeroEntry(m[k]![k]!)) {
      let p = k + 1;
      while (p < n && isZeroEntry(m[p]![k]!)) p++;
      if (p === n) return ZERO;
      [m[k], m[p]] = [m[p]!, m[k]!];
      sign = -sign;
    }
    const rk = m[k]!;
    const pivot = rk[k]!;
    for (let i = k + 1; i < n; i++) {
      const ri = m[i]!;
      const a = ri[k]!;
      for (let j = k + 1; j < n; j++) ri[j] = normal(mul(add(mul(pivot, ri[j]!), neg(mul(a, rk[j]!))), powInv(prev)));
      ri[k] = ZERO;
    }
    prev = pivot;
  }
  const d = m[n - 1]![n - 1]!;
  return sign === 1 ? d : neg(d);
}

const powInv = (e: Expr): Expr => pow(e, MINUS_ONE);

/** Exact determinant of a square matrix of expressions. */
export function detExact(m: ExprMatrix): Expr {
  requireSquare(m, 'det');
  if (allRational(m)) {
    return numOf(detRational(m.map((r) => r.map((x) => (x as { value: Rational }).value))));
  }
  const raw = m.length <= 4 ? cofactor(m) : bareissSymbolic(m);
  const e = normal(raw);
  return e.kind === 'add' || e.kind === 'mul' ? expand(e) : e;
}
