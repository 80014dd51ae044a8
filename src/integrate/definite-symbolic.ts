/**
 * Definite integrals with parameters or symbolic bounds: ∫ₐᵇ f = F(b) − F(a), each end reached exactly (by
 * substitution, by `limit`, or at ±∞ by dominance, ends.ts) under the session's assumptions. A sign a parameter
 * needs and the assumptions do not give (a > 0 for ∫₀^∞ e^(−a x)) becomes a stated condition:
 * `piecewise(1/a, a > 0, integrate(…))`. Known closed forms (definite-table.ts) answer where no antiderivative is
 * elementary. Every answer is cross-checked against adaptive quadrature at admissible values of the parameters,
 * so neither a discontinuous antiderivative nor a wrong end value can pass.
 */
import { type Expr, type Sym, type Rel, add, neg, sym, mul, call, MINUS_ONE } from '../ast/expr.js';
import { evaluate } from '../eval/evaluate.js';
import { freeSymbols } from '../eval/n.js';
import { Assumptions, sampleAdmissible, simplify, type Draw } from '../simplify/index.js';
import { substitute } from '../ast/walk.js';
import { nintegrate } from '../numeric/methods/index.js';
import { limit } from '../limit/limit.js';
import { searchIntegral, type IntegrateOptions } from './core.js';
import { valueAtInfinity, type EndValue } from './ends.js';
import { knownDefinite, gammaRatios } from './definite-table.js';
import type { Found } from './types.js';

const INF = sym('inf');
const NEG_INF = mul(MINUS_ONE, INF);

export interface SymbolicDefinite {
  readonly value: Expr;
  readonly path: 'antiderivative' | 'limit' | 'table';
  readonly antiderivative?: Expr;
  readonly found?: Found;
}

const num = (e: Expr, d: Draw): number => {
  if (e === INF) return Infinity;
  if (e === NEG_INF) return -Infinity;
  try {
    return evaluate(e, d);
  } catch {
    return NaN;
  }
};

/** The value of F at a finite end (substituted when finite at every draw, else a one-sided limit). */
function finiteEnd(F: Expr, x: Sym, e: Expr, side: 'left' | 'right', draws: readonly Draw[]): EndValue | undefined {
  const at = substitute(F, new Map<Expr, Expr>([[x, e]]));
  if (draws.every((d) => Number.isFinite(num(at, d)))) return { value: at, conditions: [] };
  try {
    const l = limit(F, x, e, side);
    return l === INF || l === NEG_INF ? undefined : { value: l, conditions: [] };
  } catch {
    return undefined;
  }
}

function infiniteEnd(F: Expr, x: Sym, dir: 1 | -1, A: Assumptions): EndValue | undefined {
  try {
    const l = limit(F, x, dir === 1 ? INF : NEG_INF);
    if (l !== INF && l !== NEG_INF && freeSymbols(l).every((s) => s !== x.name)) return { value: l, conditions: [] };
  } catch {
    // parameters of unknown sign: by dominance below
  }
  return valueAtInfinity(F, x, dir, A);
}

/**
 * Does `value` agree with quadrature of f over [a, b] at admissible parameter values (under the assumptions and
 * the stated conditions)? At least one draw must be checked and none may disagree.
 */
export function agreesWithQuadrature(value: Expr, f: Expr, x: Sym, a: Expr, b: Expr, A: Assumptions, conditions: readonly Rel[]): boolean {
  const params = [...new Set([...freeSymbols(f), ...freeSymbols(a), ...freeSymbols(b)])].filter((s) => s !== x.name);
  const A2 = Assumptions.from({ assumptions: [...conditions] }, A);
  const draws = sampleAdmissible(params, A2, { count: 3, seed: 5_061_917 });
  let checked = 0;
  for (const d of draws) {
    const av = num(a, d);
    const bv = num(b, d);
    const v = num(value, d);
    if (Number.isNaN(av) || Number.isNaN(bv)) continue;
    let r;
    try {
      r = nintegrate((t) => evaluate(f, { ...d, [x.name]: t }), av, bv);
    } catch {
      continue;
    }
    if (!r.converged || !Number.isFinite(r.value)) continue;
    if (!Number.isFinite(v) || Math.abs(v - r.value) > 1e-7 * Math.max(1, Math.abs(r.value)) + 10 * r.error) return false;
    checked++;
  }
  return checked > 0;
}

/** `value` for the conditions, else the integral left unevaluated. */
function stated(value: Expr, conditions: readonly Rel[], f: Expr, x: Sym, a: Expr, b: Expr): Expr {
  let out = value;
  for (const c of conditions) out = call('piecewise', [out, c, call('integrate', [f, x, a, b])]);
  return out;
}

export function integrateDefiniteSymbolic(f: Expr, x: Sym, a: Expr, b: Expr, options: IntegrateOptions = {}): SymbolicDefinite | undefined {
  const A = options.assumptions ?? new Assumptions();
  const params = [...new Set([...freeSymbols(f), ...freeSymbols(a), ...freeSymbols(b)])].filter((s) => s !== x.name);
  const draws = sampleAdmissible(params, A, { count: 3, seed: 7_204_613 });
  const search = searchIntegral(f, x, options);
  const F = search.value;
  if (F !== undefined) {
    const end = (e: Expr, side: 'left' | 'right'): EndValue | undefined =>
      e === INF ? infiniteEnd(F, x, 1, A) : e === NEG_INF ? infiniteEnd(F, x, -1, A) : finiteEnd(F, x, e, side, draws);
    const Eb = end(b, 'left');
    const Ea = end(a, 'right');
    if (Eb !== undefined && Ea !== undefined) {
      const conditions = [...Eb.conditions, ...Ea.conditions].filter((c, i, all) => all.indexOf(c) === i);
      let value = add(Eb.value, neg(Ea.value));
      try {
        value = simplify(value, { assumptions: [...A.relations.filter((r) => r.kind === 'rel'), ...conditions] });
      } catch {
        // keep the difference
      }
      if (agreesWithQuadrature(value, f, x, a, b, A, conditions)) {
        const path = a === INF || a === NEG_INF || b === INF || b === NEG_INF ? 'limit' : 'antiderivative';
        return { value: stated(value, conditions, f, x, a, b), path, antiderivative: F, ...(search.found ? { found: search.found } : {}) };
      }
    }
  }
  const known = knownDefinite(f, x, a, b, A);
  if (known !== undefined && agreesWithQuadrature(known.value, f, x, a, b, A, known.conditions)) {
    let value = known.value;
    try {
      value = simplify(gammaRatios(simplify(value)));
    } catch {
      // keep the closed form as written
    }
    return { value: stated(value, known.conditions, f, x, a, b), path: 'table' };
  }
  return undefined;
}
