/** Errors raised while turning an expression into a kernel: unknown names, non-scalar forms, bad arguments. */
export class CompileError extends Error {
  override name = 'CompileError';
}
