/** A lowered kernel: IR, where its inputs are, and which instructions are its outputs. */
import type { Instr } from './ir.js';

export type Column = Float64Array | Float32Array;

export interface Program {
  readonly code: readonly Instr[];
  /** Instruction id of each input (by position), or −1 where the outputs do not use it. */
  readonly inputIds: readonly number[];
  readonly outputs: readonly number[];
}

/** The callable forms every backend provides; the kernel API wraps these. */
export interface Forms {
  /** The first output, arguments in input order. */
  readonly scalar: (...args: number[]) => number;
  /** All outputs written into `o` (length ≥ number of outputs). */
  readonly into: (o: Float64Array, ...args: number[]) => Float64Array;
  /** Inputs read from `x`; returns output 0 and writes outputs 1, 2, … into `rest[0], rest[1], …`. */
  readonly array: (x: ArrayLike<number>, rest: Float64Array) => number;
  /** Rows 0 … n−1 of the input columns into the output columns. */
  readonly batch: (n: number, ins: readonly Column[], outs: readonly Column[]) => void;
  /** The generated JavaScript (code generation only). */
  readonly source?: string;
}
