/** Categorical(probs) on {0, ..., m-1}; probabilities must be >= 0 and sum to 1 (within 1e-9). */
import type { Rng } from '../rng.js';
import { DomainError } from '../special/errors.js';
import { DiscreteDistribution } from './discrete.js';

export class Categorical extends DiscreteDistribution {
  readonly name = 'Categorical';
  readonly support: readonly [number, number];
  readonly probs: readonly number[];
  private readonly lowerSums: number[];
  private readonly upperSums: number[];
  constructor(probs: readonly number[]) {
    super();
    if (!Array.isArray(probs) || probs.length === 0) throw new DomainError('Categorical: probs must be a non-empty array');
    let total = 0;
    for (const p of probs) {
      if (typeof p !== 'number' || !Number.isFinite(p) || p < 0) throw new DomainError(`Categorical: probabilities must be finite and >= 0, got ${p}`);
      total += p;
    }
    if (Math.abs(total - 1) > 1e-9) throw new DomainError(`Categorical: probabilities must sum to 1, got ${total}`);
    this.probs = probs.map((p) => p / total);
    this.support = [0, probs.length - 1];
    this.lowerSums = [];
    let s = 0;
    for (const p of this.probs) this.lowerSums.push((s += p));
    this.upperSums = new Array<number>(probs.length);
    s = 0;
    for (let i = probs.length - 1; i >= 0; i--) {
      this.upperSums[i] = s; // P(X > i)
      s += this.probs[i];
    }
  }
  get mean(): number {
    return this.probs.reduce((acc, p, i) => acc + p * i, 0);
  }
  get variance(): number {
    const m = this.mean;
    return this.probs.reduce((acc, p, i) => acc + p * (i - m) * (i - m), 0);
  }
  protected mass(k: number): number {
    return this.probs[k];
  }
  protected lowerAt(k: number): number {
    return Math.min(1, this.lowerSums[k]);
  }
  protected upperAt(k: number): number {
    return this.upperSums[k];
  }
  protected override guess(): number {
    return 0;
  }
  protected draw(rng: Rng): number {
    const u = rng.next();
    let lo = 0;
    let hi = this.probs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.lowerSums[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
