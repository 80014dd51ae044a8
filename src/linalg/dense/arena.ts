/**
 * Scratch memory and level-3 kernels for the blocked factorisations. Matrices being factorised live in one
 * Float64Array (the linear memory of the WebAssembly kernels when the platform has WebAssembly SIMD, a plain
 * buffer otherwise), addressed by element offsets and row strides, so the kernels run in place without copies.
 *
 * Use: `const ar = arena(); const mark = ar.mark(); const p = ar.alloc(n);` … allocate everything first, then
 * take `ar.f64()` (growing the memory detaches earlier views), work, and finally `ar.release(mark)`.
 */
import { moduleBytes } from './wasm/asm.js';
import { gemmKernel } from './wasm/gemm-simd.js';
import { symvKernel } from './wasm/symv-simd.js';
import { trsvKernels } from './wasm/trsv-simd.js';
import { gemvKernel } from './wasm/gemv-simd.js';
import { columnKernel, secularKernel, shiftKernel } from './wasm/secular-simd.js';

type GemmFn = (m: number, n: number, k: number, pa: number, lda: number, pb: number, ldb: number, pc: number, ldc: number) => void;
type SymvFn = (n: number, pa: number, lda: number, px: number, py: number) => void;
type TrsvFn = (n: number, pa: number, lda: number, px: number) => void;
type SecFn = (pd: number, pr: number, n: number, tau: number, pout: number) => void;
type ShiftFn = (pdst: number, psrc: number, n: number, o: number, squared: number) => void;
type ColFn = (pdst: number, stride: number, psrc: number, n: number, tau: number) => void;
type GemvFn = (m: number, k: number, pa: number, lda: number, px: number, py: number, ldy: number) => void;

/** Triangular solves on packed LU factors: 0 L·x = b, 1 U·x = b, 2 Uᵀ·x = b, 3 Lᵀ·x = b (L unit lower). */
export type TrsvKind = 0 | 1 | 2 | 3;

export interface Arena {
  /** True when the kernels are WebAssembly SIMD. */
  readonly simd: boolean;
  /** Current view of the memory (valid until the next `alloc` that grows it). */
  f64(): Float64Array;
  /** Reserves `count` doubles (16-byte aligned) and returns their element offset. */
  alloc(count: number): number;
  mark(): number;
  release(mark: number): void;
  /** C ← C − A·B (sub) or C ← C + A·B; A m×k, B k×n, C m×n, row-major with leading dimensions, element offsets. */
  gemm(sub: boolean, m: number, n: number, k: number, pa: number, lda: number, pb: number, ldb: number, pc: number, ldc: number): void;
  /** y ← A·x for symmetric A (n×n) of which only the lower triangle (j ≤ i) is read. */
  symv(n: number, pa: number, lda: number, px: number, py: number): void;
  /** x ← T⁻¹x in place for the triangle `kind` of the packed LU factors at pa (n×n, row stride lda). */
  trsv(kind: TrsvKind, n: number, pa: number, lda: number, px: number): void;
  /** Σ rⱼ/(δⱼ − τ) into [pout] and Σ rⱼ/(δⱼ − τ)² into [pout + 1], over j < n (δ at pd, r at pr). */
  secularSums(pd: number, pr: number, n: number, tau: number, pout: number): void;
  /** dst[j] = src[j] − o, or (src[j] − o)(src[j] + o) when squared, for j < n. */
  secularShift(pdst: number, psrc: number, n: number, o: number, squared: boolean): void;
  /** dst[j·stride] = src[j] − τ for j < n. */
  secularColumn(pdst: number, stride: number, psrc: number, n: number, tau: number): void;
}

export function jsSecularSums(mem: Float64Array, pd: number, pr: number, n: number, tau: number, pout: number): void {
  let s = 0, ds = 0;
  for (let j = 0; j < n; j++) {
    const t = 1 / (mem[pd + j]! - tau), q = mem[pr + j]! * t;
    s += q;
    ds += q * t;
  }
  mem[pout] = s;
  mem[pout + 1] = ds;
}

/** Plain-JavaScript kernels with the same meaning (row-major i-k-j loops), used without WebAssembly SIMD. */
export function jsGemm(
  mem: Float64Array, sub: boolean, m: number, n: number, k: number,
  pa: number, lda: number, pb: number, ldb: number, pc: number, ldc: number,
): void {
  const s = sub ? -1 : 1;
  for (let i = 0; i < m; i++) {
    const ci = pc + i * ldc, ai = pa + i * lda;
    for (let q = 0; q < k; q++) {
      const a = s * mem[ai + q]!;
      if (a === 0) continue;
      const bq = pb + q * ldb;
      for (let j = 0; j < n; j++) mem[ci + j]! += a * mem[bq + j]!;
    }
  }
}

export function jsSymv(mem: Float64Array, n: number, pa: number, lda: number, px: number, py: number): void {
  for (let i = 0; i < n; i++) mem[py + i] = 0;
  for (let i = 0; i < n; i++) {
    const ro = pa + i * lda, xi = mem[px + i]!;
    let s = 0;
    for (let j = 0; j < i; j++) {
      const aij = mem[ro + j]!;
      s += aij * mem[px + j]!;
      mem[py + j]! += aij * xi;
    }
    mem[py + i]! += s + mem[ro + i]! * xi;
  }
}

export function jsTrsv(mem: Float64Array, kind: TrsvKind, n: number, pa: number, lda: number, px: number): void {
  if (kind === 0) {
    for (let i = 1; i < n; i++) {
      let s = mem[px + i]!;
      for (let j = 0, r = pa + i * lda; j < i; j++) s -= mem[r + j]! * mem[px + j]!;
      mem[px + i] = s;
    }
  } else if (kind === 1) {
    for (let i = n - 1; i >= 0; i--) {
      const r = pa + i * lda;
      let s = mem[px + i]!;
      for (let j = i + 1; j < n; j++) s -= mem[r + j]! * mem[px + j]!;
      mem[px + i] = s / mem[r + i]!;
    }
  } else if (kind === 2) {
    for (let i = 0; i < n; i++) {
      const r = pa + i * lda;
      const xi = mem[px + i]! / mem[r + i]!;
      mem[px + i] = xi;
      for (let j = i + 1; j < n; j++) mem[px + j]! -= mem[r + j]! * xi;
    }
  } else {
    for (let i = n - 1; i >= 1; i--) {
      const r = pa + i * lda, xi = mem[px + i]!;
      for (let j = 0; j < i; j++) mem[px + j]! -= mem[r + j]! * xi;
    }
  }
}

class BaseArena {
  protected top = 0;
  protected cap: number;
  constructor(cap: number) {
    this.cap = cap;
  }
  mark(): number {
    return this.top;
  }
  release(mark: number): void {
    this.top = mark;
  }
  alloc(count: number): number {
    const p = this.top;
    this.top = p + ((count + 1) & ~1);
    if (this.top > this.cap) this.grow(this.top);
    return p;
  }
  protected grow(_need: number): void {}
}

class JsArena extends BaseArena implements Arena {
  readonly simd = false;
  private mem = new Float64Array(1 << 16);
  constructor() {
    super(1 << 16);
  }
  f64(): Float64Array {
    return this.mem;
  }
  protected override grow(need: number): void {
    const next = new Float64Array(Math.max(need, 2 * this.cap));
    next.set(this.mem);
    this.mem = next;
    this.cap = next.length;
  }
  gemm(sub: boolean, m: number, n: number, k: number, pa: number, lda: number, pb: number, ldb: number, pc: number, ldc: number): void {
    jsGemm(this.mem, sub, m, n, k, pa, lda, pb, ldb, pc, ldc);
  }
  symv(n: number, pa: number, lda: number, px: number, py: number): void {
    jsSymv(this.mem, n, pa, lda, px, py);
  }
  trsv(kind: TrsvKind, n: number, pa: number, lda: number, px: number): void {
    jsTrsv(this.mem, kind, n, pa, lda, px);
  }
  secularSums(pd: number, pr: number, n: number, tau: number, pout: number): void {
    jsSecularSums(this.mem, pd, pr, n, tau, pout);
  }
  secularShift(pdst: number, psrc: number, n: number, o: number, squared: boolean): void {
    const m = this.mem;
    if (squared) for (let j = 0; j < n; j++) m[pdst + j] = (m[psrc + j]! - o) * (m[psrc + j]! + o);
    else for (let j = 0; j < n; j++) m[pdst + j] = m[psrc + j]! - o;
  }
  secularColumn(pdst: number, stride: number, psrc: number, n: number, tau: number): void {
    const m = this.mem;
    for (let j = 0; j < n; j++) m[pdst + j * stride] = m[psrc + j]! - tau;
  }
}

interface Exports {
  gsub: GemmFn;
  gadd: GemmFn;
  symv: SymvFn;
  trsv0: TrsvFn;
  trsv1: TrsvFn;
  trsv2: TrsvFn;
  trsv3: TrsvFn;
  vsub: GemvFn;
  vadd: GemvFn;
  sec: SecFn;
  shift: ShiftFn;
  col: ColFn;
  m: WebAssembly.Memory;
}

class WasmArena extends BaseArena implements Arena {
  readonly simd = true;
  private view: Float64Array;
  constructor(private readonly ex: Exports) {
    super(ex.m.buffer.byteLength / 8);
    this.view = new Float64Array(ex.m.buffer);
  }
  f64(): Float64Array {
    if (this.view.buffer !== this.ex.m.buffer) this.view = new Float64Array(this.ex.m.buffer);
    return this.view;
  }
  protected override grow(need: number): void {
    const bytes = need * 8 - this.ex.m.buffer.byteLength;
    this.ex.m.grow(Math.ceil(bytes / 65536));
    this.cap = this.ex.m.buffer.byteLength / 8;
    this.view = new Float64Array(this.ex.m.buffer);
  }
  gemm(sub: boolean, m: number, n: number, k: number, pa: number, lda: number, pb: number, ldb: number, pc: number, ldc: number): void {
    if (m <= 0 || n <= 0 || k <= 0) return;
    if (n === 1 && ldb === 1) {
      (sub ? this.ex.vsub : this.ex.vadd)(m, k, pa * 8, lda * 8, pb * 8, pc * 8, ldc * 8);
      return;
    }
    (sub ? this.ex.gsub : this.ex.gadd)(m, n, k, pa * 8, lda * 8, pb * 8, ldb * 8, pc * 8, ldc * 8);
  }
  symv(n: number, pa: number, lda: number, px: number, py: number): void {
    if (n <= 0) return;
    this.ex.symv(n, pa * 8, lda * 8, px * 8, py * 8);
  }
  trsv(kind: TrsvKind, n: number, pa: number, lda: number, px: number): void {
    if (n <= 0) return;
    const f = kind === 0 ? this.ex.trsv0 : kind === 1 ? this.ex.trsv1 : kind === 2 ? this.ex.trsv2 : this.ex.trsv3;
    f(n, pa * 8, lda * 8, px * 8);
  }
  secularSums(pd: number, pr: number, n: number, tau: number, pout: number): void {
    this.ex.sec(pd * 8, pr * 8, n, tau, pout * 8);
  }
  secularShift(pdst: number, psrc: number, n: number, o: number, squared: boolean): void {
    this.ex.shift(pdst * 8, psrc * 8, n, o, squared ? 1 : 0);
  }
  secularColumn(pdst: number, stride: number, psrc: number, n: number, tau: number): void {
    this.ex.col(pdst * 8, stride * 8, psrc * 8, n, tau);
  }
}

let wasm: WasmArena | null | undefined;
let js: JsArena | undefined;
let preferSimd = true;

function compile(): WasmArena | null {
  try {
    const bytes = moduleBytes([gemmKernel('gsub', true), gemmKernel('gadd', false), symvKernel('symv'), ...trsvKernels(), gemvKernel('vsub', true), gemvKernel('vadd', false), secularKernel('sec'), shiftKernel('shift'), columnKernel('col')]);
    const inst = new WebAssembly.Instance(new WebAssembly.Module(bytes));
    return new WasmArena(inst.exports as unknown as Exports);
  } catch {
    return null; // no WebAssembly, or no SIMD: the JavaScript kernels take over
  }
}

/** The shared arena: WebAssembly SIMD when available (and not switched off), JavaScript otherwise. */
export function arena(): Arena {
  if (preferSimd) {
    if (wasm === undefined) wasm = compile();
    if (wasm !== null) return wasm;
  }
  return (js ??= new JsArena());
}

/** Whether WebAssembly SIMD kernels can be compiled on this platform. */
export function simdAvailable(): boolean {
  if (wasm === undefined) wasm = compile();
  return wasm !== null;
}

/** Switch the SIMD kernels off (or back on); returns the previous setting. For tests and comparisons. */
export function setSimd(on: boolean): boolean {
  const prev = preferSimd;
  preferSimd = on;
  return prev;
}
