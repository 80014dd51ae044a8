/** What a limit can fail with: not determined, provably nonexistent, or dependent on a parameter's sign. */
export class NoLimitError extends Error {
  override name = 'NoLimitError';
}

/** The limit provably does not exist (different one-sided limits, oscillation). */
export class DoesNotExistError extends NoLimitError {
  override name = 'NoLimitError';
}

/** The limit has different values for different signs of a parameter; the message lists them. */
export class LimitDependsError extends NoLimitError {
  override name = 'NoLimitError';
  constructor(message: string, readonly parameter: string) {
    super(message);
  }
}
