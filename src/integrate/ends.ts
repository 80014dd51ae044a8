/**
 * The value of an antiderivative with parameters at an infinite end of a definite integral, by dominance: a term
 * with a factor e^(u(x)) where u → −∞ polynomially, times factors of at most algebraic growth (powers, logs,
 * bounded functions), tends to 0; atan, tanh and erf of c·x tend to ±π/2, ±1, ±1 by the sign of c; a term free
 * of x stays. The sign a parameter must have (a > 0 for e^(−a x)) is taken from the assumptions, or returned as
 * a condition when they do not decide it. Anything else: undefined (the caller falls back or leaves the integral).
 * Every value produced here is cross-checked against numeric quadrature at admissible parameter values.
 */
import { type Expr, type Sym, type Rel, add, mul, neg, int, sym, rel, isNumber, numberValue, ZERO, ONE, HALF } from '../ast/expr.js';
import { substitute } from '../ast/walk.js';
import { freeSymbols } from '../eval/n.js';
import { Assumptions, sign } from '../simplify/assume.js';
import { free, linearParts } from './linear.js';

/** Degree and leading coefficient of a polynomial in x written with sums, products and integer powers. */
function leading(e: Expr, x: Sym): { deg: number; coeff: Expr } | undefined {
  if (free(e, x)) return { deg: 0, coeff: e };
  if (e === x) return { deg: 1, coeff: ONE };
  if (e.kind === 'mul') {
    let deg = 0;
    const cs: Expr[] = [];
    for (const a of e.args) {
      const l = leading(a, x);
      if (l === undefined) return undefined;
      deg += l.deg;
      cs.push(l.coeff);
    }
    return { deg, coeff: mul(...cs) };
  }
  if (e.kind === 'pow' && e.exp.kind === 'num' && e.exp.value[1] === 1n && e.exp.value[0] > 0n) {
    const l = leading(e.base, x);
    const k = Number(e.exp.value[0]);
    return l && { deg: l.deg * k, coeff: mul(...Array.from({ length: k }, () => l.coeff)) };
  }
  if (e.kind === 'add') {
    const ls = e.args.map((a) => leading(a, x));
    if (ls.some((l) => l === undefined)) return undefined;
    const deg = Math.max(...ls.map((l) => l!.deg));
    const top = ls.filter((l) => l!.deg === deg).map((l) => l!.coeff);
    if (top.length > 1) return undefined; // the leading coefficients might cancel
    return { deg, coeff: top[0]! };
  }
  return undefined;
}

/** Conditions gathered while deciding signs (as relations on one parameter). */
class SignOracle {
  readonly conditions: Rel[] = [];
  constructor(private readonly A: Assumptions) {}

  /** +1 or −1 when the assumptions (or a stated condition `p > 0` / `p < 0`) fix the sign of c; else undefined. */
  signOf(c: Expr, want?: 1 | -1): 1 | -1 | undefined {
    if (isNumber(c)) return numberValue(c) > 0 ? 1 : numberValue(c) < 0 ? -1 : undefined;
    const s = sign(c, this.A);
    if (s === 'pos') return 1;
    if (s === 'neg') return -1;
    if (want === undefined) return undefined;
    // c = k·p with k a number: the condition on p that gives c the wanted sign
    const ps = freeSymbols(c);
    if (ps.length !== 1) return undefined;
    const p = sym(ps[0]!);
    const lin = linearParts(c, p);
    if (lin === undefined || lin.b !== ZERO || !isNumber(lin.a)) return undefined;
    const k = numberValue(lin.a);
    this.conditions.push(rel(k * want > 0 ? '>' : '<', p, ZERO));
    return want;
  }
}

/** Does e grow at most like a power of x (times logs) as x → +∞, bounded functions included? */
function algebraic(e: Expr, x: Sym): boolean {
  if (free(e, x) || e === x) return true;
  switch (e.kind) {
    case 'add': case 'mul': return e.args.every((a) => algebraic(a, x));
    case 'pow': return free(e.exp, x) && algebraic(e.base, x);
    case 'call':
      if (['sin', 'cos', 'atan', 'tanh', 'erf'].includes(e.fn)) return true;
      if (e.fn === 'log' || e.fn === 'abs' || e.fn === 'sqrt') return e.args.every((a) => algebraic(a, x));
      return false;
    default: return false;
  }
}

/** Is e = exp(u) with u → −∞ (polynomially)? */
function decays(e: Expr, x: Sym, S: SignOracle): boolean {
  if (e.kind !== 'call' || e.fn !== 'exp') return false;
  const l = leading(e.args[0]!, x);
  return l !== undefined && l.deg > 0 && S.signOf(l.coeff, -1) === -1;
}

/** The limit of one factor as x → +∞, when finite. */
function factorLimit(e: Expr, x: Sym, S: SignOracle): Expr | undefined {
  if (free(e, x)) return e;
  if (e.kind === 'call' && e.args.length === 1) {
    const l = leading(e.args[0]!, x);
    if (l === undefined || l.deg === 0) return undefined;
    const s = S.signOf(l.coeff);
    if (s === undefined) return undefined;
    if (e.fn === 'atan') return mul(int(s), sym('pi'), HALF);
    if (e.fn === 'tanh' || e.fn === 'erf') return int(s);
    if (e.fn === 'exp') return s < 0 ? ZERO : undefined;
    return undefined;
  }
  if (e.kind === 'pow' && isNumber(e.exp) && numberValue(e.exp) < 0 && algebraic(e.base, x)) {
    const l = leading(e.base, x);
    return l !== undefined && l.deg > 0 ? ZERO : undefined;
  }
  return undefined;
}

/** lim T(x) as x → +∞ for one term (a product), or undefined. */
function termLimit(t: Expr, x: Sym, S: SignOracle): Expr | undefined {
  if (free(t, x)) return t;
  const fs = t.kind === 'mul' ? t.args : [t];
  const decaying = fs.filter((f) => decays(f, x, S));
  if (decaying.length > 0 && fs.every((f) => decaying.includes(f) || algebraic(f, x))) return ZERO;
  const ls: Expr[] = [];
  for (const f of fs) {
    const l = factorLimit(f, x, S);
    if (l === undefined) return undefined;
    ls.push(l);
  }
  return mul(...ls);
}

/** The terms of e with products of sums distributed (c·(t₁ + t₂) → c·t₁ + c·t₂), to `depth` levels. */
function termsOf(e: Expr, x: Sym, depth: number): Expr[] {
  if (e.kind === 'add') return e.args.flatMap((t) => termsOf(t, x, depth));
  if (depth > 0 && e.kind === 'mul') {
    const i = e.args.findIndex((t) => t.kind === 'add' && !free(t, x));
    if (i >= 0) {
      const others = e.args.filter((_, j) => j !== i);
      return (e.args[i] as { args: readonly Expr[] }).args.flatMap((t) => termsOf(mul(...others, t), x, depth - 1));
    }
  }
  return [e];
}

export interface EndValue {
  readonly value: Expr;
  readonly conditions: readonly Rel[];
}

/** lim F(x) as x → +∞ (dir 1) or −∞ (dir −1), by dominance term by term; conditions on the parameters it needs. */
export function valueAtInfinity(F: Expr, x: Sym, dir: 1 | -1, A: Assumptions): EndValue | undefined {
  const G = dir === 1 ? F : substitute(F, new Map<Expr, Expr>([[x, neg(x)]]));
  const S = new SignOracle(A);
  const terms = termsOf(G, x, 3);
  const ls: Expr[] = [];
  for (const t of terms) {
    const l = termLimit(t, x, S);
    if (l === undefined) return undefined;
    ls.push(l);
  }
  return { value: add(...ls), conditions: S.conditions };
}
