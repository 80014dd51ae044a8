import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { type Expr, ONE, ZERO, add, frac, mul, neg, numOf, sym, int, pow as powOf } from '../../src/ast/expr.js';
import { type Rational, radd, rmul } from '../../src/ast/rational.js';
import { parse } from '../../src/parse/parse.js';
import { cancel, expand } from '../../src/simplify/index.js';
import {
  type ExprMatrix, charpolyCoefficients, detExact, eigenExact, identityExpr, inverseExact, matmulExpr, nullspaceExact,
  rankExact, rrefExact, solveExact, toExprMatrix, transposeExpr, SingularExactMatrixError, MatrixShapeError,
  EigenClosedFormError,
} from '../../src/linalg/exact/index.js';

const M = (s: string): ExprMatrix => toExprMatrix(parse(s));

/** Leibniz's formula over all permutations: an independent (slow) determinant of a rational matrix. */
function leibniz(m: Rational[][]): Rational {
  const n = m.length;
  let total: Rational = [0n, 1n];
  const perm = Array.from({ length: n }, (_, i) => i);
  const rec = (k: number, sign: bigint): void => {
    if (k === n) {
      let p: Rational = [sign, 1n];
      for (let i = 0; i < n; i++) p = rmul(p, m[i]![perm[i]!]!);
      total = radd(total, p);
      return;
    }
    for (let j = k; j < n; j++) {
      [perm[k], perm[j]] = [perm[j]!, perm[k]!];
      rec(k + 1, j === k ? sign : -sign);
      [perm[k], perm[j]] = [perm[j]!, perm[k]!];
    }
  };
  rec(0, 1n);
  return total;
}

const ratArb = fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 5 })).map(([p, q]) => frac(p, q));
const squareArb = (lo: number, hi: number): fc.Arbitrary<ExprMatrix> => fc.integer({ min: lo, max: hi }).chain((n) =>
  fc.array(fc.array(ratArb, { minLength: n, maxLength: n }), { minLength: n, maxLength: n }));
const values = (m: ExprMatrix): Rational[][] => m.map((r) => r.map((x) => (x as { value: Rational }).value));
const isIdentity = (m: ExprMatrix): boolean => m.every((r, i) => r.every((x, j) => cancel(x) === (i === j ? ONE : ZERO)));

describe('exact determinant', () => {
  it('is a d - b c for a symbolic 2×2 matrix', () => {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(sym) as [Expr, Expr, Expr, Expr];
    expect(detExact(M('[[a, b], [c, d]]'))).toBe(add(mul(a, d), neg(mul(b, c))));
  });
  it('matches the Leibniz formula on rational matrices (Bareiss)', () => {
    fc.assert(fc.property(squareArb(1, 5), (m) => {
      const l = leibniz(values(m));
      expect(detExact(m)).toBe(numOf(l));
    }), { numRuns: 300 });
  });
  it('symbolic 3×3 cofactor expansion agrees with Leibniz after substituting numbers', () => {
    const sym3 = M('[[a, b, c], [d, e, f], [g, h, k]]');
    const d = detExact(sym3);
    fc.assert(fc.property(fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 9, maxLength: 9 }), (xs) => {
      const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'k'];
      const sub = new Map(names.map((n, i) => [sym(n) as Expr, int(xs[i]!) as Expr]));
      const numeric = sym3.map((r) => r.map((x) => sub.get(x)!));
      expect(cancel(substituteAll(d, sub))).toBe(numOf(leibniz(values(numeric))));
    }), { numRuns: 100 });
  });
  it('det(A·B) = det(A)·det(B) exactly', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(squareArb(n, n), squareArb(n, n))), ([a, b]) => {
      expect(detExact(matmulExpr(a, b))).toBe(mul(detExact(a), detExact(b)));
    }), { numRuns: 200 });
  });
  it('Bareiss (n ≥ 5) and cofactor expansion agree on symbolic matrices', () => {
    const m5 = M('[[x, 1, 2, 0, 1], [1, y, 0, 1, 2], [2, 0, x, 1, 0], [0, 1, 1, y, 1], [1, 2, 0, 1, x]]');
    const sub = new Map<Expr, Expr>([[sym('x'), int(3)], [sym('y'), int(-2)]]);
    const numeric = m5.map((r) => r.map((e) => cancel(substituteAll(e, sub))));
    expect(cancel(substituteAll(detExact(m5), sub))).toBe(numOf(leibniz(values(numeric))));
  });
});

function substituteAll(e: Expr, map: Map<Expr, Expr>): Expr {
  const hit = map.get(e);
  if (hit !== undefined) return hit;
  switch (e.kind) {
    case 'add': return add(...e.args.map((x) => substituteAll(x, map)));
    case 'mul': return mul(...e.args.map((x) => substituteAll(x, map)));
    case 'pow': return mul(ONE, powOf(substituteAll(e.base, map), substituteAll(e.exp, map)));
    default: return e;
  }
}

describe('inverse, solve, rref, nullspace', () => {
  it('A·inv(A) = I for non-singular rational matrices', () => {
    fc.assert(fc.property(squareArb(1, 4), (m) => {
      fc.pre(detExact(m) !== ZERO);
      expect(isIdentity(matmulExpr(m, inverseExact(m)))).toBe(true);
    }), { numRuns: 200 });
  });
  it('inverts a symbolic matrix', () => {
    const a = M('[[a, b], [c, d]]');
    expect(isIdentity(matmulExpr(inverseExact(a), a))).toBe(true);
  });
  it('singular matrices throw', () => {
    expect(() => inverseExact(M('[[1, 2], [2, 4]]'))).toThrow(SingularExactMatrixError);
    expect(() => detExact(M('[[1, 2, 3], [4, 5, 6]]'))).toThrow(MatrixShapeError);
  });
  it('A·solve(A, b) = b exactly', () => {
    fc.assert(fc.property(squareArb(1, 4).chain((a) => fc.tuple(fc.constant(a), fc.array(ratArb, { minLength: a.length, maxLength: a.length }))), ([a, b]) => {
      fc.pre(detExact(a) !== ZERO);
      const x = solveExact(a, b.map((v) => [v]));
      expect(matmulExpr(a, x).map((r) => r[0])).toEqual(b);
    }), { numRuns: 200 });
  });
  it('rank–nullity, rank(A) = rank(Aᵀ), A·v = 0 for nullspace vectors, RREF is idempotent', () => {
    const lowRank = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }))
      .chain(([r, c, k]) => fc.tuple(
        fc.array(fc.array(ratArb, { minLength: k, maxLength: k }), { minLength: r, maxLength: r }),
        fc.array(fc.array(ratArb, { minLength: c, maxLength: c }), { minLength: k, maxLength: k })));
    fc.assert(fc.property(lowRank, ([u, v]) => {
      const a = matmulExpr(u, v);
      const rank = rankExact(a);
      const ns = nullspaceExact(a);
      expect(rank + ns.length).toBe(a[0]!.length);
      expect(rankExact(transposeExpr(a))).toBe(rank);
      expect(rank).toBeLessThanOrEqual(u[0]!.length);
      for (const x of ns) expect(matmulExpr(a, x.map((e) => [e])).every((r) => r[0] === ZERO)).toBe(true);
      const r1 = rrefExact(a).matrix;
      expect(rrefExact(r1).matrix).toEqual(r1);
    }), { numRuns: 200 });
  });
});

describe('characteristic polynomial and eigen', () => {
  it('Cayley–Hamilton: p(A) = 0', () => {
    fc.assert(fc.property(squareArb(1, 4), (a) => {
      const c = charpolyCoefficients(a);
      const n = a.length;
      let acc: ExprMatrix = identityExpr(n).map((r) => r.map((x) => mul(x, c[n]!)));
      for (let k = n - 1; k >= 0; k--) acc = matmulExpr(acc, a).map((r, i) => r.map((x, j) => add(x, i === j ? c[k]! : ZERO)));
      expect(acc.every((r) => r.every((x) => x === ZERO))).toBe(true);
    }), { numRuns: 100 });
  });
  it('p(t) = det(t I - A) at rational points (Leibniz reference)', () => {
    fc.assert(fc.property(squareArb(1, 4), ratArb, (a, t) => {
      const c = charpolyCoefficients(a);
      const p = add(...c.map((ck, k) => mul(ck, powOf(t, int(k)))));
      const shifted = a.map((r, i) => r.map((x, j) => add(i === j ? t : ZERO, neg(x))));
      expect(p).toBe(numOf(leibniz(values(shifted))));
    }), { numRuns: 100 });
  });
  it('A v = λ v exactly, also for quadratic-irrational and complex eigenvalues', () => {
    const arb = fc.array(fc.array(fc.integer({ min: -5, max: 5 }).map(int), { minLength: 2, maxLength: 2 }), { minLength: 2, maxLength: 2 });
    fc.assert(fc.property(arb, (a) => {
      const pairs = eigenExact(a);
      expect(pairs.reduce((s, p) => s + p.multiplicity, 0)).toBe(2);
      for (const { value, vectors } of pairs) {
        expect(vectors.length).toBeGreaterThan(0);
        for (const v of vectors) {
          expect(v.some((x) => x !== ZERO)).toBe(true);
          const av = matmulExpr(a, v.map((x) => [x]));
          av.forEach((r, i) => expect(expand(add(r[0]!, neg(mul(value, v[i]!))))).toBe(ZERO));
        }
      }
    }), { numRuns: 100 });
  });
  it('eig([[2, 1], [1, 2]]) has eigenvalues 1 and 3; a Jordan block has one eigenvector', () => {
    expect(eigenExact(M('[[2, 1], [1, 2]]')).map((p) => p.value)).toEqual([int(1), int(3)]);
    const j = eigenExact(M('[[1, 1], [0, 1]]'));
    expect(j).toHaveLength(1);
    expect(j[0]!.multiplicity).toBe(2);
    expect(j[0]!.vectors).toHaveLength(1);
  });
  it('says so when a factor has no closed form', () => {
    expect(() => eigenExact(M('[[0, 0, 2], [1, 0, 0], [0, 1, 0]]'))).toThrow(EigenClosedFormError);
  });
});
