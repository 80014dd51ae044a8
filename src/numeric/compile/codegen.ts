/**
 * JavaScript code generation from kernel IR via `new Function`. Only generated names appear in the source:
 * inputs `v0, v1, …`, shared values `t<id>`, columns `i0…`/`o0…`, the runtime `rt`, and function spellings
 * that passed the operator-table pattern check. Values used once are inlined; values used more than once get
 * one local (or when an inline expression grows too deep for the parser's comfort).
 */
import { type Instr, liveness } from './ir.js';
import type { Forms, Program } from './program.js';
import { rt } from './runtime.js';

const MAX_INLINE_DEPTH = 48;
const SPELLING = /^(Math|rt)\.[a-z][a-z0-9]*$/;

export function literal(v: number): string {
  if (Number.isNaN(v)) return '(0/0)';
  if (v === Infinity) return '(1/0)';
  if (v === -Infinity) return '(-1/0)';
  if (Object.is(v, -0)) return '(-0)';
  return v < 0 ? `(${String(v)})` : String(v);
}

interface Body {
  readonly stmts: string[];
  readonly outs: string[];
}

/** Statements computing the live instructions, and an expression for each output. */
function emit(p: Program, inputName: (index: number) => string): Body {
  const { live, uses } = liveness(p.code, p.outputs);
  const ref: string[] = new Array<string>(p.code.length);
  const depth = new Uint32Array(p.code.length);
  const stmts: string[] = [];
  const isOutput = new Uint8Array(p.code.length);
  for (const o of p.outputs) isOutput[o] = 1;
  for (let id = 0; id < p.code.length; id++) {
    if (live[id] === 0) continue;
    const ins: Instr = p.code[id]!;
    let s: string;
    let d = 1;
    const r = (a: number): string => {
      d = Math.max(d, depth[a]! + 1);
      return ref[a]!;
    };
    switch (ins.op) {
      case 'const': s = literal(ins.value); d = 0; break;
      case 'input': s = inputName(ins.index); d = 0; break;
      case 'add': s = `(${r(ins.a)} + ${r(ins.b)})`; break;
      case 'sub': s = `(${r(ins.a)} - ${r(ins.b)})`; break;
      case 'mul': s = `(${r(ins.a)} * ${r(ins.b)})`; break;
      case 'div': s = `(${r(ins.a)} / ${r(ins.b)})`; break;
      case 'pow': s = `Math.pow(${r(ins.a)}, ${r(ins.b)})`; break;
      case 'neg': s = `(-${r(ins.a)})`; break;
      case 'sqrt': s = `Math.sqrt(${r(ins.a)})`; break;
      case 'call': {
        if (!SPELLING.test(ins.fn.js)) throw new Error(`refusing to emit the spelling '${ins.fn.js}'`);
        s = `${ins.fn.js}(${ins.args.map(r).join(', ')})`;
        break;
      }
    }
    const leaf = ins.op === 'const' || ins.op === 'input';
    if (!leaf && (uses[id]! > 1 || d > MAX_INLINE_DEPTH || (isOutput[id] === 1 && uses[id]! > 1))) {
      stmts.push(`const t${id} = ${s};`);
      ref[id] = `t${id}`;
      depth[id] = 0;
    } else {
      ref[id] = s;
      depth[id] = d;
    }
  }
  return { stmts, outs: p.outputs.map((o) => ref[o]!) };
}

const params = (n: number, prefix: string): string[] => Array.from({ length: n }, (_, k) => `${prefix}${k}`);

/** Build a function from generated source; `rt` is the only value it closes over. */
function make<F>(src: string): F {
  // The Function constructor is the point of this module: it turns trusted generated source into code.
  const outer = new Function('rt', `'use strict';\nreturn ${src};`) as (r: typeof rt) => F;
  return outer(rt);
}

export function generate(p: Program): Forms {
  const n = p.inputIds.length;
  const m = p.outputs.length;
  const vs = params(n, 'v');
  const direct = emit(p, (k) => `v${k}`);
  const indent = (xs: string[], pad: string): string => xs.map((x) => `${pad}${x}\n`).join('');

  const scalarSrc = `function kernel(${vs.join(', ')}) {\n${indent(direct.stmts, '  ')}  return ${direct.outs[0]};\n}`;
  const intoSrc = `function kernelInto(${['o', ...vs].join(', ')}) {\n${indent(direct.stmts, '  ')}`
    + `${direct.outs.map((e, k) => `  o[${k}] = ${e};\n`).join('')}  return o;\n}`;
  const arraySrc = `function kernelArray(x, o) {\n${vs.map((v, k) => `  const ${v} = x[${k}];\n`).join('')}`
    + `${indent(direct.stmts, '  ')}${direct.outs.slice(1).map((e, k) => `  o[${k}] = ${e};\n`).join('')}`
    + `  return ${direct.outs[0]};\n}`;
  const batchSrc = `function kernelBatch(n, I, O) {\n`
    + `${params(n, 'i').map((v, k) => `  const ${v} = I[${k}];\n`).join('')}`
    + `${params(m, 'o').map((v, k) => `  const ${v} = O[${k}];\n`).join('')}`
    + `  for (let k = 0; k < n; k++) {\n${vs.map((v, k) => `    const ${v} = i${k}[k];\n`).join('')}`
    + `${indent(direct.stmts, '    ')}${direct.outs.map((e, k) => `    o${k}[k] = ${e};\n`).join('')}  }\n}`;

  return {
    scalar: make(scalarSrc),
    into: make(intoSrc),
    array: make(arraySrc),
    batch: make(batchSrc),
    source: batchSrc,
  };
}
