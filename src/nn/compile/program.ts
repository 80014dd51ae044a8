/**
 * A compiled tensor program: the planned kernels of a set of output expressions, generated as the body of one
 * JavaScript function over preallocated typed arrays (every buffer is a closure constant, so a run allocates
 * nothing). Tensor leaves are the program's inputs: write their entries into `input(name)` and call `run()`.
 */
import type { Expr } from '../../ast/expr.js';
import { FUNCTIONS } from '../../ast/ops.js';
import { showShape } from '../../ast/shapes.js';
import { NnError } from '../errors.js';
import { isTensorLeaf, leafName, sizeOf } from '../tensor.js';
import { Emitter, constValue } from './emit.js';
import { FAST32 } from './fastmath.js';
import { makeGemm } from './gemm.js';
import { plan } from './plan.js';

export type DType = 'float32' | 'float64';
export type Buffer = Float32Array | Float64Array;

export interface ProgramOptions {
  readonly dtype?: DType;
  /** Arrays to use for some leaves (e.g. shared parameters of two programs); created otherwise. */
  readonly bind?: ReadonlyMap<string, Buffer>;
}

export interface TensorProgram {
  /** Compute every output from the current contents of the inputs. */
  readonly run: () => void;
  /** The array holding a tensor leaf's entries (row-major). */
  input(name: string): Buffer;
  readonly inputs: ReadonlyMap<string, Buffer>;
  /** The array holding the k-th output after `run()` (overwritten by the next run). */
  output(k: number): Buffer;
  readonly source: string;
  /** Milliseconds spent planning, generating and compiling. */
  readonly compileMs: number;
  /** Bytes of intermediate buffers (after reuse). */
  readonly scratchBytes: number;
  readonly kernels: number;
  readonly dtype: DType;
}

export function makeBuffer(dtype: DType, n: number): Buffer {
  return dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
}

export function compileTensors(outputs: readonly Expr[], options: ProgramOptions = {}): TensorProgram {
  const t0 = performance.now();
  const dtype = options.dtype ?? 'float64';
  const p = plan(outputs);
  const em = new Emitter(p, dtype);
  const buffers: (Buffer | undefined)[] = new Array(p.slotSize.length).fill(undefined);
  const inputs = new Map<string, Buffer>();
  for (const [e, s] of p.slot) {
    if (!isTensorLeaf(e)) continue;
    const name = leafName(e);
    if (inputs.has(name) && inputs.get(name) !== buffers[s]) throw new NnError(`the tensor '${name}' is declared with two different shapes`);
    const bound = options.bind?.get(name);
    if (bound !== undefined && bound.length !== sizeOf(e.shape)) throw new NnError(`'${name}' ${showShape(e.shape)} needs ${sizeOf(e.shape)} entries, the array given has ${bound.length}`);
    const b = bound ?? makeBuffer(dtype, Math.max(1, sizeOf(e.shape)));
    buffers[s] = b;
    inputs.set(name, b);
  }
  for (const c of p.constants) buffers[p.slot.get(c)!] = makeBuffer(dtype, Math.max(1, sizeOf(c.shape))).fill(constValue(c));
  let scratch = 0;
  for (let s = 0; s < buffers.length; s++) {
    if (buffers[s] === undefined) {
      buffers[s] = makeBuffer(dtype, p.slotSize[s]!);
      scratch += p.slotSize[s]! * (dtype === 'float32' ? 4 : 8);
    }
  }
  const decls = buffers.map((_, s) => `b${s} = B[${s}]`);
  // Each kernel is a function of its own: V8 optimises a function only below a size limit, and one function
  // holding every kernel of a large model (hundreds of loops) would stay in the interpreter.
  const kernels = p.schedule.map((e, k) => `function k${k}() {\n${em.kernel(e)}\n}`).join('\n');
  const calls = p.schedule.map((_, k) => `k${k}();`).join('\n');
  const source = `const ${decls.join(', ')};\n${kernels}\nreturn function run() {\n${calls}\n};`;
  const F: Record<string, (...xs: number[]) => number> = {};
  for (const [name, row] of FUNCTIONS) F[name] = row.eval;
  if (dtype === 'float32') for (const [name, f] of FAST32) F[name] = f;
  const R = {
    gemm: makeGemm(dtype),
    badIndex(fn: string, v: number, n: number): never {
      throw new NnError(`${fn}: index ${v} is outside 0…${n - 1}`);
    },
  };
  // The source is generated from the planned graph above; `new Function` turns it into one optimisable function.
  const run = new Function('B', 'R', 'F', source)(buffers, R, F) as () => void;
  const outs = outputs.map((o) => {
    const s = p.slot.get(o);
    if (s === undefined) throw new NnError('internal: an output has no buffer');
    return buffers[s]!;
  });
  return {
    run,
    input(name: string): Buffer {
      const b = inputs.get(name);
      if (b === undefined) throw new NnError(`this program has no input '${name}' (inputs: ${[...inputs.keys()].join(', ')})`);
      return b;
    },
    inputs,
    output: (k) => outs[k]!,
    source,
    compileMs: performance.now() - t0,
    scratchBytes: scratch,
    kernels: p.schedule.length,
    dtype,
  };
}
