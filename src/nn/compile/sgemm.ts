/**
 * The float32 matrix product C = op(A) op(B) (batched) on the WebAssembly SIMD kernel of sgemm-kernel.ts.
 * For each batch entry, op(B) is packed in blocks of KC rows × NC columns and op(A) in blocks of MC rows × KC,
 * read in place through its strides (a transposed operand costs nothing more than a plain one); the
 * macro-kernel runs on each pair of blocks, adding the later blocks of the depth into C, which lives in the
 * kernel's memory with rows padded to the tile; its rows are copied out at the end. Sums are in float32, in
 * order of q within each block. Zero padding of the panels only reaches padded rows and columns of C.
 */
import type { Gemm } from './gemm.js';
import { type Tile, hasRelaxedSimd, sgemmModule } from './sgemm-kernel.js';

/** 4×8: eight accumulators; larger tiles spill registers in V8's code for WebAssembly and run slower. */
export const TILE: Tile = { mr: 4, nr: 8 };
const KC = 256, MC = 96, NC = 2048;

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
type Pack = (src: number, si: number, sq: number, rows: number, kc: number, dst: number, w: number) => void;
const roundUp = (x: number, r: number): number => Math.ceil(x / r) * r;

/** A float32 product with its own kernel instance and memory (grown once to the largest product seen), or null without SIMD. */
export function makeSgemm(tile: Tile = TILE): Gemm | null {
  const c = compiledModule();
  if (c === null) return null;
  const inst = new WebAssembly.Instance(tile === TILE ? c.module : new WebAssembly.Module(sgemmModule(tile, c.fma)));
  const mm = inst.exports['mm'] as MM, pack = inst.exports['pack'] as Pack;
  const memory = inst.exports['m'] as WebAssembly.Memory;
  let M = new Float32Array(memory.buffer);
  const { mr: MR, nr: NR } = tile;
  const mcMax = roundUp(MC, MR);
  return (batch, m, n, k, a, sA, tA, b, sB, tB, out) => {
    if (k === 0) { out.fill(0, 0, batch * m * n); return; }
    const ncMax = roundUp(Math.min(n, NC), NR), mp = roundUp(m, MR), ldc = roundUp(n, NR);
    // Memory (in floats): op(A) and op(B) as stored, the packed blocks, C with rows of ldc.
    const rawB = m * k, packA = rawB + k * n, packB = packA + mcMax * KC, offC = packB + KC * ncMax;
    const need = (offC + mp * ldc) * 4;
    if (need > memory.buffer.byteLength) memory.grow(Math.ceil((need - memory.buffer.byteLength) / 65536));
    if (M.buffer !== memory.buffer) M = new Float32Array(memory.buffer);
    const W = M;
    // Byte strides of op(A)[i, q] (rows i) and of op(B)[q, j] read as rows j.
    const aRow = tA ? 4 : 4 * k, aCol = tA ? 4 * m : 4;
    const bRow = tB ? 4 * k : 4, bCol = tB ? 4 : 4 * n;
    let bLoaded = -1;
    for (let t = 0; t < batch; t++) {
      const oa = t * sA, ob = t * sB, oc = t * m * n;
      W.set(a.subarray(oa, oa + m * k), 0);
      if (ob !== bLoaded) { W.set(b.subarray(ob, ob + k * n), rawB); bLoaded = ob; }
      for (let jc = 0; jc < n; jc += NC) {
        const nc = Math.min(NC, n - jc), ncp = roundUp(nc, NR);
        for (let pc = 0; pc < k; pc += KC) {
          const kc = Math.min(KC, k - pc);
          if (nc !== ncp) W.fill(0, packB + (ncp - NR) * kc, packB + ncp * kc);
          pack(4 * rawB + jc * bRow + pc * bCol, bRow, bCol, nc, kc, 4 * packB, NR);
          for (let ic = 0; ic < m; ic += MC) {
            const mc = Math.min(MC, m - ic), mcp = roundUp(mc, MR);
            if (mc !== mcp) W.fill(0, packA + (mcp - MR) * kc, packA + mcp * kc);
            pack(ic * aRow + pc * aCol, aRow, aCol, mc, kc, 4 * packA, MR);
            mm(mcp / MR, ncp / NR, kc, 4 * packA, 4 * packB, 4 * (offC + ic * ldc + jc), 4 * ldc, pc > 0 ? 1 : 0);
          }
        }
      }
      if (ldc === n) out.set(W.subarray(offC, offC + m * n), oc);
      else for (let i = 0; i < m; i++) out.set(W.subarray(offC + i * ldc, offC + i * ldc + n), oc + i * n);
    }
  };
}
