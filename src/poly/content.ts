/** Rational content and integer primitive parts. */
import { type Rational, rdiv, rneg } from '../ast/rational.js';
import { Poly, PolyError } from './poly.js';
import { rcontent, rinv } from './ratutil.js';

/**
 * The rational content c (sign of the leading coefficient) and the primitive part P with integer,
 * coprime coefficients and positive lex leading coefficient, so that p = c·P. For p = 0: c = 0, P = 0.
 */
export function primitiveZ(p: Poly): { content: Rational; primitive: Poly } {
  if (p.isZero()) return { content: [0n, 1n], primitive: p };
  let c = rcontent(p.terms.map((t) => t.coef));
  if (p.lc()[0] < 0n) c = rneg(c);
  return { content: c, primitive: p.scale(rinv(c)) };
}

/** Integer primitive representative with positive leading coefficient (0 stays 0). */
export function primitivePart(p: Poly): Poly {
  return primitiveZ(p).primitive;
}

/** Rational content, signed like the leading coefficient (0 for p = 0). */
export function content(p: Poly): Rational {
  return primitiveZ(p).content;
}

/** p divided by its lex leading coefficient. */
export function monic(p: Poly): Poly {
  if (p.isZero()) throw new PolyError('the zero polynomial has no monic associate');
  return p.scale(rdiv([1n, 1n], p.lc()));
}

/** True when every coefficient is an integer. */
export function hasIntegerCoefficients(p: Poly): boolean {
  return p.terms.every((t) => t.coef[1] === 1n);
}
