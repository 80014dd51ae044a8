/**
 * Reusable scratch vectors for the divide-and-conquer merges and the secular solver, which run many times per
 * decomposition on short vectors: allocating fresh typed arrays there costs more in garbage collection than the
 * arithmetic. Each caller owns fixed slot numbers; a slot's contents are undefined on entry (callers fill them).
 * Merges never nest, so a slot is never in use twice at once.
 */
const pool: Float64Array[] = [];

export function scratch(slot: number, len: number): Float64Array {
  let b = pool[slot];
  if (b === undefined || b.length < len) {
    b = new Float64Array(Math.max(len, 2 * (b?.length ?? 32)));
    pool[slot] = b;
  }
  return b;
}

const ipool: Int32Array[] = [];

/** Integer scratch (index lists), with its own slot numbers (ISlot). */
export function iscratch(slot: number, len: number): Int32Array {
  let b = ipool[slot];
  if (b === undefined || b.length < len) {
    b = new Int32Array(Math.max(len, 2 * (b?.length ?? 32)));
    ipool[slot] = b;
  }
  return b;
}

/** Integer slot numbers. */
export const enum ISlot {
  MColQ, MSrcQ, MColC, MSrcC,
}

/** Slot numbers, one per vector that may be live at the same time. */
export const enum Slot {
  MZ, MD, MTag, MDd, MZz, MLam, MZh, MSs, MRow,
  BS, BZ, BUtag, BVtag, BDd, BZz, BLam, BZh, BNu, BNv, BSrc, BRow,
}
