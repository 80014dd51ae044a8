/**
 * Rational functions of sin/cos (and tan, cot, sec, csc) and of exp/sinh/cosh/tanh of multiples of one linear
 * argument t, reduced to rational functions.
 *
 * Trigonometric: Bioche's rules (C. Bioche, 1902; see e.g. J.-M. Monier, "Analyse" vol. 1) choose u = cos t when
 * f(−t)d(−t) = f(t)dt, u = sin t when f(π−t)d(π−t) = f(t)dt, u = tan t when f(π+t)d(π+t) = f(t)dt, and
 * otherwise the Weierstrass substitution u = tan(t/2) (K. Weierstrass; sin t = 2u/(1+u²), cos t = (1−u²)/(1+u²)).
 * Exponential/hyperbolic: u = e^t turns sinh, cosh, tanh and e^(n t) into rational functions of u.
 */
import { type Expr, type Sym, add, mul, pow, call, sub, div, numOf, int, HALF, ONE, MINUS_ONE, children, sym } from '../ast/expr.js';
import { type Rational, rat, rdiv, bgcd } from '../ast/rational.js';
import { evaluate } from '../eval/evaluate.js';
import { cancel } from '../simplify/index.js';
import type { Ctx, Method } from './types.js';
import { free, freshSymbol, substituteMap, linearParts, treeSize } from './linear.js';
import { asRational } from './ratexpr.js';
import { node } from './found.js';

const TRIG = new Set(['sin', 'cos', 'tan', 'cot', 'sec', 'csc']);
const HYP = new Set(['exp', 'sinh', 'cosh', 'tanh']);

/** Calls of `fns` whose arguments are a_i·x + b; returns the common step t = g·x + b and each a_i/g. */
function commonArgument(f: Expr, x: Sym, fns: Set<string>): { calls: Expr[]; g: Rational; b: Expr; n: Map<Expr, bigint> } | undefined {
  const calls = new Set<Expr>();
  let ok = true;
  const visit = (e: Expr): void => {
    if (!ok || free(e, x)) return;
    if (e === x) { ok = false; return; }
    if (e.kind === 'call' && fns.has(e.fn) && e.args.length === 1) { calls.add(e); return; }
    for (const c of children(e)) visit(c);
  };
  visit(f);
  if (!ok || calls.size === 0) return undefined;
  const lins = [...calls].map((c) => ({ c, l: linearParts((c as { args: readonly Expr[] }).args[0]!, x) }));
  if (lins.some((l) => l.l === undefined || l.l.a.kind !== 'num')) return undefined;
  const b0 = lins[0]!.l!.b;
  const same = lins.every((l) => l.l!.a === lins[0]!.l!.a && l.l!.b === b0);
  if (!same && lins.some((l) => l.l!.b.kind !== 'num' || l.l!.b.value[0] !== 0n)) return undefined;
  let num = 0n;
  let den = 1n;
  for (const { l } of lins) {
    const a = (l!.a as { value: Rational }).value;
    num = bgcd(num, a[0]);
    den = den * a[1] / bgcd(den, a[1]);
  }
  const g = rat(num, den);
  const n = new Map<Expr, bigint>();
  for (const { c, l } of lins) {
    const q = rdiv((l!.a as { value: Rational }).value, g);
    if (q[1] !== 1n || q[0] > 12n || q[0] < -12n) return undefined;
    n.set(c, q[0]);
  }
  return { calls: [...calls], g, b: same ? b0 : numOf([0n, 1n]), n };
}

function multiple(n: bigint, S: Expr, C: Expr): [Expr, Expr] {
  let s: Expr = numOf([0n, 1n]);
  let c: Expr = ONE;
  const k = n < 0n ? -n : n;
  for (let i = 0n; i < k; i++) [s, c] = [add(mul(s, C), mul(c, S)), sub(mul(c, C), mul(s, S))];
  return n < 0n ? [mul(MINUS_ONE, s), c] : [s, c];
}

const safeCancel = (e: Expr): Expr | undefined => {
  if (treeSize(e, 600) >= 600) return undefined;
  try {
    return cancel(e);
  } catch {
    return undefined;
  }
};

function symmetric(h: Expr, S: Sym, C: Sym, sS: number, sC: number, sign: number): boolean {
  for (const th of [0.37, 1.91, 4.05]) {
    const s = Math.sin(th);
    const c = Math.cos(th);
    try {
      const a = evaluate(h, { [S.name]: s, [C.name]: c });
      const b = evaluate(h, { [S.name]: sS * s, [C.name]: sC * c });
      if (!Number.isFinite(a) || Math.abs(a - sign * b) > 1e-9 * Math.max(1, Math.abs(a))) return false;
    } catch {
      return false;
    }
  }
  return true;
}

function tryRational(g: Expr | undefined, U: Sym, ctx: Ctx, f: Expr, x: Sym, u: Expr, du: Expr, rule: string) {
  if (g === undefined || asRational(g, U) === undefined) return undefined;
  const k = ctx.integrate(g, U);
  if (k === undefined) return undefined;
  return node(rule, f, x, k.before, substituteMap(k.value, new Map([[U, u]])), [k], [['u', u], ['du', du]], k.value);
}

export const trigRational: Method = (f, x, ctx) => {
  const info = commonArgument(f, x, TRIG);
  if (info === undefined) return undefined;
  const S = freshSymbol('S', f);
  const C = freshSymbol('C', f);
  const map = new Map<Expr, Expr>();
  for (const c of info.calls) {
    const [s, co] = multiple(info.n.get(c)!, S, C);
    const fn = (c as { fn: string }).fn;
    map.set(c, fn === 'sin' ? s : fn === 'cos' ? co : fn === 'tan' ? div(s, co) : fn === 'cot' ? div(co, s) : fn === 'sec' ? div(ONE, co) : div(ONE, s));
  }
  const h = substituteMap(f, map);
  if (!free(h, x)) return undefined;
  const gx = numOf(info.g);
  const t = add(mul(gx, x), info.b);
  const U = freshSymbol('u', f, S, C);
  const dtdx = pow(gx, MINUS_ONE);
  const dx = sym('dx');
  if (symmetric(h, S, C, -1, 1, -1)) {
    const q = safeCancel(mul(h, pow(S, MINUS_ONE)));
    const g = q && safeCancel(mul(int(-1), dtdx, substituteMap(q, new Map<Expr, Expr>([[C, U], [S, pow(sub(ONE, pow(U, int(2))), HALF)]]))));
    const r = tryRational(g, U, ctx, f, x, call('cos', [t]), mul(int(-1), gx, call('sin', [t]), dx), 'int/bioche-cos');
    if (r) return r;
  }
  if (symmetric(h, S, C, 1, -1, -1)) {
    const q = safeCancel(mul(h, pow(C, MINUS_ONE)));
    const g = q && safeCancel(mul(dtdx, substituteMap(q, new Map<Expr, Expr>([[S, U], [C, pow(sub(ONE, pow(U, int(2))), HALF)]]))));
    const r = tryRational(g, U, ctx, f, x, call('sin', [t]), mul(gx, call('cos', [t]), dx), 'int/bioche-sin');
    if (r) return r;
  }
  const onePlus = add(ONE, pow(U, int(2)));
  if (symmetric(h, S, C, -1, -1, 1)) {
    const q = safeCancel(substituteMap(h, new Map<Expr, Expr>([[S, mul(U, C)]])));
    const g = q && safeCancel(mul(dtdx, pow(onePlus, MINUS_ONE), substituteMap(q, new Map<Expr, Expr>([[C, pow(onePlus, frac(-1, 2))]]))));
    const r = tryRational(g, U, ctx, f, x, call('tan', [t]), mul(gx, pow(call('cos', [t]), int(-2)), dx), 'int/bioche-tan');
    if (r) return r;
  }
  const w = new Map<Expr, Expr>([[S, div(mul(int(2), U), onePlus)], [C, div(sub(ONE, pow(U, int(2))), onePlus)]]);
  const g = safeCancel(mul(int(2), dtdx, pow(onePlus, MINUS_ONE), substituteMap(h, w)));
  const half = mul(HALF, t);
  return tryRational(g, U, ctx, f, x, call('tan', [half]), mul(HALF, gx, pow(call('cos', [half]), int(-2)), dx), 'int/weierstrass');
};

const frac = (a: number, b: number): Expr => numOf(rat(BigInt(a), BigInt(b)));

export const expRational: Method = (f, x, ctx) => {
  const info = commonArgument(f, x, HYP);
  if (info === undefined) return undefined;
  if (info.b.kind !== 'num' || info.b.value[0] !== 0n) return undefined;
  const U = freshSymbol('u', f);
  const map = new Map<Expr, Expr>();
  for (const c of info.calls) {
    const n = info.n.get(c)!;
    const p = pow(U, int(n));
    const m = pow(U, int(-n));
    const fn = (c as { fn: string }).fn;
    map.set(c, fn === 'exp' ? p : fn === 'sinh' ? mul(HALF, sub(p, m)) : fn === 'cosh' ? mul(HALF, add(p, m)) : div(sub(p, m), add(p, m)));
  }
  const h = substituteMap(f, map);
  if (!free(h, x)) return undefined;
  const gx = numOf(info.g);
  const g = safeCancel(mul(h, pow(mul(gx, U), MINUS_ONE)));
  const u = call('exp', [mul(gx, x)]);
  return tryRational(g, U, ctx, f, x, u, mul(gx, u, sym('dx')), 'int/exp-substitution');
};
