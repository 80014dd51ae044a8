/** Errors raised while evaluating a well-formed expression: unknown names, division by zero, domain errors. */
export class EvalError extends Error {
  override name = 'EvalError';
}
