/**
 * nsolve for systems: Newton's method on F(v) = 0 from a starting point, with the Jacobian differentiated
 * symbolically once, each step solved by Gaussian elimination with partial pivoting, and the step halved while
 * it does not reduce |F| (damping). It reports whether it converged, in how many steps, and the final |F|.
 */
import { type Expr, type Sym, add, neg } from '../ast/expr.js';
import { evaluate } from '../eval/evaluate.js';
import { diff } from '../diff/diff.js';
import { SolveError } from './types.js';

export interface NewtonReport {
  readonly root: number[];
  readonly converged: boolean;
  readonly steps: number;
  /** max |F_i| at the root. */
  readonly residual: number;
}

const MAX_STEPS = 100;

function linearSolve(A: number[][], b: number[]): number[] | undefined {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    if (Math.abs(M[p]![c]!) < 1e-300) return undefined;
    [M[c], M[p]] = [M[p]!, M[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = M[r]![c]! / M[c]![c]!;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= M[r]![k]! * x[k]!;
    x[r] = s / M[r]![r]!;
  }
  return x;
}

export function newtonSystem(eqs: readonly Expr[], vars: readonly Sym[], start: readonly number[]): NewtonReport {
  if (eqs.length !== vars.length) throw new SolveError(`nsolve needs as many equations as unknowns: ${eqs.length} equations, ${vars.length} unknowns`);
  if (start.length !== vars.length) throw new SolveError(`nsolve needs one starting value per unknown: ${vars.length} unknowns, ${start.length} values`);
  const F = eqs.map((e) => (e.kind === 'rel' ? add(e.lhs, neg(e.rhs)) : e));
  const J = F.map((f) => vars.map((v) => diff(f, v)));
  const env = (v: readonly number[]): Record<string, number> => Object.fromEntries(vars.map((s, i) => [s.name, v[i]!]));
  const values = (v: readonly number[]): number[] | undefined => {
    try { return F.map((f) => evaluate(f, env(v))); } catch { return undefined; }
  };
  const norm = (fv: readonly number[]): number => Math.max(...fv.map(Math.abs));
  let v = [...start];
  let fv = values(v);
  if (fv === undefined) throw new SolveError(`nsolve: the equations are undefined at the starting point`);
  let steps = 0;
  for (; steps < MAX_STEPS; steps++) {
    if (norm(fv) === 0) break;
    let A: number[][];
    try { A = J.map((row) => row.map((d) => evaluate(d, env(v)))); } catch { break; }
    const dx = linearSolve(A, fv.map((t) => -t));
    if (dx === undefined) break;
    let t = 1;
    let next: number[] | undefined;
    let fn: number[] | undefined;
    for (let h = 0; h < 30; h++, t /= 2) {
      next = v.map((vi, i) => vi + t * dx[i]!);
      fn = values(next);
      if (fn !== undefined && norm(fn) < norm(fv)) break;
      fn = undefined;
    }
    if (fn === undefined || next === undefined) break;
    const moved = Math.max(...dx.map((d, i) => Math.abs(t * d) / (1 + Math.abs(v[i]!))));
    v = next;
    fv = fn;
    if (moved < 1e-15) { steps++; break; }
  }
  const scale = Math.max(1, ...F.map((f) => (f.kind === 'add' ? f.args : [f]).map((term) => {
    try { return Math.abs(evaluate(term, env(v))); } catch { return 0; }
  })).flat());
  return { root: v, converged: norm(fv) <= 1e-10 * scale, steps, residual: norm(fv) };
}
