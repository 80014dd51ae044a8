/**
 * Rational functions of sin/cos (and tan, cot, sec, csc) and of exp/sinh/cosh/tanh of multiples of one linear
 * argument t, reduced to rational functions.
 *
 * Trigonometric: Bioche's rules (C. Bioche, 1902; see e.g. J.-M. Monier, "Analyse" vol. 1) choose u = cos t when
 * f(−t)d(−t) = f(t)dt, u = sin t when f(π−t)d(π−t) = f(t)dt, u = tan t when f(π+t)d(π+t) = f(t)dt, and
 * otherwise the Weierstrass substitution u = tan(t/2) (K. Weierstrass; sin t = 2u/(1+u²), cos t = (1−u²)/(1+u²)).
 * Exponential/hyperbolic: u = e^t turns sinh, cosh, tanh and e^(n t) into rational functions of u.
 */
import { type Expr, type Sym, add, mul, pow, call, sub, div, numOf, int, HALF, ONE, MINUS_ONE, children, withChildren, sym } from '../ast/expr.js';
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
export function commonArgument(f: Expr, x: Sym, fns: Set<string>): { calls: Expr[]; g: Rational; b: Expr; n: Map<Expr, bigint> } | undefined {
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

export function multipleAngle(n: bigint, S: Expr, C: Expr): [Expr, Expr] {
  let s: Expr = numOf([0n, 1n]);
  let c: Expr = ONE;
  const k = n < 0n ? -n : n;
  for (let i = 0n; i < k; i++) [s, c] = [add(mul(s, C), mul(c, S)), sub(mul(c, C), mul(s, S))];
  return n < 0n ? [mul(MINUS_ONE, s), c] : [s, c];
}

export const safeCancel = (e: Expr): Expr | undefined => {
  if (treeSize(e, 600) >= 600) return undefined;
  try {
    return cancel(e);
  } catch {
    return undefined;
  }
};

const value = (h: Expr, env: Record<string, number>): number => {
  try {
    return evaluate(h, env);
  } catch {
    return NaN;
  }
};

/**
 * Does h(sS·S, sC·C) = sign·h(S, C) at sample points (S, C) = point(θ)? Points where h is not real on either
 * side (radicals of negative numbers) are skipped, but h must be real at both ends of at least one point.
 */
export function symmetric(h: Expr, S: Sym, C: Sym, sS: number, sC: number, sign: number, point: (th: number) => [number, number] = (th) => [Math.sin(th), Math.cos(th)]): boolean {
  let seen = 0;
  for (const th of [0.37, 1.91, 4.05, 0.83, 2.61, 5.33, 1.43, 1.77, 4.47, 2.39, 2.47, 2.53]) {
    const [s, c] = point(th);
    const a = value(h, { [S.name]: s, [C.name]: c });
    const b = value(h, { [S.name]: sS * s, [C.name]: sC * c });
    if (!Number.isFinite(a) && !Number.isFinite(b)) continue;
    if (!Number.isFinite(a) || !Number.isFinite(b) || Math.abs(a - sign * b) > 1e-9 * Math.max(1, Math.abs(a))) return false;
    seen++;
  }
  return seen >= 1; // a heuristic choice of substitution: the result is verified anyway
}

/** g is built from u and numbers by +, ×, and powers with rational exponents (an algebraic function of u). */
export function algebraicIn(g: Expr, U: Sym): boolean {
  const seen = new Set<Expr>();
  const go = (e: Expr): boolean => {
    if (seen.has(e)) return true;
    seen.add(e);
    switch (e.kind) {
      case 'num': return true;
      case 'sym': return e === U || e.name === 'pi' || e.name === 'e';
      case 'add': case 'mul': return e.args.every(go);
      case 'pow': return (e.exp.kind === 'num' || free(e.exp, U)) && go(e.base) && (e.exp.kind === 'num' || free(e.base, U));
      default: return free(e, U);
    }
  };
  return go(g);
}

/**
 * Integrate g(u) du (a rational function, or an algebraic one handed to the search, where the radical
 * substitutions finish it) and write the result in x.
 */
export function finishIn(g: Expr | undefined, U: Sym, ctx: Ctx, f: Expr, x: Sym, u: Expr, du: Expr, rule: string, anyKind = false) {
  if (g === undefined || !free(g, x)) return undefined;
  const rational = asRational(g, U) !== undefined;
  if (!rational && (ctx.substDepth >= 3 || (anyKind ? treeSize(g, 200) >= 200 : !algebraicIn(g, U)))) return undefined;
  if (!rational) ctx.substDepth++;
  let k;
  try {
    k = ctx.integrate(g, U);
  } finally {
    if (!rational) ctx.substDepth--;
  }
  if (k === undefined) return undefined;
  return node(rule, f, x, k.before, unwrapAtanTan(substituteMap(k.value, new Map([[U, u]])), x), [k], [['u', u], ['du', du]], k.value);
}

/**
 * atan(tan(t)) with t linear in x is t up to a piecewise constant (atanh(tanh t), asinh(sinh t) are t): the
 * continuous choice, and one that later
 * steps (by parts, sums) can integrate further.
 */
export function unwrapAtanTan(e: Expr, x: Sym): Expr {
  const go = (t: Expr): Expr => {
    if (free(t, x)) return t;
    if (t.kind === 'call' && (t.fn === 'atan' || t.fn === 'atanh' || t.fn === 'asinh')) {
      // atanh(tanh t) = t and asinh(sinh t) = t exactly; atan(tan t) = t up to a piecewise constant
      const a = t.args[0]!;
      const inner = t.fn === 'atan' ? 'tan' : t.fn === 'atanh' ? 'tanh' : 'sinh';
      if (a.kind === 'call' && a.fn === inner && linearParts(a.args[0]!, x) !== undefined) return a.args[0]!;
    }
    const kids = children(t);
    return kids.length === 0 ? t : withChildren(t, kids.map(go));
  };
  return go(e);
}
const tryRational = finishIn;

export const trigRational: Method = (f, x, ctx) => {
  const info = commonArgument(f, x, TRIG);
  if (info === undefined) return undefined;
  const S = freshSymbol('S', f);
  const C = freshSymbol('C', f);
  const map = new Map<Expr, Expr>();
  for (const c of info.calls) {
    const [s, co] = multipleAngle(info.n.get(c)!, S, C);
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
  return finishIn(g, U, ctx, f, x, u, mul(gx, u, sym('dx')), 'int/exp-substitution', true);
};
