/**
 * `factor`: over ℚ, completely for polynomials in one kernel (Zassenhaus with Hensel lifting, from
 * `src/poly`), and by contents and square-free parts in several; quotients are factored above and below.
 * The result is a product of powers: `factor(x^4 - 1)` → `(x - 1)(x + 1)(x^2 + 1)`.
 */
import { type Expr, mul, pow, num, MINUS_ONE } from '../ast/expr.js';
import { factor as pfactor, type Poly } from '../poly/index.js';
import { Kernels, joinSymbolicPowers } from './poly-bridge.js';
import { mapScalar } from './map.js';
import { lowest } from './rational.js';

/** unit · ∏ fᵢ^mᵢ of a polynomial in the kernels of K. */
export function factorPolyExpr(p: Poly, K: Kernels): Expr {
  if (p.isConstant()) return K.coef(p.constantValue());
  const f = pfactor(p);
  return mul(K.coef(f.unit), ...joinSymbolicPowers(f.factors.map(([q, m]) => pow(K.fromPoly(q), num(m)))));
}

export function factor(e: Expr): Expr {
  return mapScalar(e, (x) => {
    if (x.kind === 'num' || x.kind === 'float' || x.kind === 'sym') return x;
    const K = Kernels.of([x], { normArg: factor });
    const r = lowest(K.toRatFun(x));
    const top = factorPolyExpr(r.num, K);
    return mul(top, pow(factorPolyExpr(r.den, K), MINUS_ONE));
  });
}
