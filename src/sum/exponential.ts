/**
 * Σ_{k=a}^{∞} P(k)·x^k/k! = e^x·Σ_i (Σ_p c_p S(p, i)) x^i (Touchard: k^p = Σ_i S(p, i) k(k−1)…(k−i+1), and
 * Σ_k k(k−1)…(k−i+1) x^k/k! = x^i e^x), less the terms below a; and the binomial theorem with its derivatives,
 * Σ_{k=0}^{n} C(n, k) k(k−1)…(k−i+1) r^k = n(n−1)…(n−i+1) r^i (1 + r)^(n−i).
 */
import { type Expr, type Sym, add, mul, pow, int, numOf, call, sub, ZERO, ONE, MINUS_ONE } from '../ast/expr.js';
import { simplify } from '../simplify/index.js';
import { dependsOn } from '../simplify/vars.js';
import { linearIn, polyCoeffs } from './terms.js';
import { rat } from '../ast/rational.js';
import { stirling2 } from './numbers.js';

/** Σ_p c_p k^p = Σ_i d_i k(k−1)…(k−i+1): the coefficients d_i in the falling-factorial basis. */
export function fallingCoeffs(cs: readonly Expr[]): Expr[] {
  const d: Expr[] = [];
  for (let i = 0; i < cs.length; i++) {
    const parts: Expr[] = [];
    for (let p = i; p < cs.length; p++) {
      const s = stirling2(p, i);
      if (s !== 0n) parts.push(mul(numOf(rat(s)), cs[p]!));
    }
    d.push(add(...parts));
  }
  return d;
}

/** n(n − 1)…(n − i + 1). */
export const falling = (n: Expr, i: number): Expr => mul(...Array.from({ length: i }, (_, j) => sub(n, int(j))));

/** Σ_{k=0}^{∞} P(k) x^k / k!. */
export function exponentialSeries(cs: readonly Expr[], x: Expr): Expr {
  const d = fallingCoeffs(cs);
  return mul(call('exp', [x]), add(...d.map((di, i) => (di === ZERO ? ZERO : mul(di, pow(x, int(i)))))));
}

/** Σ_{k=0}^{n} C(n, k) P(k) r^k. */
export function binomialSum(cs: readonly Expr[], n: Expr, r: Expr): Expr {
  const d = fallingCoeffs(cs);
  return add(...d.map((di, i) => (di === ZERO ? ZERO : mul(di, falling(n, i), pow(r, int(i)), pow(add(int(1), r), sub(n, int(i)))))));
}

/**
 * Σ_{k=0}^{n} P(k)·n!/(k!(n − k)!)·x^k·y^(n−k) = Σ_i d_i n(n−1)…(n−i+1) x^i (x + y)^(n−i), reading x^k and y^(n−k)
 * (with x = 1 or y = 1 when absent) from the factors; undefined when the summand is not of this shape.
 */
export function binomialTheorem(f: Expr, k: Sym, n: Expr): Expr | undefined {
  const factors = f.kind === 'mul' ? f.args : [f];
  let x: Expr = ONE;
  let y: Expr = ONE;
  const constant: Expr[] = [];
  const poly: Expr[] = [];
  let kFact = false;
  let nkFact = false;
  for (const g of factors) {
    if (!dependsOn(g, k)) {
      constant.push(g);
      continue;
    }
    if (g.kind === 'pow' && g.exp === MINUS_ONE && g.base.kind === 'call' && g.base.fn === 'factorial') {
      const arg = g.base.args[0]!;
      if (arg === k && !kFact) { kFact = true; continue; }
      if (simplify(sub(arg, sub(n, k))) === ZERO && !nkFact) { nkFact = true; continue; }
      return undefined;
    }
    if (g.kind === 'pow' && !dependsOn(g.base, k)) {
      const lin = linearIn(g.exp, k);
      if (lin !== undefined && lin[0] === ONE && x === ONE) {
        x = g.base;
        constant.push(pow(g.base, lin[1]));
        continue;
      }
      if (lin !== undefined && lin[0] === MINUS_ONE && y === ONE) {
        const c = simplify(sub(lin[1], n));
        y = g.base;
        constant.push(pow(g.base, c));
        continue;
      }
      return undefined;
    }
    poly.push(g);
  }
  if (!kFact || !nkFact) return undefined;
  const cs = polyCoeffs(mul(...poly), k);
  if (cs === undefined) return undefined;
  const d = fallingCoeffs(cs);
  const body = add(...d.map((di, i) => (di === ZERO ? ZERO : mul(di, falling(n, i), pow(x, int(i)), pow(add(x, y), sub(n, int(i)))))));
  return mul(...constant, body, pow(call('factorial', [n]), MINUS_ONE));
}
