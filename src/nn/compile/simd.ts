/**
 * The matrix product as a WebAssembly SIMD kernel, emitted byte by byte (no toolchain): a register-blocked
 * micro-kernel in the style of Goto & van de Geijn (2008), "Anatomy of high-performance matrix multiplication".
 * op(A) is read in place through row and column strides, op(B) as K rows of N (N padded to a multiple of 4);
 * each 4×4 tile of C lives in eight f64x2 registers while q runs over K: per q, two vector loads of B, four
 * broadcasts of A and sixteen multiply-adds. Every entry is summed over q in order, multiply then add, in
 * doubles — bit for bit the sums of the scalar kernel of gemm.ts.
 */
import type { Gemm } from './gemm.js';
import { I32, V128, sleb, uleb } from './wasm.js';

// Parameters M N K pa pb pc si sq (byte offsets and strides: op(A)[i, q] is at pa + i·si + q·sq); then i32
// locals, then v128 locals.
const [M, N, K, PA, PB, PC, SI, SQ, I, J, Q, QO, BP, CP, NB, R0] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
const ACC = 19, A = 27, B0 = 28, B1 = 29;

function kernelBody(): number[] {
  const c: number[] = [];
  const get = (l: number): void => { c.push(0x20, l); };
  const set = (l: number): void => { c.push(0x21, l); };
  const tee = (l: number): void => { c.push(0x22, l); };
  const i32 = (v: number): void => { c.push(0x41, ...sleb(v)); };
  const simd = (op: number, ...rest: number[]): void => { c.push(0xfd, ...uleb(op), ...rest); };
  get(N); i32(3); c.push(0x74); set(NB); // row stride of B and C in bytes
  i32(0); set(I);
  c.push(0x03, 0x40); // loop over groups of 4 rows
  for (let r = 0; r < 4; r++) { get(I); i32(r); c.push(0x6a); get(SI); c.push(0x6c); get(PA); c.push(0x6a); set(R0 + r); }
  i32(0); set(J);
  c.push(0x03, 0x40); // loop over groups of 4 columns
  for (let r = 0; r < 8; r++) { simd(0x0c, ...new Array<number>(16).fill(0)); set(ACC + r); }
  i32(0); set(QO);
  get(J); i32(3); c.push(0x74); get(PB); c.push(0x6a); set(BP);
  get(K); set(Q);
  c.push(0x03, 0x40); // loop over q
  get(BP); simd(0x00, 3, 0); set(B0);
  get(BP); simd(0x00, 3, 16); set(B1);
  for (let r = 0; r < 4; r++) {
    get(R0 + r); get(QO); c.push(0x6a, 0x2b, 3, 0); simd(0x14); set(A);
    for (const [h, b] of [[0, B0], [1, B1]] as const) {
      get(ACC + 2 * r + h); get(A); get(b); simd(0xf2); simd(0xf0); set(ACC + 2 * r + h);
    }
  }
  get(QO); get(SQ); c.push(0x6a); set(QO);
  get(BP); get(NB); c.push(0x6a); set(BP);
  get(Q); i32(1); c.push(0x6b); tee(Q); c.push(0x0d, 0); // br_if q ≠ 0
  c.push(0x0b);
  // store the tile: C rows i…i+3, columns j…j+3
  get(I); get(N); c.push(0x6c); get(J); c.push(0x6a); i32(3); c.push(0x74); get(PC); c.push(0x6a); set(CP);
  for (let r = 0; r < 4; r++) {
    get(CP); get(ACC + 2 * r); simd(0x0b, 3, 0);
    get(CP); get(ACC + 2 * r + 1); simd(0x0b, 3, 16);
    get(CP); get(NB); c.push(0x6a); set(CP);
  }
  get(J); i32(4); c.push(0x6a); tee(J); get(N); c.push(0x49, 0x0d, 0); // br_if j < N
  c.push(0x0b);
  get(I); i32(4); c.push(0x6a); tee(I); get(M); c.push(0x49, 0x0d, 0); // br_if i < M
  c.push(0x0b);
  c.push(0x0b); // end of function
  const locals = [2, ...uleb(11), I32, ...uleb(11), V128];
  return [...uleb(locals.length + c.length), ...locals, ...c];
}

function moduleBytes(): Uint8Array<ArrayBuffer> {
  const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
  const name = (s: string): number[] => [...uleb(s.length), ...[...s].map((ch) => ch.charCodeAt(0))];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 8, I32, I32, I32, I32, I32, I32, I32, I32, 0]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0x00, 1]),
    ...section(7, [2, ...name('k'), 0x00, 0, ...name('m'), 0x02, 0]),
    ...section(10, [1, ...kernelBody()]),
  ]);
}

interface Kernel { run: (m: number, n: number, k: number, pa: number, pb: number, pc: number, si: number, sq: number) => void; memory: WebAssembly.Memory }
let shared: Kernel | null | undefined;

/** The compiled kernel, or null where WebAssembly SIMD is unavailable (the scalar product is used then). */
function kernel(): Kernel | null {
  if (shared !== undefined) return shared;
  try {
    const inst = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes()));
    shared = { run: inst.exports['k'] as Kernel['run'], memory: inst.exports['m'] as WebAssembly.Memory };
  } catch {
    shared = null;
  }
  return shared;
}

/**
 * Moving operands in and out of the kernel's memory: op(A) is copied as stored (the kernel reads it through
 * strides, so a transposed A costs nothing more), op(B) as k rows padded to a multiple of 4 columns (transposed
 * when stored N×K), and the rows of C are copied out. Padding rows and columns hold stale values: they only
 * reach entries of C past m or n, which are never copied out. Compiled afresh per product (like gemm.ts) so each
 * program's loops see one array type.
 */
const PACK_SOURCE = `
let mem = new Float64Array(memory.buffer);
return function gemm(batch, m, n, k, a, sA, tA, b, sB, tB, c) {
  const m4 = (m + 3) & ~3, n4 = (n + 3) & ~3;
  const aLen = m4 * k + 4, bLen = k * n4, cLen = m4 * n4;
  const need = (aLen + bLen + cLen) * 8;
  if (need > memory.buffer.byteLength) memory.grow(Math.ceil((need - memory.buffer.byteLength) / 65536));
  if (mem.buffer !== memory.buffer) mem = new Float64Array(memory.buffer);
  const M = mem, pb = aLen, pc = aLen + bLen;
  for (let t = 0; t < batch; t++) {
    const oa = t * sA, ob = t * sB, oc = t * m * n;
    if (k === 0) { for (let i = 0; i < m * n; i++) c[oc + i] = 0; continue; }
    M.set(oa === 0 && a.length === m * k ? a : a.subarray(oa, oa + m * k), 0);
    if (tB) {
      for (let j = 0; j < n; j++) for (let q = 0, s = ob + j * k, d = pb + j; q < k; q++, d += n4) M[d] = b[s + q];
    } else if (n === n4) {
      M.set(ob === 0 && b.length === k * n ? b : b.subarray(ob, ob + k * n), pb);
    } else {
      for (let q = 0; q < k; q++) {
        const row = pb + q * n4, s = ob + q * n;
        for (let j = 0; j < n; j++) M[row + j] = b[s + j];
      }
    }
    if (tA) run(m4, n4, k, 0, pb * 8, pc * 8, 8, m * 8);
    else run(m4, n4, k, 0, pb * 8, pc * 8, k * 8, 8);
    if (n === n4) c.set(M.subarray(pc, pc + m * n), oc);
    else for (let i = 0; i < m; i++) {
      const s = pc + i * n4, d = oc + i * n;
      for (let j = 0; j < n; j++) c[d + j] = M[s + j];
    }
  }
};`;

/** A product with the signature of gemm.ts running on the SIMD kernel, or null when there is none. */
export function makeSimdGemm(): Gemm | null {
  const kern = kernel();
  if (kern === null) return null;
  // Fixed source of this file (above), compiled per product for monomorphic array accesses.
  return new Function('run', 'memory', PACK_SOURCE)(kern.run, kern.memory) as Gemm;
}
