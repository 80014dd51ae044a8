/**
 * The data a rewrite produces. A `Step` is one rule application; a `Derivation` is the record of a whole
 * operation (`diff`, `simplify`, …) and is built by the very code that computes the plain answer, with
 * tracing switched on.
 */
import type { Expr } from '../ast/expr.js';

/** Where a subterm sits: child indices from the root (`children(e)[i]` at each level). */
export type Path = readonly number[];

/** Pattern variable name → the subexpression it matched. */
export type Bindings = ReadonlyMap<string, Expr>;

export type StopReason = 'fixpoint' | 'step-limit' | 'time-limit' | 'size-limit';

export interface Step {
  /** The rule's stable id, also the key of its label (`d/product`, `d/chain`, …). */
  readonly rule: string;
  /** Path of the rewritten subterm in `whole` (the expression before this step); `[]` for the root. */
  readonly at: Path;
  /** The subterm before and after the rule. */
  readonly before: Expr;
  readonly after: Expr;
  readonly bindings: Bindings;
  /** Finer steps this one is made of (e.g. the table entry `d/sin` inside a `d/chain` step). */
  readonly substeps: readonly Step[];
  /** The whole expression after this step (present when the step was traced inside a larger expression). */
  readonly whole?: Expr;
}

export interface Derivation {
  /** The operation: 'diff', 'simplify', … */
  readonly op: string;
  /** What the operation started from, as an expression (`D(f, x)` for a derivative). */
  readonly input: Expr;
  readonly result: Expr;
  readonly steps: readonly Step[];
  readonly stopped: StopReason;
  /** A closing check shown after the chain, not part of it (e.g. d/dx of an antiderivative = the integrand). */
  readonly check?: Step;
}

export interface Limits {
  /** Most rule applications (default 100,000). */
  readonly steps?: number;
  /** Most milliseconds of wall-clock time (default 10,000). */
  readonly timeMs?: number;
  /** Most distinct nodes the rewrite may visit, and how much taller than the input a rewritten subterm may grow (defaults 2,000,000 / 5,000). */
  readonly nodes?: number;
  readonly height?: number;
}

export const DEFAULT_LIMITS: Required<Limits> = { steps: 100_000, timeMs: 10_000, nodes: 2_000_000, height: 5_000 };
