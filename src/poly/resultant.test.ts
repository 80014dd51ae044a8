import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { type Rational, rsub, rmul, ONE } from '../ast/rational.js';
import { Poly } from './poly.js';
import { resultant, discriminant } from './resultant.js';
import { xgcd, solveDiophantine } from './euclid.js';
import { gcd } from './gcd.js';
import { derivative, evaluateAt } from './structure.js';
import { divmodIn } from './division.js';
import { interpolate } from './interpolate.js';
import { rationalRoots } from './roots.js';
import { arbPoly, arbUnivariate, smallRational } from './arbitrary.test-util.js';

const x = Poly.variable(1, 0);
const fromRoots = (rs: Rational[]): Poly => rs.reduce((acc, r) => acc.mul(x.sub(Poly.constant(1, r))), Poly.one(1));
const roots = fc.array(smallRational, { minLength: 1, maxLength: 5 });

describe('resultant', () => {
  it('res(∏(x−a_i), ∏(x−b_j)) = ∏∏(a_i − b_j): zero exactly when a root is shared', () => {
    fc.assert(
      fc.property(roots, roots, (as, bs) => {
        let expected: Rational = ONE;
        for (const a of as) for (const b of bs) expected = rmul(expected, rsub(a, b));
        expect(resultant(fromRoots(as), fromRoots(bs), 0).constantValue()).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
  it('agrees with the Sylvester determinant and vanishes iff gcd is non-trivial', () => {
    fc.assert(
      fc.property(arbUnivariate(1, 5, 9n), arbUnivariate(1, 5, 9n), arbUnivariate(0, 2, 9n), (a, b, c) => {
        const A = a.mul(c);
        const B = b.mul(c);
        const r = resultant(A, B, 0).constantValue();
        expect(r).toEqual(sylvesterDet(A, B));
        expect(r[0] === 0n).toBe(!gcd(A, B).isConstant());
      }),
      { numRuns: 200 },
    );
  });
  it('Rothstein–Trager: res_x(a, b − t·a′) specialises to the resultant at each t', () => {
    // Variables: x = 0, t = 1.
    fc.assert(
      fc.property(arbUnivariate(2, 4, 6n, 2, 0), arbPoly(2, 3, 1), smallRational, (a, b0, t0) => {
        const b = evaluateAt(b0, 1, 0n); // b free of t
        const T = Poly.variable(2, 1);
        const B = b.sub(T.mul(derivative(a, 0)));
        const rt = resultant(a, B, 0);
        expect(rt.variables().every((v) => v === 1)).toBe(true);
        const Bt = evaluateAt(B, 1, t0);
        // Specialisation commutes with the resultant while the degree in x does not drop.
        fc.pre(Bt.degree(0) === B.degree(0));
        const direct = resultant(a, Bt, 0);
        expect(evaluateAt(rt, 1, t0).equals(direct)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
  it('discriminant of a quadratic is b² − 4ac and of a cubic x³+px+q is −4p³−27q²', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 50n }), fc.bigInt({ min: -50n, max: 50n }), fc.bigInt({ min: -50n, max: 50n }), (a, b, c) => {
        expect(discriminant(Poly.fromCoeffs(1, 0, [c, b, a]), 0).constantValue()).toEqual([b * b - 4n * a * c, 1n]);
        expect(discriminant(Poly.fromCoeffs(1, 0, [c, b, 0n, 1n]), 0).constantValue()).toEqual([-4n * b ** 3n - 27n * c * c, 1n]);
      }),
    );
  });
});

describe('extended Euclid, interpolation and rational roots', () => {
  it('s·a + t·b = g = monic gcd with the degree bounds', () => {
    fc.assert(
      fc.property(arbUnivariate(0, 5, 9n), arbUnivariate(0, 5, 9n), arbUnivariate(0, 3, 9n), (a0, b0, c) => {
        const a = a0.mul(c);
        const b = b0.mul(c);
        const { g, s, t } = xgcd(a, b);
        expect(s.mul(a).add(t.mul(b)).equals(g)).toBe(true);
        expect(g.lc()).toEqual(ONE);
        expect(divmodIn(a, g, 0).r.isZero() && divmodIn(b, g, 0).r.isZero()).toBe(true);
        if (b.degree(0) > g.degree(0)) expect(s.degree(0)).toBeLessThan(b.degree(0) - g.degree(0));
        if (a.degree(0) > g.degree(0)) expect(t.degree(0)).toBeLessThan(a.degree(0) - g.degree(0));
        const { s: s2, t: t2 } = solveDiophantine(a, b, g.mul(c));
        expect(s2.mul(a).add(t2.mul(b)).equals(g.mul(c))).toBe(true);
      }),
    );
  });
  it('interpolation through deg+1 points recovers the polynomial', () => {
    fc.assert(
      fc.property(arbPoly(1, 6, 6), fc.uniqueArray(fc.integer({ min: -30, max: 30 }), { minLength: 7, maxLength: 9 }), (p, xs) => {
        const q = interpolate(xs, xs.map((xi) => p.evaluate([xi])));
        expect(q.equals(p)).toBe(true);
      }),
    );
    expect(() => interpolate([1, 1], [2, 3])).toThrow(/distinct/);
  });
  it('rational roots of ∏(x − r_i)·(irreducible quadratic) are exactly the r_i with multiplicities', () => {
    fc.assert(
      fc.property(roots, fc.bigInt({ min: 1n, max: 30n }), (rs, k) => {
        const p = fromRoots(rs).mul(x.pow(2).add(Poly.constant(1, k))).scale(7);
        const counts = new Map<string, number>();
        for (const r of rs) counts.set(`${r[0]}/${r[1]}`, (counts.get(`${r[0]}/${r[1]}`) ?? 0) + 1);
        const got = rationalRoots(p);
        expect(got.map((r) => [`${r.root[0]}/${r.root[1]}`, r.multiplicity]).sort()).toEqual([...counts.entries()].sort());
      }),
    );
  });
});

/** Sylvester matrix determinant by Gaussian elimination over ℚ (independent reference). */
function sylvesterDet(a: Poly, b: Poly): Rational {
  const ca = denseHigh(a);
  const cb = denseHigh(b);
  const m = ca.length - 1;
  const n = cb.length - 1;
  const N = m + n;
  const M: Rational[][] = [];
  for (let i = 0; i < n; i++) M.push(Array.from({ length: N }, (_, j) => (j >= i && j - i <= m ? ca[j - i]! : [0n, 1n])));
  for (let i = 0; i < m; i++) M.push(Array.from({ length: N }, (_, j) => (j >= i && j - i <= n ? cb[j - i]! : [0n, 1n])));
  let det: Rational = ONE;
  for (let c = 0; c < N; c++) {
    const piv = M.findIndex((row, r) => r >= c && row[c]![0] !== 0n);
    if (piv < 0) return [0n, 1n];
    if (piv !== c) {
      [M[c], M[piv]] = [M[piv]!, M[c]!];
      det = [-det[0], det[1]];
    }
    det = rmul(det, M[c]![c]!);
    for (let r = c + 1; r < N; r++) {
      const f: Rational = [M[r]![c]![0] * M[c]![c]![1], M[r]![c]![1] * M[c]![c]![0]];
      for (let j = c; j < N; j++) M[r]![j] = rsub(M[r]![j]!, rmul(f[1] < 0n ? [-f[0], -f[1]] : f, M[c]![j]!));
    }
  }
  return det;
}

function denseHigh(p: Poly): Rational[] {
  const d = p.degree(0);
  const out: Rational[] = Array.from({ length: d + 1 }, () => [0n, 1n] as Rational);
  for (const t of p.terms) out[d - t.exp[0]!] = t.coef;
  return out;
}
