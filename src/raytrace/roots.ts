/**
 * Real roots of a univariate polynomial on an interval, without missing any simple root: the roots of
 * p′ (found the same way, down to a closed-form quadratic) cut [a, b] into pieces on which p is
 * monotonic, and a piece holds a root exactly when p changes sign across it; that root is then polished
 * by Newton's method kept inside the shrinking bracket. Buffers are allocated once per degree, so
 * solving allocates nothing.
 */
export class PolySolver {
  /** coeffs[k]: the (degree − k)-th derivative's coefficients, constant first. */
  private readonly coeffs: Float64Array[];
  private readonly roots: Float64Array[];
  private readonly counts: Int32Array;

  constructor(readonly maxDegree: number) {
    this.coeffs = Array.from({ length: maxDegree + 1 }, (_, d) => new Float64Array(d + 1));
    this.roots = Array.from({ length: maxDegree + 1 }, (_, d) => new Float64Array(Math.max(1, d)));
    this.counts = new Int32Array(maxDegree + 1);
  }

  /**
   * The smallest root of c[0] + c[1] t + … + c[n] t^n in (a, b], or −1 when there is none. Trailing
   * (near-)zero leading coefficients lower the degree.
   */
  firstRoot(c: ArrayLike<number>, n: number, a: number, b: number): number {
    let scale = 0;
    for (let k = 0; k <= n; k++) scale = Math.max(scale, Math.abs(c[k]!));
    if (scale === 0) return -1;
    while (n > 0 && Math.abs(c[n]!) <= 1e-14 * scale) n--;
    if (n === 0) return -1;
    const top = this.coeffs[n]!;
    for (let k = 0; k <= n; k++) top[k] = c[k]!;
    for (let d = n - 1; d >= 1; d--) {
      const hi = this.coeffs[d + 1]!;
      const lo = this.coeffs[d]!;
      for (let k = 0; k <= d; k++) lo[k] = hi[k + 1]! * (k + 1);
    }
    if (n <= 2) {
      // Closed forms: the line, and the quadratic formula in its cancellation-free arrangement.
      this.solveAll(n, a, b);
      return this.counts[n]! > 0 ? this.roots[n]![0]! : -1;
    }
    for (let d = 1; d < n; d++) this.solveAll(d, a, b);
    return this.scan(n, a, b, true);
  }

  /** All roots of the degree-d level in (a, b], ascending, into roots[d]. */
  private solveAll(d: number, a: number, b: number): void {
    const c = this.coeffs[d]!;
    const out = this.roots[d]!;
    let m = 0;
    if (d === 1) {
      if (c[1] !== 0) {
        const t = -c[0]! / c[1]!;
        if (t > a && t <= b) out[m++] = t;
      }
    } else if (d === 2) {
      const A = c[2]!, B = c[1]!, C = c[0]!;
      if (A === 0) {
        if (B !== 0) {
          const t = -C / B;
          if (t > a && t <= b) out[m++] = t;
        }
      } else {
        let disc = B * B - 4 * A * C;
        // A discriminant negative only by rounding is a double root (a grazing ray).
        if (disc < 0 && disc > -1e-12 * B * B) disc = 0;
        if (disc >= 0) {
          // The stable pair: q = −(B + sign(B)√disc)/2, roots q/A and C/q.
          const q = -0.5 * (B + (B >= 0 ? Math.sqrt(disc) : -Math.sqrt(disc)));
          let t1 = q / A;
          let t2 = q !== 0 ? C / q : t1;
          if (t1 > t2) { const s = t1; t1 = t2; t2 = s; }
          if (t1 > a && t1 <= b) out[m++] = t1;
          if (t2 > a && t2 <= b && t2 !== t1) out[m++] = t2;
        }
      }
    } else {
      this.counts[d] = 0;
      this.scan(d, a, b, false);
      return;
    }
    this.counts[d] = m;
  }

  /** Walks the monotonic pieces of level d; returns the first root if `first`, else stores them all. */
  private scan(d: number, a: number, b: number, first: boolean): number {
    const c = this.coeffs[d]!;
    const crit = this.roots[d - 1]!;
    const nc = this.counts[d - 1]!;
    const out = this.roots[d]!;
    let m = 0;
    let l = a;
    let fl = horner(c, d, l);
    // A critical point where p vanishes to rounding is an even-multiplicity root (a grazing ray): a hit.
    let size = 0;
    for (let k = 0; k <= d; k++) size += Math.abs(c[k]!) * Math.pow(Math.max(1, Math.abs(b)), k);
    const touch = 1e-13 * size;
    for (let k = 0; k <= nc; k++) {
      const r = k < nc ? crit[k]! : b;
      if (r <= l) continue;
      const fr = horner(c, d, r);
      let root = NaN;
      if (fr === 0 || (k < nc && Math.abs(fr) <= touch)) root = r;
      else if ((fl < 0 && fr > 0) || (fl > 0 && fr < 0)) root = this.refine(c, d, l, r, fl);
      if (root === root) {
        if (first) return root;
        if (m === 0 || out[m - 1] !== root) out[m++] = root;
      }
      l = r;
      fl = fr;
    }
    if (!first) this.counts[d] = m;
    return -1;
  }

  /** The root of level d in the bracket (l, r) where p(l) = fl and p(r) have opposite signs. */
  private refine(c: Float64Array, d: number, l: number, r: number, fl: number): number {
    let t = 0.5 * (l + r);
    for (let it = 0; it < 80; it++) {
      const f = horner(c, d, t);
      if (f === 0) return t;
      if ((f < 0) === (fl < 0)) { l = t; fl = f; } else r = t;
      let df = 0;
      for (let k = d; k >= 1; k--) df = df * t + k * c[k]!;
      let next = df !== 0 ? t - f / df : NaN;
      if (!(next > l && next < r)) next = 0.5 * (l + r);
      if (Math.abs(next - t) <= 1e-13 * Math.max(1, Math.abs(t)) || r - l <= 1e-13 * Math.max(1, Math.abs(t))) return next;
      t = next;
    }
    return t;
  }
}

export function horner(c: ArrayLike<number>, n: number, t: number): number {
  let v = c[n]!;
  for (let k = n - 1; k >= 0; k--) v = v * t + c[k]!;
  return v;
}
