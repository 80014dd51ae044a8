/** Raised for invalid plotting parameters (empty ranges, non-positive sizes, …). */
export class PlotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlotError';
  }
}

export function requireRange(name: string, r: readonly [number, number]): void {
  if (!Array.isArray(r) || r.length !== 2 || !Number.isFinite(r[0]) || !Number.isFinite(r[1]) || !(r[0] < r[1])) {
    throw new PlotError(`${name} must be a pair [lo, hi] of finite numbers with lo < hi, got ${JSON.stringify(r)}`);
  }
}

export function requireIntAtLeast(name: string, v: number, min: number): void {
  if (!Number.isInteger(v) || v < min) throw new PlotError(`${name} must be an integer ≥ ${min}, got ${String(v)}`);
}
