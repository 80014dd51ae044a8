/**
 * Closed forms of classic definite integrals whose antiderivatives are not elementary (or not found), for symbolic
 * parameters; each states the sign conditions it needs that the assumptions do not give. The caller cross-checks
 * every value against quadrature at admissible parameter values.
 *   ∫₀^∞ x^s e^(−c x) dx = Γ(s + 1)/c^(s + 1)                  (c > 0, s > −1)
 *   ∫₀¹ x^p (1 − x)^q dx = Γ(p + 1) Γ(q + 1)/Γ(p + q + 2)       (p, q > −1)
 *   ∫_{−∞}^{∞} e^(−c x²) cos(b x) dx = √(π/c) e^(−b²/(4c))    (c > 0; half of it over [0, ∞))
 *   ∫₀^∞ sin(c x)/x dx = ±π/2 by the sign of c
 */
import { type Expr, type Sym, type Rel, add, mul, pow, neg, int, sym, call, div, rel, isNumber, numberValue, ZERO, ONE, HALF, MINUS_ONE } from '../ast/expr.js';
import { freeSymbols } from '../eval/n.js';
import { Assumptions, sign } from '../simplify/assume.js';
import { simplify } from '../simplify/index.js';
import { free, linearParts } from './linear.js';

const INF = sym('inf');
const NEG_INF = mul(MINUS_ONE, INF);
const gamma = (e: Expr): Expr => call('gamma', [e]);

export interface KnownValue {
  readonly value: Expr;
  readonly conditions: readonly Rel[];
}

/** Conditions `e > 0` the assumptions do not already give; undefined when one is false or not about one symbol. */
function positive(es: readonly Expr[], A: Assumptions): Rel[] | undefined {
  const out: Rel[] = [];
  for (const e of es) {
    if (isNumber(e)) {
      if (!(numberValue(e) > 0)) return undefined;
      continue;
    }
    const s = sign(e, A);
    if (s === 'pos') continue;
    if (s === 'neg' || s === 'zero' || s === 'nonpos') return undefined;
    const ps = freeSymbols(e);
    if (ps.length !== 1) return undefined;
    const p = sym(ps[0]!);
    const lin = linearParts(e, p);
    if (lin === undefined || !isNumber(lin.a) || !isNumber(lin.b)) return undefined;
    const root = div(neg(lin.b), lin.a);
    out.push(rel(numberValue(lin.a) > 0 ? '>' : '<', p, root));
  }
  return out;
}

/** f as constant · x^s · (1 − x)^q · e^(u) · g: the factors, by kind. */
interface Factors {
  constant: Expr[];
  xPower: Expr;
  oneMinusPower: Expr;
  exps: Expr[];
  rest: Expr[];
}

function factorsOf(f: Expr, x: Sym): Factors {
  const out: Factors = { constant: [], xPower: ZERO, oneMinusPower: ZERO, exps: [], rest: [] };
  for (const t of f.kind === 'mul' ? f.args : [f]) {
    if (free(t, x)) out.constant.push(t);
    else if (t === x) out.xPower = add(out.xPower, ONE);
    else if (t.kind === 'pow' && t.base === x && free(t.exp, x)) out.xPower = add(out.xPower, t.exp);
    else if (t.kind === 'pow' && free(t.exp, x) && t.base === add(ONE, neg(x))) out.oneMinusPower = add(out.oneMinusPower, t.exp);
    else if (t === add(ONE, neg(x))) out.oneMinusPower = add(out.oneMinusPower, ONE);
    else if (t.kind === 'call' && t.fn === 'exp') out.exps.push(t.args[0]!);
    else out.rest.push(t);
  }
  return out;
}

/** u = k·x^deg exactly (no other terms): k. */
function monomialCoefficient(u: Expr, x: Sym, deg: number): Expr | undefined {
  const p = deg === 1 ? linearParts(u, x) : undefined;
  if (deg === 1) return p !== undefined && p.b === ZERO ? p.a : undefined;
  const us = u.kind === 'mul' ? u.args : [u];
  const xs = us.filter((t) => !free(t, x));
  if (xs.length !== 1 || xs[0] !== pow(x, int(deg))) return undefined;
  return mul(...us.filter((t) => free(t, x)));
}

/** Γ(z + n)/Γ(z) = z (z + 1) … (z + n − 1) and its reciprocal, for a whole n ≤ 8, inside one product. */
export function gammaRatios(e: Expr): Expr {
  if (e.kind === 'add') return add(...e.args.map(gammaRatios));
  if (e.kind !== 'mul') return e;
  // 1/(θ Γ(k)) as 1/θ · 1/Γ(k), so that the gammas meet
  const args = e.args.flatMap((t) => (t.kind === 'pow' && t.exp === MINUS_ONE && t.base.kind === 'mul'
    ? t.base.args.map((b) => pow(b, MINUS_ONE)) : [t])).map(gammaRatios);
  const ups = args.filter((t) => t.kind === 'call' && t.fn === 'gamma');
  const downs = args.filter((t) => t.kind === 'pow' && t.exp === MINUS_ONE && t.base.kind === 'call' && t.base.fn === 'gamma');
  for (const u of ups) {
    for (const d of downs) {
      const z = ((d as { base: { args: readonly Expr[] } }).base.args[0])!;
      const diff = simplify(add((u as { args: readonly Expr[] }).args[0]!, neg(z)));
      if (isNumber(diff) && Number.isInteger(numberValue(diff)) && numberValue(diff) > 0 && numberValue(diff) <= 8) {
        const rest = args.filter((t) => t !== u && t !== d);
        const rising = Array.from({ length: numberValue(diff) }, (_, i) => add(z, int(i)));
        return gammaRatios(mul(...rest, ...rising));
      }
      if (isNumber(diff) && Number.isInteger(numberValue(diff)) && numberValue(diff) < 0 && numberValue(diff) >= -8) {
        const rest = args.filter((t) => t !== u && t !== d);
        const w = (u as { args: readonly Expr[] }).args[0]!;
        const falling = Array.from({ length: -numberValue(diff) }, (_, i) => pow(add(w, int(i)), MINUS_ONE));
        return gammaRatios(mul(...rest, ...falling));
      }
    }
  }
  return mul(...args);
}

export function knownDefinite(f: Expr, x: Sym, a: Expr, b: Expr, A: Assumptions): KnownValue | undefined {
  const F = factorsOf(f, x);
  const K = mul(...F.constant);
  // ∫₀^∞ x^s e^(−c x)
  if (a === ZERO && b === INF && F.exps.length === 1 && F.rest.length === 0 && F.oneMinusPower === ZERO) {
    const k = monomialCoefficient(F.exps[0]!, x, 1);
    if (k !== undefined) {
      const c = neg(k);
      const s1 = add(F.xPower, ONE);
      const conds = positive([c, s1], A);
      if (conds !== undefined) return { value: mul(K, gamma(s1), pow(c, neg(s1))), conditions: conds };
    }
  }
  // ∫₀¹ x^p (1 − x)^q
  if (a === ZERO && b === ONE && F.exps.length === 0 && F.rest.length === 0 && (F.xPower !== ZERO || F.oneMinusPower !== ZERO)) {
    const p1 = add(F.xPower, ONE);
    const q1 = add(F.oneMinusPower, ONE);
    const conds = positive([p1, q1], A);
    if (conds !== undefined) return { value: mul(K, gamma(p1), gamma(q1), pow(gamma(add(p1, q1)), MINUS_ONE)), conditions: conds };
  }
  // ∫ e^(−c x²) cos(b x) over the line or the half line
  const whole = a === NEG_INF && b === INF;
  if ((whole || (a === ZERO && b === INF)) && F.exps.length === 1 && F.xPower === ZERO && F.oneMinusPower === ZERO && F.rest.length <= 1) {
    const k = monomialCoefficient(F.exps[0]!, x, 2);
    const g = F.rest[0];
    const lin = g !== undefined && g.kind === 'call' && g.fn === 'cos' ? linearParts(g.args[0]!, x) : undefined;
    if (k !== undefined && (g === undefined || (lin !== undefined && lin.b === ZERO))) {
      const c = neg(k);
      const bb = lin?.a ?? ZERO;
      const conds = positive([c], A);
      if (conds !== undefined) {
        const v = mul(K, pow(div(sym('pi'), c), HALF), call('exp', [neg(div(pow(bb, int(2)), mul(int(4), c)))]));
        return { value: whole ? v : mul(HALF, v), conditions: conds };
      }
    }
  }
  // ∫₀^∞ sin(c x)/x
  if (a === ZERO && b === INF && F.xPower === MINUS_ONE && F.exps.length === 0 && F.rest.length === 1) {
    const g = F.rest[0]!;
    const lin = g.kind === 'call' && g.fn === 'sin' ? linearParts(g.args[0]!, x) : undefined;
    if (lin !== undefined && lin.b === ZERO) {
      const s = sign(lin.a, A);
      if (s === 'pos' || (isNumber(lin.a) && numberValue(lin.a) > 0)) return { value: mul(K, sym('pi'), HALF), conditions: [] };
      if (s === 'neg' || (isNumber(lin.a) && numberValue(lin.a) < 0)) return { value: neg(mul(K, sym('pi'), HALF)), conditions: [] };
      return { value: mul(K, sym('pi'), HALF, call('sign', [lin.a])), conditions: [] };
    }
  }
  return undefined;
}
