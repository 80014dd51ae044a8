/** Errors of symbolic statistics that a user can cause. */
export class DistributionSpecError extends Error {
  override name = 'DistributionSpecError';
}
