/**
 * Householder reflectors H = I − τ v vᵀ with v₀ = 1 (the convention of LAPACK's dlarfg/dlarf;
 * A. S. Householder, 1958, "Unitary triangularization of a nonsymmetric matrix", J. ACM 5(4)).
 * Vectors live inside other arrays, addressed by an offset and a stride, so no copies are made.
 */
import { axpy } from './kernels.js';

/**
 * Make a reflector that maps x = (x₀, x₁, …) to (β, 0, …). x is read from `a` at `off + i·stride` for
 * i < len; on return x₁.. are overwritten by v₁.. and x₀ by β. Returns τ (0 when x₁.. are already zero).
 */
export function makeReflector(a: Float64Array, off: number, stride: number, len: number): number {
  let tail = 0;
  for (let i = 1; i < len; i++) tail = Math.max(tail, Math.abs(a[off + i * stride]!));
  if (tail === 0) return 0;
  // Work in units of s = max|xᵢ| (division is correctly rounded even for subnormals), so the reflector
  // stays orthogonal to working precision whatever the magnitude of x.
  const alpha = a[off]!;
  const s = Math.max(tail, Math.abs(alpha));
  const a0 = alpha / s;
  let ss = 0;
  for (let i = 1; i < len; i++) {
    const v = a[off + i * stride]! / s;
    ss += v * v;
  }
  const b0 = -(a0 >= 0 ? 1 : -1) * Math.sqrt(a0 * a0 + ss);
  const r = 1 / (a0 - b0);
  for (let i = 1; i < len; i++) a[off + i * stride] = (a[off + i * stride]! / s) * r;
  a[off] = b0 * s;
  return (b0 - a0) / b0;
}

/**
 * T ← H·T on rows r0..r0+len−1 and columns c0..c1−1 of the row-major target `t` (row stride ts).
 * v is read from `vs` at vOff + i·vStride for 1 ≤ i < len (v₀ = 1 is implicit). `w` is scratch of length ≥ c1.
 */
export function applyLeft(
  vs: Float64Array, vOff: number, vStride: number, len: number, tau: number,
  t: Float64Array, ts: number, r0: number, c0: number, c1: number, w: Float64Array,
): void {
  if (tau === 0 || c0 >= c1) return;
  let ro = r0 * ts;
  for (let j = c0; j < c1; j++) w[j] = t[ro + j]!;
  for (let i = 1; i < len; i++) {
    const vi = vs[vOff + i * vStride]!;
    if (vi === 0) continue;
    ro = (r0 + i) * ts;
    axpy(vi, t.subarray(ro + c0, ro + c1), w.subarray(c0, c1));
  }
  ro = r0 * ts;
  for (let j = c0; j < c1; j++) t[ro + j]! -= tau * w[j]!;
  for (let i = 1; i < len; i++) {
    const s = tau * vs[vOff + i * vStride]!;
    if (s === 0) continue;
    ro = (r0 + i) * ts;
    axpy(-s, w.subarray(c0, c1), t.subarray(ro + c0, ro + c1));
  }
}

/**
 * T ← T·H on rows r0..r1−1 and columns c0..c0+len−1 of the row-major target `t` (row stride ts).
 * Each row is handled on its own: a dot product with v, then an axpy, both contiguous.
 */
export function applyRight(
  vs: Float64Array, vOff: number, vStride: number, len: number, tau: number,
  t: Float64Array, ts: number, r0: number, r1: number, c0: number,
): void {
  if (tau === 0) return;
  for (let i = r0; i < r1; i++) {
    const ro = i * ts + c0;
    let s = t[ro]!;
    for (let j = 1; j < len; j++) s += t[ro + j]! * vs[vOff + j * vStride]!;
    if (s === 0) continue;
    s *= tau;
    t[ro]! -= s;
    for (let j = 1; j < len; j++) t[ro + j]! -= s * vs[vOff + j * vStride]!;
  }
}
