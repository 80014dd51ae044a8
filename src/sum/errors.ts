/** Why a sum or product has no closed form here, or provably diverges. */
export class SumError extends Error {
  override name = 'SumError';
}

/** The series provably diverges; the message carries the proof. */
export class DivergesError extends SumError {
  override name = 'SumError';
  /** +1 or −1 when the partial sums tend to ±∞, 0 when they oscillate or the direction is not known. */
  constructor(message: string, readonly to: number = 0) {
    super(message);
  }
}
