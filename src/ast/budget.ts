/**
 * One budget for every operation: steps, size and wall-clock time. An operation runs its work inside
 * `withBudget(…)`; inner loops call `tick()` (cheap: a counter, and the clock every 256 ticks) and `checkSize(n)`
 * for what they build. When a limit is reached a `BudgetExceeded` is thrown, which says which operation stopped
 * and why; the command that started the operation catches it and returns its input unevaluated with that reason.
 * Budgets nest: an inner budget never outlives the one around it, so a whole line of input (the session's budget)
 * is bounded however its operations are combined.
 */

export type BudgetReason = 'step-limit' | 'time-limit' | 'size-limit';

export interface BudgetLimits {
  /** Most ticks (inner-loop iterations) before stopping. */
  readonly steps?: number;
  /** Most milliseconds of wall-clock time. */
  readonly timeMs?: number;
  /** Largest size (terms or nodes, as the operation counts them) it may build. */
  readonly size?: number;
}

/**
 * Not a subclass of `LimitError`: code that treats a `LimitError` as "this candidate is not available" and moves on
 * must not swallow the end of the whole operation. (A time limit is sticky anyway: the next tick throws again.)
 */
export class BudgetExceeded extends Error {
  override name = 'LimitError';
  constructor(readonly operation: string, readonly reason: BudgetReason, detail: string) {
    super(`${operation} stopped: ${detail}`);
  }
}

interface Frame {
  readonly operation: string;
  readonly deadline: number;
  readonly timeMs: number;
  readonly maxSteps: number;
  readonly maxSize: number;
  steps: number;
  readonly outer: Frame | undefined;
}

let current: Frame | undefined;

/** Default limits of one line of input in a session: everything it does together. */
export const SESSION_BUDGET: BudgetLimits = { timeMs: 60_000 };

/** Default budget of each symbolic operation a line runs (simplify, diff, factor, N, …). */
export const OPERATION_BUDGET: BudgetLimits = { timeMs: 4_000 };

/** Run `f` under a budget named `operation`; the limits are clipped to whatever remains of the enclosing budget. */
export function withBudget<T>(operation: string, limits: BudgetLimits, f: () => T): T {
  const now = Date.now();
  const outer = current;
  const timeMs = limits.timeMs ?? Infinity;
  const frame: Frame = {
    operation,
    timeMs,
    deadline: Math.min(now + timeMs, outer?.deadline ?? Infinity),
    maxSteps: limits.steps ?? Infinity,
    maxSize: Math.min(limits.size ?? Infinity, outer?.maxSize ?? Infinity),
    steps: 0,
    outer,
  };
  current = frame;
  try {
    return f();
  } finally {
    current = outer;
  }
}

function exceeded(frame: Frame, reason: BudgetReason): never {
  // Report the innermost budget whose own limit was reached (the deadline may be an outer one's).
  let who = frame;
  if (reason === 'time-limit') {
    for (let f: Frame | undefined = frame; f !== undefined; f = f.outer) {
      if (Date.now() >= f.deadline && f.timeMs !== Infinity) {
        who = f;
        break;
      }
    }
  }
  const detail =
    reason === 'time-limit' ? `time limit of ${fmtSeconds(who.timeMs)} reached`
      : reason === 'step-limit' ? `step limit of ${who.maxSteps.toLocaleString('en')} reached`
        : `size limit of ${who.maxSize.toLocaleString('en')} reached`;
  throw new BudgetExceeded(who.operation, reason, detail);
}

const fmtSeconds = (ms: number): string => (ms === Infinity ? 'the session' : `${(ms / 1000).toLocaleString('en')} s`);

/** Count `n` steps of the current operation; throws `BudgetExceeded` when its steps or time run out. */
export function tick(n = 1): void {
  const f = current;
  if (f === undefined) return;
  const before = f.steps;
  f.steps += n;
  if (f.steps > f.maxSteps) exceeded(f, 'step-limit');
  // The clock is read once every 256 steps (and on every large tick).
  if ((before >> 8) !== (f.steps >> 8) || n >= 256) {
    if (Date.now() > f.deadline) exceeded(f, 'time-limit');
  }
}

/** Check a size the current operation is about to build against its limit. */
export function checkSize(size: number): void {
  const f = current;
  if (f !== undefined && size > f.maxSize) exceeded(f, 'size-limit');
}

/** Milliseconds left in the current budget (Infinity outside any budget). */
export function remainingMs(): number {
  return current === undefined ? Infinity : current.deadline - Date.now();
}

/** The name of the innermost running operation, if any. */
export function currentOperation(): string | undefined {
  return current?.operation;
}
