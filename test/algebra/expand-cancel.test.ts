import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type Expr, add, children, int, mul, pow, sym } from '../../src/ast/expr.js';
import { parse } from '../../src/parse/parse.js';
import { text } from '../../src/render/text.js';
import { LimitError } from '../../src/ast/limits.js';
import { expand, cancel, together, collect, degree, coeffs, quo, rem, polyGcd, polyLcm } from '../../src/simplify/index.js';
import { rationalArb, sameValue, unlessLimit } from './helpers.js';

const x = sym('x');
const y = sym('y');
const P = (s: string): Expr => parse(s);

/** True when no product or positive integer power of a sum is left (outside denominators). */
function fullyExpanded(e: Expr): boolean {
  if (e.kind === 'pow' && e.base.kind === 'add' && e.exp.kind === 'num' && e.exp.value[0] > 0n && e.exp.value[1] === 1n) return false;
  if (e.kind === 'mul' && e.args.some((a) => a.kind === 'add')) return false;
  return children(e).every(fullyExpanded);
}

describe('expand', () => {
  it('preserves the value and leaves no product of sums (1,000 random rational expressions)', () => {
    fc.assert(fc.property(rationalArb(4), (e) => {
      const r = unlessLimit(() => expand(e));
      if (r === undefined) return;
      expect(sameValue(e, r), `${text(e)} -> ${text(r)}`).toBeUndefined();
      expect(fullyExpanded(r), text(r)).toBe(true);
      expect(expand(r)).toBe(r);
    }), { numRuns: 1000 });
  });

  it('matches the binomial theorem: coefficients of (x + y)^n are C(n, k)', () => {
    for (const n of [1, 5, 12, 30]) {
      let c = 1n;
      const terms: Expr[] = [];
      for (let k = 0; k <= n; k++) {
        terms.push(mul(int(c), pow(x, int(n - k)), pow(y, int(k))));
        c = (c * BigInt(n - k)) / BigInt(k + 1);
      }
      expect(expand(pow(add(x, y), int(n)))).toBe(add(...terms));
    }
  });

  it('expands inside function arguments and combines radicals', () => {
    expect(expand(P('sin(x*(x + 1))'))).toBe(P('sin(x^2 + x)'));
    expect(expand(P('sqrt(x)*sqrt(x)*y + x*y'))).toBe(P('2*x*y'));
    expect(expand(P('x*(1/x + 1)'))).toBe(P('x + 1'));
  });

  it('refuses a blow-up quickly with a LimitError', () => {
    const t0 = performance.now();
    expect(() => expand(P('(a + b + c + d + e1 + f)^400'))).toThrow(LimitError);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('cancel and together', () => {
  it('preserve the value (1,000 random rational expressions) and are idempotent', () => {
    fc.assert(fc.property(rationalArb(4), (e) => {
      const c = unlessLimit(() => cancel(e));
      if (c !== undefined) {
        expect(sameValue(e, c), `cancel ${text(e)} -> ${text(c)}`).toBeUndefined();
        expect(cancel(c)).toBe(c);
      }
      const t = unlessLimit(() => together(e));
      if (t !== undefined) expect(sameValue(e, t), `together ${text(e)} -> ${text(t)}`).toBeUndefined();
    }), { numRuns: 1000 });
  });

  it('cancel(a·c/(b·c)) equals cancel(a/b) for random a, b, c', () => {
    fc.assert(fc.property(rationalArb(2), rationalArb(2), rationalArb(2), (a, b, c) => {
      const lhs = unlessLimit(() => cancel(mul(expand(mul(a, c)), pow(expand(mul(b, c)), int(-1)))));
      const rhs = unlessLimit(() => cancel(mul(a, pow(b, int(-1)))));
      if (lhs === undefined || rhs === undefined) return;
      if (sameValue(c, int(0)) === undefined || sameValue(b, int(0)) === undefined) return; // c or b is zero
      expect(lhs).toBe(rhs);
    }), { numRuns: 300 });
  });
});

describe('polynomials in a variable', () => {
  const coefList = fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 1, maxLength: 7 });

  it('coeffs and degree read back the coefficients a polynomial was built from', () => {
    fc.assert(fc.property(coefList, fc.integer({ min: -3, max: 3 }), (cs, k) => {
      while (cs.length > 1 && cs[cs.length - 1] === 0) cs.pop();
      const poly = add(...cs.map((c, i) => mul(int(c), pow(x, int(i)), add(y, int(k)))));
      const got = coeffs(poly, x);
      expect(got.kind).toBe('list');
      const items = (got as { items: readonly Expr[] }).items;
      if (cs.every((c) => c === 0) || k === 0 && false) return;
      expect(items.map((it) => expand(it))).toEqual(cs.map((c) => expand(mul(int(c), add(y, int(k))))));
      expect(degree(poly, x)).toBe(int(cs.length - 1));
    }), { numRuns: 1000 });
  });

  it('a = quo·b + rem with deg rem < deg b', () => {
    const polyArb = coefList.map((cs) => add(...cs.map((c, i) => mul(int(c), pow(x, int(i))))));
    fc.assert(fc.property(polyArb, polyArb, (a, b) => {
      if (b === int(0)) return;
      const q = quo(a, b, x);
      const r = rem(a, b, x);
      expect(expand(add(mul(q, b), r))).toBe(expand(a));
      const db = degree(b, x);
      const dr = degree(r, x);
      if (db.kind === 'num' && dr.kind === 'num') expect(dr.value[0] < db.value[0]).toBe(true);
    }), { numRuns: 1000 });
  });

  it('quo and rem with a symbolic leading coefficient', () => {
    const a = P('x^3 + y*x + 1');
    const b = P('y*x - 1');
    expect(expand(cancel(add(mul(quo(a, b, x), b), rem(a, b, x))))).toBe(expand(a));
  });

  it('gcd(a c, b c) is a multiple of c, lcm·gcd = a·b up to a constant', () => {
    const lin = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: -5, max: 5 })).map(([p, q]) => add(mul(int(p), x), int(q)));
    fc.assert(fc.property(lin, lin, lin, (a, b, c) => {
      const g = polyGcd(expand(mul(a, c)), expand(mul(b, c)));
      expect(rem(g, c, x)).toBe(int(0));
      const l = polyLcm(expand(mul(a, c)), expand(mul(b, c)));
      const ratio = cancel(mul(l, g, pow(expand(mul(a, b, c, c)), int(-1))));
      expect(ratio.kind).toBe('num');
    }), { numRuns: 300 });
    expect(polyGcd(int(12), int(18))).toBe(int(6));
    expect(polyLcm(int(4), int(6))).toBe(int(12));
  });

  it('collect gathers powers and keeps the value', () => {
    fc.assert(fc.property(rationalArb(3), (e) => {
      const c = unlessLimit(() => collect(e, x));
      if (c === undefined) return;
      expect(sameValue(e, c)).toBeUndefined();
    }), { numRuns: 500 });
    expect(collect(P('x*y + x^2*y + x + a*x^2 + 3'), x)).toBe(P('x^2*(a + y) + x*(y + 1) + 3'));
  });
});
