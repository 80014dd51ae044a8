/**
 * Binary splitting for sums of rational series (B. Haible and T. Papanikolaou, 1998, "Fast
 * multiprecision evaluation of series of rational numbers"):
 *
 *     S = Σ_{k=a}^{b-1}  A(k)/B(k) · Π_{j=a}^{k} P(j)/Q(j)
 *
 * is computed as the exact fraction T / (B·Q) by splitting [a, b) in halves and combining
 * P = P₁P₂, Q = Q₁Q₂, B = B₁B₂, T = B₂Q₂T₁ + B₁P₁T₂, so the big multiplications are balanced.
 */

export interface SeriesTerms {
  p(k: number): bigint;
  q(k: number): bigint;
  /** Defaults to 1. */
  a?(k: number): bigint;
  /** Defaults to 1. */
  b?(k: number): bigint;
}

export interface Split {
  P: bigint;
  Q: bigint;
  B: bigint;
  T: bigint;
}

export function binarySplit(s: SeriesTerms, a: number, b: number): Split {
  if (b - a === 1) {
    const P = s.p(a);
    return { P, Q: s.q(a), B: s.b ? s.b(a) : 1n, T: (s.a ? s.a(a) : 1n) * P };
  }
  const m = (a + b) >>> 1;
  const L = binarySplit(s, a, m);
  const R = binarySplit(s, m, b);
  return {
    P: L.P * R.P,
    Q: L.Q * R.Q,
    B: L.B * R.B,
    T: R.B * R.Q * L.T + L.B * L.P * R.T,
  };
}

/** The series sum to `scale` fractional bits: floor(S · 2^scale) (error < 1 unit). */
export function seriesFixed(s: SeriesTerms, terms: number, scale: number): bigint {
  const r = binarySplit(s, 0, terms);
  return (r.T << BigInt(scale)) / (r.B * r.Q);
}
