/** Rational roots of univariate polynomials over ℚ, read off the linear factors of the factorisation. */
import type { Rational } from '../ast/rational.js';
import { rat } from '../ast/rational.js';
import { Poly, PolyError } from './poly.js';
import { factor } from './factor.js';
import { mainVariable, toDense } from './structure.js';

export interface RationalRoot {
  root: Rational;
  multiplicity: number;
}

/** All rational roots with multiplicities, in increasing order. Throws for the zero polynomial. */
export function rationalRoots(p: Poly): RationalRoot[] {
  if (p.isZero()) throw new PolyError('every number is a root of the zero polynomial');
  const v = mainVariable(p);
  const out: RationalRoot[] = [];
  for (const [f, k] of factor(p).factors) {
    if (f.degree(v) !== 1) continue;
    const [c0, c1] = toDense(f, v);
    out.push({ root: rat(-c0![0] * c1![1], c0![1] * c1![0]), multiplicity: k });
  }
  return out.sort((a, b) => {
    const d = a.root[0] * b.root[1] - b.root[0] * a.root[1];
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  });
}


