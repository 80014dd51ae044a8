/**
 * Writing WebAssembly modules byte by byte (no toolchain): LEB128 integers, sections, and a small function-body
 * builder over named locals. The kernels of simd.ts and sgemm-kernel.ts are emitted with these.
 */

export const I32 = 0x7f, V128 = 0x7b;

export const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
};

export const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) { out.push(b); return out; }
    out.push(b | 0x80);
  }
};

export const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
export const wasmName = (s: string): number[] => [...uleb(s.length), ...[...s].map((ch) => ch.charCodeAt(0))];

/** Instructions of one function body; locals are numbered as WebAssembly numbers them (parameters first). */
export class Body {
  readonly code: number[] = [];
  get(l: number): this { this.code.push(0x20, ...uleb(l)); return this; }
  set(l: number): this { this.code.push(0x21, ...uleb(l)); return this; }
  tee(l: number): this { this.code.push(0x22, ...uleb(l)); return this; }
  i32(v: number): this { this.code.push(0x41, ...sleb(v)); return this; }
  op(...bytes: number[]): this { this.code.push(...bytes); return this; }
  /** A SIMD instruction (prefix 0xfd) with its immediates. */
  simd(opcode: number, ...imm: number[]): this { this.code.push(0xfd, ...uleb(opcode), ...imm); return this; }
  add(): this { return this.op(0x6a); }
  sub(): this { return this.op(0x6b); }
  mul(): this { return this.op(0x6c); }
  ltU(): this { return this.op(0x49); }
  loop(): this { return this.op(0x03, 0x40); }
  block(): this { return this.op(0x02, 0x40); }
  brIf(depth: number): this { return this.op(0x0d, depth); }
  br(depth: number): this { return this.op(0x0c, depth); }
  if(): this { return this.op(0x04, 0x40); }
  else(): this { return this.op(0x05); }
  end(): this { return this.op(0x0b); }
  /** The encoded body: local declarations (runs of one type) then code, prefixed by its size. */
  encode(locals: readonly [count: number, type: number][]): number[] {
    const decl = [...uleb(locals.length), ...locals.flatMap(([n, t]) => [...uleb(n), t])];
    const all = [...decl, ...this.code, 0x0b];
    return [...uleb(all.length), ...all];
  }
}
