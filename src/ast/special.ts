/**
 * The special functions the operator table's numeric column needs. The implementations live in src/stats/special
 * (accurate to a few ulps: Cody's erf, a Stirling/Taylor lgamma with exact factorials, continued fractions and
 * Temme's expansion for the incomplete gamma, TOMS 708-style incomplete beta, …) and src/eval (polygamma.ts, zeta.ts);
 * this file only gives each one a domain check and a total form.
 *
 * A domain check returns why the arguments are outside the real domain (the message `evaluate` shows), or
 * undefined. The total form returns NaN there instead of throwing, as IEEE arithmetic and compiled kernels do:
 * the operator table's `eval` column and the kernels' runtime use the very same function.
 */
import {
  beta, betainc, betaincc, betaincinv, erfcinv, erfinv, gammainc, gammaincc, gammainccinv, gammaincinv, lbeta,
} from '../stats/special/index.js';

export { erf, erfc, erfcx, gamma, lgamma, digamma, trigamma } from '../stats/special/index.js';
export { polygamma } from '../eval/polygamma.js';
/** ζ(s) for every real s ≠ 1 (total: NaN at the pole). */
export { zeta as zetaTotal } from '../eval/zeta.js';

export type Domain = (...args: number[]) => string | undefined;

const isPole = (x: number): boolean => x <= 0 && Number.isInteger(x);

/** Poles at 0, −1, −2, … (gamma, lgamma, digamma, trigamma). */
export const poles = (name: string): Domain => (x) => (isPole(x) ? `${name} has a pole at ${x}` : undefined);

const positive = (name: string, what: string, v: number): string | undefined =>
  (v > 0 ? undefined : `${name} needs ${what} > 0, got ${v}`);
const probability = (name: string, what: string, v: number): string | undefined =>
  (v >= 0 && v <= 1 ? undefined : `${name} needs ${what} in [0, 1], got ${v}`);

export const DOMAINS = {
  polygamma: (n: number, x: number) => (!(Number.isInteger(n) && n >= 0)
    ? `polygamma needs an integer order n ≥ 0, got ${n}` : isPole(x) ? `polygamma has a pole at ${x}` : undefined),
  beta: (a: number, b: number) => positive('beta', 'a', a) ?? positive('beta', 'b', b),
  lbeta: (a: number, b: number) => positive('lbeta', 'a', a) ?? positive('lbeta', 'b', b),
  gammainc: (a: number, x: number) => positive('gammainc', 'a', a) ?? (x >= 0 ? undefined : `gammainc needs x ≥ 0, got ${x}`),
  gammaincc: (a: number, x: number) => positive('gammaincc', 'a', a) ?? (x >= 0 ? undefined : `gammaincc needs x ≥ 0, got ${x}`),
  gammaincinv: (a: number, p: number) => positive('gammaincinv', 'a', a) ?? probability('gammaincinv', 'p', p),
  gammainccinv: (a: number, q: number) => positive('gammainccinv', 'a', a) ?? probability('gammainccinv', 'q', q),
  betainc: (a: number, b: number, x: number) => positive('betainc', 'a', a) ?? positive('betainc', 'b', b)
    ?? probability('betainc', 'x', x),
  betaincc: (a: number, b: number, x: number) => positive('betaincc', 'a', a) ?? positive('betaincc', 'b', b)
    ?? probability('betaincc', 'x', x),
  betaincinv: (a: number, b: number, p: number) => positive('betaincinv', 'a', a) ?? positive('betaincinv', 'b', b)
    ?? probability('betaincinv', 'p', p),
  erfinv: (y: number) => (y >= -1 && y <= 1 ? undefined : `erfinv needs y in [-1, 1], got ${y}`),
  erfcinv: (y: number) => (y >= 0 && y <= 2 ? undefined : `erfcinv needs y in [0, 2], got ${y}`),
  zeta: (s: number) => (s === 1 ? 'zeta has a pole at s = 1' : undefined),
  log1p: (x: number) => (x > -1 ? undefined : `log1p needs x > -1, got ${x}`),
} as const;

// Total forms: NaN where the domain check fails (NaN arguments fail every check).
const P = (v: number): boolean => v > 0;
const U = (v: number): boolean => v >= 0 && v <= 1;

export const betaTotal = (a: number, b: number): number => (P(a) && P(b) ? beta(a, b) : NaN);
export const lbetaTotal = (a: number, b: number): number => (P(a) && P(b) ? lbeta(a, b) : NaN);
export const gammaincTotal = (a: number, x: number): number => (P(a) && x >= 0 ? gammainc(a, x) : NaN);
export const gammainccTotal = (a: number, x: number): number => (P(a) && x >= 0 ? gammaincc(a, x) : NaN);
export const gammaincinvTotal = (a: number, p: number): number => (P(a) && U(p) ? gammaincinv(a, p) : NaN);
export const gammainccinvTotal = (a: number, q: number): number => (P(a) && U(q) ? gammainccinv(a, q) : NaN);
export const betaincTotal = (a: number, b: number, x: number): number => (P(a) && P(b) && U(x) ? betainc(a, b, x) : NaN);
export const betainccTotal = (a: number, b: number, x: number): number => (P(a) && P(b) && U(x) ? betaincc(a, b, x) : NaN);
export const betaincinvTotal = (a: number, b: number, p: number): number => (P(a) && P(b) && U(p) ? betaincinv(a, b, p) : NaN);
export const erfinvTotal = (y: number): number => (y >= -1 && y <= 1 ? erfinv(y) : NaN);
export const erfcinvTotal = (y: number): number => (y >= 0 && y <= 2 ? erfcinv(y) : NaN);
