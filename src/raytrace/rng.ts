/**
 * A seeded, allocation-free random stream for the renderer: xorshift32 on a 32-bit state, seeded
 * through a SplitMix-style hash so that neighbouring seeds (tile, pass) give unrelated streams.
 */
export class Rng {
  private s: number;

  constructor(...seeds: number[]) {
    this.s = 1;
    this.reseed(...seeds);
  }

  /** Restart the stream from a hash of the given integers. */
  reseed(...seeds: number[]): void {
    let h = 0x9e3779b9 | 0;
    for (const v of seeds) h = mix32(h ^ mix32(v | 0));
    this.s = h === 0 ? 0x6d2b79f5 : h;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x;
    return (x >>> 0) * 2.3283064365386963e-10;
  }

  /** Uniform in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
}

function mix32(v: number): number {
  let z = (v + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}
