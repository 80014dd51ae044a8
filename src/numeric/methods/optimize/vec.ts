/** Small dense-vector helpers on Float64Array. */

export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export function norm2(a: Float64Array): number {
  // Scaled to avoid overflow/underflow in the squares.
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  if (m === 0 || !Number.isFinite(m)) return m;
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const t = a[i] / m;
    s += t * t;
  }
  return m * Math.sqrt(s);
}

/** out = x + α·d */
export function axpy(out: Float64Array, x: Float64Array, alpha: number, d: Float64Array): Float64Array {
  for (let i = 0; i < x.length; i++) out[i] = x[i] + alpha * d[i];
  return out;
}

/** ‖a − b‖₂ */
export function dist(a: Float64Array, b: Float64Array): number {
  const d = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) d[i] = a[i] - b[i];
  return norm2(d);
}

export function allFinite(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}
