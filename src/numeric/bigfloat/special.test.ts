import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import * as F from './index.js';
import { BigFloat, digitsToBits } from './index.js';

const B = (x: number): BigFloat => BigFloat.fromNumber(x);

/** |a − b| ≤ |b|·2^-bits */
function close(a: BigFloat, b: BigFloat, bits: number): boolean {
  const d = a.sub(b).abs();
  if (d.isZero()) return true;
  return d.expo() <= b.expo() - bits;
}

/** erf x by the alternating Maclaurin series Σ (−1)ⁿ x^(2n+1)/(n!(2n+1)) in BigInt fixed point (test-local). */
function erfReference(x: number, bits: number): BigFloat {
  const g = BigInt(bits + 40);
  const X = BigFloat.fromNumber(x);
  const xf = X.exp >= -Number(g) ? (X.man << (g + BigInt(X.exp))) : 0n;
  const x2 = (xf * xf) >> g;
  let pw = xf;
  let sum = xf;
  for (let n = 1n; pw !== 0n; n++) {
    pw = -((pw * x2) >> g) / n;
    sum += pw / (2n * n + 1n);
  }
  // times 2/√π
  const sqrtPi = F.pi(bits + 40).sqrt(bits + 40);
  return BigFloat.of(sum * 2n, -Number(g)).div(sqrtPi, bits + 20);
}

describe('erf and erfc', () => {
  it('erfc(10) and erfc(30) match published values', () => {
    expect(F.erfc(B(10), digitsToBits(30)).toString(30)).toBe('2.08848758376254475700078629496e-45');
    // erfc(30) by its asymptotic series e^(−x²)/(x√π)·Σ(−1)ⁿ(2n−1)!!/(2x²)ⁿ, accurate to ~390 digits here
    const p = digitsToBits(60);
    const x = B(30);
    let term = BigFloat.ONE;
    let sum = BigFloat.ONE;
    for (let n = 1; n < 400; n++) {
      term = term.mul(B(-(2 * n - 1))).div(B(1800), p + 40);
      sum = sum.add(term, p + 40);
    }
    const ref = F.exp(B(-900), p + 40).mul(sum).div(x.mul(F.pi(p + 40).sqrt(p + 40)), p + 40);
    expect(close(F.erfc(x, p), ref, p - 2)).toBe(true);
    expect(F.erfc(x, digitsToBits(17)).toString(17)).toBe('2.5646562037561116e-393');
  });

  it('erf agrees with an independent alternating series at 150 bits', () => {
    fc.assert(
      fc.property(fc.double({ min: -4, max: 4, noNaN: true }).filter((x) => Math.abs(x) > 1e-3), (x) => {
        expect(close(F.erf(B(x), 150), erfReference(x, 150), 146)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('erf + erfc = 1 and erfc(−x) = 2 − erfc(x)', () => {
    fc.assert(
      fc.property(fc.double({ min: -6, max: 6, noNaN: true }).filter((x) => x !== 0), (x) => {
        const p = 120;
        const s = F.erf(B(x), p + 20).add(F.erfc(B(x), p + 20));
        expect(close(s, BigFloat.ONE, p)).toBe(true);
        const t = F.erfc(B(-x), p + 20).add(F.erfc(B(x), p + 20));
        expect(close(t, BigFloat.fromBigInt(2n), p)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});

describe('gamma and lgamma', () => {
  it('lgamma(1/2) = log √π and Γ(1/2) = √π at 60 digits', () => {
    const p = digitsToBits(60);
    const logSqrtPi = F.log(F.pi(p + 20), p + 20).mulPow2(-1);
    expect(close(F.lgamma(B(0.5), p), logSqrtPi, p - 2)).toBe(true);
    expect(close(F.gamma(B(0.5), p), F.pi(p + 20).sqrt(p + 20), p - 2)).toBe(true);
    expect(close(F.gamma(B(-0.5), p), F.pi(p + 20).sqrt(p + 20).mulPow2(1).neg(), p - 2)).toBe(true);
  });

  it('Γ(n) = (n−1)! and Γ(x+1) = xΓ(x)', () => {
    expect(F.gamma(B(10), 64).toNumber()).toBe(362880);
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 40, noNaN: true }), (x) => {
        const p = 120;
        const lhs = F.gamma(B(x).add(BigFloat.ONE), p);
        const rhs = F.gamma(B(x), p + 10).mul(B(x));
        expect(close(lhs, rhs, p - 3)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('reflection Γ(x)Γ(1−x) = π / sin(πx)', () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }).filter((x) => Math.abs(x - Math.round(x)) > 1e-3), (x) => {
        const p = 100;
        const X = B(x);
        const lhs = F.gamma(X, p + 10).mul(F.gamma(BigFloat.ONE.sub(X), p + 10));
        const rhs = F.pi(p + 20).div(F.sin(F.pi(p + 40).mul(X), p + 20), p + 20);
        expect(close(lhs, rhs, p - 3)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('poles are domain errors', () => {
    expect(() => F.gamma(B(0), 53)).toThrow(F.BigFloatDomainError);
    expect(() => F.lgamma(B(-3), 53)).toThrow(/pole/);
  });
});

describe('incomplete gamma', () => {
  it('gammaP(1, x) = 1 − e^(−x) at 40 digits', () => {
    const p = digitsToBits(40);
    for (const x of [0.01, 0.5, 1, 2.5, 7, 20, 60]) {
      expect(F.gammaP(B(1), B(x), p).eq(F.expm1(B(-x), p).neg())).toBe(true);
    }
  });

  it('Q(n, x) = e^(−x) Σ_{k<n} x^k/k! for integer n, and P + Q = 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.double({ min: 0.01, max: 40, noNaN: true }), (n, x) => {
        const p = 120;
        let term = BigFloat.ONE;
        let sum = BigFloat.ONE;
        for (let k = 1; k < n; k++) {
          term = term.mul(B(x)).div(B(k), p + 20);
          sum = sum.add(term, p + 20);
        }
        const ref = F.exp(B(-x), p + 20).mul(sum, p + 20);
        expect(close(F.gammaQ(B(n), B(x), p), ref, p - 2)).toBe(true);
        const s = F.gammaP(B(n), B(x), p + 10).add(F.gammaQ(B(n), B(x), p + 10));
        expect(close(s, BigFloat.ONE, p)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('P(1/2, x) = erf √x, Q(1/2, x) = erfc √x', () => {
    const p = 150;
    for (const x of [0.3, 2, 9]) {
      const r = B(x).sqrt(p + 40);
      expect(close(F.gammaP(B(0.5), B(x), p), F.erf(r, p + 20), p - 2)).toBe(true);
      expect(close(F.gammaQ(B(0.5), B(x), p), F.erfc(r, p + 20), p - 2)).toBe(true);
    }
  });

  it('rejects a ≤ 0 and x < 0', () => {
    expect(() => F.gammaP(B(0), B(1), 53)).toThrow(F.BigFloatDomainError);
    expect(() => F.gammaQ(B(1), B(-1), 53)).toThrow(F.BigFloatDomainError);
  });
});
