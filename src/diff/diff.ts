/**
 * Symbolic derivatives. `explain('diff', …)` rewrites `D(f, x)` with the rules in rules.ts and records each
 * step; `diff` computes the same expression by a direct memoised pass that applies the same rules in the same
 * order (derive.ts), falling back to the rewrite where that pass does not apply. Both then tidy the result.
 */
import { type Expr, type Sym, children, list } from '../ast/expr.js';
import { CONSTANTS } from '../ast/ops.js';
import { LimitError } from '../ast/limits.js';
import { text } from '../render/text.js';
import { rewrite } from '../rewrite/engine.js';
import { registerExplainer } from '../rewrite/explain.js';
import type { Derivation, Limits, Step, StopReason } from '../rewrite/types.js';
import { D, DIFF_RULES } from './rules.js';
import { tidy } from './tidy.js';
import { derive, directApplies } from './derive.js';
import { expand } from '../simplify/expand.js';

export class DiffError extends Error {
  override name = 'DiffError';
}

/** Highest derivative order accepted (each order is a full differentiation of the previous result). */
export const MAX_ORDER = 100;

export interface DiffOptions {
  readonly limits?: Limits;
  /** Normal forms shared between calls (used by `hessian` and `jacobian`). */
  readonly memo?: Map<Expr, Expr>;
}

function checkVariable(x: Expr): Sym {
  if (x.kind !== 'sym') throw new DiffError(`can only differentiate with respect to a variable, got ${text(x)}`);
  if (CONSTANTS.has(x.name)) throw new DiffError(`'${x.name}' is a constant, not a variable to differentiate by`);
  return x;
}

function checkOrder(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new DiffError(`the order of a derivative is a whole number ≥ 0, got ${n}`);
  if (n > MAX_ORDER) throw new DiffError(`derivatives of order above ${MAX_ORDER} are not computed (got ${n})`);
}

function checkOperand(e: Expr): void {
  if (e.kind === 'rel' || e.kind === 'define') {
    throw new DiffError(`diff takes an expression or a list, not ${e.kind === 'rel' ? 'an equation or inequality' : 'a definition'}`);
  }
}

interface Run {
  readonly result: Expr;
  readonly steps: Step[];
  readonly stopped: StopReason;
}

/** Per-variable memos of the direct pass, kept beside a caller's shared memo (see DiffOptions.memo). */
const directMemos = new WeakMap<Map<Expr, Expr>, Map<string, Map<Expr, Expr>>>();

function directMemo(shared: Map<Expr, Expr> | undefined, x: Sym): Map<Expr, Expr> {
  if (shared === undefined) return new Map();
  let byVar = directMemos.get(shared);
  if (byVar === undefined) directMemos.set(shared, (byVar = new Map()));
  let m = byVar.get(x.name);
  if (m === undefined) byVar.set(x.name, (m = new Map()));
  return m;
}

/** The plain answer: each round by the direct pass (derive.ts) where it mirrors the rules, else by the rewrite. */
function fast(e: Expr, x: Sym, n: number, options: DiffOptions): Expr {
  let cur = e;
  for (let round = 1; round <= n; round++) {
    if (!directApplies(cur)) return run(cur, x, n - round + 1, false, options).result;
    // One tidy memo for the function and its derivative, which shares many of its subterms.
    const tidied = new Map<Expr, Expr>();
    cur = tidy(derive(tidy(cur, tidied), x, directMemo(options.memo, x), options.limits), tidied);
    // Between orders, like terms are collected (expanded) when that makes the next derivative smaller: the
    // product rule doubles the terms at every order, so without it the 17th derivative of exp(x^2) has 2^17.
    if (round < n) cur = smaller(cur);
  }
  return cur;
}

/** `e` or its expansion (like terms collected, then tidied), whichever has fewer nodes. */
function smaller(e: Expr): Expr {
  if (e.kind !== 'add' && e.kind !== 'mul') return e;
  const before = treeSize(e, 20_000);
  if (before < 40) return e;
  const expanded = tidy(expand(e));
  return treeSize(expanded, before) < before ? expanded : e;
}

/** Number of nodes of `e` as a tree (shared subterms counted each time), stopping at `cap`. */
function treeSize(e: Expr, cap: number): number {
  let n = 0;
  const stack: Expr[] = [e];
  while (stack.length > 0 && n < cap) {
    const y = stack.pop()!;
    n++;
    for (const k of children(y)) stack.push(k);
  }
  return n;
}

/** `n` rounds of tidy-rewrite-tidy; with `trace`, each step's whole expression is shown inside the remaining outer D's. */
function run(e: Expr, x: Sym, n: number, trace: boolean, options: DiffOptions): Run {
  const steps: Step[] = [];
  let cur = e;
  const memo = options.memo ?? new Map<Expr, Expr>();
  for (let round = 1; round <= n; round++) {
    const outer = n - round;
    const wrap = (w: Expr): Expr => {
      for (let k = 0; k < outer; k++) w = D(w, x);
      return w;
    };
    const prefix = new Array<number>(outer).fill(0);
    // The function is tidied first, so that what cancels (x^2/x) is not differentiated.
    const input = tidy(cur);
    if (trace && input !== cur) {
      steps.push({ rule: 'tidy', at: [...prefix, 0], before: cur, after: input, bindings: new Map(), substeps: [], whole: wrap(D(input, x)) });
    }
    cur = input;
    const r = rewrite(D(cur, x), DIFF_RULES, { trace, limits: options.limits, memo: trace ? undefined : memo });
    for (const s of r.steps) steps.push({ ...s, at: [...prefix, ...s.at], whole: wrap(s.whole!) });
    if (r.stopped !== 'fixpoint') {
      if (!trace) throw new LimitError(`differentiation stopped (${r.stopped}) after ${r.count.toLocaleString('en')} steps`);
      return { result: wrap(r.expr), steps, stopped: r.stopped };
    }
    const tidied = tidy(r.expr);
    if (trace && tidied !== r.expr) {
      steps.push({ rule: 'tidy', at: prefix, before: r.expr, after: tidied, bindings: new Map(), substeps: [], whole: wrap(tidied) });
    }
    cur = tidied;
  }
  return { result: cur, steps, stopped: 'fixpoint' };
}

/** The n-th derivative of `e` with respect to the variable `x` (other symbols are held constant). */
export function diff(e: Expr, x: Expr, n = 1, options: DiffOptions = {}): Expr {
  checkOperand(e);
  checkOrder(n);
  return fast(e, checkVariable(x), n, options);
}

/** The derivation of `diff(e, x, n)`: the same computation, with its steps. */
export function explainDiff(e: Expr, x: Expr, n: Expr | number = 1): Derivation {
  checkOperand(e);
  const order = typeof n === 'number' ? n : n.kind === 'num' && n.value[1] === 1n ? Number(n.value[0]) : NaN;
  checkOrder(order);
  const v = checkVariable(x);
  let input = e;
  for (let k = 0; k < order; k++) input = D(input, v);
  const r = run(e, v, order, true, {});
  return { op: 'diff', input, result: r.result, steps: r.steps, stopped: r.stopped };
}

registerExplainer('diff', (...args: Expr[]) => {
  if (args.length < 2 || args.length > 3) throw new DiffError('explain("diff", f, x, n?) takes 2 or 3 arguments');
  return explainDiff(args[0]!, args[1]!, args[2] ?? 1);
});

function variables(vars: readonly Expr[] | Expr): Sym[] {
  const vs = Array.isArray(vars) ? (vars as readonly Expr[]) : (vars as Expr).kind === 'list' ? (vars as { items: readonly Expr[] }).items : [vars as Expr];
  if (vs.length === 0) throw new DiffError('give at least one variable');
  return vs.map(checkVariable);
}

/** The gradient of a scalar `f`: the list of its partial derivatives. */
export function grad(f: Expr, vars: readonly Expr[] | Expr): Expr {
  if (f.kind === 'list') throw new DiffError('grad takes a scalar expression; use jacobian for a list of functions');
  const memo = new Map<Expr, Expr>();
  return list(variables(vars).map((v) => diff(f, v, 1, { memo })));
}

/** The Jacobian matrix of a list of functions: row i holds the gradient of the i-th function. */
export function jacobian(fs: readonly Expr[] | Expr, vars: readonly Expr[] | Expr): Expr {
  const items = Array.isArray(fs) ? (fs as readonly Expr[]) : (fs as Expr).kind === 'list' ? (fs as { items: readonly Expr[] }).items : [fs as Expr];
  const vs = variables(vars);
  const memo = new Map<Expr, Expr>();
  return list(items.map((f) => {
    if (f.kind === 'list') throw new DiffError('jacobian takes a list of scalar functions');
    return list(vs.map((v) => diff(f, v, 1, { memo })));
  }));
}

/** The Hessian matrix of a scalar `f`; symmetric by construction (each mixed partial is computed once). */
export function hessian(f: Expr, vars: readonly Expr[] | Expr): Expr {
  if (f.kind === 'list') throw new DiffError('hessian takes a scalar expression');
  const vs = variables(vars);
  const memo = new Map<Expr, Expr>();
  const g = vs.map((v) => diff(f, v, 1, { memo }));
  const h: Expr[][] = vs.map(() => []);
  for (let i = 0; i < vs.length; i++) {
    for (let j = i; j < vs.length; j++) {
      const hij = diff(g[i]!, vs[j]!, 1, { memo });
      h[i]![j] = hij;
      h[j]![i] = hij;
    }
  }
  return list(h.map((row) => list(row)));
}
