/** Row-major layout helpers shared by the reference evaluator and the compiler. */
import type { Shape } from '../ast/expr.js';
import { sizeOf } from './tensor.js';

/** Row-major strides (in entries) of a shape. */
export function stridesOf(s: Shape): number[] {
  const st = new Array<number>(s.length);
  let m = 1;
  for (let k = s.length - 1; k >= 0; k--) {
    st[k] = m;
    m *= s[k]!;
  }
  return st;
}

/** A tensor seen as [outer, n, inner] around one axis. */
export function around(s: Shape, axis: number): { outer: number; n: number; inner: number } {
  return { outer: sizeOf(s.slice(0, axis)), n: s[axis]!, inner: sizeOf(s.slice(axis + 1)) };
}

/** Run `reduce` once per output entry of a reduction over `axis`; `get(q)` reads the q-th entry along the axis. */
export function reductionLoop(
  _fn: string, s: Shape, axis: number, reduce: (get: (q: number) => number, n: number) => number,
  data: Float64Array, out: Float64Array,
): void {
  const { outer, n, inner } = around(s, axis);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      out[o * inner + i] = reduce((q) => data[base + q * inner]!, n);
    }
  }
}

/** Strides, in the source tensor of shape `s`, of each axis of its permutation by `perm` (result axis k is axis perm[k]). */
export function permutedStrides(s: Shape, perm: readonly number[]): number[] {
  const st = stridesOf(s);
  return perm.map((k) => st[k]!);
}
