/** Polynomial interpolation over ℚ by Newton's divided differences. */
import { type Rational, rsub, rdiv } from '../ast/rational.js';
import { Poly, PolyError } from './poly.js';
import { type Coef, toRat } from './ratutil.js';

/**
 * The unique polynomial of degree < n in x_v (of a ring with `nvars` variables) through the n points
 * (xs[i], ys[i]). The xs must be distinct.
 */
export function interpolate(xs: readonly Coef[], ys: readonly Coef[], nvars = 1, v = 0): Poly {
  if (xs.length !== ys.length) throw new PolyError(`interpolate: ${xs.length} abscissae but ${ys.length} values`);
  const X = xs.map(toRat);
  const keys = new Set(X.map((x) => `${x[0]}/${x[1]}`));
  if (keys.size !== X.length) throw new PolyError('interpolate: abscissae must be distinct');
  const n = X.length;
  // In-place divided differences: c[i] = f[x_0, …, x_i].
  const c: Rational[] = ys.map(toRat);
  for (let j = 1; j < n; j++) {
    for (let i = n - 1; i >= j; i--) c[i] = rdiv(rsub(c[i]!, c[i - 1]!), rsub(X[i]!, X[i - j]!));
  }
  // Horner on the Newton form: c0 + (x−x0)(c1 + (x−x1)(c2 + …)).
  const x = Poly.variable(nvars, v);
  let p = Poly.zero(nvars);
  for (let i = n - 1; i >= 0; i--) p = p.mul(x.sub(Poly.constant(nvars, X[i]!))).add(Poly.constant(nvars, c[i]!));
  return p;
}


