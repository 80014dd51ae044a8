/**
 * Seeded generators for the fuzz suite: random strings over Lousa's tokens (and a few names that are JavaScript
 * internals), and random expression trees in x whose value is checked numerically.
 */

/** A small seeded PRNG (mulberry32): the same seed gives the same cases on every machine. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const TOKENS = [
  'x', 'y', 'n', '0', '1', '2', '3', '10', '0.5', '1e308', '1e-400', '-', '+', '*', '/', '^', '(', ')', '(', ')', ',', ' ',
  '=', '<', ':=', '[', ']', '!', "'", '.', 'pi', 'e', 'i', 'inf', 'nan', 'sin', 'cos', 'exp', 'log', 'sqrt', 'abs', 'gamma',
  'diff', 'simplify', 'expand', 'factor', 'N', 'limit', 'series', 'integrate', 'solve', 'mean', 'Normal', 'StudentT',
  'constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', '"', '#', '\\', '%', '&', '|', '?', '@',
  '10^400', '(-1)^(1/3)', 'f(x)', '0/0',
];

/** A random string of Lousa tokens, up to `maxLen` characters. */
export function randomString(r: Rng, maxLen = 60): string {
  let s = '';
  const n = r.int(1, 14);
  for (let k = 0; k < n; k++) s += r.pick(TOKENS);
  return s.slice(0, maxLen);
}

const UNARY = ['sin', 'cos', 'tan', 'exp', 'log', 'sqrt', 'atan', 'sinh', 'cosh', 'tanh', 'abs', 'erf', 'asinh'];
const LEAVES = ['x', 'x', 'x', '2', '3', '1/2', '-1', 'pi', 'e', '0.25', '5'];

/** A random expression in x of at most `depth` levels, as Lousa text. */
export function randomExpr(r: Rng, depth: number): string {
  if (depth <= 0 || r.chance(0.25)) return r.pick(LEAVES);
  const k = r.int(0, 6);
  const a = (): string => randomExpr(r, depth - 1);
  switch (k) {
    case 0: return `${r.pick(UNARY)}(${a()})`;
    case 1: return `(${a()}) + (${a()})`;
    case 2: return `(${a()}) - (${a()})`;
    case 3: return `(${a()}) * (${a()})`;
    case 4: return `(${a()}) / (${a()})`;
    case 5: return `(${a()})^${r.pick(['2', '3', '-1', '1/2', '-2', '4'])}`;
    default: return `${r.pick(UNARY)}(${a()})`;
  }
}

/** A random polynomial-like expression in x (products and integer powers of sums), for expand and factor. */
export function randomPolynomial(r: Rng): string {
  const factor = (): string => {
    const c = r.int(-4, 4);
    const d = r.int(1, 3);
    return `(x${d > 1 ? `^${d}` : ''} ${c < 0 ? '-' : '+'} ${Math.abs(c) || 1})${r.chance(0.3) ? `^${r.int(2, 3)}` : ''}`;
  };
  const n = r.int(1, 3);
  const parts: string[] = [];
  for (let k = 0; k < n; k++) parts.push(factor());
  return parts.join(' * ') + (r.chance(0.3) ? ` + ${r.int(-5, 5)}x` : '');
}
