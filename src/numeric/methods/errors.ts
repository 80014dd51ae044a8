/**
 * Errors raised by Lousa's numerical methods. Every error a caller can cause
 * (a bad parameter, an interval without a sign change, an integrand that
 * returns NaN) is reported through one of these classes with a message that
 * says what went wrong and why.
 */

/** Base class of every error thrown by the numerical methods. */
export class NumericError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NumericError';
  }
}

/** A parameter is outside its allowed range (negative tolerance, empty interval, …). */
export class InvalidArgumentError extends NumericError {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidArgumentError';
  }
}

/** A bracketing root finder was given an interval whose endpoint values have the same sign. */
export class NoSignChangeError extends NumericError {
  readonly a: number;
  readonly b: number;
  readonly fa: number;
  readonly fb: number;
  constructor(a: number, b: number, fa: number, fb: number) {
    super(
      `f has no sign change on [${a}, ${b}]: f(${a}) = ${fa} and f(${b}) = ${fb} have the same sign, ` +
        'so the interval is not known to contain a root (try findBracket or scanBrackets first)',
    );
    this.name = 'NoSignChangeError';
    this.a = a;
    this.b = b;
    this.fa = fa;
    this.fb = fb;
  }
}

/** A user-supplied function returned NaN or ±Infinity where a finite value is required. */
export class NonFiniteValueError extends NumericError {
  readonly at: number | Float64Array;
  readonly value: number;
  constructor(what: string, at: number | Float64Array, value: number) {
    const where = typeof at === 'number' ? String(at) : `[${Array.from(at).join(', ')}]`;
    super(`${what} returned ${value} at ${where}; a finite value is required there`);
    this.name = 'NonFiniteValueError';
    this.at = at;
    this.value = value;
  }
}

/** Throw InvalidArgumentError unless `value` is a finite number. */
export function requireFinite(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidArgumentError(`${name} must be a finite number, got ${String(value)}`);
  }
}

/** Throw InvalidArgumentError unless `value` is a finite number > 0. */
export function requirePositive(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidArgumentError(`${name} must be a finite positive number, got ${String(value)}`);
  }
}

/** Throw InvalidArgumentError unless `value` is an integer ≥ min. */
export function requireInteger(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new InvalidArgumentError(`${name} must be an integer ≥ ${min}, got ${String(value)}`);
  }
}
