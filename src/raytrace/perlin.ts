/**
 * Perlin gradient noise (random unit vectors on a lattice, Hermite-smoothed trilinear blend of their
 * dot products) and turbulence, from fixed seeded tables: the marble texture of "The Next Week".
 */
import { Rng } from './rng.js';

const N = 256;

export class Perlin {
  private readonly grad = new Float64Array(N * 3);
  private readonly px = new Int32Array(N);
  private readonly py = new Int32Array(N);
  private readonly pz = new Int32Array(N);

  constructor(seed = 12345) {
    const rng = new Rng(seed, 0x9e71);
    for (let i = 0; i < N; i++) {
      let x: number, y: number, z: number, l: number;
      do {
        x = 2 * rng.next() - 1; y = 2 * rng.next() - 1; z = 2 * rng.next() - 1;
        l = x * x + y * y + z * z;
      } while (l > 1 || l < 1e-6);
      const k = 1 / Math.sqrt(l);
      this.grad[i * 3] = x * k; this.grad[i * 3 + 1] = y * k; this.grad[i * 3 + 2] = z * k;
    }
    for (const p of [this.px, this.py, this.pz]) {
      for (let i = 0; i < N; i++) p[i] = i;
      for (let i = N - 1; i > 0; i--) {
        const j = Math.floor(rng.next() * (i + 1));
        const t = p[i]!; p[i] = p[j]!; p[j] = t;
      }
    }
  }

  /** Noise in about [−1, 1] at (x, y, z). */
  noise(x: number, y: number, z: number): number {
    const fi = Math.floor(x), fj = Math.floor(y), fk = Math.floor(z);
    const u = x - fi, v = y - fj, w = z - fk;
    const uu = u * u * (3 - 2 * u), vv = v * v * (3 - 2 * v), ww = w * w * (3 - 2 * w);
    let acc = 0;
    for (let di = 0; di < 2; di++) for (let dj = 0; dj < 2; dj++) for (let dk = 0; dk < 2; dk++) {
      const g = (this.px[(fi + di) & 255]! ^ this.py[(fj + dj) & 255]! ^ this.pz[(fk + dk) & 255]!) * 3;
      const dot = this.grad[g]! * (u - di) + this.grad[g + 1]! * (v - dj) + this.grad[g + 2]! * (w - dk);
      acc += (di ? uu : 1 - uu) * (dj ? vv : 1 - vv) * (dk ? ww : 1 - ww) * dot;
    }
    return acc;
  }

  /** Sum of |noise| over 7 octaves, each at double frequency and half weight. */
  turbulence(x: number, y: number, z: number): number {
    let acc = 0;
    let weight = 1;
    for (let i = 0; i < 7; i++) {
      acc += weight * this.noise(x, y, z);
      weight *= 0.5;
      x *= 2; y *= 2; z *= 2;
    }
    return Math.abs(acc);
  }
}
