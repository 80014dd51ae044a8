/**
 * Integration by parts, ∫ u dv = u v − ∫ v du, with u chosen by the LIATE order (logarithmic, inverse
 * trigonometric, algebraic, trigonometric, exponential; H. Kasube, 1983, "A technique for integration by parts",
 * Amer. Math. Monthly 90(3)). Repeated application on polynomial × exp/sin/cos is the tabular method; the cyclic
 * case e^x sin x is solved in table.ts.
 */
import { type Expr, type Sym, add, mul, sub, pow, numOf, children, ONE } from '../ast/expr.js';
import { rat } from '../ast/rational.js';
import { diff } from '../diff/diff.js';
import type { Method } from './types.js';
import { free, factorsOf, splitConstant } from './linear.js';
import { asPolynomial } from './ratexpr.js';
import { node } from './found.js';

const INVERSE = new Set(['asin', 'acos', 'atan', 'asinh', 'acosh', 'atanh']);
const TRIG = new Set(['sin', 'cos', 'tan', 'cot', 'sinh', 'cosh', 'tanh', 'sec', 'csc']);

/** LIATE rank: lower is chosen as u first. */
function rank(e: Expr, x: Sym): number {
  const base = e.kind === 'pow' && e.exp.kind === 'num' && e.exp.value[0] > 0n && e.exp.value[1] === 1n ? e.base : e;
  if (base.kind === 'call' && base.fn === 'log') return 0;
  if (base.kind === 'call' && INVERSE.has(base.fn)) return 1;
  if (asPolynomial(e, x) !== undefined) return 2;
  if (base.kind === 'call' && TRIG.has(base.fn)) return 3;
  // sec² = 1/cos², 1/sin², tan/cos, …: negative integer powers of trigonometric functions are "T" as well
  if (e.kind === 'pow' && e.exp.kind === 'num' && e.exp.value[1] === 1n && e.base.kind === 'call' && TRIG.has(e.base.fn)) return 3;
  if (base.kind === 'call' && base.fn === 'exp') return 4;
  return 5;
}

export const parts: Method = (f, x, ctx) => {
  if (ctx.partsDepth >= 8) return undefined;
  const [c, g] = splitConstant(f, x);
  if (c !== ONE) return undefined; // constMultiple handles the constant first
  const fs = [...factorsOf(g)];
  const ranked = fs.map((t) => ({ t, r: rank(t, x) })).sort((a, b) => a.r - b.r);
  const choices: { u: Expr; dv: Expr }[] = [];
  const best = ranked[0]!;
  // u = the most LIATE-preferred factor; dv = the rest (or dx when the integrand is a single log/inverse factor).
  if (fs.length === 1) {
    if (best.r <= 1) choices.push({ u: g, dv: ONE });
  } else {
    // Only the classic shapes: a log or inverse function times anything, or a polynomial times trig/exp factors.
    const others = ranked.slice(1);
    if (best.r > 2 || (best.r === 2 && !others.every((o) => o.r === 3 || o.r === 4 || o.r === 2))) return undefined;
    if (best.r === 2 && others.every((o) => o.r === 2)) return undefined;
    choices.push({ u: best.t, dv: mul(...fs.filter((t) => t !== best.t)) });
    if (best.r === 2) {
      // polynomial × (something with a table integral): also try u = the polynomial part of several factors
      const poly = fs.filter((t) => asPolynomial(t, x) !== undefined);
      if (poly.length > 1) choices.push({ u: mul(...poly), dv: mul(...fs.filter((t) => !poly.includes(t))) });
    }
  }
  for (const { u, dv } of choices) {
    if (free(u, x)) continue;
    ctx.partsDepth++;
    try {
      const vF = dv === ONE ? undefined : ctx.integrate(dv, x);
      if (dv !== ONE && vF === undefined) continue;
      const v = vF === undefined ? x : vF.value;
      let du: Expr;
      try {
        du = diff(u, x);
      } catch {
        continue;
      }
      const rest = ctx.integrate(mul(v, du), x);
      if (rest === undefined) continue;
      const kids = vF === undefined ? [rest] : [vF, rest];
      return node('int/parts', f, x, sub(mul(u, v), rest.before), sub(mul(u, v), rest.value), kids,
        [['u', u], ['dv', dv], ['v', v], ['du', du]]);
    } finally {
      ctx.partsDepth--;
    }
  }
  return undefined;
};

/**
 * A sum Σ x^k h_k(x) whose terms have no elementary integrals one by one, while each h_k has one as a whole
 * (x cosh^(−5/2) − x cosh^(−1/2)/3): collect the powers of x and integrate by parts with u = x^K for the
 * highest power K, dv = h_K dx.
 */
export const partsCollected: Method = (f0, x, ctx) => {
  if (ctx.partsDepth >= 8) return undefined;
  // √(1/sinh x)·(x cosh x − 4 tanh x/cosh x): distribute the other factors over the sum first
  const f = f0.kind === 'mul' ? (hasTrig(f0) ? distribute(f0) : undefined) : f0;
  if (f === undefined || f.kind !== 'add') return undefined;
  const groups = new Map<bigint, Expr[]>();
  for (const t of f.args) {
    let k = 0n;
    const rest: Expr[] = [];
    for (const a of factorsOf(t)) {
      if (a === x) k += 1n;
      else if (a.kind === 'pow' && a.base === x && a.exp.kind === 'num' && a.exp.value[1] === 1n && a.exp.value[0] > 0n) k += a.exp.value[0];
      else rest.push(a);
    }
    const g = groups.get(k) ?? [];
    g.push(mul(...rest));
    groups.set(k, g);
  }
  if ((groups.size === f.args.length && f0.kind !== 'mul') || ![...groups.keys()].some((k) => k > 0n)) return undefined;
  // The highest power K by parts, u = x^K, dv = h_K dx; the lower powers join the remaining integral, which
  // may need them (their parts cancel what no single term can integrate).
  const K = [...groups.keys()].reduce((m, k) => (k > m ? k : m), 0n);
  ctx.partsDepth++;
  try {
    const V = ctx.integrate(add(...groups.get(K)!), x);
    if (V === undefined) return undefined;
    const u = pow(x, numOf(rat(K)));
    const lower: Expr[] = [];
    for (const [k, hs] of groups) if (k !== K) lower.push(mul(pow(x, numOf(rat(k))), add(...hs)));
    const rest = ctx.integrate(add(...lower, mul(numOf(rat(-K)), pow(x, numOf(rat(K - 1n))), V.value)), x);
    if (rest === undefined) return undefined;
    return node('int/parts-collected', f0, x, add(mul(u, V.value), rest.before), add(mul(u, V.value), rest.value), [V, rest],
      [['u', u], ['dv', add(...groups.get(K)!)], ['v', V.value]]);
  } finally {
    ctx.partsDepth--;
  }
};

function hasTrig(e: Expr): boolean {
  if (e.kind === 'call' && TRIG.has(e.fn)) return true;
  return children(e).some(hasTrig);
}

/** a·(b + c) ↦ a·b + a·c for the one sum factor of a product, when there is exactly one. */
function distribute(f: Expr): Expr | undefined {
  const sums = factorsOf(f).filter((t) => t.kind === 'add');
  if (sums.length !== 1) return undefined;
  const others = factorsOf(f).filter((t) => t !== sums[0]);
  return add(...(sums[0] as { args: readonly Expr[] }).args.map((t) => mul(...others, t)));
}
