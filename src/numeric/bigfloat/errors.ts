/**
 * Errors raised by Lousa's arbitrary-precision floating point (BigFloat).
 * Every error a caller can provoke (bad precision, log of a negative number, malformed
 * decimal text, a pole of Γ, …) is one of these classes, with a message saying what and why.
 */

/** Base class of every BigFloat error. */
export class BigFloatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BigFloatError';
  }
}

/** The argument lies outside the mathematical domain of the function (e.g. log(-1), sqrt(-2)). */
export class BigFloatDomainError extends BigFloatError {
  constructor(message: string) {
    super(message);
    this.name = 'BigFloatDomainError';
  }
}

/** A value or parameter is outside what can be represented or requested (bad precision, overflow). */
export class BigFloatRangeError extends BigFloatError {
  constructor(message: string) {
    super(message);
    this.name = 'BigFloatRangeError';
  }
}

/** Text given to the decimal parser is not a number. */
export class BigFloatSyntaxError extends BigFloatError {
  constructor(message: string) {
    super(message);
    this.name = 'BigFloatSyntaxError';
  }
}
