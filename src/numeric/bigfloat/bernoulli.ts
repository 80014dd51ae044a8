/**
 * Bernoulli numbers B_2k as exact fractions, through the tangent numbers T_k computed with the
 * integer-only O(n²) recurrence of R. P. Brent and D. Harvey (2011, "Fast computation of
 * Bernoulli, Tangent and Secant numbers", Algorithm TangentNumbers), and
 * B_2k = (−1)^(k−1) · 2k · T_k / (4^k (4^k − 1)).
 */

let tangent: bigint[] = [0n]; // tangent[k] = T_k, k ≥ 1

function tangentNumbers(n: number): bigint[] {
  if (tangent.length > n) return tangent;
  const T: bigint[] = new Array<bigint>(n + 1).fill(0n);
  T[1] = 1n;
  for (let k = 2; k <= n; k++) T[k] = BigInt(k - 1) * (T[k - 1] as bigint);
  for (let k = 2; k <= n; k++) {
    for (let j = k; j <= n; j++) T[j] = BigInt(j - k) * (T[j - 1] as bigint) + BigInt(j - k + 2) * (T[j] as bigint);
  }
  tangent = T;
  return T;
}

/** B_2k (k ≥ 1) as [numerator, positive denominator], not necessarily in lowest terms. */
export function bernoulli2k(k: number): [bigint, bigint] {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`bernoulli2k: k must be a positive integer, got ${k}`);
  const T = tangent.length > k ? tangent : tangentNumbers(Math.max(k, 2 * tangent.length));
  const four = 1n << BigInt(2 * k);
  const num = BigInt(2 * k) * (T[k] as bigint);
  return [k % 2 === 1 ? num : -num, four * (four - 1n)];
}
