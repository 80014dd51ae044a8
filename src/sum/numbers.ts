/** Bernoulli numbers, binomial coefficients and Stirling numbers of the second kind, exactly. */
import { type Rational, rat, radd, rmul, rdiv, rsub, ZERO as RZERO } from '../ast/rational.js';

export function binomial(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let r = 1n;
  for (let j = 0; j < k; j++) r = (r * BigInt(n - j)) / BigInt(j + 1);
  return r;
}

const bern: Rational[] = [rat(1n)];

/** B_n with B_1 = +1/2 (the convention of Σ_{k=1}^{n} k^p). */
export function bernoulliPlus(n: number): Rational {
  while (bern.length <= n) {
    const m = bern.length;
    // Σ_{j=0}^{m} C(m+1, j) B_j = 0 (B_1 = −1/2 convention), solved for B_m.
    let s: Rational = RZERO;
    for (let j = 0; j < m; j++) s = radd(s, rmul(rat(binomial(m + 1, j)), bern[j]!));
    bern.push(rdiv(rsub(RZERO, s), rat(BigInt(m + 1))));
  }
  const b = bern[n]!;
  return n === 1 ? rat(1n, 2n) : b;
}

/** Stirling numbers of the second kind S(p, j): k^p = Σ_j S(p, j) k(k − 1)…(k − j + 1). */
export function stirling2(p: number, j: number): bigint {
  const row: bigint[][] = [[1n]];
  for (let n = 1; n <= p; n++) {
    const prev = row[n - 1]!;
    const cur: bigint[] = [];
    for (let i = 0; i <= n; i++) cur.push((i > 0 ? (prev[i - 1] ?? 0n) : 0n) + BigInt(i) * (prev[i] ?? 0n));
    row.push(cur);
  }
  return row[p]![j] ?? 0n;
}
