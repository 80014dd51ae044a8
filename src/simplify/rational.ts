/**
 * Rational functions: `cancel` (lowest terms through the multivariate gcd over ℚ), `together` (one common
 * denominator, shown factored), polynomial `quo`/`rem` in a chosen variable, and `gcd`/`lcm`.
 */
import { type Expr, isNum, mul, numOf, pow, MINUS_ONE } from '../ast/expr.js';
import { rcontent, gcd as pgcd, lcm as plcm, cancel as pcancel, pseudoDivide, Poly } from '../poly/index.js';
import { Kernels, type RatFun } from './poly-bridge.js';
import { AlgebraError } from './errors.js';
import { mapScalar } from './map.js';
import { checkVariable, mainIndex, soleVariable } from './vars.js';
import { factorPolyExpr } from './factor.js';
import { blcm } from '../poly/ratutil.js';
import { bgcd, rat } from '../ast/rational.js';
import { text } from '../render/text.js';

/** p/q in lowest terms over ℚ. */
export function lowest(r: RatFun): RatFun {
  if (r.den.isZero()) throw new AlgebraError('division by zero');
  return pcancel(r.num, r.den);
}

/** num/den with gcd(num, den) = 1, numerator and denominator expanded. */
export function cancel(e: Expr): Expr {
  return mapScalar(e, (x) => {
    if (x.kind === 'num' || x.kind === 'float' || x.kind === 'sym') return x;
    const K = Kernels.of([x], { normArg: cancel });
    return K.fromRatFun(lowest(K.toRatFun(x)));
  });
}

/** One fraction with a common denominator, common factors cancelled, the denominator factored. */
export function together(e: Expr): Expr {
  return mapScalar(e, (x) => {
    if (x.kind === 'num' || x.kind === 'float' || x.kind === 'sym') return x;
    const K = Kernels.of([x], { normArg: together });
    const r = lowest(K.toRatFun(x));
    if (r.den.isConstant()) return K.fromRatFun(r);
    return mul(K.fromPoly(r.num), pow(factorPolyExpr(r.den, K), MINUS_ONE));
  });
}

interface Division {
  quotient: Expr;
  remainder: Expr;
}

/**
 * Division with remainder in `x`: a = quo·b + rem with deg_x rem < deg_x b. Other symbols are coefficients
 * (the division is over the field of rational functions in them; pseudo-division keeps it in polynomials).
 */
export function divide(a: Expr, b: Expr, x?: Expr): Division {
  const K0 = Kernels.of([a, b]);
  const v = x ?? soleVariable(K0, 'quo');
  checkVariable(v, 'quo');
  const K = Kernels.of([a, b], { first: [v] });
  const i = mainIndex(K, v, 'quo');
  const ra = K.toRatFun(a);
  const rb = K.toRatFun(b);
  for (const [r, what] of [[ra, text(a)], [rb, text(b)]] as const) {
    if (r.den.degree(i) > 0) throw new AlgebraError(`quo/rem: ${what} is not a polynomial in ${text(v)}`);
  }
  if (rb.num.isZero()) throw new AlgebraError('quo/rem: division by the zero polynomial');
  const { q, r, multiplier } = pseudoDivide(ra.num, rb.num, i);
  // m·A = Q·B + R with a = A/da, b = B/db  ⇒  a = (Q·db/(m·da))·b + R/(m·da).
  const md = multiplier.mul(ra.den);
  return {
    quotient: K.fromRatFun(lowest({ num: q.mul(rb.den), den: md })),
    remainder: K.fromRatFun(lowest({ num: r, den: md })),
  };
}

export const quo = (a: Expr, b: Expr, x?: Expr): Expr => divide(a, b, x).quotient;
export const rem = (a: Expr, b: Expr, x?: Expr): Expr => divide(a, b, x).remainder;

function polysOf(es: readonly Expr[], op: string): { K: Kernels; ps: Poly[] } {
  const K = Kernels.of(es);
  return { K, ps: es.map((e) => K.toPoly(e, `argument ${text(e)} of ${op}`)) };
}

/** Greatest common divisor of numbers (of rationals: gcd of numerators over lcm of denominators) or polynomials. */
export function gcd(...es: Expr[]): Expr {
  if (es.length === 0) throw new AlgebraError('gcd needs at least one argument');
  if (es.every(isNum)) return numOf(rcontent(es.map((e) => e.value)));
  const { K, ps } = polysOf(es, 'gcd');
  return K.fromPoly(ps.reduce((g, p) => pgcd(g, p)));
}

/** Least common multiple of numbers or polynomials (primitive over ℤ with positive leading coefficient). */
export function lcm(...es: Expr[]): Expr {
  if (es.length === 0) throw new AlgebraError('lcm needs at least one argument');
  if (es.every(isNum)) {
    if (es.some((e) => e.value[0] === 0n)) return numOf([0n, 1n]);
    // lcm of rationals: lcm of numerators over gcd of denominators.
    let n = 1n;
    let d = 0n;
    for (const e of es) {
      n = blcm(n, e.value[0]);
      d = bgcd(d, e.value[1]);
    }
    return numOf(rat(n, d));
  }
  const { K, ps } = polysOf(es, 'lcm');
  if (ps.some((p) => p.isZero())) return numOf([0n, 1n]);
  return K.fromPoly(ps.reduce((g, p) => plcm(g, p)));
}
