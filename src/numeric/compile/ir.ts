/**
 * The kernel IR: a list of instructions in topological order (operands always precede their users),
 * built by a hash-consing builder so that equal instructions exist once (common subexpressions are computed
 * once) and instructions on constants are folded by running the very operation the kernel would run.
 * Code generation and the interpreter both read this list, so they perform identical operations.
 */
import type { CallEntry } from './calls.js';

export type Instr =
  | { readonly op: 'const'; readonly value: number }
  | { readonly op: 'input'; readonly index: number }
  | { readonly op: 'add' | 'sub' | 'mul' | 'div' | 'pow'; readonly a: number; readonly b: number }
  | { readonly op: 'neg' | 'sqrt'; readonly a: number }
  | { readonly op: 'call'; readonly fn: CallEntry; readonly args: readonly number[] };

export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'pow';

/** The double-precision meaning of each binary instruction (shared by folding and the interpreter). */
export const BINARY: Readonly<Record<BinaryOp, (a: number, b: number) => number>> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  pow: (a, b) => Math.pow(a, b),
};

const constKey = (v: number): string => (Object.is(v, -0) ? 'c-0' : `c${v}`);

export class Builder {
  readonly code: Instr[] = [];
  private readonly seen = new Map<string, number>();
  private readonly callIds = new Map<CallEntry, number>();

  private push(key: string, make: () => Instr): number {
    const hit = this.seen.get(key);
    if (hit !== undefined) return hit;
    const id = this.code.length;
    this.code.push(make());
    this.seen.set(key, id);
    return id;
  }

  constValue(id: number): number | undefined {
    const ins = this.code[id]!;
    return ins.op === 'const' ? ins.value : undefined;
  }

  const(value: number): number {
    return this.push(constKey(value), () => ({ op: 'const', value }));
  }

  input(index: number): number {
    return this.push(`i${index}`, () => ({ op: 'input', index }));
  }

  binary(op: BinaryOp, a: number, b: number): number {
    const ca = this.constValue(a);
    const cb = this.constValue(b);
    if (ca !== undefined && cb !== undefined) return this.const(BINARY[op](ca, cb));
    // 1·x = x and x·1 = x, x/1 = x, x^1 = x hold bit for bit in IEEE arithmetic (also for NaN, ±0, ±∞).
    if (op === 'mul' && ca === 1) return b;
    // (−1)·x = −x exactly.
    if (op === 'mul' && ca === -1) return this.neg(b);
    if (op === 'mul' && cb === -1) return this.neg(a);
    if ((op === 'mul' || op === 'div' || op === 'pow') && cb === 1) return a;
    return this.push(`${op}${a},${b}`, () => ({ op, a, b }));
  }

  add(a: number, b: number): number { return this.binary('add', a, b); }
  sub(a: number, b: number): number { return this.binary('sub', a, b); }
  mul(a: number, b: number): number { return this.binary('mul', a, b); }
  div(a: number, b: number): number { return this.binary('div', a, b); }
  pow(a: number, b: number): number { return this.binary('pow', a, b); }

  neg(a: number): number {
    const ca = this.constValue(a);
    if (ca !== undefined) return this.const(-ca);
    const ins = this.code[a]!;
    if (ins.op === 'neg') return ins.a; // −(−x) = x exactly
    return this.push(`neg${a}`, () => ({ op: 'neg', a }));
  }

  sqrt(a: number): number {
    const ca = this.constValue(a);
    if (ca !== undefined) return this.const(Math.sqrt(ca));
    return this.push(`sqrt${a}`, () => ({ op: 'sqrt', a }));
  }

  call(fn: CallEntry, args: readonly number[]): number {
    const consts = args.map((x) => this.constValue(x));
    if (consts.every((c) => c !== undefined)) return this.const(fn.impl(...(consts as number[])));
    let fid = this.callIds.get(fn);
    if (fid === undefined) {
      fid = this.callIds.size;
      this.callIds.set(fn, fid);
    }
    return this.push(`f${fid}(${args.join(',')})`, () => ({ op: 'call', fn, args: Object.freeze([...args]) }));
  }
}

/** Operand ids of an instruction. */
export function operands(ins: Instr): readonly number[] {
  switch (ins.op) {
    case 'const': case 'input': return [];
    case 'neg': case 'sqrt': return [ins.a];
    case 'call': return ins.args;
    default: return [ins.a, ins.b];
  }
}

/** Which instructions the outputs need, and how many times each is used by needed instructions or outputs. */
export function liveness(code: readonly Instr[], outputs: readonly number[]): { live: Uint8Array; uses: Uint32Array } {
  const live = new Uint8Array(code.length);
  const uses = new Uint32Array(code.length);
  for (const o of outputs) {
    live[o] = 1;
    uses[o]!++;
  }
  for (let id = code.length - 1; id >= 0; id--) {
    if (live[id] === 0) continue;
    for (const a of operands(code[id]!)) {
      live[a] = 1;
      uses[a]!++;
    }
  }
  return { live, uses };
}

/** Does each instruction depend on an input? */
export function activity(code: readonly Instr[]): Uint8Array {
  const active = new Uint8Array(code.length);
  for (let id = 0; id < code.length; id++) {
    const ins = code[id]!;
    if (ins.op === 'input') active[id] = 1;
    else if (operands(ins).some((a) => active[a] === 1)) active[id] = 1;
  }
  return active;
}
