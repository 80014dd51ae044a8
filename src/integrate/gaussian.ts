/**
 * Polynomials times a Gaussian, ∫ P(x)·exp(a x² + b x + c) dx with a < 0: the integrals of probability.
 *
 * Undetermined coefficients: ∫ P e^Q = R e^Q + λ ∫ e^Q with deg R = deg P − 1, because (R e^Q)' = (R' + R Q') e^Q;
 * matching R' + R·Q' + λ = P from the top degree down fixes R and λ (a triangular system, Q' = 2a x + b). The
 * remaining integral is the error function: with s = √(−a) and β = b/(2s),
 *   a x² + b x + c = −(s x − β)² + c + β²,   ∫ e^Q dx = e^(c + β²)·√π/(2s)·erf(s x − β).
 * (For a > 0 the answer needs erfi, which the operator table does not have; such integrands are left alone.)
 */
import { type Expr, type Sym, add, mul, pow, call, numOf, HALF, PI, ZERO, int } from '../ast/expr.js';
import { type Rational, rat, radd, rsub, rmul, rdiv, rneg, ZERO as RZERO } from '../ast/rational.js';
import { registerLabels } from '../render/labels.js';
import type { Found, Method } from './types.js';
import { asPolynomial } from './ratexpr.js';
import { free } from './linear.js';
import { toExprP, type UPoly } from './upoly.js';
import { node } from './found.js';

registerLabels({
  'int/poly-exp': {
    en: 'polynomial times an exponential: the integral of P·exp(b x + c) is R·exp(b x + c) with R′ + b R = P (by parts, all at once)',
    pt: 'polinômio vezes uma exponencial: a integral de P·exp(b x + c) é R·exp(b x + c) com R′ + b R = P (por partes, de uma vez)',
  },
  'int/gaussian': {
    en: 'polynomial times a Gaussian: the integral of P·exp(Q) is R·exp(Q) plus λ times that of exp(Q) (R and λ by undetermined coefficients), an erf after completing the square',
    pt: 'polinômio vezes uma gaussiana: a integral de P·exp(Q) é R·exp(Q) mais λ vezes a de exp(Q) (R e λ por coeficientes a determinar), uma erf depois de completar o quadrado',
  },
});

/** Split f into P(x)·exp(Q(x)) with P, Q polynomials over ℚ, deg Q = 2. */
function split(f: Expr, x: Sym): { P: UPoly; Q: UPoly } | undefined {
  const factors = f.kind === 'mul' ? f.args : [f];
  const exps: Expr[] = [];
  const rest: Expr[] = [];
  for (const g of factors) {
    if (g.kind === 'call' && g.fn === 'exp' && !free(g, x)) exps.push(g.args[0]!);
    else rest.push(g);
  }
  if (exps.length === 0) return undefined;
  const Q = asPolynomial(add(...exps), x);
  if (Q === undefined || (Q.length !== 3 && Q.length !== 2)) return undefined;
  const P = asPolynomial(mul(...rest), x);
  if (P === undefined || P.length === 0 || P.length > 40) return undefined;
  return { P, Q };
}

const coef = (p: UPoly, k: number): Rational => p[k] ?? RZERO;

/** √(p/q) for p, q > 0 written as (m/q)·√k with k free of small square factors: √(1/8) = √2/4. */
function surd(r: Rational): Expr {
  let n = r[0] * r[1];
  let m = 1n;
  for (let d = 2n; d * d <= n && d < 10_000n; d++) {
    while (n % (d * d) === 0n) {
      n /= d * d;
      m *= d;
    }
  }
  return mul(numOf(rat(m, r[1])), n === 1n ? int(1) : pow(numOf(rat(n)), HALF));
}

/**
 * ∫ P(x)·e^(b x + c) dx = R(x)·e^(b x + c) with R′ + b R = P, so r_n = p_n/b and r_k = (p_k − (k+1) r_{k+1})/b:
 * the closed form of repeated integration by parts, at any degree in one pass.
 */
function linearExponent(f: Expr, x: Sym, P: UPoly, Q: UPoly): Found | undefined {
  const b = coef(Q, 1);
  // Low degrees are left to integration by parts, whose steps a reader follows more easily.
  if (b[0] === 0n || P.length < 5) return undefined;
  const n = P.length - 1;
  const r: Rational[] = new Array(n + 1).fill(RZERO);
  for (let k = n; k >= 0; k--) r[k] = rdiv(rsub(coef(P, k), rmul(rat(BigInt(k + 1)), coef(r, k + 1))), b);
  const R = toExprP(r, x);
  const value = mul(R, call('exp', [toExprP(Q, x)]));
  return node('int/poly-exp', f, x, value, value, [], [['R', R]]);
}

export const gaussian: Method = (f, x) => {
  const parts = split(f, x);
  if (parts === undefined) return undefined;
  const { P, Q } = parts;
  if (Q.length === 2) return linearExponent(f, x, P, Q);
  const [c, b, a] = [coef(Q, 0), coef(Q, 1), coef(Q, 2)];
  if (a[0] >= 0n) return undefined;
  const n = P.length - 1;
  // R = r_0 + … + r_{n−1} x^(n−1): x^k coefficient of R' + R·(2a x + b) is (k+1) r_{k+1} + 2a r_{k−1} + b r_k.
  const r: Rational[] = new Array(Math.max(n, 0)).fill(RZERO);
  const twoA = rmul(rat(2n), a);
  for (let k = n; k >= 1; k--) {
    const known = radd(rmul(b, coef(r, k)), rmul(rat(BigInt(k + 1)), coef(r, k + 1)));
    r[k - 1] = rdiv(rsub(coef(P, k), known), twoA);
  }
  const lambda = rsub(rsub(coef(P, 0), rmul(b, coef(r, 0))), coef(r, 1));
  const eQ = call('exp', [toExprP(Q, x)]);
  const R = toExprP(r, x);
  const terms: Expr[] = [mul(R, eQ)];
  const bindings: [string, Expr][] = [['R', R], ['λ', numOf(lambda)]];
  if (lambda[0] !== 0n) {
    const s = surd(rneg(a));
    const beta = mul(numOf(rdiv(b, rat(2n))), pow(s, int(-1)));
    const shift = add(numOf(c), mul(numOf(rdiv(rmul(b, b), rmul(rat(-4n), a)))));
    const erfPart = mul(shift === ZERO ? int(1) : call('exp', [shift]), pow(PI, HALF), pow(mul(int(2), s), int(-1)), call('erf', [add(mul(s, x), mul(int(-1), beta))]));
    terms.push(mul(numOf(lambda), erfPart));
  }
  const value = add(...terms);
  return value === ZERO ? undefined : node('int/gaussian', f, x, value, value, [], bindings);
};
