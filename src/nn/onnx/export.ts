/**
 * Export of a tensor expression (a model's forward pass) as an ONNX model (opset 17, IR version 8): each node of
 * the DAG becomes one or a few ONNX operators, parameters become initializers, and every subgraph that depends
 * on no tensor leaf (the causal mask, the positions) is evaluated once and stored as a constant. Inputs used as
 * indices (token ids) are int64, everything else float32.
 */
import type { Expr } from '../../ast/expr.js';
import { numberValue } from '../../ast/expr.js';
import { NnError } from '../errors.js';
import { childrenOf, topoOrder } from '../grad.js';
import { evaluateTensors } from '../interp.js';
import { intArg, isTensorLeaf, leafName, sizeOf } from '../tensor.js';
import { text } from '../../render/text.js';
import { ATTRIBUTE_TYPE, DATA_TYPE, onnxType } from './schema.js';

export interface OnnxExportOptions {
  /** Parameter values by leaf name (stored as initializers). */
  readonly params: ReadonlyMap<string, ArrayLike<number>>;
  /** Name of the output. */
  readonly outputName?: string;
  readonly docString?: string;
}

interface Attr { name: string; type: number; i?: number; ints?: number[]; f?: number }
interface Node { opType: string; input: string[]; output: string[]; name: string; attribute: Attr[] }
interface Tensor { name: string; dims: number[]; dataType: number; floatData?: number[]; int64Data?: number[] }

const UNARY: Record<string, string> = { exp: 'Exp', tanh: 'Tanh', erf: 'Erf', log: 'Log', abs: 'Abs', sqrt: 'Sqrt', sin: 'Sin', cos: 'Cos' };
const REDUCE: Record<string, string> = { sum: 'ReduceSum', mean: 'ReduceMean', amax: 'ReduceMax', logsumexp: 'ReduceLogSumExp' };

export function exportOnnx(output: Expr, o: OnnxExportOptions): Uint8Array {
  const nodes: Node[] = [], inits: Tensor[] = [], inputs: { name: string; shape: number[]; type: number }[] = [];
  const names = new Map<Expr, string>();
  const order = topoOrder([output]);
  // Which nodes depend on a tensor leaf: the others are constants, folded now.
  const live = new Set<Expr>();
  for (const e of order) if (isTensorLeaf(e) || childrenOf(e).some((c) => live.has(c))) live.add(e);
  // Leaves read as indices (gather) are int64 inputs.
  const indexUse = new Set<Expr>();
  for (const e of order) if (e.kind === 'call' && e.fn === 'gather') indexUse.add(e.args[1]!);
  let k = 0;
  const fresh = (hint: string): string => `${hint}_${k++}`;
  const node = (opType: string, input: string[], attribute: Attr[] = [], out?: string): string => {
    const o2 = out ?? fresh(opType.toLowerCase());
    nodes.push({ opType, input, output: [o2], name: `${opType}_${nodes.length}`, attribute });
    return o2;
  };
  const ints = (vals: readonly number[], hint = 'ints'): string => {
    const n = fresh(hint);
    inits.push({ name: n, dims: [vals.length], dataType: DATA_TYPE.INT64, int64Data: [...vals] });
    return n;
  };
  const scalar = (v: number): string => {
    const n = fresh('c');
    inits.push({ name: n, dims: [], dataType: DATA_TYPE.FLOAT, floatData: [v] });
    return n;
  };
  const constOf = (e: Expr): string => {
    const v = evaluateTensors([e], new Map())[0]!;
    const n = fresh('const');
    const asIndex = indexUse.has(e);
    inits.push(asIndex
      ? { name: n, dims: [...e.shape], dataType: DATA_TYPE.INT64, int64Data: Array.from(v.data) }
      : { name: n, dims: [...e.shape], dataType: DATA_TYPE.FLOAT, floatData: Array.from(v.data) });
    return n;
  };
  const get = (e: Expr): string => {
    const n = names.get(e);
    if (n === undefined) throw new NnError(`internal: ${text(e)} has no ONNX value yet`);
    return n;
  };
  for (const e of order) {
    if (!live.has(e)) {
      // Constants are materialised only where a live node reads them (integer arguments of tensor functions are not values).
      continue;
    }
    let out: string;
    if (isTensorLeaf(e)) {
      const name = leafName(e);
      const p = o.params.get(name);
      if (p !== undefined) {
        if (p.length !== sizeOf(e.shape)) throw new NnError(`'${name}' needs ${sizeOf(e.shape)} entries, got ${p.length}`);
        inits.push({ name, dims: [...e.shape], dataType: DATA_TYPE.FLOAT, floatData: Array.from(p) });
      } else {
        inputs.push({ name, shape: [...e.shape], type: indexUse.has(e) ? DATA_TYPE.INT64 : DATA_TYPE.FLOAT });
      }
      out = name;
    } else {
      const arg = (c: Expr): string => (live.has(c) ? get(c) : (names.get(c) ?? (names.set(c, constOf(c)), get(c))));
      out = lower(e, arg);
    }
    names.set(e, out);
  }
  function lower(e: Expr, arg: (c: Expr) => string): string {
    switch (e.kind) {
      case 'add': case 'mul': {
        const op = e.kind === 'add' ? 'Add' : 'Mul';
        return e.args.map(arg).reduce((a, b) => node(op, [a, b]));
      }
      case 'pow': {
        const b = arg(e.base);
        if (e.exp.kind === 'num' || e.exp.kind === 'float') {
          const p = numberValue(e.exp);
          if (p === 2) return node('Mul', [b, b]);
          if (p === 3) return node('Mul', [node('Mul', [b, b]), b]);
          if (p === -1) return node('Reciprocal', [b]);
          if (p === 0.5) return node('Sqrt', [b]);
          if (p === -0.5) return node('Reciprocal', [node('Sqrt', [b])]);
        }
        return node('Pow', [b, arg(e.exp)]);
      }
      case 'call': {
        const a = e.args;
        if (UNARY[e.fn] !== undefined && a.length === 1) return node(UNARY[e.fn]!, [arg(a[0]!)]);
        switch (e.fn) {
          case 'max': return node('Max', [arg(a[0]!), arg(a[1]!)]);
          case 'matmul': return node('MatMul', [arg(a[0]!), arg(a[1]!)]);
          case 'transpose': {
            const r = a[0]!.shape.length;
            const perm = [...Array(r).keys()];
            [perm[r - 1], perm[r - 2]] = [perm[r - 2]!, perm[r - 1]!];
            return node('Transpose', [arg(a[0]!)], [{ name: 'perm', type: ATTRIBUTE_TYPE.INTS, ints: perm }]);
          }
          case 'permute': return node('Transpose', [arg(a[0]!)], [{ name: 'perm', type: ATTRIBUTE_TYPE.INTS, ints: a.slice(1).map((x) => intArg(x)) }]);
          case 'reshape': return node('Reshape', [arg(a[0]!), ints(e.shape, 'shape')]);
          case 'broadcastto': return node('Expand', [arg(a[0]!), ints(e.shape, 'shape')]);
          case 'sum': case 'mean': case 'amax': case 'logsumexp': {
            const axis = intArg(a[1]), keep = intArg(a[2]);
            const x = arg(a[0]!);
            if (e.fn === 'sum') return node('ReduceSum', [x, ints([axis], 'axes')], [{ name: 'keepdims', type: ATTRIBUTE_TYPE.INT, i: keep }]);
            return node(REDUCE[e.fn]!, [x], [{ name: 'axes', type: ATTRIBUTE_TYPE.INTS, ints: [axis] }, { name: 'keepdims', type: ATTRIBUTE_TYPE.INT, i: keep }]);
          }
          case 'gather': {
            const idx = a[1]!;
            const i = live.has(idx) && !isTensorLeaf(idx) ? node('Cast', [arg(idx)], [{ name: 'to', type: ATTRIBUTE_TYPE.INT, i: DATA_TYPE.INT64 }]) : arg(idx);
            return node('Gather', [arg(a[0]!), i], [{ name: 'axis', type: ATTRIBUTE_TYPE.INT, i: 0 }]);
          }
          case 'slice': {
            const axis = intArg(a[1]), st = intArg(a[2]), en = intArg(a[3]);
            return node('Slice', [arg(a[0]!), ints([st], 'starts'), ints([en], 'ends'), ints([axis], 'axes')]);
          }
          case 'concat': return node('Concat', a.slice(1).map(arg), [{ name: 'axis', type: ATTRIBUTE_TYPE.INT, i: intArg(a[0]) }]);
          case 'where': {
            const c = node('Cast', [arg(a[0]!)], [{ name: 'to', type: ATTRIBUTE_TYPE.INT, i: DATA_TYPE.BOOL }]);
            return node('Where', [c, arg(a[1]!), arg(a[2]!)]);
          }
          case 'gt': case 'eq': {
            const b = node(e.fn === 'gt' ? 'Greater' : 'Equal', [arg(a[0]!), arg(a[1]!)]);
            return node('Cast', [b], [{ name: 'to', type: ATTRIBUTE_TYPE.INT, i: DATA_TYPE.FLOAT }]);
          }
        }
        throw new NnError(`ONNX export: no ONNX form for '${e.fn}' yet`);
      }
      case 'num': case 'float': return scalar(numberValue(e));
    }
    throw new NnError(`ONNX export: cannot export ${e.kind} ${text(e)}`);
  }
  const outName = o.outputName ?? 'output';
  nodes.push({ opType: 'Identity', input: [get(output)], output: [outName], name: 'output', attribute: [] });
  const valueInfo = (name: string, shape: readonly number[], type: number): object => ({
    name, type: { tensorType: { elemType: type, shape: { dim: shape.map((d) => ({ dimValue: d })) } } },
  });
  const Model = onnxType('ModelProto');
  const model = {
    irVersion: 8,
    producerName: 'lousa',
    producerVersion: '0.1.0',
    docString: o.docString ?? '',
    opsetImport: [{ domain: '', version: 17 }],
    graph: {
      name: 'lousa',
      node: nodes,
      initializer: inits,
      input: inputs.map((i) => valueInfo(i.name, i.shape, i.type)),
      output: [valueInfo(outName, output.shape, DATA_TYPE.FLOAT)],
    },
  };
  const err = Model.verify(model);
  if (err !== null) throw new NnError(`internal: ONNX model does not fit the schema: ${err}`);
  return Model.encode(Model.fromObject(model)).finish();
}
