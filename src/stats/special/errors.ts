/**
 * Errors raised by Lousa's special functions and probability distributions when a caller
 * passes an argument outside the domain of the mathematics (a negative shape, a probability
 * outside [0, 1], a non-integer count, ...).
 */
export class DomainError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Throw a DomainError unless `ok` holds. */
export function require(ok: boolean, message: string): asserts ok {
  if (!ok) throw new DomainError(message);
}

/** Checks that `p` is a probability in [0, 1]. */
export function requireProbability(p: number, what = 'p'): void {
  require(p >= 0 && p <= 1, `${what} must be a probability in [0, 1], got ${p}`);
}
