import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type Expr, add, int, mul, pow, sym } from '../../src/ast/expr.js';
import { parse } from '../../src/parse/parse.js';
import { text } from '../../src/render/text.js';
import { expand, factor, apart, cancel } from '../../src/simplify/index.js';
import { rationalArb, sameValue, unlessLimit } from './helpers.js';

const x = sym('x');
const y = sym('y');

const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));
const isSquare = (n: number): boolean => n >= 0 && Math.round(Math.sqrt(n)) ** 2 === n;

/** a x + b, primitive with a > 0: always irreducible. */
const linear = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: -9, max: 9 }))
  .filter(([a, b]) => gcd(a, b) === 1)
  .map(([a, b]) => add(mul(int(a), x), int(b)));

/** a x² + b x + c, primitive, a > 0, discriminant not a square: irreducible over ℚ. */
const quadratic = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: -7, max: 7 }), fc.integer({ min: -7, max: 7 }))
  .filter(([a, b, c]) => c !== 0 && gcd(gcd(a, b), c) === 1 && !isSquare(b * b - 4 * a * c))
  .map(([a, b, c]) => add(mul(int(a), pow(x, int(2))), mul(int(b), x), int(c)));

const irreducible = fc.oneof(linear, quadratic);

/** The factors of a product of powers, with multiplicities, keyed by their expanded form. */
function factorsOf(e: Expr): Map<Expr, number> {
  const out = new Map<Expr, number>();
  const fs = e.kind === 'mul' ? e.args : [e];
  for (const f of fs) {
    if (f.kind === 'num') continue;
    const [b, m] = f.kind === 'pow' && f.exp.kind === 'num' ? [f.base, Number(f.exp.value[0])] : [f, 1];
    const k = expand(b);
    out.set(k, (out.get(k) ?? 0) + m);
  }
  return out;
}

describe('factor', () => {
  it('returns the irreducible factors a product was built from (univariate, with multiplicities)', () => {
    fc.assert(fc.property(fc.array(irreducible, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 5 }), (fs, c) => {
      const product = expand(mul(int(c), ...fs));
      const got = factorsOf(factor(product));
      const want = new Map<Expr, number>();
      for (const f of fs) {
        const k = expand(f);
        want.set(k, (want.get(k) ?? 0) + 1);
      }
      expect(got).toEqual(want);
    }), { numRuns: 200 });
  });

  it('expand(factor(p)) = expand(p) for random polynomials in x and y (1,000 runs)', () => {
    const term = fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 }))
      .map(([c, i, j]) => mul(int(c), pow(x, int(i)), pow(y, int(j))));
    fc.assert(fc.property(fc.array(term, { maxLength: 6 }), (ts) => {
      const p = expand(add(...ts));
      expect(expand(factor(p))).toBe(p);
    }), { numRuns: 1000 });
  });

  it('preserves the value of random rational expressions', () => {
    fc.assert(fc.property(rationalArb(3), (e) => {
      const f = unlessLimit(() => factor(e));
      if (f === undefined) return;
      expect(sameValue(e, f), `${text(e)} -> ${text(f)}`).toBeUndefined();
    }), { numRuns: 500 });
  });

  it('finds common factors in several variables', () => {
    const f = factorsOf(factor(expand(parse('3*x*y^2*(x + y)^2*(x - 2*y)'))));
    expect(f.get(y)).toBe(2);
    expect(f.get(x)).toBe(1);
    expect(f.get(expand(parse('x + y')))).toBe(2);
  });
});

/** Random proper and improper rational functions of x with linear and irreducible quadratic denominators. */
const rationalFunction = fc.tuple(
  fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 1, maxLength: 6 }),
  fc.array(fc.tuple(irreducible, fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 3 }),
).map(([cs, den]) => mul(add(...cs.map((c, i) => mul(int(c), pow(x, int(i))))), ...den.map(([f, k]) => pow(f, int(-k)))));

describe('apart', () => {
  it('preserves the value (300 random rational functions)', () => {
    fc.assert(fc.property(rationalFunction, (e) => {
      const a = apart(e, x);
      expect(sameValue(e, a), `${text(e)} -> ${text(a)}`).toBeUndefined();
      // Recombining gives back the same rational function.
      expect(cancel(a)).toBe(cancel(e));
    }), { numRuns: 300 });
  });

  it('every fraction is proper and has an irreducible power in its denominator', () => {
    fc.assert(fc.property(rationalFunction, (e) => {
      const a = apart(e, x);
      for (const t of a.kind === 'add' ? a.args : [a]) {
        const fs = t.kind === 'mul' ? t.args : [t];
        const dens = fs.filter((f) => f.kind === 'pow' && f.exp.kind === 'num' && f.exp.value[0] < 0n && f.base !== y);
        expect(dens.length).toBeLessThanOrEqual(1);
      }
    }), { numRuns: 150 });
  });

  it('matches hand-computed decompositions', () => {
    expect(cancel(add(apart(parse('1/(x^2 - 1)'), x), mul(int(-1), parse('1/(2*(x - 1)) - 1/(2*(x + 1))'))))).toBe(int(0));
    expect(apart(parse('(x^3 + 1)/(x^2*(x^2 + 1))'), x)).toBe(parse('(x - 1)/(x^2 + 1) + 1/x^2'));
    expect(apart(parse('y/(x^2 - 1)'), x)).toBe(parse('y/(2*(x - 1)) - y/(2*(x + 1))'));
  });
});
