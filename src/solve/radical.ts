/**
 * Equations with square roots, and with inverse functions on both sides.
 * - One radical √B at a time: writing the equation as P + Q√B = 0 (P, Q free of √B), every solution satisfies
 *   P² − Q²B = 0, which has one radical fewer. Squaring can add roots (x + √x − 2 = 0 gives x = 4 too), so the
 *   caller substitutes each candidate back into the original equation.
 * - f(A) = B with f an inverse function (asin, acos, atan, log): every solution satisfies A = f⁻¹(B); the
 *   compositions this creates are written without trig (sin(atan u) = u/√(1 + u²)).
 */
import { type Expr, type Sym, ZERO, ONE, add, mul, neg, pow, call, int, HALF, MINUS_ONE, sym } from '../ast/expr.js';
import { nodes, substitute } from '../ast/walk.js';
import { has, tidy, type Context } from './context.js';
import { polynomialCoefficients } from './polynomial.js';
import { together } from '../simplify/index.js';

/** A square root containing x: the base B of some B^(p/2) with p odd. */
function radicalBase(e: Expr, x: Sym): Expr | undefined {
  for (const n of nodes(e)) {
    if (n.kind === 'pow' && n.exp.kind === 'num' && n.exp.value[1] === 2n && has(n.base, x)) return n.base;
  }
  return undefined;
}

/** P² − Q²B for e = P + Q√B, or undefined when e has no square root of an expression in x. */
export function squareAway(e: Expr, ctx: Context): Expr | undefined {
  const B = radicalBase(e, ctx.x);
  if (B === undefined) return undefined;
  const r = sym('r__');
  const map = new Map<Expr, Expr>();
  for (const n of nodes(e)) {
    if (n.kind === 'pow' && n.base === B && n.exp.kind === 'num' && n.exp.value[1] === 2n) map.set(n, pow(r, int(n.exp.value[0])));
  }
  const t = together(substitute(e, map));
  const [num] = splitFraction(t);
  const c = polynomialCoefficients(num, r);
  if (c === undefined || c.length < 2) return undefined;
  let P: Expr = ZERO;
  let Q: Expr = ZERO;
  c.forEach((ck, j) => {
    const term = mul(ck, pow(B, int(Math.floor(j / 2))));
    if (j % 2 === 0) P = add(P, term);
    else Q = add(Q, term);
  });
  return tidy(add(mul(P, P), neg(mul(Q, Q, B))));
}

/** The numerator and denominator of a single fraction. */
export function splitFraction(t: Expr): [Expr, Expr] {
  const factors = t.kind === 'mul' ? t.args : [t];
  const num: Expr[] = [];
  const den: Expr[] = [];
  for (const f of factors) {
    if (f.kind === 'pow' && f.exp.kind === 'num' && f.exp.value[0] < 0n) den.push(pow(f.base, tidy(neg(f.exp))));
    else num.push(f);
  }
  return [mul(...num), mul(...den)];
}

const sq = (u: Expr): Expr => pow(u, int(2));
const root = (u: Expr): Expr => pow(u, HALF);

/** g(h(u)) for g a trig function and h an inverse trig function, without trig; undefined otherwise. */
const COMPOSE: Record<string, Record<string, (u: Expr) => Expr>> = {
  sin: { asin: (u) => u, acos: (u) => root(add(ONE, neg(sq(u)))), atan: (u) => mul(u, pow(add(ONE, sq(u)), neg(HALF))) },
  cos: { asin: (u) => root(add(ONE, neg(sq(u)))), acos: (u) => u, atan: (u) => pow(add(ONE, sq(u)), neg(HALF)) },
  tan: { asin: (u) => mul(u, pow(add(ONE, neg(sq(u))), neg(HALF))), acos: (u) => mul(root(add(ONE, neg(sq(u)))), pow(u, MINUS_ONE)), atan: (u) => u },
  exp: { log: (u) => u },
};

/** The forward function of an inverse function, for applying it to both sides. */
const FORWARD: Record<string, string> = { asin: 'sin', acos: 'cos', atan: 'tan', log: 'exp' };

/** Rewrite g(h(u)) compositions of COMPOSE everywhere in e. */
function compose(e: Expr): Expr {
  const map = new Map<Expr, Expr>();
  for (const n of nodes(e)) {
    if (n.kind === 'call' && n.args.length === 1) {
      const inner = n.args[0]!;
      if (inner.kind === 'call' && inner.args.length === 1) {
        const f = COMPOSE[n.fn]?.[inner.fn];
        if (f !== undefined) map.set(n, f(inner.args[0]!));
      }
    }
  }
  return map.size === 0 ? e : substitute(e, map);
}

/** From f(A) = B (f an inverse function, x on both sides) the necessary A − f⁻¹(B) = 0, compositions removed. */
export function applyForward(lhs: Expr, rhs: Expr, ctx: Context): Expr | undefined {
  for (const [l, r] of [[lhs, rhs], [rhs, lhs]] as const) {
    if (l.kind !== 'call' || l.args.length !== 1 || !has(r, ctx.x)) continue;
    const g = FORWARD[l.fn];
    if (g === undefined) continue;
    return tidy(add(l.args[0]!, neg(compose(call(g, [r])))));
  }
  return undefined;
}
