import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import katex from 'katex';
import { parse } from '../../src/parse/parse.js';
import { text } from '../../src/render/text.js';
import { latex } from '../../src/render/latex.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { EvalError } from '../../src/eval/errors.js';
import { FUNCTIONS } from '../../src/ast/ops.js';
import { polygamma } from '../../src/eval/polygamma.js';
import { zeta } from '../../src/eval/zeta.js';
import { compile, interpret } from '../../src/numeric/compile/index.js';

const EULER_GAMMA = 0.57721566490153286061;
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

// ---- High-precision reference: Hurwitz sums in BigInt fixed point ------------------------------------------------

const DIGITS = 60n;
const SCALE = 10n ** DIGITS;
/** B₂ⱼ as num/den, j = 1 … 10. */
const B2J: readonly [bigint, bigint][] = [[1n, 6n], [-1n, 30n], [1n, 42n], [-1n, 30n], [5n, 66n], [-691n, 2730n],
  [7n, 6n], [-3617n, 510n], [43867n, 798n], [-174611n, 330n]];
const fact = (n: number): bigint => (n <= 1 ? 1n : BigInt(n) * fact(n - 1));
const toNumber = (v: bigint): number => Number(v) / 10 ** Number(DIGITS);

/**
 * Σₖ≥₀ (p/q + k)⁻ˢ × 10⁶⁰ for an integer s ≥ 2 and p/q not a pole: K direct terms in exact rational arithmetic
 * rounded once each, then the Euler–Maclaurin tail at w = p/q + K with ten Bernoulli corrections, all exact.
 */
function hurwitzFixed(s: number, p: bigint, q: bigint): bigint {
  const S = BigInt(s);
  let K = 80n;
  if (p < 0n) K += -p / q + 1n;
  let sum = 0n;
  for (let k = 0n; k < K; k++) sum += (SCALE * q ** S) / (p + k * q) ** S;
  const P = p + K * q; // w = P/q
  // w^(1−s)/(s−1) + w^(−s)/2
  sum += (SCALE * q ** (S - 1n)) / ((S - 1n) * P ** (S - 1n));
  sum += (SCALE * q ** S) / (2n * P ** S);
  let rising = S; // s (s + 1) … (s + 2j − 2)
  for (let j = 1; j <= B2J.length; j++) {
    const [bn, bd] = B2J[j - 1]!;
    const m = S + BigInt(2 * j - 1); // exponent of 1/w
    sum += (SCALE * bn * rising * q ** m) / (bd * fact(2 * j) * P ** m);
    rising *= (S + BigInt(2 * j - 1)) * (S + BigInt(2 * j));
  }
  return sum;
}

/** ψ⁽ⁿ⁾(p/q) = (−1)ⁿ⁺¹ n! ζ(n + 1, p/q) from the fixed-point sum. */
function polygammaRef(n: number, p: bigint, q: bigint): number {
  const v = fact(n) * hurwitzFixed(n + 1, p, q);
  return (n % 2 === 1 ? 1 : -1) * toNumber(v);
}

describe('polygamma', () => {
  it('matches the closed forms ψ⁽ⁿ⁾(1) = (−1)ⁿ⁺¹ n! ζ(n + 1), ψ(1/2) = −γ − 2 log 2, ψ′(1/2) = π²/2', () => {
    const zetaEven: Record<number, number> = { 2: Math.PI ** 2 / 6, 4: Math.PI ** 4 / 90, 6: Math.PI ** 6 / 945, 8: Math.PI ** 8 / 9450 };
    for (const n of [1, 3, 5, 7]) {
      const want = Number(fact(n)) * zetaEven[n + 1]!;
      expect(rel(polygamma(n, 1), want), `n = ${n}`).toBeLessThan(2e-15); // π^(n+1) itself is rounded a few times
    }
    expect(rel(polygamma(0, 1), -EULER_GAMMA)).toBeLessThan(2e-15);
    expect(rel(polygamma(0, 0.5), -EULER_GAMMA - 2 * Math.LN2)).toBeLessThan(2e-15);
    expect(rel(polygamma(1, 0.5), Math.PI ** 2 / 2)).toBeLessThan(4e-16);
    // ψ′′(1/2) = −14 ζ(3); ζ(3) = 1.2020569031595942853997… (Apéry's constant)
    expect(rel(polygamma(2, 0.5), -14 * 1.2020569031595942854)).toBeLessThan(4e-16);
  });

  it('agrees with 60-digit Hurwitz sums at positive and negative rationals', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: -400, max: 4000 }), fc.integer({ min: 1, max: 97 }), (n, p, q) => {
      fc.pre(!(p <= 0 && p % q === 0));
      const x = p / q;
      fc.pre(x === Number(p) / Number(q));
      const want = polygammaRef(n, BigInt(p), BigInt(q));
      const got = polygamma(n, x);
      // x = p/q is rounded once to a double; near a pole that rounding moves ψ⁽ⁿ⁾ by about (n + 1) ε ψ⁽ⁿ⁾ / dist.
      const dist = Math.abs(x - Math.round(x));
      const tol = x > 0 ? 2e-15 : 4e-15 * (n + 1) * (1 + 1 / Math.max(dist, 1e-3)) * Math.max(1, Math.abs(x));
      expect(rel(got, want), `ψ^(${n})(${p}/${q}) = ${got}, reference ${want}`).toBeLessThan(tol);
    }), { numRuns: 300 });
  });

  it('satisfies the recurrence ψ⁽ⁿ⁾(x + 1) = ψ⁽ⁿ⁾(x) + (−1)ⁿ n! x⁻ⁿ⁻¹ and is NaN at its poles', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 8 }), fc.integer({ min: -30000, max: 60000 }).map((k) => k / 1000 + 0.0123), (n, x) => {
      fc.pre(Math.abs(x - Math.round(x)) > 1e-2);
      const jump = (n % 2 === 0 ? 1 : -1) * Number(fact(n)) * x ** (-n - 1);
      const lhs = polygamma(n, x + 1);
      const rhs = polygamma(n, x) + jump;
      return Math.abs(lhs - rhs) <= 1e-12 * (Math.abs(lhs) + Math.abs(polygamma(n, x)) + Math.abs(jump));
    }), { numRuns: 1000 });
    expect(polygamma(2, 0)).toBeNaN();
    expect(polygamma(1, -3)).toBeNaN();
    expect(polygamma(1.5, 2)).toBeNaN();
    expect(polygamma(-1, 2)).toBeNaN();
  });
});

describe('zeta on the whole real line', () => {
  /** Euler–Maclaurin at N = 40 (valid for every s ≠ 1 by analytic continuation): an independent reference. */
  function zetaEM(s: number): number {
    const N = 40;
    let sum = 0;
    for (let k = N - 1; k >= 1; k--) sum += k ** -s;
    sum += N ** (1 - s) / (s - 1) + 0.5 * N ** -s;
    let rising = s;
    for (let j = 1; j <= B2J.length; j++) {
      const [bn, bd] = B2J[j - 1]!;
      sum += (Number(bn) / Number(bd) / Number(fact(2 * j))) * rising * N ** (1 - s - 2 * j);
      rising *= (s + 2 * j - 1) * (s + 2 * j);
    }
    return sum;
  }

  it('matches ζ(0) = −1/2, ζ(−1) = −1/12, ζ(−3) = 1/120, trivial zeros, ζ(1/2)', () => {
    expect(zeta(0)).toBe(-0.5);
    expect(rel(zeta(-1), -1 / 12)).toBeLessThan(1e-15);
    expect(rel(zeta(-3), 1 / 120)).toBeLessThan(1e-15);
    expect(rel(zeta(-5), -1 / 252)).toBeLessThan(1e-15);
    for (const s of [-2, -4, -10, -100]) expect(zeta(s)).toBe(0);
    expect(rel(zeta(0.5), -1.4603545088095868129)).toBeLessThan(1e-15);
    expect(zeta(1)).toBeNaN();
  });

  it('agrees with an Euler–Maclaurin sum on (0, 1) and (1, 6), and through Riemann’s functional equation below 0', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 6, noNaN: true }), (s) => {
      fc.pre(Math.abs(s - 1) > 1e-3);
      const want = zetaEM(s);
      // The reference sums about 40 terms of size up to 40^(1 − s) before cancelling: 40 ε of error.
      return Math.abs(zeta(s) - want) <= 4e-14 * Math.max(1, Math.abs(want));
    }), { numRuns: 1000 });
    // Below 0 the direct sum cancels in doubles; ζ(s) = 2ˢ πˢ⁻¹ sin(πs/2) Γ(1 − s) ζ(1 − s) with ζ(1 − s) from the sum.
    fc.assert(fc.property(fc.double({ min: -8, max: -0.05, noNaN: true }), (s) => {
      const want = 2 ** s * Math.PI ** (s - 1) * Math.sin(Math.PI * s / 2) * evaluate(parse(`gamma(${1 - s})`)) * zetaEM(1 - s);
      return Math.abs(zeta(s) - want) <= 1e-13 * Math.max(1e-3, Math.abs(want));
    }), { numRuns: 300 });
  });
});

describe('the special functions in the language', () => {
  const value = (s: string): number => evaluate(parse(s));

  it('evaluate with SciPy’s names and argument order', () => {
    expect(rel(value('digamma(2)'), 1 - EULER_GAMMA)).toBeLessThan(2e-15);
    expect(value('psi(1)')).toBe(value('digamma(1)'));
    expect(value('gammaln(10)')).toBe(value('lgamma(10)'));
    expect(value('loggamma(10)')).toBe(value('lgamma(10)'));
    expect(rel(value('lgamma(10)'), Math.log(362880))).toBeLessThan(1e-15);
    // P(1, x) = 1 − e^(−x), Q(1, x) = e^(−x), I_x(1, b) = 1 − (1 − x)^b, B(2, 3) = 1/12
    expect(rel(value('gammainc(1, 3)'), -Math.expm1(-3))).toBeLessThan(1e-15);
    expect(rel(value('gammaincc(1, 3)'), Math.exp(-3))).toBeLessThan(1e-15);
    expect(rel(value('betainc(1, 3, 0.4)'), 1 - 0.6 ** 3)).toBeLessThan(1e-15);
    expect(rel(value('beta(2, 3)'), 1 / 12)).toBeLessThan(1e-15);
    expect(rel(value('lbeta(2, 3)'), -Math.log(12))).toBeLessThan(1e-15);
    expect(rel(value('gammaincinv(1, 0.5)'), Math.LN2)).toBeLessThan(1e-15);
    expect(rel(value('betaincinv(1, 1, 0.3)'), 0.3)).toBeLessThan(1e-15);
    expect(rel(value('erfinv(erf(0.7))'), 0.7)).toBeLessThan(1e-15);
    expect(rel(value('erfcinv(erfc(2.5))'), 2.5)).toBeLessThan(1e-15);
    expect(rel(value('erfc(10)'), 2.088487583762544757e-45)).toBeLessThan(1e-14);
    expect(value('log1p(1e-10)')).toBe(Math.log1p(1e-10));
    expect(value('expm1(1e-10)')).toBe(Math.expm1(1e-10));
    expect(rel(value('zeta(3)'), 1.2020569031595942854)).toBeLessThan(1e-15);
    expect(rel(value('trigamma(1)'), Math.PI ** 2 / 6)).toBeLessThan(1e-15);
  });

  it('say what is wrong outside the domain', () => {
    const bad: [string, RegExp][] = [
      ['gammainc(-1, 2)', /gammainc needs a > 0, got -1/],
      ['gammaincc(2, -1)', /gammaincc needs x ≥ 0, got -1/],
      ['betainc(2, 3, 1.5)', /betainc needs x in \[0, 1\], got 1.5/],
      ['betaincinv(2, 0, 0.5)', /betaincinv needs b > 0, got 0/],
      ['gammaincinv(2, 2)', /gammaincinv needs p in \[0, 1\], got 2/],
      ['beta(-1, 2)', /beta needs a > 0, got -1/],
      ['polygamma(1/2, 3)', /integer order n ≥ 0, got 0.5/],
      ['polygamma(2, -3)', /polygamma has a pole at -3/],
      ['digamma(0)', /digamma has a pole at 0/],
      ['lgamma(-2)', /lgamma has a pole at -2/],
      ['erfinv(2)', /erfinv needs y in \[-1, 1\], got 2/],
      ['erfcinv(-1)', /erfcinv needs y in \[0, 2\], got -1/],
      ['zeta(1)', /zeta has a pole at s = 1/],
      ['log1p(-2)', /log1p needs x > -1, got -2/],
    ];
    for (const [s, why] of bad) expect(() => value(s), s).toThrow(EvalError), expect(() => value(s), s).toThrow(why);
  });

  it('print, read back and typeset', () => {
    const tex: [string, string][] = [
      ['erfc(x)', '\\operatorname{erfc}\\left(x\\right)'],
      ['digamma(x)', '\\psi\\left(x\\right)'],
      ['polygamma(2, x)', '\\psi^{(2)}\\left(x\\right)'],
      ['beta(a, b)', '\\mathrm{B}\\left(a, b\\right)'],
      ['gammainc(a, x)', 'P\\left(a, x\\right)'],
      ['gammaincc(a, x)', 'Q\\left(a, x\\right)'],
      ['betainc(a, b, x)', 'I_{x}\\left(a, b\\right)'],
      ['zeta(s)', '\\zeta\\left(s\\right)'],
      ['log1p(x)', '\\ln\\left(1 + x\\right)'],
      ['log1p(-x)', '\\ln\\left(1 - x\\right)'],
      ['lgamma(x)^2', '\\ln\\Gamma\\left(x\\right)^{2}'],
    ];
    for (const [s, t] of tex) expect(latex(parse(s))).toBe(t);
    expect(text(parse('psi(x) + gammaln(y)'))).toBe('digamma(x) + lgamma(y)');
    // Greek names stay symbols when not called.
    expect(parse('beta + zeta + psi').kind).toBe('add');
    for (const row of FUNCTIONS.values()) {
      const args = ['x', 'y', 'z'].slice(0, Math.max(1, row.arity[0])).join(', ');
      const e = parse(`${row.name}(${args})^2 * expm1(${row.name}(${args}))`);
      expect(parse(text(e))).toBe(e);
      katex.renderToString(latex(e), { throwOnError: true });
    }
  });

  it('compile to kernels that agree with evaluate bit for bit, and give NaN outside the domain', () => {
    const cases = ['gammainc(a, x)', 'gammaincc(a, x)', 'gammaincinv(a, x)', 'betainc(a, a + 1, x)', 'beta(a, x)',
      'lbeta(a, x)', 'polygamma(3, x)', 'digamma(x)', 'trigamma(x)', 'lgamma(x)', 'erfc(x)', 'erfcx(x)', 'erfinv(x)',
      'erfcinv(x)', 'zeta(x)', 'log1p(x)', 'expm1(x)', 'betaincinv(a, 2, x)', 'gammainccinv(a, x)', 'betaincc(a, 2, x)'];
    for (const s of cases) {
      const e = parse(s);
      const k = compile(e, ['a', 'x']);
      const ki = interpret(e, ['a', 'x']);
      for (const [a, x] of [[0.5, 0.3], [2.5, 0.9], [7, 1.7], [-1, 0.5], [3, -0.5]] as const) {
        let want: number;
        try {
          want = evaluate(e, { a, x });
        } catch {
          want = NaN;
        }
        const got = k(a, x);
        expect(Object.is(got, ki(a, x)), s).toBe(true);
        if (!Number.isNaN(want)) expect(got, `${s} at ${a}, ${x}`).toBe(want);
        else expect(Number.isNaN(got) || !Number.isFinite(got), `${s} at ${a}, ${x}`).toBe(true);
      }
    }
  });
});
