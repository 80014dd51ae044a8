/**
 * Characteristic polynomial det(t I - A) by the Faddeev–LeVerrier recurrence (U. J. J. Le Verrier, 1840;
 * D. K. Faddeev and I. S. Sominsky, 1949): M_1 = I, c_{n-1} = -tr(A); M_k = A M_{k-1} + c_{n-k+1} I,
 * c_{n-k} = -tr(A M_k)/k. It divides only by the integers k, so it works for symbolic entries too.
 */
import { type Expr, ONE, add, frac, mul, pow, int, sym, type Sym } from '../../ast/expr.js';
import { collect, expand } from '../../simplify/index.js';
import { normal } from './field.js';
import { type ExprMatrix, identityExpr, matmulExpr, requireSquare } from './matrix.js';

/** Coefficients c_0 … c_n (c_n = 1) of det(t I - A). */
export function charpolyCoefficients(a: ExprMatrix): Expr[] {
  const n = requireSquare(a, 'charpoly');
  const c: Expr[] = new Array<Expr>(n + 1).fill(ONE);
  let m: ExprMatrix = identityExpr(n);
  for (let k = 1; k <= n; k++) {
    if (k > 1) {
      const am = matmulExpr(a, m);
      m = am.map((r, i) => r.map((x, j) => normal(i === j ? add(x, c[n - k + 1]!) : x)));
    }
    const am = matmulExpr(a, m);
    c[n - k] = normal(mul(frac(-1, k), add(...am.map((r, i) => r[i]!))));
  }
  return c;
}

/** det(t I - A) as an expression in `t` (default symbol `lambda`). */
export function charpolyExact(a: ExprMatrix, t: Sym = sym('lambda')): Expr {
  const c = charpolyCoefficients(a);
  return collect(expand(add(...c.map((ck, k) => mul(ck, pow(t, int(k)))))), t);
}
