/**
 * Square-free decomposition by D. Y. Y. Yun (1976), "On square-free decomposition algorithms",
 * Proc. SYMSAC '76: p = c·∏ a_i^i with the a_i pairwise coprime and square-free. Works in
 * characteristic 0 only, which is all Lousa needs (ℚ and ℤ).
 */
import { Poly } from './poly.js';
import { gcd } from './gcd.js';
import { divideExact } from './division.js';
import { derivative } from './structure.js';
import { primitivePart } from './content.js';
import { type ZPoly, zderiv, zprimitive, zsub } from './zpoly.js';
import { zgcd, zdiv } from './zgcd.js';

/**
 * Yun's algorithm on a primitive f ∈ ℤ[x]: returns [a_1, a_2, …] (primitive, positive leading
 * coefficients, possibly 1 = [1n]) with f = ±∏ a_i^i.
 */
export function zsquareFree(f: ZPoly): ZPoly[] {
  const out: ZPoly[] = [];
  if (f.length <= 1) return out;
  const fp = zderiv(f);
  const b = zgcd(f, fp);
  let c = zdiv(f, b);
  let d = zsub(zdiv(fp, b), zderiv(c));
  while (c.length > 1) {
    const a = zprimitive(zgcd(c, d));
    out.push(a);
    c = zdiv(c, a);
    d = zsub(zdiv(d, a), zderiv(c));
  }
  return trimOnes(out);
}

/**
 * Yun's algorithm in the variable x_v for a polynomial primitive in x_v (its content in x_v is a
 * constant): returns [a_1, a_2, …], primitive over ℤ, with p = c·∏ a_i^i.
 */
export function squareFreeIn(p: Poly, v: number): Poly[] {
  const out: Poly[] = [];
  if (p.degree(v) <= 0) return out;
  const pp = derivative(p, v);
  const b = gcd(p, pp);
  let c = divideExact(p, b);
  let d = divideExact(pp, b).sub(derivative(c, v));
  while (c.degree(v) > 0) {
    const a = gcd(c, d);
    out.push(a);
    c = divideExact(c, a);
    d = divideExact(d, a).sub(derivative(c, v));
  }
  const result = out.map(primitivePart);
  while (result.length > 0 && result[result.length - 1]!.isConstant()) result.pop();
  return result;
}

function trimOnes(xs: ZPoly[]): ZPoly[] {
  while (xs.length > 0 && xs[xs.length - 1]!.length === 1) xs.pop();
  return xs;
}
