/**
 * Kernels: expressions compiled to functions on doubles. The algorithm (the expression, lowered once to IR)
 * and the schedule (scalar or batched over typed arrays, float64 or float32 storage, generated code or the
 * interpreter) are separate: every schedule runs the same instructions.
 */
import type { Expr } from '../../ast/expr.js';
import { generate } from './codegen.js';
import { CompileError } from './errors.js';
import { interpretProgram } from './interpreter.js';
import { Builder, liveness } from './ir.js';
import { lower } from './lower.js';
import type { Column, Forms, Program } from './program.js';
import { reverse } from './reverse.js';

export type { Column } from './program.js';

export interface Schedule {
  /** Element type of batched outputs the kernel allocates (inputs may be either). Default float64. */
  readonly precision?: 'float64' | 'float32';
  /**
   * 'codegen' generates JavaScript with `new Function`; 'interpret' runs closures (no code generation, for
   * hosts whose Content-Security-Policy forbids it); 'auto' (default) generates code and falls back to the
   * interpreter when the host refuses.
   */
  readonly backend?: 'auto' | 'codegen' | 'interpret';
}

export interface KernelInfo {
  /** Input names, in argument order. */
  readonly inputs: readonly string[];
  /** Number of outputs. */
  readonly outputs: number;
  readonly backend: 'codegen' | 'interpret';
  readonly precision: 'float64' | 'float32';
  /** Instructions the kernel executes per point (a cost measure). */
  readonly size: number;
  /** The generated batched loop (code generation only), for inspection. */
  readonly source?: string;
}

/** A kernel with one output: `k(x, y)` is a number; `k.batch([xs, ys])` fills a column. */
export interface ScalarKernel extends KernelInfo {
  (...args: number[]): number;
  batch(columns: readonly Column[], out?: Column): Column;
}

/** A kernel with several outputs: `k(x, y)` is a Float64Array; `k.into(o, x, y)` writes into `o`. */
export interface VectorKernel extends KernelInfo {
  (...args: number[]): Float64Array;
  into(out: Float64Array, ...args: number[]): Float64Array;
  batch(columns: readonly Column[], out?: readonly Column[]): Column[];
}

export type Kernel = ScalarKernel | VectorKernel;

/** Value and gradient in one call. */
export interface GradKernel extends KernelInfo {
  (...args: number[]): { value: number; gradient: Float64Array };
  /** For optimisers: reads the point from `x`, writes ∇f into `g`, returns f; allocates nothing. */
  objective(x: ArrayLike<number>, g: Float64Array): number;
  /** Columns: the value, then ∂f/∂(each input). */
  batch(columns: readonly Column[], out?: readonly Column[]): Column[];
}

export type InputSpec = readonly (string | Expr)[];

function inputNames(inputs: InputSpec): string[] {
  const names = inputs.map((s, k) => {
    if (typeof s === 'string') return s;
    if (s.kind === 'sym') return s.name;
    throw new CompileError(`input ${k + 1} must be a symbol, got a ${s.kind}`);
  });
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw new CompileError(`the input '${n}' is listed twice`);
    seen.add(n);
  }
  return names;
}

function build(outputs: readonly Expr[], names: readonly string[], grad: boolean): Program {
  if (outputs.length === 0) throw new CompileError('a kernel needs at least one output');
  const b = new Builder();
  const inputIds = names.map((_, k) => b.input(k));
  const env = new Map(names.map((n, k) => [n, inputIds[k]!]));
  const outs = outputs.map((e) => lower(b, e, { env }));
  if (grad) outs.push(...reverse(b, outs[0]!, inputIds));
  return { code: b.code, inputIds, outputs: outs };
}

/** Did the host refuse to generate code (CSP, or Node's --disallow-code-generation-from-strings)? */
const refusesCodegen = (err: unknown): boolean => err instanceof globalThis.EvalError;

function backendFor(p: Program, s: Schedule | undefined): { forms: Forms; backend: 'codegen' | 'interpret' } {
  const want = s?.backend ?? 'auto';
  if (want !== 'auto' && want !== 'codegen' && want !== 'interpret') {
    throw new CompileError(`unknown backend '${String(want)}': use 'auto', 'codegen' or 'interpret'`);
  }
  if (want === 'interpret') return { forms: interpretProgram(p), backend: 'interpret' };
  try {
    return { forms: generate(p), backend: 'codegen' };
  } catch (err) {
    if (want === 'auto' && refusesCodegen(err)) return { forms: interpretProgram(p), backend: 'interpret' };
    throw err;
  }
}

function precisionOf(s: Schedule | undefined): 'float64' | 'float32' {
  const p = s?.precision ?? 'float64';
  if (p !== 'float64' && p !== 'float32') throw new CompileError(`unknown precision '${String(p)}': use 'float64' or 'float32'`);
  return p;
}

const isColumn = (c: unknown): c is Column => c instanceof Float64Array || c instanceof Float32Array;

/** Check the columns and return the row count. */
function rows(columns: readonly Column[], nInputs: number, outs: readonly (Column | undefined)[]): number {
  if (columns.length !== nInputs) throw new CompileError(`batch needs ${nInputs} input column(s), one per input, got ${columns.length}`);
  let n: number | undefined;
  columns.forEach((c, k) => {
    if (!isColumn(c)) throw new CompileError(`input column ${k + 1} must be a Float64Array or Float32Array`);
    if (n !== undefined && c.length !== n) throw new CompileError(`input columns differ in length (${n} and ${c.length})`);
    n = c.length;
  });
  n ??= outs.find((o) => o !== undefined)?.length;
  if (n === undefined) throw new CompileError('a kernel without inputs needs an output column to know how many rows to fill');
  for (const o of outs) {
    if (o === undefined) continue;
    if (!isColumn(o)) throw new CompileError('output columns must be Float64Arrays or Float32Arrays');
    if (o.length < n) throw new CompileError(`an output column has ${o.length} rows, fewer than the ${n} input rows`);
  }
  return n;
}

interface Parts { info: KernelInfo; forms: Forms; batch: (columns: readonly Column[], out?: readonly Column[]) => Column[] }

function parts(p: Program, names: readonly string[], s: Schedule | undefined): Parts {
  const { forms, backend } = backendFor(p, s);
  const precision = precisionOf(s);
  const live = liveness(p.code, p.outputs).live;
  let size = 0;
  p.code.forEach((ins, id) => { if (live[id] === 1 && ins.op !== 'const' && ins.op !== 'input') size++; });
  const m = p.outputs.length;
  const info: KernelInfo = { inputs: Object.freeze([...names]), outputs: m, backend, precision, size, ...(forms.source === undefined ? {} : { source: forms.source }) };
  const alloc = (n: number): Column => (precision === 'float32' ? new Float32Array(n) : new Float64Array(n));
  const batch = (columns: readonly Column[], out?: readonly Column[]): Column[] => {
    if (out !== undefined && out.length !== m) throw new CompileError(`batch needs ${m} output column(s), got ${out.length}`);
    const n = rows(columns, names.length, out ?? []);
    const outs = out === undefined ? Array.from({ length: m }, () => alloc(n)) : [...out];
    forms.batch(n, columns, outs);
    return outs;
  };
  return { info, forms, batch };
}

/** Compile one expression (a ScalarKernel) or several (a VectorKernel) over the given inputs. */
export function compile(output: Expr, inputs: InputSpec, schedule?: Schedule): ScalarKernel;
export function compile(outputs: readonly Expr[], inputs: InputSpec, schedule?: Schedule): VectorKernel;
export function compile(outputs: Expr | readonly Expr[], inputs: InputSpec, schedule?: Schedule): Kernel {
  const names = inputNames(inputs);
  const list = Array.isArray(outputs) ? (outputs as readonly Expr[]) : [outputs as Expr];
  const { info, forms, batch } = parts(build(list, names, false), names, schedule);
  if (!Array.isArray(outputs)) {
    // forms.scalar is a fresh function owned by this kernel, so the kernel is that function itself (no wrapper).
    return Object.assign(forms.scalar, info, {
      batch: (columns: readonly Column[], out?: Column) => batch(columns, out === undefined ? undefined : [out])[0]!,
    }) as ScalarKernel;
  }
  const into = forms.into;
  const m = list.length;
  return Object.assign((...args: number[]) => into(new Float64Array(m), ...args), info, {
    into: (out: Float64Array, ...args: number[]) => {
      if (out.length < m) throw new CompileError(`the output array needs ${m} slots, got ${out.length}`);
      return into(out, ...args);
    },
    batch,
  }) as VectorKernel;
}

/** The same kernels without code generation. */
export function interpret(output: Expr, inputs: InputSpec, schedule?: Omit<Schedule, 'backend'>): ScalarKernel;
export function interpret(outputs: readonly Expr[], inputs: InputSpec, schedule?: Omit<Schedule, 'backend'>): VectorKernel;
export function interpret(outputs: Expr | readonly Expr[], inputs: InputSpec, schedule?: Omit<Schedule, 'backend'>): Kernel {
  const s: Schedule = { ...schedule, backend: 'interpret' };
  return Array.isArray(outputs) ? compile(outputs as readonly Expr[], inputs, s) : compile(outputs as Expr, inputs, s);
}

/** f and ∇f in one kernel, by reverse mode over the DAG. */
export function compileGrad(f: Expr, vars: InputSpec, schedule?: Schedule): GradKernel {
  const names = inputNames(vars);
  const { info, forms, batch } = parts(build([f], names, true), names, schedule);
  const n = names.length;
  const array = forms.array;
  const objective = (x: ArrayLike<number>, g: Float64Array): number => {
    if (x.length !== n || g.length < n) throw new CompileError(`the point needs ${n} coordinates and the gradient ${n} slots`);
    return array(x, g);
  };
  return Object.assign((...args: number[]) => {
    const gradient = new Float64Array(n);
    return { value: array(args, gradient), gradient };
  }, info, { objective, batch }) as GradKernel;
}
