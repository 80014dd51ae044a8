/**
 * The float32 matrix product's inner loops as a WebAssembly SIMD module, emitted byte by byte. The layout is
 * that of Goto & van de Geijn (2008), "Anatomy of high-performance matrix multiplication": op(A) is packed in
 * panels of MR rows (for each q, the MR entries of column q side by side), op(B) in panels of NR columns (for
 * each q, NR entries of row q), and the macro-kernel `mm` walks the B panels (each stays in L1) and, inside,
 * the A panels (the packed block stays in L2). Its micro-kernel keeps an MR×NR tile of C in MR·NR/4 f32x4
 * registers while q runs over the panel: per q, NR/4 vector loads of B, MR broadcasts of A and MR·NR/4
 * multiply-adds, fused (relaxed-SIMD f32x4.relaxed_madd) where the runtime validates that instruction, a
 * multiply then an add otherwise.
 */
import { Body, I32, V128, section, uleb, wasmName } from './wasm.js';

/** Rows and columns of the register tile. */
export interface Tile { readonly mr: number; readonly nr: number }

// f32x4 opcodes (after the 0xfd prefix).
const LOAD = 0x00, LOAD32_SPLAT = 0x09, STORE = 0x0b, CONST = 0x0c, F32X4_ADD = 0xe4, F32X4_MUL = 0xe6, RELAXED_MADD = 0x105;

// Parameters of mm: panels of A, panels of B, depth, byte addresses of packed A, packed B and C, C's row
// stride in bytes, and whether to add to C (a later block of the depth) or overwrite it.
const [MP, NP, KC, PA, PB, PC, LDC, ACC] = [0, 1, 2, 3, 4, 5, 6, 7];
const [IP, JP, Q, AP, BP, CP, AROW, BCOL, CBASE, ASTRIDE, BSTRIDE, ROW] = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19];
const FIRST_V128 = 20;

function mmBody(tile: Tile, fma: boolean, unroll = 1): number[] {
  const { mr, nr } = tile;
  const nv = nr / 4;
  const acc = (r: number, c: number): number => FIRST_V128 + r * nv + c;
  const bv = (c: number): number => FIRST_V128 + mr * nv + c;
  const av = FIRST_V128 + mr * nv + nv;
  const f = new Body();
  f.get(KC).i32(mr * 4).mul().set(ASTRIDE);
  f.get(KC).i32(nr * 4).mul().set(BSTRIDE);
  f.i32(0).set(JP).get(PB).set(BCOL).get(PC).set(CBASE);
  f.loop(); // over panels of B
  f.i32(0).set(IP).get(PA).set(AROW).get(CBASE).set(CP);
  f.loop(); // over panels of A
  // the tile of C: loaded (a later block of the depth) or zero
  f.get(ACC).if();
  f.get(CP).set(ROW);
  for (let r = 0; r < mr; r++) {
    for (let c = 0; c < nv; c++) f.get(ROW).simd(LOAD, 2, ...uleb(16 * c)).set(acc(r, c));
    if (r + 1 < mr) f.get(ROW).get(LDC).add().set(ROW);
  }
  f.else();
  for (let r = 0; r < mr; r++) for (let c = 0; c < nv; c++) f.simd(CONST, ...new Array<number>(16).fill(0)).set(acc(r, c));
  f.end();
  f.get(AROW).set(AP).get(BCOL).set(BP).get(KC).set(Q);
  f.loop(); // over q
  for (let u = 0; u < unroll; u++) {
    for (let c = 0; c < nv; c++) f.get(BP).simd(LOAD, 2, ...uleb(16 * c + u * nr * 4)).set(bv(c));
    for (let r = 0; r < mr; r++) {
      f.get(AP).simd(LOAD32_SPLAT, 2, ...uleb(4 * r + u * mr * 4)).set(av);
      for (let c = 0; c < nv; c++) {
        if (fma) f.get(av).get(bv(c)).get(acc(r, c)).simd(RELAXED_MADD);
        else f.get(acc(r, c)).get(av).get(bv(c)).simd(F32X4_MUL).simd(F32X4_ADD);
        f.set(acc(r, c));
      }
    }
  }
  f.get(AP).i32(mr * 4 * unroll).add().set(AP);
  f.get(BP).i32(nr * 4 * unroll).add().set(BP);
  f.get(Q).i32(unroll).sub().tee(Q).brIf(0);
  f.end();
  f.get(CP).set(ROW);
  for (let r = 0; r < mr; r++) {
    for (let c = 0; c < nv; c++) f.get(ROW).get(acc(r, c)).simd(STORE, 2, ...uleb(16 * c));
    if (r + 1 < mr) f.get(ROW).get(LDC).add().set(ROW);
  }
  f.get(AROW).get(ASTRIDE).add().set(AROW);
  f.get(CP).get(LDC).i32(mr).mul().add().set(CP);
  f.get(IP).i32(1).add().tee(IP).get(MP).ltU().brIf(0);
  f.end();
  f.get(BCOL).get(BSTRIDE).add().set(BCOL);
  f.get(CBASE).i32(nr * 4).add().set(CBASE);
  f.get(JP).i32(1).add().tee(JP).get(NP).ltU().brIf(0);
  f.end();
  return f.encode([[ROW - IP + 1, I32], [mr * nv + nv + 1, V128]]);
}

// Parameters of a packing function: source and its strides in bytes (row r, column q of the source block at
// src + r·si + q·sq), rows, depth, destination. Rows are written in panels of w (MR for A, NR for B): row r,
// column q at dst + 4·(⌊r/w⌋·kc·w + q·w + r mod w). Padding rows of the last panel are left as they are (zeroed
// by the caller). When a panel's rows are adjacent in the source (si = 4), each q is w/4 vector copies; when
// its columns are (sq = 4), blocks of 4×4 are transposed in registers; otherwise entries move one by one.
const [SRC, SI, SQ, ROWS, PK, DST] = [0, 1, 2, 3, 4, 5];
const [P0, H, PQ, S, D, R, SR] = [6, 7, 8, 9, 10, 11, 12];
const V0 = 13;
const SHUFFLE = 0x0d;
/** i8x16.shuffle lanes taking float lanes (x, y) of the first operand and (x, y) of the second. */
const UNPACK_LO = [0, 1, 2, 3, 16, 17, 18, 19, 4, 5, 6, 7, 20, 21, 22, 23];
const UNPACK_HI = [8, 9, 10, 11, 24, 25, 26, 27, 12, 13, 14, 15, 28, 29, 30, 31];
const lanes = (x: number, y: number): number[] => [x, y, 4 + x, 4 + y].flatMap((l) => [4 * l, 4 * l + 1, 4 * l + 2, 4 * l + 3]);

function packBody(w: number): number[] {
  const f = new Body();
  const F32_LOAD = [0x2a, 2, 0], F32_STORE = [0x38, 2, 0];
  f.i32(0).set(P0).get(DST).set(D);
  f.loop(); // over panels
  f.get(ROWS).get(P0).sub().set(H).get(H).i32(w).op(0x4a).if().i32(w).set(H).end(); // h = min(rows − p0, w)
  f.i32(0).set(PQ).get(SRC).get(P0).get(SI).mul().add().set(S);
  f.block();
  // a full panel whose rows are adjacent in the source: w/4 vector copies per q
  f.get(H).i32(w).op(0x46).get(SI).i32(4).op(0x46).op(0x71).if();
  f.loop();
  for (let v = 0; v < w / 4; v++) f.get(D).get(S).simd(LOAD, 2, ...uleb(16 * v)).simd(STORE, 2, ...uleb(16 * v));
  f.get(D).i32(4 * w).add().set(D);
  f.get(S).get(SQ).add().set(S);
  f.get(PQ).i32(1).add().tee(PQ).get(PK).ltU().brIf(0);
  f.end();
  f.br(1);
  f.end();
  // a full panel whose columns are adjacent in the source: 4×4 blocks transposed, four q at a time
  f.get(H).i32(w).op(0x46).get(SQ).i32(4).op(0x46).op(0x71).get(PK).i32(4).op(0x4f).op(0x71).if(); // and kc ≥ 4
  f.loop();
  for (let g = 0; g < w / 4; g++) {
    f.get(S).i32(4 * g).get(SI).mul().add().set(SR);
    for (let r = 0; r < 4; r++) {
      f.get(SR).simd(LOAD, 2, 0).set(V0 + r);
      if (r < 3) f.get(SR).get(SI).add().set(SR);
    }
    // rows r0…r3 (4 columns each) → columns: interleave pairs, then take halves
    f.get(V0).get(V0 + 1).simd(SHUFFLE, ...UNPACK_LO).set(V0 + 4);
    f.get(V0).get(V0 + 1).simd(SHUFFLE, ...UNPACK_HI).set(V0 + 5);
    f.get(V0 + 2).get(V0 + 3).simd(SHUFFLE, ...UNPACK_LO).set(V0 + 6);
    f.get(V0 + 2).get(V0 + 3).simd(SHUFFLE, ...UNPACK_HI).set(V0 + 7);
    const cols: [number, number, number[]][] = [[4, 6, lanes(0, 1)], [4, 6, lanes(2, 3)], [5, 7, lanes(0, 1)], [5, 7, lanes(2, 3)]];
    cols.forEach(([x, y, sh], qq) => { f.get(D).get(V0 + x).get(V0 + y).simd(SHUFFLE, ...sh).simd(STORE, 2, ...uleb(4 * (qq * w + 4 * g))); });
  }
  f.get(D).i32(16 * w).add().set(D);
  f.get(S).i32(16).add().set(S);
  f.get(PQ).i32(4).add().tee(PQ).i32(4).add().get(PK).op(0x4d).brIf(0); // while q + 4 ≤ kc
  f.end();
  f.end();
  // the rest (q ≥ PQ), entry by entry
  f.get(PQ).get(PK).ltU().if();
  f.loop(); // over q
  f.i32(0).set(R).get(S).set(SR);
  f.loop(); // over the rows of the panel
  f.get(D).get(R).i32(2).op(0x74).add().get(SR).op(...F32_LOAD).op(...F32_STORE);
  f.get(SR).get(SI).add().set(SR);
  f.get(R).i32(1).add().tee(R).get(H).ltU().brIf(0);
  f.end();
  f.get(D).i32(4 * w).add().set(D);
  f.get(S).get(SQ).add().set(S);
  f.get(PQ).i32(1).add().tee(PQ).get(PK).ltU().brIf(0);
  f.end();
  f.end();
  f.end(); // block
  f.get(P0).i32(w).add().tee(P0).get(ROWS).ltU().brIf(0);
  f.end();
  return f.encode([[SR - P0 + 1, I32], [8, V128]]);
}

/**
 * compact(c, ldc, n, m, mp, g): the products of a group of g batch entries, each mp rows of byte stride ldc
 * starting at c, moved down to g·m rows of stride n (row i of entry t to row t·m + i), in order: each row moves
 * to an address no higher than its own, so memory.copy never overwrites a row still to be moved.
 */
function compactBody(): number[] {
  const [C, LD, NB, M, MPAD, G, T, I, DST, SRC] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const f = new Body();
  f.i32(0).set(T).get(C).set(DST);
  f.loop(); // over entries
  f.get(C).get(T).get(MPAD).mul().get(LD).mul().add().set(SRC);
  f.i32(0).set(I);
  f.loop(); // over rows
  f.get(DST).get(SRC).get(NB).op(0xfc, 10, 0, 0);
  f.get(DST).get(NB).add().set(DST);
  f.get(SRC).get(LD).add().set(SRC);
  f.get(I).i32(1).add().tee(I).get(M).ltU().brIf(0);
  f.end();
  f.get(T).i32(1).add().tee(T).get(G).ltU().brIf(0);
  f.end();
  return f.encode([[4, I32]]);
}

export function sgemmModule(tile: Tile, fma: boolean, unroll = 1): Uint8Array<ArrayBuffer> {
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [3, 0x60, 8, ...new Array<number>(8).fill(I32), 0, 0x60, 6, ...new Array<number>(6).fill(I32), 0, 0x60, 6, ...new Array<number>(6).fill(I32), 0]),
    ...section(3, [4, 0, 1, 1, 2]),
    ...section(5, [1, 0x00, 1]),
    ...section(7, [5, ...wasmName('mm'), 0x00, 0, ...wasmName('packA'), 0x00, 1, ...wasmName('packB'), 0x00, 2, ...wasmName('compact'), 0x00, 3, ...wasmName('m'), 0x02, 0]),
    ...section(10, [4, ...mmBody(tile, fma, unroll), ...packBody(tile.mr), ...packBody(tile.nr), ...compactBody()]),
  ]);
}

/** Whether this runtime has relaxed SIMD (Node 20 only with --experimental-wasm-relaxed-simd). */
export function hasRelaxedSimd(): boolean {
  try {
    return WebAssembly.validate(sgemmModule({ mr: 1, nr: 4 }, true));
  } catch {
    return false;
  }
}
