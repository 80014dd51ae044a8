import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Poly } from './poly.js';
import { factor, squareFreeDecomposition, squareFreePart, type Factorization } from './factor.js';
import { gcd } from './gcd.js';
import { derivative, substitute } from './structure.js';
import { divmodIn, tryDivide } from './division.js';
import { primitivePart } from './content.js';
import { polyToString } from './format.js';
import { arbIntPoly, arbUnivariate } from './arbitrary.test-util.js';

const x = Poly.variable(1, 0);
const one = Poly.one(1);

function expand(f: Factorization, n: number): Poly {
  return f.factors.reduce((acc, [q, k]) => acc.mul(q.pow(k)), Poly.constant(n, f.unit));
}

/** Eisenstein polynomial at prime q: irreducible over ℚ by Eisenstein's criterion. */
const eisenstein = fc
  .tuple(
    fc.constantFrom(2n, 3n, 5n, 7n),
    fc.integer({ min: 1, max: 6 }),
    fc.array(fc.bigInt({ min: -(10n ** 8n), max: 10n ** 8n }), { minLength: 6, maxLength: 6 }),
    fc.bigInt({ min: 1n, max: 10n ** 6n }),
    fc.bigInt({ min: 1n, max: 10n ** 6n }),
  )
  .map(([q, deg, mids, lead, c0]) => {
    const lc = lead % q === 0n ? lead + 1n : lead;
    const cst = (c0 % q === 0n ? c0 + 1n : c0) * q;
    const cs = [cst, ...mids.slice(0, deg - 1).map((m) => m * q), lc];
    return primitivePart(Poly.fromCoeffs(1, 0, cs));
  });

function key(f: [Poly, number][]): string[] {
  return f.map(([q, k]) => `${polyToString(q)}^${k}`).sort();
}

describe('univariate factorisation over ℚ', () => {
  it.each([
    [x.pow(4).sub(one), ['x + 1', 'x - 1', 'x^2 + 1']],
    [x.pow(8).sub(one), ['x + 1', 'x - 1', 'x^2 + 1', 'x^4 + 1']],
    [x.pow(2).scale(4).sub(one).scale([3n, 5n]), ['2*x + 1', '2*x - 1']],
    [x.pow(5).sub(x), ['x', 'x + 1', 'x - 1', 'x^2 + 1']],
  ])('factors %s', (p, expected) => {
    const f = factor(p);
    expect(f.factors.map(([q]) => polyToString(q)).sort()).toEqual([...expected].sort());
    expect(expand(f, 1).equals(p)).toBe(true);
    expect(f.complete).toBe(true);
  });

  it('x^n − 1 splits into one cyclotomic factor Φ_d of degree φ(d) per divisor d of n', () => {
    const phi = (d: number): number => {
      let r = 0;
      for (let k = 1; k <= d; k++) if (gcdNum(k, d) === 1) r++;
      return r;
    };
    for (let n = 1; n <= 36; n++) {
      const f = factor(x.pow(n).sub(one));
      const divisors = Array.from({ length: n }, (_, i) => i + 1).filter((d) => n % d === 0);
      expect(f.factors.map(([q]) => q.degree(0)).sort((a, b) => a - b)).toEqual(divisors.map(phi).sort((a, b) => a - b));
    }
  });

  it('products of random Eisenstein-irreducible polynomials with large coefficients factor back into them', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(eisenstein, fc.integer({ min: 1, max: 2 })), { minLength: 1, maxLength: 4 }), fc.bigInt({ min: -50n, max: 50n }), (parts, c) => {
        fc.pre(c !== 0n);
        const merged = new Map<string, [Poly, number]>();
        for (const [q, k] of parts) {
          const s = polyToString(q);
          merged.set(s, [q, (merged.get(s)?.[1] ?? 0) + k]);
        }
        const p = parts.reduce((acc, [q, k]) => acc.mul(q.pow(k)), Poly.constant(1, c));
        const f = factor(p);
        expect(key(f.factors)).toEqual(key([...merged.values()]));
        expect(expand(f, 1).equals(p)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('Swinnerton-Dyer polynomials of degree 8, 16 and 32 are irreducible; their product splits into them', () => {
    const s3 = swinnertonDyer([2, 3, 5]);
    const s4 = swinnertonDyer([2, 3, 5, 7]);
    const s5 = swinnertonDyer([2, 3, 5, 7, 11]);
    expect([s3.degree(0), s4.degree(0), s5.degree(0)]).toEqual([8, 16, 32]);
    // Published value: S_3 = x^8 − 40x^6 + 352x^4 − 960x^2 + 576.
    expect(polyToString(s3)).toBe('x^8 - 40*x^6 + 352*x^4 - 960*x^2 + 576');
    for (const s of [s3, s4, s5]) expect(factor(s).factors.length).toBe(1);
    const f = factor(s3.mul(s4).mul(x.pow(2).sub(Poly.constant(1, 2))));
    expect(key(f.factors)).toEqual(key([[s3, 1], [s4, 1], [x.pow(2).sub(Poly.constant(1, 2)), 1]]));
  });

  it('factors of random polynomials multiply back, and those of degree ≤ 3 have no rational root unless linear', () => {
    fc.assert(
      fc.property(arbUnivariate(0, 9, 30n), (p) => {
        const f = factor(p);
        expect(expand(f, 1).equals(p)).toBe(true);
        for (const [q] of f.factors) {
          if (q.degree(0) >= 2 && q.degree(0) <= 3) expect(hasRationalRootBrute(q)).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('square-free decomposition and multivariate factoring', () => {
  it('square-free parts have no repeated factor and share the roots', () => {
    fc.assert(
      fc.property(arbIntPoly(2, 3, 2), arbIntPoly(2, 3, 2), fc.integer({ min: 1, max: 3 }), (a, b, k) => {
        const p = a.mul(b.pow(k)).mul(a);
        fc.pre(!p.isZero());
        const s = squareFreePart(p);
        expect(tryDivide(p, s)).toBeDefined();
        // Square-free ⇔ for every variable v, gcd(s, ∂s/∂v) is free of v.
        for (const v of s.variables()) expect(gcd(s, derivative(s, v)).degree(v)).toBe(0);
        expect(tryDivide(s.pow(Math.max(p.degree(), 1)), primitivePart(p))).toBeDefined();
        const d = squareFreeDecomposition(p);
        expect(expand(d, 2).equals(p)).toBe(true);
      }),
      { numRuns: 80 },
    );
  });
  it('multivariate factor recombines and finds contents and repeated factors', () => {
    fc.assert(
      fc.property(arbIntPoly(3, 3, 2), arbIntPoly(3, 2, 2), (a, b) => {
        const p = a.mul(b).mul(b);
        const f = factor(p);
        expect(expand(f, 3).equals(p)).toBe(true);
      }),
      { numRuns: 100 },
    );
    const X = Poly.variable(2, 0);
    const Y = Poly.variable(2, 1);
    const p = X.add(Poly.one(2)).mul(X.add(Y)).mul(X.sub(Y).pow(2)).mul(Y.pow(2).add(Poly.one(2)));
    const f = factor(p);
    expect(key(f.factors)).toEqual(['x + 1^1', 'x + y^1', 'x - y^2', 'y^2 + 1^1']);
    expect(f.complete).toBe(true);
  });
});

function gcdNum(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Brute-force rational root search ±d/e with d | a_0, e | a_n (independent of the library's roots). */
function hasRationalRootBrute(q: Poly): boolean {
  const c0 = q.evaluate([0n])[0];
  if (c0 === 0n) return true;
  const lc = q.lc()[0];
  const divs = (n: bigint): bigint[] => {
    n = n < 0n ? -n : n;
    const out: bigint[] = [];
    for (let d = 1n; d <= n && d <= 100000n; d++) if (n % d === 0n) out.push(d);
    return out;
  };
  for (const d of divs(c0)) for (const e of divs(lc)) for (const s of [1n, -1n]) if (q.evaluate([[s * d, e]])[0] === 0n) return true;
  return false;
}

/** S_n(x) = ∏(x ± √p1 ± … ± √pn) built as f(x−√p)f(x+√p) = A² − pB² where f(x+y) ≡ A + yB mod y² − p. */
function swinnertonDyer(primes: number[]): Poly {
  const X = Poly.variable(2, 0);
  const Y = Poly.variable(2, 1);
  let f = X;
  for (const p of primes) {
    const g = divmodIn(substitute(f, 0, X.add(Y)), Y.pow(2).sub(Poly.constant(2, p)), 1).r;
    const A = substitute(g, 1, Poly.zero(2));
    const B = divmodIn(g.sub(A), Y, 1).q;
    f = A.pow(2).sub(B.pow(2).scale(p));
  }
  return Poly.fromTerms(1, f.terms.map((t) => ({ exp: [t.exp[0]!], coef: t.coef })));
}
