import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { BigFloat, BigFloatDomainError, BigFloatSyntaxError, BigFloatRangeError, digitsToBits } from './index.js';

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const normal = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }).filter((x) => x === 0 || Math.abs(x) > 1e-290);
const B = (x: number): BigFloat => BigFloat.fromNumber(x);

/** Exact value of a BigFloat as a fraction [num, den]. */
function frac(x: BigFloat): [bigint, bigint] {
  return x.exp >= 0 ? [x.man << BigInt(x.exp), 1n] : [x.man, 1n << BigInt(-x.exp)];
}

describe('BigFloat core arithmetic', () => {
  it('fromNumber/toNumber round-trip every double exactly', () => {
    fc.assert(fc.property(finite, (x) => Object.is(B(x).toNumber(), x === 0 ? 0 : x) || (x === 0 && B(x).toNumber() === 0)), { numRuns: 1000 });
  });

  it('rounded +, −, ×, ÷, sqrt at 53 bits equal IEEE double results (both correctly rounded)', () => {
    fc.assert(
      fc.property(normal, normal, (a, b) => {
        const A = B(a);
        const Bb = B(b);
        const ok = (got: number, want: number): boolean => !Number.isFinite(want) || Math.abs(want) < 1e-290 || got === want;
        expect(ok(A.add(Bb, 53).toNumber(), a + b)).toBe(true);
        expect(ok(A.sub(Bb, 53).toNumber(), a - b)).toBe(true);
        expect(ok(A.mul(Bb, 53).toNumber(), a * b)).toBe(true);
        if (b !== 0) expect(ok(A.div(Bb, 53).toNumber(), a / b)).toBe(true);
        if (a > 0) expect(A.sqrt(53).toNumber()).toBe(Math.sqrt(a));
      }),
      { numRuns: 1000 },
    );
  });

  it('exact add and mul agree with rational arithmetic', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.integer({ min: -200, max: 200 }), fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.integer({ min: -200, max: 200 }), (m1, e1, m2, e2) => {
        const x = BigFloat.of(m1, e1);
        const y = BigFloat.of(m2, e2);
        const [xn, xd] = frac(x);
        const [yn, yd] = frac(y);
        const [sn, sd] = frac(x.add(y));
        expect(sn * xd * yd).toBe((xn * yd + yn * xd) * sd);
        const [pn, pd] = frac(x.mul(y));
        expect(pn * xd * yd).toBe(xn * yn * pd);
      }),
      { numRuns: 500 },
    );
  });

  it('division is correctly rounded at high precision: |q − a/b| ≤ ½ ulp', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 60n }), fc.bigInt({ min: 1n, max: 10n ** 60n }), fc.integer({ min: 10, max: 400 }), (a, b, prec) => {
        const q = BigFloat.fromRational(a, b, prec);
        const [qn, qd] = frac(q);
        // |qn/qd − a/b| ≤ 2^(expo(q) − prec − 1)
        const errNum = qn * b - a * qd; // over qd·b
        const e = q.expo() - prec - 1;
        const lhs = (errNum < 0n ? -errNum : errNum) * (e < 0 ? 1n << BigInt(-e) : 1n);
        const rhs = qd * b * (e >= 0 ? 1n << BigInt(e) : 1n);
        expect(lhs <= rhs).toBe(true);
        expect(q.precision()).toBeLessThanOrEqual(prec);
      }),
      { numRuns: 300 },
    );
  });

  it('sqrt(x)² = x to the working precision', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-100, max: 1e100, noNaN: true }), (x) => {
        const s = B(x).sqrt(300);
        const back = s.mul(s, 300);
        const rel = back.sub(B(x)).abs().div(B(x), 20).toNumber();
        expect(rel).toBeLessThan(2 ** -298);
      }),
      { numRuns: 300 },
    );
  });

  it('far-apart operands round like the exact sum (sticky handling)', () => {
    const one = BigFloat.ONE;
    const tiny = BigFloat.pow2(-1000);
    expect(one.add(tiny, 53).eq(one)).toBe(true);
    expect(one.sub(tiny, 53).eq(one)).toBe(true);
    // exactly half an ulp above 1 plus a tiny bit rounds up
    const half = BigFloat.pow2(-53);
    expect(one.add(half).add(tiny, 53).eq(one.add(BigFloat.pow2(-52)))).toBe(true);
    expect(one.add(half).sub(tiny, 53).eq(one)).toBe(true);
    expect(one.add(half, 53).eq(one)).toBe(true); // tie to even
  });

  it('toNumber handles subnormals and overflow', () => {
    expect(BigFloat.pow2(-1074).toNumber()).toBe(5e-324);
    expect(BigFloat.pow2(-1075).toNumber()).toBe(0);
    expect(BigFloat.pow2(-1075).add(BigFloat.pow2(-1200)).toNumber()).toBe(5e-324);
    expect(BigFloat.pow2(1024).toNumber()).toBe(Infinity);
    expect(BigFloat.pow2(1024).neg().toNumber()).toBe(-Infinity);
  });

  it('domain errors are clear exceptions', () => {
    expect(() => B(-2).sqrt(53)).toThrow(BigFloatDomainError);
    expect(() => B(1).div(BigFloat.ZERO, 53)).toThrow(/division by zero/);
    expect(() => BigFloat.fromNumber(NaN)).toThrow(BigFloatDomainError);
    expect(() => BigFloat.fromString('1.2.3', 53)).toThrow(BigFloatSyntaxError);
    expect(() => B(1).round(1)).toThrow(BigFloatRangeError);
  });
});

describe('decimal conversion', () => {
  it('fromString(s, 53) equals the correctly rounded Number(s)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), fc.integer({ min: -330, max: 300 }), (m, e) => {
        const s = `${m}e${e}`;
        const want = Number(s);
        if (!Number.isFinite(want) || (want !== 0 && Math.abs(want) < 2.3e-308)) return;
        expect(BigFloat.fromString(s, 53).toNumber() === want).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('toString(d) is within half a unit of the d-th digit', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 50n }), fc.integer({ min: -300, max: 300 }), fc.integer({ min: 1, max: 60 }), (m, e, d) => {
        const x = BigFloat.of(m, e);
        const s = x.toString(d);
        const digits = s.replace(/^-/, '').replace(/e.*$/, '').replace('.', '').replace(/^0+/, '');
        expect(digits.length).toBe(d);
        // parse back exactly and compare with exact rationals
        const y = BigFloat.fromString(s, 400);
        const err = y.sub(x).abs();
        const unit = BigFloat.fromString(`1e${Math.floor(Math.log10(Math.abs(y.toNumber()))) - d + 1}`, 60);
        expect(err.cmp(unit.mulPow2(-1).mul(BigFloat.fromString('1.0000001', 60))) <= 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('17 significant digits round-trip doubles; formats follow toPrecision', () => {
    fc.assert(fc.property(normal.filter((x) => x !== 0), (x) => Number(B(x).toString(17)) === x), { numRuns: 1000 });
    expect(B(123456789).toString(5)).toBe('1.2346e+8');
    expect(B(0.000123).toString(3)).toBe((0.000123).toPrecision(3));
    expect(B(1e-30).toString(4)).toBe('1.000e-30');
    expect(B(-0.5).toString(3)).toBe('-0.500');
    expect(BigFloat.fromRational(1n, 3n, 100).toFixed(10)).toBe('0.3333333333');
    expect(B(-2.5).toFixed(0)).toBe('-2');
    expect(B(0.1).toString()).toBe('0.10000000000000001');
    expect(BigFloat.fromString('1.2345e-30', digitsToBits(30)).toString(5)).toBe('1.2345e-30');
  });
});
