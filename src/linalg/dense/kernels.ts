/** Small level-1 kernels shared by the factorisations; unrolled by four, which V8 turns into tighter loops. */

/** y ← y + α·x over the common length of two views. */
export function axpy(alpha: number, x: Float64Array, y: Float64Array): void {
  const n = y.length;
  let j = 0;
  for (; j + 3 < n; j += 4) {
    y[j]! += alpha * x[j]!;
    y[j + 1]! += alpha * x[j + 1]!;
    y[j + 2]! += alpha * x[j + 2]!;
    y[j + 3]! += alpha * x[j + 3]!;
  }
  for (; j < n; j++) y[j]! += alpha * x[j]!;
}
