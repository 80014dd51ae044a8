/**
 * A few helpers for writing WebAssembly modules byte by byte (binary format of the WebAssembly Core
 * Specification 2.0 with the fixed-width SIMD proposal): LEB128 integers, sections, and a function-body builder
 * whose methods are named after the instructions they emit.
 */
export const I32 = 0x7f, F64 = 0x7c, V128 = 0x7b;

export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

/** Builds one function body. Locals are declared up front: `nI32` i32s, then `nF64` f64s, then `nV128` v128s. */
export class Body {
  readonly c: number[] = [];
  get(l: number): this { this.c.push(0x20, ...uleb(l)); return this; }
  set(l: number): this { this.c.push(0x21, ...uleb(l)); return this; }
  tee(l: number): this { this.c.push(0x22, ...uleb(l)); return this; }
  i32(v: number): this { this.c.push(0x41, ...sleb(v)); return this; }
  op(...bytes: number[]): this { this.c.push(...bytes); return this; }
  simd(op: number, ...rest: number[]): this { this.c.push(0xfd, ...uleb(op), ...rest); return this; }
  /** local ← local + value-on-stack… convenience: l += k (constant). */
  addConst(l: number, k: number): this { return this.get(l).i32(k).op(0x6a).set(l); }
  /** l += m (another local). */
  addLocal(l: number, m: number): this { return this.get(l).get(m).op(0x6a).set(l); }
  f64load(off = 0): this { this.c.push(0x2b, 3, ...uleb(off)); return this; }
  f64store(off = 0): this { this.c.push(0x39, 3, ...uleb(off)); return this; }
  v128load(off = 0): this { return this.simd(0x00, 3, ...uleb(off)); }
  v128store(off = 0): this { return this.simd(0x0b, 3, ...uleb(off)); }
  splatLoad(off = 0): this { return this.simd(0x0a, 3, ...uleb(off)); }
  v128zero(): this { return this.simd(0x0c, ...new Array<number>(16).fill(0)); }
  f64zero(): this { this.c.push(0x44, 0, 0, 0, 0, 0, 0, 0, 0); return this; }
  f2add(): this { return this.simd(0xf0); }
  f2sub(): this { return this.simd(0xf1); }
  f2mul(): this { return this.simd(0xf2); }
  lane(l: 0 | 1): this { return this.simd(0x21, l); }
  block(): this { this.c.push(0x02, 0x40); return this; }
  loop(): this { this.c.push(0x03, 0x40); return this; }
  if_(): this { this.c.push(0x04, 0x40); return this; }
  end(): this { this.c.push(0x0b); return this; }
  br(d: number): this { this.c.push(0x0c, d); return this; }
  brIf(d: number): this { this.c.push(0x0d, d); return this; }
  encode(nI32: number, nF64: number, nV128: number): number[] {
    const groups: number[][] = [];
    if (nI32 > 0) groups.push([...uleb(nI32), I32]);
    if (nF64 > 0) groups.push([...uleb(nF64), F64]);
    if (nV128 > 0) groups.push([...uleb(nV128), V128]);
    const locals = [...uleb(groups.length), ...groups.flat()];
    const body = [...locals, ...this.c, 0x0b];
    return [...uleb(body.length), ...body];
  }
}

export interface FuncDef {
  readonly name: string;
  /** Number of parameters (every kernel here returns nothing). */
  readonly params: number;
  /** Their value types; all i32 when absent. */
  readonly types?: readonly number[];
  readonly body: number[];
}

/** A module with one exported memory "m" and the given functions, each exported under its name. */
export function moduleBytes(funcs: readonly FuncDef[]): Uint8Array<ArrayBuffer> {
  const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
  const name = (s: string): number[] => [...uleb(s.length), ...[...s].map((ch) => ch.charCodeAt(0))];
  const types = funcs.flatMap((f) => [0x60, ...uleb(f.params), ...(f.types ?? new Array<number>(f.params).fill(I32)), 0]);
  const exports = [...uleb(funcs.length + 1), ...name('m'), 0x02, 0, ...funcs.flatMap((f, i) => [...name(f.name), 0x00, ...uleb(i)])];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [...uleb(funcs.length), ...types]),
    ...section(3, [...uleb(funcs.length), ...funcs.map((_, i) => i)]),
    ...section(5, [1, 0x00, 1]),
    ...section(7, exports),
    ...section(10, [...uleb(funcs.length), ...funcs.flatMap((f) => f.body)]),
  ]);
}
