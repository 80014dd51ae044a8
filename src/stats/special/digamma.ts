/**
 * Digamma psi(x) = d/dx log Gamma(x) and trigamma psi'(x).
 * psi: recurrence psi(x) = psi(x + 1) - 1/x up to x >= 10, then the asymptotic expansion
 * psi(x) ~ log x - 1/(2x) - sum B_2k / (2k x^2k) (A&S 6.3.18); reflection for x <= 0.
 * Around the positive zero x0 = 1.46163... the Taylor series
 * psi(x) = sum_{k>=1} (-1)^(k+1) zeta(k+1, x0) (x - x0)^k with x0 held in two doubles keeps full
 * relative precision where the recurrence would cancel.
 */
import { sinpi, cospi } from './elementary.js';
import { hurwitzZeta } from './zeta.js';

const X0_HI = 1.4616321449683622;
const X0_LO = 9.549995429965697e-17;
const ROOT_COEF: number[] = [];
for (let k = 1; k <= 30; k++) ROOT_COEF.push((k % 2 === 1 ? 1 : -1) * hurwitzZeta(k + 1, X0_HI + X0_LO));

const ASYM = [1 / 12, -1 / 120, 1 / 252, -1 / 240, 1 / 132, -691 / 32760, 1 / 12];

/** The digamma function psi(x). NaN at the poles 0, -1, -2, ... */
export function digamma(x: number): number {
  if (Number.isNaN(x) || x === -Infinity) return NaN;
  if (x === Infinity) return Infinity;
  if (x <= 0) {
    if (Number.isInteger(x)) return NaN;
    // psi(1 - x) - psi(x) = pi cot(pi x)
    return digamma(1 - x) - (Math.PI * cospi(x)) / sinpi(x);
  }
  const d = x - X0_HI - X0_LO;
  if (Math.abs(d) < 0.25) {
    let s = 0;
    for (let i = ROOT_COEF.length - 1; i >= 0; i--) s = s * d + ROOT_COEF[i];
    return s * d;
  }
  let acc = 0;
  let y = x;
  while (y < 10) {
    acc -= 1 / y;
    y += 1;
  }
  const r = 1 / (y * y);
  let s = 0;
  for (let i = ASYM.length - 1; i >= 0; i--) s = s * r + ASYM[i];
  return Math.log(y) - 0.5 / y - s * r + acc;
}

/** The trigamma function psi'(x) = zeta(2, x). */
export function trigamma(x: number): number {
  if (Number.isNaN(x) || x === -Infinity) return NaN;
  if (x === Infinity) return 0;
  if (x <= 0) {
    if (Number.isInteger(x)) return NaN;
    const s = sinpi(x);
    return (Math.PI * Math.PI) / (s * s) - trigamma(1 - x);
  }
  return hurwitzZeta(2, x);
}
