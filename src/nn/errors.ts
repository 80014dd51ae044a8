/** Errors a user of the network layer can cause: unknown tensors, missing data, bad hyper-parameters. */
export class NnError extends Error {
  override name = 'NnError';
}
