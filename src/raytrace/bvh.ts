/**
 * A bounding volume hierarchy over primitive boxes, built by the surface area heuristic on binned
 * centroids and stored flat: 6 floats of box per node, and per node either two children or a range of
 * leaf primitives.
 */
export interface Bvh {
  readonly nodeCount: number;
  /** minx, miny, minz, maxx, maxy, maxz per node. */
  readonly box: Float64Array;
  /** For an inner node: index of the left child (the right one is `right`); −1 for a leaf. */
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** For a leaf: its primitives are `prims[start .. start + count)`. */
  readonly start: Int32Array;
  readonly count: Int32Array;
  /** The axis an inner node was split on (to visit the near child first). */
  readonly axis: Uint8Array;
  readonly prims: Int32Array;
}

const BINS = 12;
const LEAF = 2;

export function buildBvh(bounds: Float64Array, items: Int32Array): Bvh {
  const prims = Int32Array.from(items);
  const cap = Math.max(1, 2 * prims.length);
  const box = new Float64Array(cap * 6);
  const left = new Int32Array(cap).fill(-1);
  const right = new Int32Array(cap).fill(-1);
  const start = new Int32Array(cap);
  const count = new Int32Array(cap);
  const axis = new Uint8Array(cap);
  let nodes = 0;
  const centroid = (p: number, k: number) => 0.5 * (bounds[p * 6 + k]! + bounds[p * 6 + 3 + k]!);

  const build = (lo: number, hi: number): number => {
    const node = nodes++;
    const b = node * 6;
    box.set([Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity], b);
    const cmin = [Infinity, Infinity, Infinity];
    const cmax = [-Infinity, -Infinity, -Infinity];
    for (let i = lo; i < hi; i++) {
      const p = prims[i]!;
      for (let k = 0; k < 3; k++) {
        box[b + k] = Math.min(box[b + k]!, bounds[p * 6 + k]!);
        box[b + 3 + k] = Math.max(box[b + 3 + k]!, bounds[p * 6 + 3 + k]!);
        const c = centroid(p, k);
        cmin[k] = Math.min(cmin[k]!, c);
        cmax[k] = Math.max(cmax[k]!, c);
      }
    }
    const n = hi - lo;
    const leaf = () => {
      start[node] = lo;
      count[node] = n;
      return node;
    };
    if (n <= LEAF) return leaf();

    let bestCost = Infinity;
    let bestAxis = -1;
    let bestSplit = 0;
    for (let k = 0; k < 3; k++) {
      const ext = cmax[k]! - cmin[k]!;
      if (ext <= 0) continue;
      const bins = Array.from({ length: BINS }, () => ({ n: 0, box: [Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity] }));
      for (let i = lo; i < hi; i++) {
        const p = prims[i]!;
        const j = Math.min(BINS - 1, Math.floor(((centroid(p, k) - cmin[k]!) / ext) * BINS));
        const bin = bins[j]!;
        bin.n++;
        for (let q = 0; q < 3; q++) {
          bin.box[q] = Math.min(bin.box[q]!, bounds[p * 6 + q]!);
          bin.box[3 + q] = Math.max(bin.box[3 + q]!, bounds[p * 6 + 3 + q]!);
        }
      }
      for (let s = 1; s < BINS; s++) {
        const a = merge(bins.slice(0, s));
        const c = merge(bins.slice(s));
        if (a.n === 0 || c.n === 0) continue;
        const cost = a.n * area(a.box) + c.n * area(c.box);
        if (cost < bestCost) {
          bestCost = cost;
          bestAxis = k;
          bestSplit = cmin[k]! + (ext * s) / BINS;
        }
      }
    }
    if (bestAxis < 0 || bestCost >= n * area(Array.from(box.subarray(b, b + 6)))) {
      if (bestAxis < 0) return leaf();
      if (n <= 4) return leaf();
    }
    let mid = lo;
    for (let i = lo; i < hi; i++) {
      const p = prims[i]!;
      if (centroid(p, bestAxis) < bestSplit) {
        prims[i] = prims[mid]!;
        prims[mid] = p;
        mid++;
      }
    }
    if (mid === lo || mid === hi) mid = (lo + hi) >> 1;
    axis[node] = bestAxis;
    const l = build(lo, mid);
    const r = build(mid, hi);
    left[node] = l;
    right[node] = r;
    return node;
  };
  if (prims.length > 0) build(0, prims.length);
  return { nodeCount: nodes, box, left, right, start, count, axis, prims };
}

function merge(bins: readonly { n: number; box: number[] }[]): { n: number; box: number[] } {
  const out = { n: 0, box: [Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity] };
  for (const b of bins) {
    if (b.n === 0) continue;
    out.n += b.n;
    for (let q = 0; q < 3; q++) {
      out.box[q] = Math.min(out.box[q]!, b.box[q]!);
      out.box[3 + q] = Math.max(out.box[3 + q]!, b.box[3 + q]!);
    }
  }
  return out;
}

function area(b: readonly number[]): number {
  const x = b[3]! - b[0]!;
  const y = b[4]! - b[1]!;
  const z = b[5]! - b[2]!;
  return x * y + y * z + z * x;
}
