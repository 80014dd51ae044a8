/**
 * Seeded, reproducible pseudo-random numbers for Lousa.
 * Generator: xoshiro128** (D. Blackman & S. Vigna (2018), "Scrambled linear pseudorandom number
 * generators"), 32-bit state words and Math.imul only, seeded through SplitMix32.
 * Normal deviates: Marsaglia's polar method (G. Marsaglia & T. A. Bray (1964)).
 * Gamma deviates: G. Marsaglia & W. W. Tsang (2000), "A simple method for generating gamma
 * variables", ACM TOMS 26(3), with the U^(1/shape) boost for shape < 1.
 */
import { DomainError } from './special/errors.js';

export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare: number | null = null;
  readonly seed: number;

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new DomainError(`Rng seed must be a finite number, got ${seed}`);
    this.seed = seed;
    // SplitMix32 over the seed's low and high 32-bit halves
    let z = (seed >>> 0) ^ Math.imul(Math.floor(seed / 4294967296) >>> 0, 0x9e3779b9);
    const mix = (): number => {
      z = (z + 0x9e3779b9) | 0;
      let t = z ^ (z >>> 16);
      t = Math.imul(t, 0x21f0aaad);
      t ^= t >>> 15;
      t = Math.imul(t, 0x735a2d97);
      return (t ^ (t >>> 15)) >>> 0;
    };
    this.s0 = mix();
    this.s1 = mix();
    this.s2 = mix();
    this.s3 = mix();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Next 32-bit unsigned integer (xoshiro128**). */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  next(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform double in (0, 1), never 0 (for logarithms). */
  nextOpen(): number {
    let u = this.next();
    while (u === 0) u = this.next();
    return u;
  }

  /** Uniform integer in {0, ..., n-1}, unbiased (rejection sampling). */
  int(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 53) throw new DomainError(`Rng.int needs an integer n in [1, 2^53], got ${n}`);
    if (n <= 4294967296) {
      const limit = 4294967296 - (4294967296 % n);
      for (;;) {
        const r = this.nextUint32();
        if (r < limit) return r % n;
      }
    }
    for (;;) {
      const r = Math.floor(this.next() * 9007199254740992);
      const limit = 9007199254740992 - (9007199254740992 % n);
      if (r < limit) return r % n;
    }
  }

  /** Standard normal deviate. */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    for (;;) {
      const u = 2 * this.next() - 1;
      const v = 2 * this.next() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        this.spare = v * f;
        return u * f;
      }
    }
  }

  /** Gamma(shape, scale 1) deviate. */
  gamma(shape: number): number {
    if (!(shape > 0) || !Number.isFinite(shape)) throw new DomainError(`Rng.gamma needs shape > 0, got ${shape}`);
    if (shape < 1) {
      const g = this.gamma(shape + 1);
      return g * Math.exp(Math.log(this.nextOpen()) / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.nextOpen();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
    }
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
