/**
 * A time budget for limits, series and sums: the inner loops call `checkBudget`, and an operation that runs
 * past its deadline stops with BudgetError, which the commands report as "stopped after N s".
 */
export class BudgetError extends Error {
  override name = 'BudgetError';
}

let deadline = Infinity;
let allowed = 0;

/** Run `f` with at most `ms` milliseconds; nested calls keep the outer (earlier) deadline. */
export function withBudget<T>(ms: number, f: () => T): T {
  const outer = deadline;
  const outerAllowed = allowed;
  const mine = Date.now() + ms;
  if (mine < deadline) {
    deadline = mine;
    allowed = ms;
  }
  try {
    return f();
  } finally {
    deadline = outer;
    allowed = outerAllowed;
  }
}

export function checkBudget(): void {
  if (Date.now() > deadline) throw new BudgetError(`stopped after ${(allowed / 1000).toFixed(allowed % 1000 === 0 ? 0 : 1)} s (the time budget ran out)`);
}
