/**
 * The rewrite engine: innermost (bottom-up) normalisation to a fixpoint, run on an explicit stack (no recursion,
 * so depth is bounded by memory, not by the call stack) and memoised over the DAG, so a shared subtree is
 * normalised once. Every rule application counts against explicit limits (steps, time, size) and the result
 * says why the rewrite stopped. With `trace`, each application is recorded as a `Step` with its path in the
 * whole expression: the plain answer and the derivation come from this one loop.
 */
import { tick } from '../ast/budget.js';
import { type Expr, children, withChildren } from '../ast/expr.js';
import { match } from './match.js';
import { guardsHold, instantiate, type Rule } from './rule.js';
import { ruleSet, type RuleSet } from './ruleset.js';
import { DEFAULT_LIMITS, type Bindings, type Limits, type Step, type StopReason } from './types.js';
import { locate, replaceAll } from './whole.js';

export interface RewriteOptions {
  /** Record every rule application (default false). */
  readonly trace?: boolean;
  readonly limits?: Limits;
  /**
   * Normal forms already known for this rule list, to share work across calls (e.g. the entries of a Hessian).
   * Only for untraced rewrites: a memo hit records no steps.
   */
  readonly memo?: Map<Expr, Expr>;
}

export interface RewriteResult {
  readonly expr: Expr;
  /** The recorded steps (empty unless `trace`). */
  readonly steps: readonly Step[];
  readonly stopped: StopReason;
  /** How many rules were applied. */
  readonly count: number;
}

interface Fired {
  readonly rule: Rule;
  readonly after: Expr;
  readonly bindings: Bindings;
  readonly substeps: readonly Step[];
}

/** The first rule (in priority order) that rewrites `s` to something else. */
export function applyFirst(set: RuleSet, s: Expr, trace: boolean): Fired | undefined {
  const candidates = set.candidates(s);
  if (candidates.length === 0) return undefined;
  const b = new Map<string, Expr>();
  let substeps: Step[] = [];
  const ctx = { subject: s, substep: (st: Step) => { if (trace) substeps.push(st); } };
  for (const r of candidates) {
    b.clear();
    let after: Expr | undefined;
    const ok = match(r.lhs, s, b, () => {
      if (!guardsHold(r, b)) return false;
      substeps = [];
      const out = typeof r.rhs === 'function' ? r.rhs(b, ctx) : instantiate(r.rhs, b);
      if (out === undefined || out === s) return false;
      after = out;
      return true;
    });
    if (ok) return { rule: r, after: after!, bindings: new Map(b), substeps };
  }
  return undefined;
}

interface Frame {
  readonly node: Expr;
  readonly kids: readonly Expr[];
  readonly out: Expr[];
  phase: 1 | 2;
  rebuilt?: Expr;
  after?: Expr;
  result?: Expr;
}

const frame = (node: Expr): Frame => ({ node, kids: children(node), out: [], phase: 1 });

/** Rewrite `expr` with `rules` until no rule applies anywhere, or a limit is reached. */
export function rewrite(expr: Expr, rules: readonly Rule[] | RuleSet, options: RewriteOptions = {}): RewriteResult {
  const set = ruleSet(rules);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const trace = options.trace === true;
  const memo = trace ? new Map<Expr, Expr>() : (options.memo ?? new Map<Expr, Expr>());
  const steps: Step[] = [];
  const start = Date.now();
  let whole = expr;
  let count = 0;
  let iterations = 0;
  let stopped: StopReason = 'fixpoint';
  let final: Expr | undefined;
  const stack: Frame[] = [frame(expr)];

  const deliver = (v: Expr): void => {
    stack.pop();
    const parent = stack[stack.length - 1];
    if (parent === undefined) final = v;
    else if (parent.phase === 1) parent.out.push(v);
    else parent.result = v;
  };

  while (stack.length > 0) {
    tick(); // the operation's budget (src/ast/budget.ts), shared with everything else the line does
    if ((++iterations & 1023) === 0 && Date.now() - start > limits.timeMs) {
      stopped = 'time-limit';
      break;
    }
    const f = stack[stack.length - 1]!;
    if (f.phase === 2) {
      memo.set(f.node, f.result!);
      memo.set(f.rebuilt!, f.result!);
      deliver(f.result!);
      continue;
    }
    if (f.out.length === 0) {
      const hit = memo.get(f.node);
      if (hit !== undefined) {
        deliver(hit);
        continue;
      }
    }
    if (f.out.length < f.kids.length) {
      stack.push(frame(f.kids[f.out.length]!));
      continue;
    }
    const rebuilt = f.kids.length === 0 ? f.node : withChildren(f.node, f.out);
    if (rebuilt !== f.node) {
      const hit = memo.get(rebuilt);
      if (hit !== undefined) {
        memo.set(f.node, hit);
        deliver(hit);
        continue;
      }
    }
    const fired = applyFirst(set, rebuilt, trace);
    if (fired === undefined) {
      memo.set(f.node, rebuilt);
      memo.set(rebuilt, rebuilt);
      deliver(rebuilt);
      continue;
    }
    count++;
    f.phase = 2;
    f.rebuilt = rebuilt;
    f.after = fired.after;
    if (trace) {
      const path = locate(whole, rebuilt) ?? [];
      whole = replaceAll(whole, rebuilt, fired.after);
      steps.push({
        rule: fired.rule.name, at: path, before: rebuilt, after: fired.after, bindings: fired.bindings,
        substeps: fired.substeps, whole,
      });
    }
    if (count >= limits.steps) {
      stopped = 'step-limit';
      break;
    }
    if (fired.after.height > expr.height + limits.height || memo.size > limits.nodes) {
      stopped = 'size-limit';
      break;
    }
    stack.push(frame(fired.after));
  }
  return { expr: final ?? unwind(stack), steps, stopped, count };
}

/** The expression as far as it got when a limit stopped the loop: finished parts rewritten, the rest as it was. */
function unwind(stack: readonly Frame[]): Expr {
  let cur: Expr | undefined;
  for (let i = stack.length - 1; i >= 0; i--) {
    const f = stack[i]!;
    if (f.phase === 2) {
      cur = f.result ?? cur ?? f.after!;
      continue;
    }
    if (f.kids.length === 0) {
      cur = f.node;
      continue;
    }
    const kids = [...f.out];
    if (cur !== undefined && kids.length < f.kids.length) kids.push(cur);
    for (let k = kids.length; k < f.kids.length; k++) kids.push(f.kids[k]!);
    cur = withChildren(f.node, kids);
  }
  return cur!;
}
