/** Dense univariate polynomials with rational coefficients (index = power), for Gosper's algorithm. */
import { type Rational, rat, radd, rsub, rmul, rdiv, ZERO as RZERO, ONE as RONE } from '../ast/rational.js';
import { binomial } from './numbers.js';

export type QPoly = Rational[];

const isZ = (r: Rational): boolean => r[0] === 0n;

export function trim(p: QPoly): QPoly {
  const out = [...p];
  while (out.length > 0 && isZ(out[out.length - 1]!)) out.pop();
  return out;
}

export const deg = (p: QPoly): number => trim(p).length - 1;
export const lc = (p: QPoly): Rational => trim(p)[deg(p)] ?? RZERO;

export function addP(a: QPoly, b: QPoly): QPoly {
  const n = Math.max(a.length, b.length);
  return trim(Array.from({ length: n }, (_, i) => radd(a[i] ?? RZERO, b[i] ?? RZERO)));
}

export const scaleP = (a: QPoly, c: Rational): QPoly => trim(a.map((x) => rmul(x, c)));
export const subP = (a: QPoly, b: QPoly): QPoly => addP(a, scaleP(b, rat(-1n)));

export function mulP(a: QPoly, b: QPoly): QPoly {
  if (a.length === 0 || b.length === 0) return [];
  const out: Rational[] = new Array<Rational>(a.length + b.length - 1).fill(RZERO);
  a.forEach((x, i) => b.forEach((y, j) => { out[i + j] = radd(out[i + j]!, rmul(x, y)); }));
  return trim(out);
}

/** Quotient and remainder of a by b ≠ 0. */
export function divmodP(a: QPoly, b: QPoly): [QPoly, QPoly] {
  let r = trim(a);
  const db = deg(b);
  const q: Rational[] = new Array<Rational>(Math.max(0, r.length - db)).fill(RZERO);
  while (r.length > 0 && deg(r) >= db) {
    const shift = deg(r) - db;
    const c = rdiv(lc(r), lc(b));
    q[shift] = c;
    const t: Rational[] = new Array<Rational>(shift).fill(RZERO).concat(b.map((x) => rmul(x, c)));
    r = subP(r, t);
  }
  return [trim(q), r];
}

export function gcdP(a: QPoly, b: QPoly): QPoly {
  let x = trim(a);
  let y = trim(b);
  while (y.length > 0) [x, y] = [y, divmodP(x, y)[1]];
  return x.length === 0 ? x : scaleP(x, rdiv(RONE, lc(x)));
}

/** p(k + h). */
export function shiftP(p: QPoly, h: Rational): QPoly {
  const out: Rational[] = new Array<Rational>(p.length).fill(RZERO);
  p.forEach((c, j) => {
    let hp: Rational = RONE;
    for (let i = j; i >= 0; i--) {
      out[i] = radd(out[i]!, rmul(c, rmul(rat(binomial(j, i)), hp)));
      hp = rmul(hp, h);
    }
  });
  return trim(out);
}

export const constP = (c: Rational): QPoly => trim([c]);
export const linP = (c0: Rational, c1: Rational): QPoly => trim([c0, c1]);
export const ONE_P: QPoly = [RONE];
export { rsub };
