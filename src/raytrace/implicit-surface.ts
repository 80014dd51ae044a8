/** What the render loop needs from a surface f(x, y, z) = 0 compiled from an expression. */
export interface ImplicitSurface {
  /** The first t in (tmin, tmax) with f(o + t d) = 0, or −1 when the ray misses. */
  hit(ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, tmin: number, tmax: number): number;
  /** Writes ∇f(x, y, z) into out[0..2]. */
  gradient(x: number, y: number, z: number, out: Float64Array): void;
}
