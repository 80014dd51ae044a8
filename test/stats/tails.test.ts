/**
 * Far tails of the discrete laws and of the incomplete beta function where one shape is huge (the regimes of
 * DiDonato & Morris's BGRAT, BUP, BFRAC and BASYM), and the exact Kolmogorov–Smirnov upper tail.
 * References, none from src/stats arithmetic:
 *  - binomial / negative-binomial tails with an integer count as finite binomial sums in 256-bit HP arithmetic
 *    (C(n, i) p^i q^(n−i) built term by term from p^n, every p, q the exact dyadic value of the double);
 *  - other shapes by the 256-bit hypergeometric series of hpbeta.ts;
 *  - Kolmogorov: P(D_n < d) for dyadic d as an exact rational (the Marsaglia–Tsang–Wang matrix has entries
 *    N/D with integer N and D = 2^s·m!, so H^n = N^n / D^n in BigInt), and the one-sided Birnbaum–Tingey sum
 *    as an exact rational.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { HP, pow } from '../../src/stats/special/hpref.js';
import { hpBetaInc } from '../../src/stats/special/hpbeta.js';
import { betainc, betaincc, betaincinv, betainccinv } from '../../src/stats/special/index.js';
import { Binomial } from '../../src/stats/dist/binomial.js';
import { NegativeBinomial } from '../../src/stats/dist/negbin.js';
import { kolmogorovCdfExact, kolmogorovSfExact, smirnovOneSidedSf } from '../../src/stats/inference/index.js';

const rel = (got: number, want: number): number => Math.abs(got - want) / Math.abs(want);

/** Σ_{i=0}^{m} C(n, i) p^i q^(n−i) in HP, q = 1 − p exactly (the lower tail of Binomial(n, p) at m). */
function binomialLowerHP(n: number, p: number, m: number): HP {
  const P = HP.from(p);
  const Q = HP.from(1).sub(P);
  let term = pow(Q, HP.from(n));
  let sum = term;
  const ratio = P.div(Q);
  for (let i = 0; i < m; i++) {
    term = term.mul(n - i).div(i + 1).mul(ratio);
    sum = sum.add(term);
  }
  return sum;
}

describe('negative binomial upper tail with k in the millions and p <= 1e-4', () => {
  it('r = 1: sf(k) = (1 − p)^(k+1) within 1e-13', () => {
    const p = 0.0000015800009078253645;
    const nb = new NegativeBinomial(1, p);
    for (const k of [2727994, 3330514, 7471494]) {
      const want = pow(HP.from(1).sub(HP.from(p)), HP.from(k + 1)).toNumber();
      expect(rel(nb.sf(k), want)).toBeLessThan(1e-13);
    }
  });

  it('integer r: sf(k) = P(Binomial(k + r, p) < r), a 256-bit finite sum, within 1e-13', () => {
    for (const [r, p, k] of [[19, 0.00003859672252171837, 1854502], [7, 0.00001, 1500000], [40, 0.0001, 350000]]) {
      const want = binomialLowerHP(k + r, p, r - 1).toNumber();
      expect(rel(new NegativeBinomial(r, p).sf(k), want)).toBeLessThan(1e-13);
    }
  });

  it('non-integer r: sf against the 256-bit series of I_{1−p}(k + 1, r), within 1e-13', () => {
    for (const [r, p, k] of [[15.213170039389777, 0.00010982901870832944, 619246], [1889.9822904050427, 0.000051150750149211225, 45454524]]) {
      const [, up] = hpBetaInc(r, k + 1, p);
      expect(rel(new NegativeBinomial(r, p).sf(k), up)).toBeLessThan(1e-13);
    }
  });
});

describe('binomial with p near 1 and n about 2e6 (BASYM near the mean)', () => {
  it('cdf and sf against 256-bit finite sums, within 1e-13', () => {
    for (const [n, p, k] of [[1850452, 0.9984707920485199, 1847663], [1785365, 0.9968885692684442, 1780138], [1785365, 0.9968885692684442, 1780234]]) {
      // P(X > k) = P(n − X < n − k) = Σ_{i < n−k} C(n, i) (1−p)^i p^(n−i)
      const sf = binomialLowerHP(n, 1 - p, n - k - 1);
      const b = new Binomial(n, p);
      expect(rel(b.sf(k), sf.toNumber())).toBeLessThan(1e-13);
      expect(rel(b.cdf(k), HP.from(1).sub(sf).toNumber())).toBeLessThan(1e-13);
    }
  });
});

describe('incomplete beta with one tiny and one huge shape', () => {
  it('the points of BGRAT and BUP + BGRAT against the 256-bit series, both tails within 1e-13', () => {
    const pts: [number, number, number][] = [
      [3.360578444209141, 82020.59721149837, 0.00007381465009910855],
      [0.24768550575338882, 91812.99634495159, 0.000033341372252736175],
      [32399.808824521027, 0.12535839232481136, 0.9999454695632454],
      [28665.46728201079, 0.08301594161680448, 0.9999477879146407],
      [0.5, 13047.724153669127, 0.000120071622083121],
    ];
    for (const [a, b, x] of pts) {
      const [lo, up] = hpBetaInc(a, b, x);
      expect(rel(betainc(a, b, x), lo)).toBeLessThan(1e-13);
      expect(rel(betaincc(a, b, x), up)).toBeLessThan(1e-13);
    }
  });

  it('inverses return the point whose 256-bit tails they are given, within 5e-13', () => {
    const [a, b, x] = [0.24768550575338882, 91812.99634495159, 0.000033341372252736175];
    const [lo, up] = hpBetaInc(a, b, x);
    expect(rel(betaincinv(a, b, lo), x)).toBeLessThan(5e-13);
    expect(rel(betainccinv(a, b, up), x)).toBeLessThan(5e-13);
  });

  it('property: a in [1e-3, 3], b in [1e4, 1e6], x about the mean of Beta(a, b): both tails within 1e-12', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 0.5, noNaN: true }), fc.double({ min: 4, max: 6, noNaN: true }), fc.double({ min: 0.05, max: 5, noNaN: true }), fc.boolean(),
        (la, lb, t, flip) => {
          const a = Math.pow(10, la), b = Math.pow(10, lb);
          const x = Math.min(0.4, (t * a) / b);
          const [A, B, X] = flip ? [b, a, 1 - x] : [a, b, x];
          const [lo, up] = hpBetaInc(A, B, X);
          // with flip, X = 1 − x is rounded: compare with the reference at the same double X
          expect(rel(betainc(A, B, X), lo)).toBeLessThan(1e-12);
          expect(rel(betaincc(A, B, X), up)).toBeLessThan(1e-12);
        }),
      { numRuns: 40 },
    );
  });
});

describe('incomplete beta with tiny shapes (FPSER, APSER, BPSER, BUP + BGRAT with both shapes <= 1)', () => {
  it('property: one shape in [1e-17, 1e-8] or both in [1e-6, 1], both tails within 1e-12 of the 256-bit series', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: -12, max: -1e-3, noNaN: true }), fc.boolean(),
        (tiny, u, v, lx, flip) => {
          const a = tiny ? Math.pow(10, -17 + 9 * u) : Math.pow(10, -6 * u);
          const b = tiny ? Math.pow(10, -3 + 6 * v) : Math.pow(10, -6 * v);
          const x = flip ? 1 - Math.pow(10, lx) : Math.pow(10, lx);
          const [lo, up] = hpBetaInc(a, b, x);
          for (const [got, want] of [[betainc(a, b, x), lo], [betaincc(a, b, x), up]]) {
            if (want > 1e-300) expect(rel(got, want)).toBeLessThan(1e-12);
          }
          // the mirrored problem at the double nearest 1 − x, with its own reference
          const y = 1 - x;
          const [lo2, up2] = hpBetaInc(b, a, y);
          for (const [got, want] of [[betainc(b, a, y), lo2], [betaincc(b, a, y), up2]]) {
            if (want > 1e-300) expect(rel(got, want)).toBeLessThan(1e-12);
          }
        }),
      { numRuns: 60 },
    );
  });
});

// ---- exact rational Kolmogorov–Smirnov references ----

const fact = (n: number): bigint => {
  let f = 1n;
  for (let i = 2n; i <= BigInt(n); i++) f *= i;
  return f;
};

/** The fraction num/den (BigInt) as a correctly scaled double. */
function ratioToNumber(num: bigint, den: bigint): number {
  return HP.ratio(num, den).toNumber();
}

/** P(D_n < d) for d = dn/dd (dyadic), exactly, as [num, den]. */
function kolmogorovCdfRational(n: number, dn: bigint, dd: bigint): [bigint, bigint] {
  // n d = (n dn)/dd; k = floor(n d) + 1; h = k − n d = hn/dd
  const N = BigInt(n);
  const k = Number((N * dn) / dd) + 1, m = 2 * k - 1;
  const hn = BigInt(k) * dd - N * dn; // h = hn / dd, 0 < h <= 1
  // Common denominator D = dd^m · m!; entry (i, j) numerator = value · D.
  const D = dd ** BigInt(m) * fact(m);
  const H: bigint[][] = [];
  for (let i = 0; i < m; i++) {
    H.push([]);
    for (let j = 0; j < m; j++) {
      const g = i - j + 1;
      // value before the factorial division, times dd^m
      let v = g < 0 ? 0n : dd ** BigInt(m);
      if (j === 0) v -= hn ** BigInt(i + 1) * dd ** BigInt(m - i - 1);
      if (i === m - 1) v -= hn ** BigInt(m - j) * dd ** BigInt(j);
      if (i === m - 1 && j === 0 && 2n * hn > dd) v += (2n * hn - dd) ** BigInt(m);
      H[i]!.push(g < 0 ? 0n : (v * fact(m)) / fact(g));
    }
  }
  const mul = (A: bigint[][], B: bigint[][]): bigint[][] =>
    A.map((row) => B[0]!.map((_, j) => row.reduce((s, a, l) => (a === 0n ? s : s + a * B[l]![j]!), 0n)));
  let R: bigint[][] | null = null;
  let base = H, e = n;
  while (e > 0) {
    if (e & 1) R = R === null ? base : mul(R, base);
    e >>= 1;
    if (e > 0) base = mul(base, base);
  }
  const c = R![k - 1]![k - 1]!;
  return [c * fact(n), D ** N * N ** N];
}

/** P(D⁺_n >= d) for d = dn/dd, the Birnbaum–Tingey sum as an exact rational. */
function smirnovRational(n: number, dn: bigint, dd: bigint): number {
  const N = BigInt(n);
  let num = 0n;
  const den = (N * dd) ** N; // common denominator of every (n−j−nd)^(n−j) (nd+j)^(j−1) / n^(n−1) · d
  let C = 1n;
  for (let j = 0; j <= n; j++) {
    const J = BigInt(j);
    const a = (N - J) * dd - N * dn; // (n − j − n d) · dd
    const b = N * dn + J * dd; // (n d + j) · dd
    if (a <= 0n) break;
    // C · (a/(n dd))^(n−j) · (b/(n dd))^(j−1) · dn/dd = C a^(n−j) b^(j−1) · n · dn / (n dd)^n  (j ≥ 1)
    // j = 0: b^(−1) d = (n dd)/(n dn) · dn/dd = 1, so the term is a^n / (n dd)^n
    num += j === 0 ? a ** N : C * a ** (N - J) * b ** (J - 1n) * N * dn;
    C = (C * (N - J)) / (J + 1n);
  }
  return ratioToNumber(num, den);
}

describe('Kolmogorov–Smirnov exact upper tail', () => {
  it('two-sided P(D_n >= d) for dyadic d against exact rational matrix powers, within 1e-13 down to 1e-7', () => {
    for (const [n, dn, dd] of [[40, 5n, 16n], [60, 1n, 4n], [20, 9n, 16n], [30, 3n, 8n], [40, 7n, 16n]] as [number, bigint, bigint][]) {
      const [num, den] = kolmogorovCdfRational(n, dn, dd);
      const sf = ratioToNumber(den - num, den);
      const d = Number(dn) / Number(dd);
      expect(rel(kolmogorovSfExact(n, d), sf)).toBeLessThan(1e-13);
      expect(rel(kolmogorovCdfExact(n, d), ratioToNumber(num, den))).toBeLessThan(1e-15);
    }
  });

  it('one-sided Birnbaum–Tingey tail against the exact rational sum, including n d an integer', () => {
    for (const [n, dn, dd] of [[20, 9n, 16n], [32, 1n, 4n], [64, 3n, 8n], [100, 1n, 2n]] as [number, bigint, bigint][]) {
      const d = Number(dn) / Number(dd);
      expect(rel(smirnovOneSidedSf(n, d), smirnovRational(n, dn, dd))).toBeLessThan(1e-12);
    }
    // Doubles that are not short dyadics, where n (1 − d) rounds just above an integer (20 · 0.45 = 9 + 2^-49):
    // the reference takes the double's exact value m / 2^60.
    for (const [n, d] of [[20, 0.55], [100, 0.07], [10, 0.3]]) {
      const dd = 2n ** 60n; // every d >= 1/256 is an integer multiple of 2^-60
      const dn = BigInt(d * 2 ** 60);
      expect(rel(smirnovOneSidedSf(n, d), smirnovRational(n, dn, dd))).toBeLessThan(1e-12);
    }
  });

  it('far out, two-sided = 2 × one-sided (the joint excursion is below p₁², Harris inequality)', () => {
    for (const [n, d] of [[100, 0.45], [50, 0.6], [80, 0.4]]) {
      const p1 = smirnovOneSidedSf(n, d);
      const p = kolmogorovSfExact(n, d);
      expect(p).toBeLessThanOrEqual(2 * p1);
      expect(p).toBeGreaterThanOrEqual(2 * p1 - p1 * p1 - 2 * p1 * 1e-15);
    }
  });
});
