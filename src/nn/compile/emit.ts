/**
 * JavaScript source for each kernel of a planned tensor program. Fused elementwise kernels become one loop
 * (nested only when an operand is broadcast along an inner axis); tensor functions become loops with their
 * sizes written in as literals; matrix products call the blocked product of gemm.ts. Log-sum-exp subtracts
 * the row maximum first, so cross-entropy from logits never overflows.
 */
import { type Expr, type Shape, numberValue } from '../../ast/expr.js';
import { CONSTANTS, FUNCTIONS } from '../../ast/ops.js';
import { text } from '../../render/text.js';
import { NnError } from '../errors.js';
import { around, permutedStrides, stridesOf } from '../layout.js';
import { intArg, sizeOf } from '../tensor.js';
import { FAST32 } from './fastmath.js';
import type { Plan } from './plan.js';

const lit = (x: number): string => (Number.isFinite(x) ? (Object.is(x, -0) ? '0' : String(x)) : x > 0 ? 'Infinity' : x < 0 ? '-Infinity' : 'NaN');

export function constValue(e: Expr): number {
  if (e.kind === 'num' || e.kind === 'float') return numberValue(e);
  if (e.kind === 'sym') {
    const c = CONSTANTS.get(e.name);
    if (c !== undefined && !Number.isNaN(c.value)) return c.value;
  }
  throw new NnError(`'${text(e)}' has no numeric value in a tensor program (tensors are declared with tensor(name, shape))`);
}

export class Emitter {
  /**
   * `dtype` float32: the functions of fastmath.ts replace the double-precision library calls (the program's
   * table F holds them under the functions' names; a loop reads each once before it starts).
   */
  constructor(private readonly plan: Plan, private readonly dtype: 'float32' | 'float64' = 'float64') {}

  buf(e: Expr): string {
    const s = this.plan.slot.get(e);
    if (s === undefined) throw new NnError(`internal: no buffer for ${text(e)}`);
    return `b${s}`;
  }

  kernel(e: Expr): string {
    if (this.plan.role.get(e) === 'ewise') return this.ewise(e, e.shape, e, null);
    const c = e as Expr & { kind: 'call' };
    const out = this.buf(e);
    const a = c.args;
    switch (c.fn) {
      case 'sumto': return `${out}.fill(0);\n${this.ewise(a[0]!, a[0]!.shape, null, e)}`;
      case 'matmul': return this.matmul(c);
      case 'reshape': return `${out}.set(${this.buf(a[0]!)});`;
      case 'transpose': {
        const s = a[0]!.shape, m = s[s.length - 2]!, n = s[s.length - 1]!, batch = sizeOf(s) / (m * n);
        const x = this.buf(a[0]!);
        return `for (let t = 0; t < ${batch}; t++) for (let i = 0; i < ${m}; i++) for (let j = 0; j < ${n}; j++) ${out}[t * ${m * n} + j * ${m} + i] = ${x}[t * ${m * n} + i * ${n} + j];`;
      }
      case 'sum': case 'mean': case 'amax': case 'logsumexp': return this.reduction(c);
      case 'gather': {
        const [v, d] = a[0]!.shape as [number, number];
        const rows = sizeOf(a[1]!.shape);
        return `for (let r = 0; r < ${rows}; r++) { const row = ${this.buf(a[1]!)}[r]; if (!(row >= 0 && row < ${v} && row === Math.floor(row))) R.badIndex('gather', row, ${v});
  const o = r * ${d}, s = row * ${d}; for (let c = 0; c < ${d}; c++) ${out}[o + c] = ${this.buf(a[0]!)}[s + c]; }`;
      }
      case 'scatteradd': {
        const v = e.shape[0]!, d = e.shape[1]!, rows = sizeOf(a[1]!.shape);
        return `${out}.fill(0); for (let r = 0; r < ${rows}; r++) { const row = ${this.buf(a[1]!)}[r]; if (!(row >= 0 && row < ${v} && row === Math.floor(row))) R.badIndex('scatteradd', row, ${v});
  const o = row * ${d}, s = r * ${d}; for (let c = 0; c < ${d}; c++) ${out}[o + c] += ${this.buf(a[0]!)}[s + c]; }`;
      }
      case 'pick': case 'unpick': {
        const rows = sizeOf(a[1]!.shape);
        const n = c.fn === 'pick' ? a[0]!.shape[a[0]!.shape.length - 1]! : e.shape[e.shape.length - 1]!;
        const idx = this.buf(a[1]!), x = this.buf(a[0]!);
        const body = c.fn === 'pick' ? `${out}[r] = ${x}[r * ${n} + j];` : `${out}[r * ${n} + j] = ${x}[r];`;
        return `${c.fn === 'unpick' ? `${out}.fill(0); ` : ''}for (let r = 0; r < ${rows}; r++) { const j = ${idx}[r]; if (!(j >= 0 && j < ${n} && j === Math.floor(j))) R.badIndex('${c.fn}', j, ${n}); ${body} }`;
      }
      case 'slice': case 'padslice': {
        const axis = intArg(a[1]), start = intArg(a[2]);
        const big = c.fn === 'slice' ? a[0]!.shape : e.shape, small = c.fn === 'slice' ? e.shape : a[0]!.shape;
        const { outer, n: nb, inner } = around(big, axis);
        const ns = small[axis]!;
        const x = this.buf(a[0]!);
        const copy = c.fn === 'slice'
          ? `${out}[(o * ${ns} + q) * ${inner} + i] = ${x}[(o * ${nb} + ${start} + q) * ${inner} + i];`
          : `${out}[(o * ${nb} + ${start} + q) * ${inner} + i] = ${x}[(o * ${ns} + q) * ${inner} + i];`;
        return `${c.fn === 'padslice' ? `${out}.fill(0); ` : ''}for (let o = 0; o < ${outer}; o++) for (let q = 0; q < ${ns}; q++) for (let i = 0; i < ${inner}; i++) ${copy}`;
      }
      case 'permute': {
        const perm = a.slice(1).map((q) => intArg(q));
        const st = permutedStrides(a[0]!.shape, perm);
        const x = this.buf(a[0]!);
        let loops = '';
        e.shape.forEach((d, k) => { loops += `for (let d${k} = 0; d${k} < ${d}; d${k}++) `; });
        const src = e.shape.map((_, k) => `d${k} * ${st[k]}`).join(' + ');
        return `let i = 0;\n${loops}${out}[i++] = ${x}[${src}];`;
      }
      case 'arange': return `for (let i = 0; i < ${sizeOf(e.shape)}; i++) ${out}[i] = i;`;
      case 'concat': {
        const axis = intArg(a[0]);
        const { outer, n, inner } = around(e.shape, axis);
        let at = 0;
        const parts = a.slice(1).map((p) => {
          const np = p.shape[axis]!;
          const s = `for (let o = 0; o < ${outer}; o++) for (let q = 0; q < ${np}; q++) for (let i = 0; i < ${inner}; i++) ${out}[(o * ${n} + ${at} + q) * ${inner} + i] = ${this.buf(p)}[(o * ${np} + q) * ${inner} + i];`;
          at += np;
          return s;
        });
        return parts.join('\n');
      }
    }
    throw new NnError(`no compiled kernel for the tensor function '${c.fn}'`);
  }

  private matmul(e: Expr & { kind: 'call' }): string {
    const [a, b] = e.args as [Expr, Expr];
    const operand = (x: Expr): [string, boolean] => {
      if (this.plan.role.get(x) === 'virtual') return [this.buf((x as Expr & { kind: 'call' }).args[0]!), true];
      return [this.buf(x), false];
    };
    const [ab, ta] = operand(a), [bb, tb] = operand(b);
    const s = e.shape, m = s[s.length - 2]!, n = s[s.length - 1]!, k = a.shape[a.shape.length - 1]!;
    const batch = sizeOf(s.slice(0, -2));
    // Batched rows times one matrix: the batch's rows are one taller matrix (one product, B packed once).
    if (batch > 1 && b.shape.length === 2 && !ta) {
      return `R.gemm(1, ${batch * m}, ${n}, ${k}, ${ab}, 0, false, ${bb}, 0, ${tb}, ${this.buf(e)});`;
    }
    return `R.gemm(${batch}, ${m}, ${n}, ${k}, ${ab}, ${m * k}, ${ta}, ${bb}, ${b.shape.length > 2 ? k * n : 0}, ${tb}, ${this.buf(e)});`;
  }

  private reduction(e: Expr & { kind: 'call' }): string {
    const x = e.args[0]!, axis = intArg(e.args[1]);
    const { outer, n, inner } = around(x.shape, axis);
    const src = this.buf(x), out = this.buf(e);
    const at = (q: string): string => `${src}[base + ${q} * ${inner}]`;
    let body: string;
    switch (e.fn) {
      case 'sum': case 'mean':
        body = `let s = 0; for (let q = 0; q < ${n}; q++) s += ${at('q')}; ${out}[o * ${inner} + i] = s${e.fn === 'mean' ? ` / ${n}` : ''};`;
        break;
      case 'amax':
        body = `let m = -Infinity; for (let q = 0; q < ${n}; q++) { const v = ${at('q')}; if (v > m) m = v; } ${out}[o * ${inner} + i] = m;`;
        break;
      default:
        body = `let m = -Infinity; for (let q = 0; q < ${n}; q++) { const v = ${at('q')}; if (v > m) m = v; }
  let s = 0; if (m !== -Infinity) for (let q = 0; q < ${n}; q++) s += Math.exp(${at('q')} - m);
  ${out}[o * ${inner} + i] = m === -Infinity ? -Infinity : m + Math.log(s);`;
    }
    return `for (let o = 0; o < ${outer}; o++) for (let i = 0; i < ${inner}; i++) { const base = o * ${n * inner} + i;\n  ${body} }`;
  }

  /**
   * One loop over `shape` computing `root` (inlining every non-materialised elementwise node below it) and
   * storing it into root's buffer, or adding it into `sumInto`'s buffer broadcast down to that node's shape.
   */
  private ewise(root: Expr, shape: Shape, top: Expr | null, sumInto: Expr | null): string {
    const pre: string[] = [];
    const body: string[] = [];
    const n = sizeOf(shape);
    let nested = false;
    const hoisted = new Map<Expr, string>();
    const temps = new Map<Expr, string>();
    const index = (s: Shape): string => {
      if (sizeOf(s) === n) return 'i';
      nested = true;
      const st = stridesOf(s), off = shape.length - s.length;
      const terms = s.map((d, k) => (d === 1 ? '' : st[k] === 1 ? `d${k + off}` : `d${k + off} * ${st[k]}`)).filter((t) => t !== '');
      return terms.length === 0 ? '0' : terms.join(' + ');
    };
    const load = (x: Expr): string => {
      if (sizeOf(x.shape) === 1) {
        let h = hoisted.get(x);
        if (h === undefined) {
          h = `s${hoisted.size}`;
          hoisted.set(x, h);
          pre.push(`const ${h} = ${this.buf(x)}[0];`);
        }
        return h;
      }
      return `${this.buf(x)}[${index(x.shape)}]`;
    };
    const value = (x: Expr): string => {
      const r = this.plan.role.get(x);
      if (x !== top && this.plan.materialized.has(x)) return load(x);
      if (r === 'const') return `(${lit(constValue(x))})`;
      const t = temps.get(x);
      if (t !== undefined) return t;
      const code = this.expression(x, value);
      const name = `t${temps.size}`;
      body.push(`const ${name} = ${code};`);
      temps.set(x, name);
      return name;
    };
    const v = value(root);
    for (const f of FAST32.keys()) if (body.some((line) => line.includes(`${f}32(`))) pre.push(`const ${f}32 = F.${f};`);
    const target = sumInto ?? root;
    const store = sumInto !== null ? `${this.buf(target)}[${index(target.shape)}] += ${v};` : `${this.buf(target)}[i] = ${v};`;
    body.push(store);
    if (!nested) return `${pre.join(' ')}\nfor (let i = 0; i < ${n}; i++) {\n  ${body.join('\n  ')}\n}`;
    let open = 'let i = 0;\n';
    shape.forEach((d, k) => { open += `for (let d${k} = 0; d${k} < ${d}; d${k}++) `; });
    return `${pre.join(' ')}\n${open}{\n  ${body.join('\n  ')}\n  i++;\n}`;
  }

  /** JavaScript for one elementwise node, given the code of its operands. */
  private expression(x: Expr, value: (e: Expr) => string): string {
    switch (x.kind) {
      case 'add': return (this.plan.sumOf.get(x) ?? x.args).map(value).join(' + ');
      case 'mul': return x.args.map(value).join(' * ');
      case 'pow': {
        const b = value(x.base);
        if (x.exp.kind === 'num' || x.exp.kind === 'float') {
          const p = numberValue(x.exp);
          if (p === 2) return `${b} * ${b}`;
          if (p === 3) return `${b} * ${b} * ${b}`;
          if (p === -1) return `1 / ${b}`;
          if (p === -2) return `1 / (${b} * ${b})`;
          if (p === 0.5) return `Math.sqrt(${b})`;
          if (p === -0.5) return `1 / Math.sqrt(${b})`;
        }
        return `Math.pow(${b}, ${value(x.exp)})`;
      }
      case 'call': {
        const args = x.args.map(value);
        if (x.fn === 'broadcastto') return args[0]!;
        if (x.fn === 'where') return `(${args[0]} !== 0 ? ${args[1]} : ${args[2]})`;
        if (x.fn === 'gt') return `(${args[0]} > ${args[1]} ? 1 : 0)`;
        if (x.fn === 'eq') return `(${args[0]} === ${args[1]} ? 1 : 0)`;
        const row = FUNCTIONS.get(x.fn)!;
        if (this.dtype === 'float32' && args.length === 1 && FAST32.has(x.fn)) return `${x.fn}32(${args[0]})`;
        if (x.fn === 'log' && args.length === 1) return `Math.log(${args[0]})`;
        if (row.js.startsWith('Math.')) return `${row.js}(${args.join(', ')})`;
        return `F.${x.fn}(${args.join(', ')})`;
      }
    }
    throw new NnError(`internal: ${text(x)} is not elementwise`);
  }
}
