/**
 * The float32 matrix product C = op(A) op(B) (batched) on the WebAssembly SIMD kernels of sgemm-kernel.ts.
 * Per batch entry, both operands are copied as stored into the kernel's memory (one block move each; a B shared
 * by the batch once), then op(B) is packed in blocks of KC rows × NC columns and op(A) in blocks of MC rows × KC,
 * whichever way each is stored; the macro-kernel runs on each pair of blocks, adding the later blocks of the
 * depth into C. C lives in the kernel's memory with rows padded to the tile; at the end its rows are moved
 * together and copied out at once. Sums are in float32, in order of q within each block. Zero padding of the
 * panels only reaches padded rows and columns of C.
 */
import type { Gemm } from './gemm.js';
import { type Tile, hasRelaxedSimd, sgemmModule } from './sgemm-kernel.js';

/** 4×8: eight accumulators; larger tiles spill registers in V8's code for WebAssembly and run slower. */
export const TILE: Tile = { mr: 4, nr: 8 };
const KC = 256, MC = 96, NC = 2048;
/** Floats of operands and products of one group of batch entries (16 MB). */
const GROUP_FLOATS = 1 << 22;

interface Compiled { module: WebAssembly.Module; fma: boolean }
let compiled: Compiled | null | undefined;

function compiledModule(): Compiled | null {
  if (compiled !== undefined) return compiled;
  try {
    const fma = hasRelaxedSimd();
    compiled = { module: new WebAssembly.Module(sgemmModule(TILE, fma)), fma };
  } catch {
    compiled = null;
  }
  return compiled;
}

/** Whether the float32 SIMD product runs here, and whether with fused multiply-adds. */
export function sgemmInfo(): { simd: boolean; fma: boolean } {
  const c = compiledModule();
  return { simd: c !== null, fma: c?.fma ?? false };
}

type MM = (mp: number, np: number, kc: number, pa: number, pb: number, pc: number, ldc: number, acc: number) => void;
type Compact = (c: number, ldc: number, n: number, m: number, mp: number, g: number) => void;
type Pack = (src: number, si: number, sq: number, rows: number, kc: number, dst: number) => void;
const roundUp = (x: number, r: number): number => Math.ceil(x / r) * r;

/** A float32 product with its own kernel instance and memory (grown once to the largest product seen), or null without SIMD. */
export function makeSgemm(tile: Tile = TILE, groupFloats = GROUP_FLOATS): Gemm | null {
  const c = compiledModule();
  if (c === null) return null;
  const inst = new WebAssembly.Instance(tile === TILE ? c.module : new WebAssembly.Module(sgemmModule(tile, c.fma)));
  const mm = inst.exports['mm'] as MM, packA = inst.exports['packA'] as Pack, packB = inst.exports['packB'] as Pack;
  const compact = inst.exports['compact'] as Compact;
  const memory = inst.exports['m'] as WebAssembly.Memory;
  let M = new Float32Array(memory.buffer);
  // Views of the kernel memory by offset and length (made once: a product allocates nothing after its first call).
  const views = new Map<number, Float32Array>();
  const view = (off: number, len: number): Float32Array => {
    const key = off + len * 2 ** 26;
    let v = views.get(key);
    if (v === undefined) views.set(key, v = M.subarray(off, off + len));
    return v;
  };
  const { mr: MR, nr: NR } = tile;
  const mcMax = roundUp(MC, MR);
  return (batch, m, n, k, a, sA, tA, b, sB, tB, out) => {
    if (k === 0) { out.fill(0, 0, batch * m * n); return; }
    const ncMax = roundUp(Math.min(n, NC), NR), mp = roundUp(m, MR), ldc = roundUp(n, NR);
    const aLen = m * k, bLen = k * n, cLen = mp * ldc, shareB = sB === 0 || batch === 1;
    // Entries of a batch go through the kernel in groups: their operands are copied in at once and their
    // products copied out at once (no copy per entry), as many entries as fit in GROUP_FLOATS.
    const perEntry = aLen + (shareB ? 0 : bLen) + cLen;
    const g = Math.max(1, Math.min(batch, Math.floor(groupFloats / perEntry)));
    // Memory (in floats): the group's op(A) and op(B) as stored, the packed blocks, the group's C (rows of ldc).
    const rawB = g * aLen, offPA = rawB + (shareB ? bLen : g * bLen), offPB = offPA + mcMax * KC, offC = offPB + KC * ncMax;
    const need = (offC + g * cLen) * 4;
    if (need > memory.buffer.byteLength) memory.grow(Math.ceil((need - memory.buffer.byteLength) / 65536));
    if (M.buffer !== memory.buffer) { M = new Float32Array(memory.buffer); views.clear(); }
    const W = M;
    // Byte strides of op(A)[i, q] (rows i) and of op(B)[q, j] read as rows j.
    const aRow = tA ? 4 : 4 * k, aCol = tA ? 4 * m : 4;
    const bRow = tB ? 4 * k : 4, bCol = tB ? 4 : 4 * n;
    if (shareB) W.set(sB === 0 && b.length === bLen ? b : b.subarray(0, bLen), rawB);
    for (let t0 = 0; t0 < batch; t0 += g) {
      const gn = Math.min(g, batch - t0);
      if (sA === aLen) W.set(t0 === 0 && a.length === gn * aLen ? a : a.subarray(t0 * aLen, (t0 + gn) * aLen), 0);
      else for (let t = 0; t < gn; t++) W.set(a.subarray((t0 + t) * sA, (t0 + t) * sA + aLen), t * aLen);
      if (!shareB) {
        if (sB === bLen) W.set(t0 === 0 && b.length === gn * bLen ? b : b.subarray(t0 * bLen, (t0 + gn) * bLen), rawB);
        else for (let t = 0; t < gn; t++) W.set(b.subarray((t0 + t) * sB, (t0 + t) * sB + bLen), rawB + t * bLen);
      }
      for (let t = 0; t < gn; t++) {
        const ea = 4 * t * aLen, eb = 4 * (rawB + (shareB ? 0 : t * bLen)), ec = offC + t * cLen;
        for (let jc = 0; jc < n; jc += NC) {
          const nc = Math.min(NC, n - jc), ncp = roundUp(nc, NR);
          for (let pc = 0; pc < k; pc += KC) {
            const kc = Math.min(KC, k - pc);
            if (nc !== ncp) W.fill(0, offPB + (ncp - NR) * kc, offPB + ncp * kc);
            packB(eb + jc * bRow + pc * bCol, bRow, bCol, nc, kc, 4 * offPB);
            for (let ic = 0; ic < m; ic += MC) {
              const mc = Math.min(MC, m - ic), mcp = roundUp(mc, MR);
              if (mc !== mcp) W.fill(0, offPA + (mcp - MR) * kc, offPA + mcp * kc);
              packA(ea + ic * aRow + pc * aCol, aRow, aCol, mc, kc, 4 * offPA);
              mm(mcp / MR, ncp / NR, kc, 4 * offPA, 4 * offPB, 4 * (ec + ic * ldc + jc), 4 * ldc, pc > 0 ? 1 : 0);
            }
          }
        }
      }
      if (ldc !== n || mp !== m) compact(4 * offC, 4 * ldc, 4 * n, m, mp, gn);
      out.set(view(offC, gn * m * n), t0 * m * n);
    }
  };
}
