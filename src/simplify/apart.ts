/**
 * `apart(e, x)`: partial fractions over ℚ in x, with linear and irreducible higher-degree (e.g. quadratic)
 * denominators from `src/poly` (Geddes, Czapor & Labahn 1992, §6.3). Other symbols may appear in the
 * numerator and as a factor of the denominator free of x, since the decomposition is linear in the
 * numerator: p/(c·q) = Σ_m (m/c)·apart(p_m/q) over the monomials m of p in the other kernels.
 */
import { type Expr, add, mul, pow, num, numOf, ZERO } from '../ast/expr.js';
import { type Rational, rmul, rdiv } from '../ast/rational.js';
import { Poly, apart as papart, contentIn, divideExact, primitiveZ } from '../poly/index.js';
import { Kernels } from './poly-bridge.js';
import { AlgebraError } from './errors.js';
import { mapScalar } from './map.js';
import { lowest } from './rational.js';
import { checkVariable, mainIndex, soleVariable } from './vars.js';
import { text } from '../render/text.js';

export function apart(e: Expr, x?: Expr): Expr {
  return mapScalar(e, (y) => apartScalar(y, x));
}

function apartScalar(e: Expr, x?: Expr): Expr {
  if (e.kind === 'num' || e.kind === 'float' || e.kind === 'sym') return e;
  const v = x ?? soleVariable(Kernels.of([e]), 'apart');
  checkVariable(v, 'apart');
  const K = Kernels.of([e], { first: [v] });
  const i = mainIndex(K, v, 'apart');
  const r = lowest(K.toRatFun(e));
  const n = K.nvars;
  const c = contentIn(r.den, i);
  const d = divideExact(r.den, c);
  if (d.variables().some((w) => w !== i)) {
    throw new AlgebraError(`apart: the denominator ${text(K.fromPoly(r.den))} does not split into a factor free of ${text(v)} times a polynomial in ${text(v)} alone; partial fractions with symbolic parameters in the denominator are not supported`);
  }
  if (d.isConstant()) return K.fromRatFun(r);
  // Group the numerator by its monomials in the other kernels.
  const groups = new Map<string, { mono: number[]; terms: { exp: number[]; coef: Rational }[] }>();
  for (const t of r.num.terms) {
    const mono = t.exp.map((k, j) => (j === i ? 0 : k));
    const key = mono.join(',');
    const g = groups.get(key) ?? { mono, terms: [] };
    const exp = new Array<number>(n).fill(0);
    exp[i] = t.exp[i]!;
    g.terms.push({ exp, coef: t.coef });
    groups.set(key, g);
  }
  let polyPart = Poly.zero(n);
  const parts = new Map<string, { F: Poly; j: number; A: Poly }>();
  for (const { mono, terms } of groups.values()) {
    const m = Poly.monomial(n, mono);
    const pf = papart(Poly.fromTerms(n, terms), d);
    polyPart = polyPart.add(pf.polynomial.mul(m));
    for (const t of pf.terms) {
      // f is monic; F = lc·f is primitive over ℤ with positive leading coefficient, so A/f^j = A·lc^j/F^j.
      const { primitive: F } = primitiveZ(t.factor);
      const lc = rdiv(F.lc(), t.factor.lc());
      let s: Rational = [1n, 1n];
      for (let k = 0; k < t.power; k++) s = rmul(s, lc);
      const key = `${F.toString()}^${t.power}`;
      const old = parts.get(key);
      const A = t.numerator.mul(m).scale(s);
      parts.set(key, { F, j: t.power, A: old ? old.A.add(A) : A });
    }
  }
  const cInv = c.isConstant() ? numOf(rdiv([1n, 1n], c.constantValue())) : pow(K.fromPoly(c), num(-1));
  const out: Expr[] = [mul(cInv, K.fromPoly(polyPart))];
  for (const { F, j, A } of parts.values()) {
    if (A.isZero()) continue;
    // Show (2 - x)/(3(x^2 - x + 1)) rather than (2/3 - x/3)/(x^2 - x + 1).
    const { content, primitive } = primitiveZ(A);
    const sign = primitive.lc()[0] < 0n && primitive.terms.length === 1 ? -1n : 1n;
    out.push(mul(cInv, numOf([sign * content[0], content[1]]), K.fromPoly(primitive.scale([sign, 1n])), pow(K.fromPoly(F), num(-j))));
  }
  return out.length === 0 ? ZERO : add(...out);
}
