/**
 * Hypergeometric(N, K, n): successes among n draws without replacement from N items of which
 * K are successes. Mass as in C. Loader (2000): dbinomRaw(k; K, p) dbinomRaw(n-k; N-K, p) /
 * dbinomRaw(n; N, p) with p = n/N. Tails are sums of masses by the ratio recurrence, each summed
 * from the requested k outward (terms decrease away from the mode), so both tails keep relative
 * precision. Sampling by sequential inversion from the lower end of the support.
 */
import type { Rng } from '../rng.js';
import { DomainError } from '../special/errors.js';
import { dbinomRaw, logDbinomRaw } from '../special/loader.js';
import { DiscreteDistribution } from './discrete.js';
import { count } from './validate.js';

export class Hypergeometric extends DiscreteDistribution {
  readonly name = 'Hypergeometric';
  readonly support: readonly [number, number];
  private readonly mode: number;
  constructor(readonly N: number, readonly K: number, readonly n: number) {
    super();
    count('Hypergeometric', 'N', N);
    count('Hypergeometric', 'K', K);
    count('Hypergeometric', 'n', n);
    if (K > N) throw new DomainError(`Hypergeometric: need K <= N, got K=${K}, N=${N}`);
    if (n > N) throw new DomainError(`Hypergeometric: need n <= N, got n=${n}, N=${N}`);
    this.support = [Math.max(0, n + K - N), Math.min(n, K)];
    this.mode = Math.floor(((n + 1) * (K + 1)) / (N + 2));
  }
  get mean(): number {
    return (this.n * this.K) / this.N;
  }
  get variance(): number {
    const { N, K, n } = this;
    if (N <= 1) return 0;
    return (n * K * (N - K) * (N - n)) / (N * N * (N - 1));
  }
  protected mass(k: number): number {
    const { N, K, n } = this;
    if (n === 0 || n === N) return 1;
    const p = n / N;
    const a = dbinomRaw(k, K, p, 1 - p), b = dbinomRaw(n - k, N - K, p, 1 - p);
    // The factors may underflow while their quotient does not: fall back to logarithms then.
    if (a < 1e-280 || b < 1e-280 || a * b < 1e-290) return Math.exp(this.logMass(k));
    return (a * b) / dbinomRaw(n, N, p, 1 - p);
  }
  protected override logMass(k: number): number {
    const { N, K, n } = this;
    if (n === 0 || n === N) return 0;
    const p = n / N, q = 1 - p;
    return logDbinomRaw(k, K, p, q) + logDbinomRaw(n - k, N - K, p, q) - logDbinomRaw(n, N, p, q);
  }
  /** mass(k - 1) / mass(k). */
  private down(k: number): number {
    const { N, K, n } = this;
    return (k * (N - K - n + k)) / ((K - k + 1) * (n - k + 1));
  }
  private sumDown(k: number): number {
    let t = this.mass(k);
    let s = t;
    for (let j = k; j > this.support[0]; j--) {
      t *= this.down(j);
      s += t;
      if (t < 1e-17 * s) break;
    }
    return s;
  }
  private sumUp(k: number): number {
    let t = this.mass(k);
    let s = t;
    for (let j = k; j < this.support[1]; j++) {
      t /= this.down(j + 1);
      s += t;
      if (t < 1e-17 * s) break;
    }
    return s;
  }
  protected lowerAt(k: number): number {
    return k <= this.mode ? this.sumDown(k) : 1 - this.sumUp(k + 1);
  }
  protected upperAt(k: number): number {
    return k + 1 > this.mode ? this.sumUp(k + 1) : 1 - this.sumDown(k);
  }
  protected draw(rng: Rng): number {
    let k = this.support[0];
    let t = this.mass(k);
    let u = rng.next();
    while (u >= t && k < this.support[1]) {
      u -= t;
      t /= this.down(k + 1);
      k++;
    }
    return k;
  }
}
