import { NonFiniteValueError } from '../errors.js';
import type { Integrand3 } from './types.js';

/*
 * The 7-point Gauss–Legendre rule and its 15-point Kronrod extension
 * (A. S. Kronrod, 1965, "Nodes and Weights of Quadrature Formulas"), with the
 * error estimate of QUADPACK (R. Piessens, E. de Doncker-Kapenga,
 * C. Überhuber, D. Kahaner, 1983, "QUADPACK: A Subroutine Package for
 * Automatic Integration", routine QK15). The tests verify these constants:
 * K15 must integrate polynomials of degree ≤ 22 exactly and G7 those of
 * degree ≤ 13, and the Gauss nodes are the zeros of P₇.
 */

/** Kronrod abscissae on [0, 1); odd indices are the Gauss nodes, index 7 is the centre. */
export const XGK = [
  0.991455371120812639206854697526329, 0.949107912342758524526189684047851, 0.864864423359769072789712788640926,
  0.741531185599394439863864773280788, 0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
  0.207784955007898467600689403773245, 0,
];

/** Kronrod weights matching XGK. */
export const WGK = [
  0.02293532201052922496373200805897, 0.063092092629978553290700663189204, 0.104790010322250183839876322541518,
  0.140653259715525918745189590510238, 0.16900472663926790282658342659855, 0.190350578064785409913256402421014,
  0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
];

/** Gauss weights for XGK[1], XGK[3], XGK[5] and the centre XGK[7]. */
export const WG = [
  0.129484966168869693270611432679082, 0.27970539148927666790146777142378, 0.381830050505118944950369775488975,
  0.417959183673469387755102040816327,
];

/** Kronrod estimate, error estimate and the integral of |f| over one subinterval. */
export interface KronrodPiece {
  a: number;
  b: number;
  value: number;
  error: number;
  /** ∫|f| over the piece, used for the round-off floor. */
  absValue: number;
}

/**
 * Apply G7–K15 on [l, r] ⊂ [A, B]. Distances to A and B are passed to f
 * in a cancellation-free form (c − A and B − c are computed once).
 */
export function kronrod15(f: Integrand3, l: number, r: number, A: number, B: number): KronrodPiece {
  const c = l + (r - l) / 2;
  const h = (r - l) / 2;
  const cA = c - A;
  const cB = B - c;
  const call = (off: number): number => {
    const x = c + off;
    const y = f(x, cA + off, cB - off);
    if (!Number.isFinite(y)) throw new NonFiniteValueError('integrand', x, y);
    return y;
  };
  const fc = call(0);
  let resk = WGK[7] * fc;
  let resg = WG[3] * fc;
  let resabs = Math.abs(resk);
  const f1 = new Float64Array(7);
  const f2 = new Float64Array(7);
  for (let j = 0; j < 7; j++) {
    const off = h * XGK[j];
    const y1 = call(-off);
    const y2 = call(off);
    f1[j] = y1;
    f2[j] = y2;
    resk += WGK[j] * (y1 + y2);
    resabs += WGK[j] * (Math.abs(y1) + Math.abs(y2));
    if (j % 2 === 1) resg += WG[(j - 1) / 2] * (y1 + y2);
  }
  const mean = resk / 2;
  let resasc = WGK[7] * Math.abs(fc - mean);
  for (let j = 0; j < 7; j++) resasc += WGK[j] * (Math.abs(f1[j] - mean) + Math.abs(f2[j] - mean));
  const ah = Math.abs(h);
  const value = resk * h;
  resabs *= ah;
  resasc *= ah;
  let error = Math.abs((resk - resg) * h);
  if (resasc !== 0 && error !== 0) error = resasc * Math.min(1, Math.pow((200 * error) / resasc, 1.5));
  if (resabs > Number.MIN_VALUE / (50 * Number.EPSILON)) error = Math.max(50 * Number.EPSILON * resabs, error);
  return { a: l, b: r, value, error, absValue: resabs };
}
