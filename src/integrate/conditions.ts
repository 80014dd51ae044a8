/**
 * The conditions an antiderivative with parameters holds under. The search verifies F at generic admissible
 * values of the parameters; F may still divide by an expression of the parameters that vanishes at a special
 * value (x^(n+1)/(n+1) at n = −1, e^(ax)/a at a = 0). Each such value the assumptions do not already exclude is
 * integrated separately, and the answer becomes `piecewise(F, n != -1, log(x))` — several special values give
 * `piecewise(G₁, a = 0, G₂, b = 1, F)`.
 */
import { type Expr, type Sym, call, rel, isNumber, numberValue, children, div, neg } from '../ast/expr.js';
import { freeSymbols } from '../eval/n.js';
import { Assumptions, sign } from '../simplify/assume.js';
import { substitute } from '../ast/walk.js';
import { evaluateExact } from '../eval/exact.js';
import { free, linearParts } from './linear.js';

/** A parameter and the value at which a denominator of the answer vanishes. */
export interface SpecialValue {
  readonly param: Sym;
  readonly value: Expr;
}

/** Linear factors in one parameter of a denominator free of x: (n + 1) gives n = −1, a³ gives a = 0. */
function zerosOf(d: Expr, out: SpecialValue[]): void {
  if (d.kind === 'mul') {
    d.args.forEach((t) => zerosOf(t, out));
    return;
  }
  if (d.kind === 'pow' && isNumber(d.exp) && numberValue(d.exp) > 0) {
    zerosOf(d.base, out);
    return;
  }
  if (isNumber(d)) return;
  const ps = freeSymbols(d);
  const param = ps.length === 1 ? findSym(d, ps[0]!) : undefined;
  if (param === undefined) return;
  const lin = linearParts(d, param);
  if (lin === undefined || !isNumber(lin.a) || !isNumber(lin.b)) return;
  out.push({ param, value: div(neg(lin.b), lin.a) });
}

function findSym(e: Expr, name: string): Sym | undefined {
  if (e.kind === 'sym') return e.name === name ? e : undefined;
  for (const c of children(e)) {
    const s = findSym(c, name);
    if (s !== undefined) return s;
  }
  return undefined;
}

/** The special values of the parameters at which a denominator of F (free of x) vanishes, not excluded by A. */
export function specialValues(F: Expr, x: Sym, A: Assumptions): SpecialValue[] {
  const found: SpecialValue[] = [];
  const seen = new Set<Expr>();
  const visit = (e: Expr): void => {
    if (seen.has(e)) return;
    seen.add(e);
    if (e.kind === 'pow' && isNumber(e.exp) && numberValue(e.exp) < 0 && free(e.base, x)) {
      const s = sign(e.base, A);
      if (s !== 'pos' && s !== 'neg') zerosOf(e.base, found);
    }
    children(e).forEach(visit);
  };
  visit(F);
  const out: SpecialValue[] = [];
  for (const s of found) {
    if (!isNumber(s.value) || A.excludes(s.param.name, numberValue(s.value))) continue;
    if (!out.some((o) => o.param === s.param && o.value === s.value)) out.push(s);
  }
  return out.slice(0, 3);
}

/**
 * F with its special cases: `solve(g)` integrates the integrand at a special value (undefined: left as an
 * unevaluated integral, so the condition is still stated).
 */
export function withSpecialCases(F: Expr, f: Expr, x: Sym, A: Assumptions, solve: (g: Expr) => Expr): Expr {
  const specials = specialValues(F, x, A);
  if (specials.length === 0) return F;
  // a special value where the integrand itself is undefined (σ = 0 in a density) is no case of it
  const cases: (Expr | undefined)[] = specials.map((s) => {
    try {
      const g = evaluateExact(substitute(f, new Map([[s.param as Expr, s.value]]))); // throws on 1/0
      return solve(g);
    } catch {
      return undefined;
    }
  });
  const kept = specials.filter((_, i) => cases[i] !== undefined);
  return statedCases(F, kept, cases.filter((c): c is Expr => c !== undefined));
}

function statedCases(F: Expr, specials: readonly SpecialValue[], cases: readonly Expr[]): Expr {
  if (specials.length === 0) return F;
  if (specials.length === 1) return call('piecewise', [F, rel('!=', specials[0]!.param, specials[0]!.value), cases[0]!]);
  const args: Expr[] = [];
  specials.forEach((s, i) => args.push(cases[i]!, rel('=', s.param, s.value)));
  return call('piecewise', [...args, F]);
}
