/**
 * A pseudo-elliptic pair with a fourth root: for a < 0, y = (a + b x²)^(1/4), k = (−b²/(4a))^(1/4) and
 * c + d x² = (d/b)(2a + b x²),
 *   ∫ dx/(y·(2a + b x²))    =  (atan(k x/y) + atanh(y/(k x)))/(4ak)
 *   ∫ x² dx/(y³·(2a + b x²)) = −(atan(k x/y) − atanh(y/(k x)))/(4ak³)
 * (atanh(1/u) = acoth u has the derivative of atanh u; |k x/y| > 1 wherever y is real).
 * Proof: with t = x/y, dt/dx = (2a + b x²)/(2y⁵), and y⁴ − k⁴x⁴ = (2a + b x²)²/(4a); differentiating the right
 * sides gives the integrands. These are integrals of binomial type outside Chebyshev's cases that are still
 * elementary (the classical "pseudo-elliptic" integrals; cf. G. H. Hardy, 1916, "The Integration of Functions of
 * a Single Variable", §V).
 */
import { type Expr, type Sym, add, mul, pow, call, numOf, int, children } from '../ast/expr.js';
import { type Rational, rat, rdiv, rmul, rneg, rsub, ONE as RONE } from '../ast/rational.js';
import type { Ctx, Found } from './types.js';
import { free } from './linear.js';
import { asRational } from './ratexpr.js';
import { leaf } from './found.js';

const isZero = (r: Rational | undefined): boolean => r === undefined || r[0] === 0n;

/** [a, b] when p = a + b x² exactly. */
function evenQuadratic(p: readonly Rational[]): [Rational, Rational] | undefined {
  if (p.length !== 3 || !isZero(p[1])) return undefined;
  return [p[0]!, p[2]!];
}

export function quarticPseudoElliptic(f: Expr, x: Sym, _ctx: Ctx): Found | undefined {
  void _ctx;
  // exactly one radical (a + b x²)^(−1/4) or (a + b x²)^(−3/4)
  let rad: (Expr & { kind: 'pow' }) | undefined;
  let bad = false;
  const seen = new Set<Expr>();
  const visit = (e: Expr): void => {
    if (bad || seen.has(e) || free(e, x)) return;
    seen.add(e);
    if (e.kind === 'pow' && e.exp.kind === 'num' && e.exp.value[1] !== 1n) {
      if (rad !== undefined && rad !== e) bad = true;
      rad = e;
      return;
    }
    for (const c of children(e)) visit(c);
  };
  visit(f);
  if (bad || rad === undefined || rad.exp.kind !== 'num') return undefined;
  const e = rad.exp.value;
  if (e[1] !== 4n || (e[0] !== -1n && e[0] !== -3n)) return undefined;
  const B = asRational(rad.base, x);
  if (B === undefined || B.den.length !== 1) return undefined;
  const ab = evenQuadratic(B.num.map((c) => rdiv(c, B.den[0]!)));
  if (ab === undefined) return undefined;
  const [a, b] = ab;
  if (a[0] >= 0n) return undefined;
  // the rest f / rad must be κ·x^(2i)/(2a + b x²) with i = 0 (e = −1/4) or i = 1 (e = −3/4)
  if (f.kind !== 'mul' || !f.args.includes(rad)) return undefined;
  const rest = asRational(mul(...f.args.filter((t) => t !== rad)), x);
  if (rest === undefined) return undefined;
  const i = e[0] === -1n ? 0 : 1;
  const target: Rational[] = [rmul(rat(2n), a), rat(0n), b]; // 2a + b x²
  if (rest.den.length !== 3 || rest.num.length !== 2 * i + 1) return undefined;
  for (let j = 0; j < 2 * i; j++) if (!isZero(rest.num[j])) return undefined;
  // rest = κ x^(2i)/den with den ∝ 2a + b x²
  const lam = rdiv(rest.den[2]!, b);
  if (!isZero(rsub(rest.den[1] ?? rat(0n), rmul(lam, target[1]!))) || rsub(rest.den[0]!, rmul(lam, target[0]!))[0] !== 0n) return undefined;
  const kappa = rdiv(rest.num[2 * i]!, lam);
  const k4 = rdiv(rneg(rmul(b, b)), rmul(rat(4n), a));
  const k = pow(numOf(k4), numOf(rat(1n, 4n)));
  const y = pow(rad.base, numOf(rat(1n, 4n)));
  const arg = mul(k, x, pow(y, int(-1)));
  const at = call('atan', [arg]);
  // |k x/y| > 1 on the whole domain (y⁴ − k⁴x⁴ = (2a + b x²)²/(4a) < 0), so atanh is taken of the reciprocal:
  // atanh(1/u) has the same derivative as atanh(u) and is real there.
  const ath = call('atanh', [pow(arg, int(-1))]);
  const value = i === 0
    ? mul(numOf(rdiv(kappa, rmul(rat(4n), a))), pow(k, int(-1)), add(at, ath))
    : mul(numOf(rdiv(rneg(kappa), rmul(rat(4n), a))), pow(k, int(-3)), add(at, mul(int(-1), ath)));
  return leaf('int/quartic-pseudo-elliptic', f, x, value, [['k', k]]);
}

export const _internal = { evenQuadratic, RONE };
