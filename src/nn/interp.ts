/**
 * The reference evaluator of tensor graphs: node by node, in doubles, with straightforward loops. It is the
 * independent check for the compiled training step (same graph, different code path) and serves small graphs
 * where compiling is not worth it.
 */
import type { Expr, Shape } from '../ast/expr.js';
import { numberValue } from '../ast/expr.js';
import { CONSTANTS, FUNCTIONS } from '../ast/ops.js';
import { text } from '../render/text.js';
import { NnError } from './errors.js';
import { childrenOf, topoOrder } from './grad.js';
import { intArg, isTensorLeaf, leafName, sizeOf } from './tensor.js';
import { permutedStrides, reductionLoop, stridesOf } from './layout.js';

export interface Value { readonly shape: Shape; readonly data: Float64Array }
export type TensorEnv = ReadonlyMap<string, ArrayLike<number>>;

/** Index map from an output of shape `out` into an operand of shape `s` broadcast to it (NumPy rules). */
export function broadcastIndex(out: Shape, s: Shape): Int32Array {
  const n = sizeOf(out);
  const idx = new Int32Array(n);
  const st = stridesOf(s);
  const off = out.length - s.length;
  const pos = new Array<number>(out.length).fill(0);
  for (let i = 0; i < n; i++) {
    let j = 0;
    for (let k = 0; k < s.length; k++) if (s[k] !== 1) j += pos[k + off]! * st[k]!;
    idx[i] = j;
    for (let k = out.length - 1; k >= 0; k--) {
      if (++pos[k]! < out[k]!) break;
      pos[k] = 0;
    }
  }
  return idx;
}

function elementwise(e: Expr, args: Value[]): (xs: number[]) => number {
  switch (e.kind) {
    case 'add': return (xs) => xs.reduce((a, b) => a + b, 0);
    case 'mul': return (xs) => xs.reduce((a, b) => a * b, 1);
    case 'pow': return (xs) => Math.pow(xs[0]!, xs[1]!);
    case 'call': {
      if (e.fn === 'where') return (xs) => (xs[0] !== 0 ? xs[1]! : xs[2]!);
      if (e.fn === 'gt') return (xs) => (xs[0]! > xs[1]! ? 1 : 0);
      if (e.fn === 'eq') return (xs) => (xs[0] === xs[1] ? 1 : 0);
      const row = FUNCTIONS.get(e.fn);
      if (row !== undefined) return (xs) => row.eval(...xs);
    }
  }
  void args;
  throw new NnError(`cannot evaluate ${text(e)}`);
}

/** Evaluate one tensor function given its evaluated arguments. */
function tensorOp(e: Expr & { kind: 'call' }, a: Value[]): Float64Array {
  const out = new Float64Array(sizeOf(e.shape));
  const x = a[0]!;
  switch (e.fn) {
    case 'matmul': {
      const sa = x.shape, sb = a[1]!.shape;
      const m = sa[sa.length - 2]!, k = sa[sa.length - 1]!, n = sb[sb.length - 1]!;
      const batch = sizeOf(sa.slice(0, -2));
      const bStep = sb.length > 2 ? k * n : 0;
      for (let t = 0; t < batch; t++) {
        for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
          let s = 0;
          for (let q = 0; q < k; q++) s += x.data[t * m * k + i * k + q]! * a[1]!.data[t * bStep + q * n + j]!;
          out[t * m * n + i * n + j] = s;
        }
      }
      return out;
    }
    case 'transpose': {
      const s = x.shape, m = s[s.length - 2]!, n = s[s.length - 1]!;
      for (let t = 0; t < sizeOf(s) / (m * n); t++) {
        for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[t * m * n + j * m + i] = x.data[t * m * n + i * n + j]!;
      }
      return out;
    }
    case 'reshape': out.set(x.data); return out;
    case 'sum': case 'mean': case 'amax': case 'logsumexp': {
      const axis = intArg(e.args[1]);
      reductionLoop(e.fn, x.shape, axis, (get, n) => {
        if (e.fn === 'sum' || e.fn === 'mean') {
          let s = 0;
          for (let q = 0; q < n; q++) s += get(q);
          return e.fn === 'mean' ? s / n : s;
        }
        let m = -Infinity;
        for (let q = 0; q < n; q++) m = Math.max(m, get(q));
        if (e.fn === 'amax') return m;
        if (m === -Infinity) return -Infinity;
        let s = 0;
        for (let q = 0; q < n; q++) s += Math.exp(get(q) - m);
        return m + Math.log(s);
      }, x.data, out);
      return out;
    }
    case 'broadcastto': {
      const idx = broadcastIndex(e.shape, x.shape);
      for (let i = 0; i < out.length; i++) out[i] = x.data[idx[i]!]!;
      return out;
    }
    case 'sumto': {
      const idx = broadcastIndex(x.shape, e.shape);
      for (let i = 0; i < x.data.length; i++) out[idx[i]!] += x.data[i]!;
      return out;
    }
    case 'gather': case 'scatteradd': {
      const d = e.fn === 'gather' ? x.shape[1]! : x.shape[x.shape.length - 1]!;
      const ids = a[1]!.data;
      for (let r = 0; r < ids.length; r++) {
        const row = checkIndex(ids[r]!, e.fn === 'gather' ? x.shape[0]! : e.shape[0]!, e.fn);
        for (let c = 0; c < d; c++) {
          if (e.fn === 'gather') out[r * d + c] = x.data[row * d + c]!;
          else out[row * d + c] += x.data[r * d + c]!;
        }
      }
      return out;
    }
    case 'pick': case 'unpick': {
      const n = e.fn === 'pick' ? x.shape[x.shape.length - 1]! : e.shape[e.shape.length - 1]!;
      const ids = a[1]!.data;
      for (let r = 0; r < ids.length; r++) {
        const c = checkIndex(ids[r]!, n, e.fn);
        if (e.fn === 'pick') out[r] = x.data[r * n + c]!;
        else out[r * n + c] = x.data[r]!;
      }
      return out;
    }
    case 'slice': case 'padslice': {
      const axis = intArg(e.args[1]), start = intArg(e.args[2]);
      const big = e.fn === 'slice' ? x.shape : e.shape, small = e.fn === 'slice' ? e.shape : x.shape;
      const inner = sizeOf(big.slice(axis + 1)), outer = sizeOf(big.slice(0, axis));
      const nb = big[axis]!, ns = small[axis]!;
      for (let o = 0; o < outer; o++) for (let q = 0; q < ns; q++) for (let i = 0; i < inner; i++) {
        const bi = (o * nb + start + q) * inner + i, si = (o * ns + q) * inner + i;
        if (e.fn === 'slice') out[si] = x.data[bi]!;
        else out[bi] = x.data[si]!;
      }
      return out;
    }
    case 'permute': {
      const perm = e.args.slice(1).map((q) => intArg(q));
      const src = permutedStrides(x.shape, perm);
      const pos = new Array<number>(e.shape.length).fill(0);
      for (let i = 0; i < out.length; i++) {
        let j = 0;
        for (let k = 0; k < pos.length; k++) j += pos[k]! * src[k]!;
        out[i] = x.data[j]!;
        for (let k = pos.length - 1; k >= 0; k--) {
          if (++pos[k]! < e.shape[k]!) break;
          pos[k] = 0;
        }
      }
      return out;
    }
    case 'arange': for (let i = 0; i < out.length; i++) out[i] = i; return out;
    case 'concat': {
      const axis = intArg(e.args[0]);
      const parts = a.slice(1);
      const inner = sizeOf(e.shape.slice(axis + 1)), outer = sizeOf(e.shape.slice(0, axis)), n = e.shape[axis]!;
      let at = 0;
      for (const p of parts) {
        const np = p.shape[axis]!;
        for (let o = 0; o < outer; o++) for (let q = 0; q < np; q++) for (let i = 0; i < inner; i++) {
          out[(o * n + at + q) * inner + i] = p.data[(o * np + q) * inner + i]!;
        }
        at += np;
      }
      return out;
    }
  }
  throw new NnError(`no evaluator for the tensor function '${e.fn}'`);
}

export function checkIndex(v: number, n: number, fn: string): number {
  if (!Number.isInteger(v) || v < 0 || v >= n) throw new NnError(`${fn}: index ${v} is outside 0…${n - 1}`);
  return v;
}

/** Evaluate tensor expressions; `env` maps tensor names (and scalar symbols) to their entries, row-major. */
export function evaluateTensors(roots: readonly Expr[], env: TensorEnv): Value[] {
  const values = new Map<Expr, Value>();
  for (const e of topoOrder(roots)) {
    let data: Float64Array;
    if (isTensorLeaf(e) || e.kind === 'sym') {
      const name = e.kind === 'sym' ? e.name : leafName(e);
      const c = e.kind === 'sym' ? CONSTANTS.get(name) : undefined;
      const given = env.get(name);
      if (given === undefined && c === undefined) throw new NnError(`no value was given for '${name}'`);
      data = given === undefined ? Float64Array.of(c!.value) : Float64Array.from(given);
      if (data.length !== sizeOf(e.shape)) throw new NnError(`'${name}' needs ${sizeOf(e.shape)} entries, got ${data.length}`);
    } else if (e.kind === 'num' || e.kind === 'float') {
      data = Float64Array.of(numberValue(e));
    } else {
      const args = childrenOf(e).map((c) => values.get(c)!);
      const isElementwise = e.kind !== 'call' || !['matmul', 'transpose', 'reshape', 'sum', 'mean', 'amax', 'logsumexp', 'broadcastto',
        'sumto', 'gather', 'scatteradd', 'pick', 'unpick', 'slice', 'padslice', 'concat', 'permute', 'arange'].includes(e.fn);
      if (isElementwise) {
        const f = elementwise(e, args);
        const idx = args.map((v) => broadcastIndex(e.shape, v.shape));
        data = new Float64Array(sizeOf(e.shape));
        const xs = new Array<number>(args.length);
        for (let i = 0; i < data.length; i++) {
          for (let k = 0; k < args.length; k++) xs[k] = args[k]!.data[idx[k]![i]!]!;
          data[i] = f(xs);
        }
      } else {
        data = tensorOp(e as Expr & { kind: 'call' }, args);
      }
    }
    values.set(e, { shape: e.shape, data });
  }
  return roots.map((r) => values.get(r)!);
}
