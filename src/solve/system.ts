/**
 * Systems of equations by elimination: pick an equation and an unknown that `solve` isolates completely (a
 * linear unknown first, so linear systems are solved exactly, symbolic coefficients included), substitute each
 * value into the other equations, and solve what is left; then substitute back. Every solution is checked in
 * all the original equations. Periodic or numeric partial results are not combined: the system is then reported
 * as not solved.
 */
import { type Expr, type Sym, add, neg, rel, list, ZERO } from '../ast/expr.js';
import { substitute } from '../ast/walk.js';
import { freeSymbols } from '../eval/n.js';
import { text } from '../render/text.js';
import { Assumptions } from '../simplify/index.js';
import { diff } from '../diff/diff.js';
import { tidy, has } from './context.js';
import { solve } from './solve.js';
import { SolveError } from './types.js';
import { evaluateComplex, modulus } from './complex.js';

export interface SystemSolution {
  /** One value per unknown, in the order given. */
  readonly values: readonly Expr[];
  readonly conditions: readonly string[];
}

const asDifference = (eq: Expr): Expr => (eq.kind === 'rel' && eq.op === '=' ? add(eq.lhs, neg(eq.rhs)) : eq);

/** Is e linear in v with a coefficient free of every unknown? */
function linearIn(e: Expr, v: Sym, vars: readonly Sym[]): boolean {
  try {
    const d = tidy(diff(e, v));
    return d !== ZERO && !vars.some((u) => has(d, u));
  } catch {
    return false;
  }
}

function eliminate(eqs: Expr[], vars: readonly Sym[], assume: Assumptions, depth: number, conds: Set<string>): Map<string, Expr>[] | undefined {
  const live = eqs.map(tidy).filter((e) => e !== ZERO);
  // an equation c = 0 with c a nonzero number: no solution on this branch (exact, so proven)
  if (live.some((e) => e.kind === 'num')) return [];
  if (vars.length === 0) return live.length === 0 ? [new Map()] : undefined;
  if (live.length === 0) return undefined; // fewer equations than unknowns: not a finite set of solutions
  if (depth > 8) return undefined;
  const order: [number, Sym][] = [];
  const numericCoefficient = (e: Expr, v: Sym): boolean => { try { return tidy(diff(e, v)).kind === 'num'; } catch { return false; } };
  live.forEach((e, i) => vars.forEach((v) => { if (has(e, v) && linearIn(e, v, vars) && numericCoefficient(e, v)) order.push([i, v]); }));
  live.forEach((e, i) => vars.forEach((v) => { if (has(e, v) && linearIn(e, v, vars) && !order.some(([j, u]) => j === i && u === v)) order.push([i, v]); }));
  live.forEach((e, i) => vars.forEach((v) => { if (has(e, v) && !order.some(([j, u]) => j === i && u === v)) order.push([i, v]); }));
  for (const [i, v] of order) {
    let values: readonly Expr[];
    try {
      const r = solve(live[i]!, v, { assume });
      if (r.family !== undefined || r.roots.some((t) => t.general !== undefined || t.numeric === true)) continue;
      // values that need conditions on the parameters: all need the same ones, which the answer states
      if (r.roots.some((t) => t.conditions.join() !== r.roots[0]!.conditions.join())) continue;
      r.roots[0]?.conditions.forEach((c) => conds.add(c));
      values = r.values;
    } catch {
      continue;
    }
    const rest = vars.filter((u) => u !== v);
    const out: Map<string, Expr>[] = [];
    let ok = true;
    for (const val of values) {
      const others = live.filter((_, j) => j !== i).map((e) => substitute(e, new Map([[v as Expr, val]])));
      const sub = eliminate(others, rest, assume, depth + 1, conds);
      if (sub === undefined) { ok = false; break; }
      for (const m of sub) {
        const full = new Map(m);
        full.set(v.name, tidy(substitute(val, new Map(rest.map((u) => [u as Expr, m.get(u.name)!])))));
        out.push(full);
      }
    }
    if (ok) return out;
  }
  return undefined;
}

/** Is e (free of the unknowns) zero at sample values of its parameters, as far as double precision can tell?
 *  True also when it cannot be evaluated: only a clear nonzero value rejects. */
function holdsNumerically(e: Expr): boolean {
  const params = freeSymbols(e);
  const env = new Map(params.map((p, j) => [p, 0.37 + 0.29 * j]));
  try {
    const terms = e.kind === 'add' ? e.args : [e];
    const scale = Math.max(...terms.map((t) => modulus(evaluateComplex(t, env))));
    return modulus(evaluateComplex(e, env)) <= 1e-8 * Math.max(scale, 1e-300);
  } catch {
    return true;
  }
}

/** The solutions of a system of equations in the given unknowns. */
export function solveSystem(eqs: readonly Expr[], vars: readonly Expr[], opts: { assume?: Assumptions } = {}): SystemSolution[] {
  const unknowns = vars.map((v) => {
    if (v.kind !== 'sym') throw new SolveError(`solve for variables, got ${text(v)}`);
    return v;
  });
  for (const eq of eqs) {
    if (eq.kind === 'rel' && eq.op !== '=') throw new SolveError(`solve takes equations a = b, not inequalities (${text(eq)})`);
    if (eq.kind === 'list') throw new SolveError(`solve takes a list of equations, got a nested list ${text(eq)}`);
  }
  const diffs = eqs.map(asDifference);
  const conds = new Set<string>();
  const found = eliminate(diffs, unknowns, opts.assume ?? new Assumptions(), 0, conds);
  if (found === undefined) throw new SolveError(`could not solve the system for ${unknowns.map((v) => v.name).join(', ')}: no unknown could be eliminated completely (nsolve finds a numeric solution from a starting point)`);
  const seen = new Set<string>();
  const out: SystemSolution[] = [];
  for (const m of found) {
    const values = unknowns.map((v) => m.get(v.name)!);
    const key = values.map(text).join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    // every equation holds at the solution (at sample values of the parameters)
    const env = new Map(unknowns.map((v, j) => [v as Expr, values[j]!]));
    if (!diffs.every((d) => holdsNumerically(substitute(d, env)))) continue;
    out.push({ values, conditions: [...conds] });
  }
  return out;
}

/** [x = 2, y = 1] for one solution, a list of those for several; followed by the conditions when there are any. */
export function formatSystem(sols: readonly SystemSolution[], vars: readonly Expr[]): Expr | { kind: 'text'; text: string } {
  const one = (s: SystemSolution): Expr => list(vars.map((v, j) => rel('=', v, s.values[j]!)));
  const e = sols.length === 1 ? one(sols[0]!) : list(sols.map(one));
  const conds = [...new Set(sols.flatMap((s) => s.conditions))];
  return conds.length === 0 ? e : { kind: 'text', text: `${text(e)}   (when ${conds.join(' and ')})` };
}
