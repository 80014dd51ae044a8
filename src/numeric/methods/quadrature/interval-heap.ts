import type { KronrodPiece } from './kronrod-rule.js';

/** Binary max-heap of subintervals keyed by their error estimate (J. W. J. Williams, 1964, "Heapsort"). */
export class IntervalHeap {
  private readonly items: KronrodPiece[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): KronrodPiece | undefined {
    return this.items[0];
  }

  all(): readonly KronrodPiece[] {
    return this.items;
  }

  push(p: KronrodPiece): void {
    const h = this.items;
    h.push(p);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (h[parent].error >= h[i].error) break;
      [h[parent], h[i]] = [h[i], h[parent]];
      i = parent;
    }
  }

  pop(): KronrodPiece | undefined {
    const h = this.items;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop() as KronrodPiece;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l].error > h[m].error) m = l;
        if (r < h.length && h[r].error > h[m].error) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i], h[m]];
        i = m;
      }
    }
    return top;
  }
}
