/**
 * Exact eigenvalues and eigenvectors where the characteristic polynomial splits into factors of degree ≤ 2.
 * The polynomial (Faddeev–LeVerrier) is factored over ℚ with `factor`; each irreducible factor g of degree
 * 1 or 2 gives its roots in closed form. Eigenvectors of a linear factor come from the nullspace of A - λI.
 * For a quadratic factor the nullspace is computed once in the field ℚ[t]/(g(t)) (fraction-free
 * Gauss–Jordan with every entry reduced mod g, so a zero is recognised exactly), then both roots are
 * substituted for t; this avoids deciding whether expressions with nested square roots vanish.
 */
import { type Expr, type Sym, ONE, ZERO, add, int, mul, neg, pow, sym } from '../../ast/expr.js';
import { freeSymbols } from '../../eval/n.js';
import { evaluate } from '../../eval/evaluate.js';
import { expand, factor, rem } from '../../simplify/index.js';
import { text } from '../../render/text.js';
import { EigenClosedFormError } from './errors.js';
import { normal, replaceIn } from './field.js';
import { charpolyCoefficients } from './charpoly.js';
import { nullspaceExact } from './elimination.js';
import { type ExprMatrix, requireSquare } from './matrix.js';
import { coefficientsIn, smallDegreeRoots } from './roots.js';

export interface EigenPair {
  readonly value: Expr;
  /** Algebraic multiplicity (power of the factor in the characteristic polynomial). */
  readonly multiplicity: number;
  /** A basis of the eigenspace (its size is the geometric multiplicity). */
  readonly vectors: readonly (readonly Expr[])[];
}

function freshSymbol(m: ExprMatrix): Sym {
  const used = new Set(m.flatMap((r) => r.flatMap((x) => freeSymbols(x))));
  let name = 't';
  while (used.has(name)) name += '_';
  return sym(name);
}

interface FactorPower { readonly base: Expr; readonly power: number }

function factorsIn(p: Expr, t: Sym): FactorPower[] {
  const f = factor(p);
  const parts = f.kind === 'mul' ? f.args : [f];
  const out: FactorPower[] = [];
  for (const part of parts) {
    const [base, power] = part.kind === 'pow' && part.exp.kind === 'num' && part.exp.value[1] === 1n
      ? [part.base, Number(part.exp.value[0])] : [part, 1];
    if (freeSymbols(base).includes(t.name)) out.push({ base, power });
  }
  return out;
}

/** Real numeric eigenvalues in increasing order; anything symbolic or complex keeps the factor order. */
function sortByValue(pairs: EigenPair[]): EigenPair[] {
  const key = (e: Expr): number => {
    try {
      return evaluate(e);
    } catch {
      return NaN;
    }
  };
  const keys = pairs.map((p) => key(p.value));
  if (keys.some((k) => !Number.isFinite(k))) return pairs;
  return pairs.map((p, i) => ({ p, k: keys[i]! })).sort((x, y) => x.k - y.k).map((x) => x.p);
}

const shifted = (a: ExprMatrix, lambda: Expr): ExprMatrix =>
  a.map((r, i) => r.map((x, j) => (i === j ? add(x, neg(lambda)) : x)));

/** Nullspace of A - tI over ℚ[t]/(g): fraction-free Gauss–Jordan, entries reduced mod g after every step. */
function nullspaceModulo(a: ExprMatrix, g: Expr, t: Sym): Expr[][] {
  const reduce = (e: Expr): Expr => normal(rem(expand(e), g, t));
  const m = shifted(a, t).map((r) => r.map(reduce));
  const n = m.length;
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < n && r < n; c++) {
    let p = r;
    while (p < n && m[p]![c] === ZERO) p++;
    if (p === n) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    const pr = m[r]!;
    const piv = pr[c]!;
    for (let i = 0; i < n; i++) {
      if (i === r || m[i]![c] === ZERO) continue;
      const f = m[i]![c]!;
      m[i] = m[i]!.map((x, j) => reduce(add(mul(piv, x), neg(mul(f, pr[j]!)))));
    }
    pivots.push(c);
    r++;
  }
  const basis: Expr[][] = [];
  for (let free = 0; free < n; free++) {
    if (pivots.includes(free)) continue;
    // x_free = Π pivots, x_{c_r} = -a_{r,free} Π_{s≠r} pivot_s: a multiple of the usual basis vector, free of division.
    const piv = pivots.map((c, k) => m[k]![c]!);
    const v: Expr[] = new Array<Expr>(n).fill(ZERO);
    v[free] = reduce(mul(ONE, ...piv));
    pivots.forEach((c, k) => {
      v[c] = reduce(mul(int(-1), m[k]![free]!, ...piv.filter((_, s) => s !== k)));
    });
    basis.push(v);
  }
  return basis;
}

/** Eigenvalues with multiplicities and eigenvectors; throws `EigenClosedFormError` for irreducible factors of degree > 2. */
export function eigenExact(a: ExprMatrix, withVectors = true): EigenPair[] {
  requireSquare(a, 'eig');
  const t = freshSymbol(a);
  const c = charpolyCoefficients(a);
  const p = add(...c.map((ck, k) => mul(ck, pow(t, int(k)))));
  const out: EigenPair[] = [];
  for (const { base, power } of factorsIn(p, t)) {
    const cs = coefficientsIn(base, t);
    const roots = smallDegreeRoots(cs);
    if (roots === undefined) {
      throw new EigenClosedFormError(`the characteristic polynomial has the factor ${text(replaceIn(base, t, sym('lambda')))} `
        + `of degree ${cs.length - 1} with no closed-form roots; use N(…) on the matrix for numeric eigenvalues`);
    }
    if (!withVectors) {
      for (const value of roots) out.push({ value, multiplicity: power, vectors: [] });
    } else if (roots.length === 1) {
      out.push({ value: roots[0]!, multiplicity: power, vectors: nullspaceExact(shifted(a, roots[0]!)) });
    } else {
      const generic = nullspaceModulo(a, base, t);
      for (const value of roots) {
        const at = (e: Expr): Expr => expand(replaceIn(e, t, value));
        out.push({ value, multiplicity: power, vectors: generic.map((v) => v.map(at)) });
      }
    }
  }
  return sortByValue(out);
}




/** Eigenvalues only, each repeated by its algebraic multiplicity. */
export function eigenvaluesExact(a: ExprMatrix): Expr[] {
  return eigenExact(a, false).flatMap((e) => Array<Expr>(e.multiplicity).fill(e.value));
}
