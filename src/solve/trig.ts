/**
 * Trigonometric equations as polynomials in one function. When x occurs only inside sin, cos, tan (and their
 * reciprocals) of integer multiples n·u of one argument u, the half-angle substitution t = tan(u/2)
 * (sin u = 2t/(1 + t²), cos u = (1 − t²)/(1 + t²)) turns the equation into a rational equation in t. Its real
 * roots give u = 2 atan(t) + 2kπ; the one value t cannot reach, u = π + 2kπ, is tried separately.
 * Values that are rational multiples of π are recognised (and confirmed to 30 digits).
 */
import { type Expr, type Sym, ZERO, ONE, add, mul, neg, pow, call, int, MINUS_ONE, PI, numOf, sym, isInteger } from '../ast/expr.js';
import { substitute, someNode } from '../ast/walk.js';
import { evaluate } from '../eval/evaluate.js';
import { bigDigits } from '../eval/n-big.js';
import { has, tidy, type Context } from './context.js';

const TRIG = new Set(['sin', 'cos', 'tan', 'cot', 'sec', 'csc']);

/** The trig calls whose argument contains x; undefined when x also occurs outside them. */
function trigCalls(e: Expr, x: Sym): Expr[] | undefined {
  const found: Expr[] = [];
  let outside = false;
  const walk = (t: Expr): void => {
    if (outside || !has(t, x)) return;
    if (t.kind === 'call' && TRIG.has(t.fn) && t.args.length === 1) { found.push(t); return; }
    if (t === x) { outside = true; return; }
    if (t.kind === 'add' || t.kind === 'mul') t.args.forEach(walk);
    else if (t.kind === 'pow' && !has(t.exp, x)) walk(t.base);
    else outside = true;
  };
  walk(e);
  return outside || found.length === 0 ? undefined : found;
}

/** The common base u of arguments n·u (n a nonzero integer), as [u, n for each argument]. */
export function commonBase(args: readonly Expr[]): [Expr, number[]] | undefined {
  const first = args[0]!;
  for (const cand of [first, ...args]) {
    const ns: number[] = [];
    let ok = true;
    for (const a of args) {
      const q = tidy(mul(a, pow(cand, MINUS_ONE)));
      if (isInteger(q) && q.value[0] !== 0n && (q.value[0] < 0n ? -q.value[0] : q.value[0]) <= 12n) ns.push(Number(q.value[0]));
      else { ok = false; break; }
    }
    if (ok) return [cand, ns];
  }
  return undefined;
}

/** sin(n u) and cos(n u) as expressions in s = sin u, c = cos u (angle addition, n ≥ 0). */
function multiple(n: number, s: Expr, c: Expr): [Expr, Expr] {
  let sn: Expr = ZERO;
  let cn: Expr = ONE;
  for (let j = 0; j < n; j++) [sn, cn] = [add(mul(sn, c), mul(cn, s)), add(mul(cn, c), neg(mul(sn, s)))];
  return [sn, cn];
}

export interface TrigForm {
  /** The equation as an expression in t = tan(u/2). */
  readonly inT: Expr;
  readonly t: Sym;
  /** The argument u (contains x). */
  readonly u: Expr;
}

/** The half-angle form of e, or undefined when e is not a trig equation in one argument. */
export function halfAngleForm(e: Expr, ctx: Context): TrigForm | undefined {
  const calls = trigCalls(e, ctx.x);
  if (calls === undefined) return undefined;
  const base = commonBase(calls.map((c) => (c as { args: readonly Expr[] }).args[0]!));
  if (base === undefined) return undefined;
  const [u, ns] = base;
  const t = sym('t__');
  const s = mul(int(2), t, pow(add(ONE, pow(t, int(2))), MINUS_ONE));
  const c = mul(add(ONE, neg(pow(t, int(2)))), pow(add(ONE, pow(t, int(2))), MINUS_ONE));
  const map = new Map<Expr, Expr>();
  calls.forEach((call0, j) => {
    const n = ns[j]!;
    const [sn0, cn] = multiple(Math.abs(n), s, c);
    const sn = n < 0 ? neg(sn0) : sn0;
    const fn = (call0 as { fn: string }).fn;
    const v = fn === 'sin' ? sn : fn === 'cos' ? cn : fn === 'tan' ? mul(sn, pow(cn, MINUS_ONE))
      : fn === 'cot' ? mul(cn, pow(sn, MINUS_ONE)) : fn === 'sec' ? pow(cn, MINUS_ONE) : pow(sn, MINUS_ONE);
    map.set(call0, v);
  });
  return { inT: substitute(e, map), t, u };
}

/** v/π as a small fraction p/q when v is that multiple of π to 30 digits; else undefined. */
export function piMultiple(v: Expr): Expr | undefined {
  let d: number;
  try { d = evaluate(v) / Math.PI; } catch { return undefined; }
  if (!Number.isFinite(d)) return undefined;
  for (let q = 1; q <= 120; q++) {
    const p = Math.round(d * q);
    if (Math.abs(d * q - p) > 1e-9 * q) continue;
    const exact = tidy(mul(numOf([BigInt(p), BigInt(q)]), PI));
    try {
      if (Math.abs(Number(bigDigits(add(v, neg(exact)), 25))) < 1e-25) return exact;
    } catch {
      return undefined;
    }
    return undefined;
  }
  return undefined;
}

/** u = 2 atan(t), written as a multiple of π when it is one. */
export function angleOf(t: Expr): Expr {
  const a = tidy(mul(int(2), call('atan', [t])));
  if (someNode(a, (n) => n.kind === 'call' && n.fn === 'atan')) return piMultiple(a) ?? a;
  return a;
}
