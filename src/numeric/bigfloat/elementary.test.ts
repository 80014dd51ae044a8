import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import * as F from './index.js';
import { BigFloat, digitsToBits } from './index.js';

// Published decimal expansions (first 100 decimals), well-known reference facts.
const PI_100 =
  '3.1415926535897932384626433832795028841971693993751058209749445923078164062862089986280348253421170679';
const E_100 =
  '2.7182818284590452353602874713526624977572470936999595749669676277240766303535475945713821785251664274';
const SQRT2_100 =
  '1.4142135623730950488016887242096980785696718753769480731766797379907324784621070388503875343276415727';
const LN2_100 =
  '0.6931471805599453094172321214581765680755001343602552541206800094933936219696947156058633269964186875';

const B = (x: number): BigFloat => BigFloat.fromNumber(x);
const P = 200;

/** Truncate a decimal string to n significant digits without rounding (for prefix comparison). */
function prefix(s: string, n: number): string {
  let count = 0;
  let out = '';
  for (const ch of s) {
    if (/[0-9]/.test(ch) && (count > 0 || ch !== '0')) count++;
    out += ch;
    if (count === n) break;
  }
  return out;
}

/** |a − b| ≤ |b|·2^-bits */
function close(a: BigFloat, b: BigFloat, bits: number): boolean {
  const d = a.sub(b).abs();
  if (d.isZero()) return true;
  if (b.isZero()) return d.expo() < -bits;
  return d.expo() <= b.expo() - bits;
}

/** atan(1/n)·2^s by the alternating Taylor series in BigInt fixed point (test-local reference). */
function atanInv(n: bigint, s: bigint): bigint {
  let pw = (1n << s) / n;
  let sum = pw;
  const n2 = n * n;
  for (let k = 1n; pw !== 0n; k++) {
    pw /= n2;
    sum += (k % 2n === 1n ? -pw : pw) / (2n * k + 1n);
  }
  return sum;
}

describe('constants against published digits', () => {
  const bits = digitsToBits(110);
  it('π, e, √2, ln 2 to 100 decimals', () => {
    expect(prefix(F.pi(bits).toString(110), 101)).toBe(PI_100);
    expect(prefix(F.e(bits).toString(110), 101)).toBe(E_100);
    expect(prefix(BigFloat.fromBigInt(2n).sqrt(bits).toString(110), 101)).toBe(SQRT2_100);
    expect(prefix(F.ln2(bits).toString(110), 100)).toBe(LN2_100);
  });

  it('π to 1000 digits matches Machin’s formula computed independently', () => {
    const s = 3400n;
    const machin = 16n * atanInv(5n, s) - 4n * atanInv(239n, s);
    const ref = BigFloat.of(machin, -3400);
    const p = F.pi(digitsToBits(1000));
    expect(close(p, ref, 3300)).toBe(true);
    expect(F.pi(digitsToBits(1000)).toString(1000).slice(0, 103)).toBe(PI_100 + '8');
  });

  it('values derived through different routes agree: 4·atan 1 = 2·asin 1 = 2·acos 0 = π, log 2 = ln2, exp 1 = e', () => {
    const p = digitsToBits(300);
    const pi = F.pi(p);
    expect(F.atan(BigFloat.ONE, p).mulPow2(2).eq(pi)).toBe(true);
    expect(F.asin(BigFloat.ONE, p).mulPow2(1).eq(pi)).toBe(true);
    expect(F.acos(BigFloat.ZERO, p).mulPow2(1).eq(pi)).toBe(true);
    expect(F.atan2(B(0), B(-1), p).eq(pi)).toBe(true);
    expect(F.log(B(2), p).eq(F.ln2(p))).toBe(true);
    expect(F.exp(BigFloat.ONE, p).eq(F.e(p))).toBe(true);
    expect(F.pow(B(2), B(0.5), p).eq(B(2).sqrt(p))).toBe(true);
  });

  it('N-style outputs at 50 digits: exp(1/3), log 10, sin 1, atan 2', () => {
    const p = digitsToBits(50);
    const third = BigFloat.fromRational(1n, 3n, p + 64);
    // exp(1/3)^3 = e, log 10 = log 2 + log 5, sin 1 = 2 sin ½ cos ½, atan 2 = π/2 − atan ½
    const x = F.exp(third, p + 20);
    expect(close(x.mul(x).mul(x), F.e(p + 20), p + 10)).toBe(true);
    expect(close(F.log(B(10), p + 20), F.log(B(2), p + 30).add(F.log(B(5), p + 30)), p + 10)).toBe(true);
    const h = B(0.5);
    expect(close(F.sin(B(1), p + 20), F.sin(h, p + 30).mul(F.cos(h, p + 30)).mulPow2(1), p + 10)).toBe(true);
    expect(close(F.atan(B(2), p + 20), F.pi(p + 30).mulPow2(-1).sub(F.atan(h, p + 30)), p + 10)).toBe(true);
    expect(F.log(B(10), p).toString(50)).toBe('2.3025850929940456840179914546843642076011014886288');
  });
});

describe('identities at random points (200 bits)', () => {
  const pos = fc.double({ min: 1e-30, max: 1e30, noNaN: true });
  const mid = fc.double({ min: -50, max: 50, noNaN: true });
  it('exp(log x) = x and log(exp x) = x', () => {
    fc.assert(
      fc.property(pos, mid, (x, y) => {
        expect(close(F.exp(F.log(B(x), P + 20), P), B(x), P - 8)).toBe(true);
        if (Math.abs(y) > 1e-10) expect(close(F.log(F.exp(B(y), P + 20), P), B(y), P - 16)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('sin² + cos² = 1', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const s = F.sin(B(x), P);
        const c = F.cos(B(x), P);
        expect(close(s.mul(s).add(c.mul(c)), BigFloat.ONE, P - 4)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('atan(tan x) = x on (−π/2, π/2)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1.57, max: 1.57, noNaN: true }), (x) => {
        expect(close(F.atan(F.tan(B(x), P + 20), P), B(x), P - 8)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('inverse hyperbolics undo hyperbolics; pow and root invert', () => {
    fc.assert(
      fc.property(fc.double({ min: -20, max: 20, noNaN: true }).filter((x) => Math.abs(x) > 1e-6), (x) => {
        const X = B(x);
        expect(close(F.asinh(F.sinh(X, P + 20), P), X, P - 8)).toBe(true);
        expect(close(F.acosh(F.cosh(X, P + 20), P), X.abs(), P - 40)).toBe(true);
        if (Math.abs(x) < 10) expect(close(F.atanh(F.tanh(X, P + 40), P), X, P - 40)).toBe(true);
        const r = F.cbrt(X, P);
        expect(close(r.mul(r).mul(r), X, P - 4)).toBe(true);
        // x^a · x^b = x^(a+b), with a + b formed exactly
        const a = B(2.3);
        const b = B(-0.7);
        const lhs = F.pow(X.abs(), a, P + 20).mul(F.pow(X.abs(), b, P + 20));
        expect(close(lhs, F.pow(X.abs(), a.add(b), P), P - 8)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('toNumber agrees with Math at random doubles (within 1 ulp)', () => {
  const ulps = (a: number, b: number): number => {
    if (a === b) return 0;
    const u = Math.max(Number.MIN_VALUE, Math.abs(b) * Number.EPSILON);
    return Math.abs(a - b) / u;
  };
  const cases: [string, (x: BigFloat) => BigFloat, (x: number) => number, fc.Arbitrary<number>][] = [
    ['exp', (x) => F.exp(x, 53), Math.exp, fc.double({ min: -700, max: 700, noNaN: true })],
    ['log', (x) => F.log(x, 53), Math.log, fc.double({ min: 1e-300, max: 1e300, noNaN: true })],
    ['sin', (x) => F.sin(x, 53), Math.sin, fc.double({ min: -1e4, max: 1e4, noNaN: true })],
    ['cos', (x) => F.cos(x, 53), Math.cos, fc.double({ min: -1e4, max: 1e4, noNaN: true })],
    ['tan', (x) => F.tan(x, 53), Math.tan, fc.double({ min: -1e4, max: 1e4, noNaN: true })],
    ['atan', (x) => F.atan(x, 53), Math.atan, fc.double({ min: -1e10, max: 1e10, noNaN: true })],
    ['asin', (x) => F.asin(x, 53), Math.asin, fc.double({ min: -1, max: 1, noNaN: true })],
    ['acos', (x) => F.acos(x, 53), Math.acos, fc.double({ min: -1, max: 1, noNaN: true })],
    ['sinh', (x) => F.sinh(x, 53), Math.sinh, fc.double({ min: -700, max: 700, noNaN: true })],
    ['cosh', (x) => F.cosh(x, 53), Math.cosh, fc.double({ min: -700, max: 700, noNaN: true })],
    ['tanh', (x) => F.tanh(x, 53), Math.tanh, fc.double({ min: -30, max: 30, noNaN: true })],
    ['asinh', (x) => F.asinh(x, 53), Math.asinh, fc.double({ min: -1e10, max: 1e10, noNaN: true })],
    ['acosh', (x) => F.acosh(x, 53), Math.acosh, fc.double({ min: 1, max: 1e10, noNaN: true })],
    ['atanh', (x) => F.atanh(x, 53), Math.atanh, fc.double({ min: -0.999, max: 0.999, noNaN: true })],
    ['cbrt', (x) => F.cbrt(x, 53), Math.cbrt, fc.double({ min: -1e30, max: 1e30, noNaN: true })],
    ['expm1', (x) => F.expm1(x, 53), Math.expm1, fc.double({ min: -30, max: 30, noNaN: true })],
    ['log1p', (x) => F.log1p(x, 53), Math.log1p, fc.double({ min: -0.99, max: 1e6, noNaN: true })],
  ];
  for (const [name, f, g, arb] of cases) {
    it(name, () => {
      fc.assert(
        fc.property(arb, (x) => {
          expect(ulps(f(B(x)).toNumber(), g(x))).toBeLessThanOrEqual(1);
        }),
        { numRuns: 300 },
      );
    });
  }
  it('pow', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: -40, max: 40, noNaN: true }), (x, y) => {
        expect(ulps(F.pow(B(x), B(y), 53).toNumber(), x ** y)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});

describe('exact cases and domain errors', () => {
  it('returns exact values where they exist', () => {
    expect(F.exp(BigFloat.ZERO, 60).eq(BigFloat.ONE)).toBe(true);
    expect(F.log(BigFloat.ONE, 60).isZero()).toBe(true);
    expect(F.log2(B(1024), 60).toNumber()).toBe(10);
    expect(F.root(B(-27), 3, 60).toNumber()).toBe(-3);
    expect(F.pow(B(-2), B(3), 60).toNumber()).toBe(-8);
    expect(F.pow(B(3), B(-2), 60).eq(BigFloat.fromRational(1n, 9n, 60))).toBe(true);
    expect(F.tanh(B(1000), 60).eq(BigFloat.ONE)).toBe(true);
  });

  it('sin of a huge argument uses exact reduction', () => {
    expect(F.sin(B(1e22), 53).toNumber()).toBe(-0.8522008497671888);
    // sin(x) for x a 120-digit approximation of π is π − x
    const x = BigFloat.fromString(PI_100, 400);
    const d = F.pi(500).sub(x);
    expect(close(F.sin(x, 100), d, 90)).toBe(true);
  });

  it('throws clear domain errors', () => {
    expect(() => F.log(B(-1), 53)).toThrow(F.BigFloatDomainError);
    expect(() => F.log(BigFloat.ZERO, 53)).toThrow(/positive/);
    expect(() => F.asin(B(1.5), 53)).toThrow(F.BigFloatDomainError);
    expect(() => F.acosh(B(0.5), 53)).toThrow(F.BigFloatDomainError);
    expect(() => F.atanh(B(1), 53)).toThrow(F.BigFloatDomainError);
    expect(() => F.pow(B(-2), B(0.5), 53)).toThrow(/no real value/);
    expect(() => F.pow(BigFloat.ZERO, B(-1), 53)).toThrow(F.BigFloatDomainError);
    expect(() => F.root(B(-4), 2, 53)).toThrow(F.BigFloatDomainError);
    expect(() => F.exp(B(1e300), 53)).toThrow(F.BigFloatRangeError);
  });

  it('1000 digits of elementary values in well under a second each', () => {
    const p = digitsToBits(1000);
    const t0 = performance.now();
    for (const f of [F.exp, F.log, F.sin, F.atan]) f(B(2), p);
    F.exp(BigFloat.fromRational(1n, 3n, p + 64), p);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
