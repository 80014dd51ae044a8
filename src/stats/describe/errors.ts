/** Errors raised by Lousa's statistics routines. */

/** A statistic was asked of an empty sample (or one too small for it). */
export class EmptyInputError extends Error {
  override name = 'EmptyInputError';
}

/** A parameter is out of its domain (probability outside [0, 1], mismatched lengths, NaN data, …). */
export class StatsArgumentError extends Error {
  override name = 'StatsArgumentError';
}

export type Sample = ReadonlyArray<number> | Float64Array;

/** Throws unless x has at least `min` entries, all finite numbers. */
export function requireSample(x: Sample, what: string, min = 1): void {
  if (x.length < min) {
    throw new EmptyInputError(
      min === 1 ? `${what}: the sample is empty` : `${what}: needs at least ${min} observations, got ${x.length}`,
    );
  }
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (typeof v !== 'number' || Number.isNaN(v)) throw new StatsArgumentError(`${what}: observation ${i} is not a number (${v})`);
  }
}

export function requireSameLength(x: Sample, y: Sample, what: string): void {
  if (x.length !== y.length) throw new StatsArgumentError(`${what}: samples have different lengths (${x.length} and ${y.length})`);
}
