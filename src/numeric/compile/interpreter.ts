/**
 * The closure interpreter: the same IR, run by one small closure per live instruction over a register file,
 * for hosts where generating code is not allowed (a Content-Security-Policy without 'unsafe-eval'). It
 * performs exactly the operations generated code performs, in the same order, so results agree bit for bit.
 */
import { BINARY, type Instr, liveness } from './ir.js';
import type { Column, Forms, Program } from './program.js';

type Step = (r: Float64Array) => void;

function stepOf(id: number, ins: Instr): Step | undefined {
  switch (ins.op) {
    case 'const': case 'input': return undefined;
    case 'add': { const { a, b } = ins; return (r) => { r[id] = r[a]! + r[b]!; }; }
    case 'sub': { const { a, b } = ins; return (r) => { r[id] = r[a]! - r[b]!; }; }
    case 'mul': { const { a, b } = ins; return (r) => { r[id] = r[a]! * r[b]!; }; }
    case 'div': { const { a, b } = ins; return (r) => { r[id] = r[a]! / r[b]!; }; }
    case 'pow': { const { a, b } = ins; const f = BINARY.pow; return (r) => { r[id] = f(r[a]!, r[b]!); }; }
    case 'neg': { const { a } = ins; return (r) => { r[id] = -r[a]!; }; }
    case 'sqrt': { const { a } = ins; return (r) => { r[id] = Math.sqrt(r[a]!); }; }
    case 'call': {
      const f = ins.fn.impl;
      const args = ins.args;
      if (args.length === 1) { const a = args[0]!; return (r) => { r[id] = f(r[a]!); }; }
      if (args.length === 2) { const [a, b] = args as [number, number]; return (r) => { r[id] = f(r[a]!, r[b]!); }; }
      const buf = new Array<number>(args.length);
      return (r) => {
        for (let k = 0; k < args.length; k++) buf[k] = r[args[k]!]!;
        r[id] = f(...buf);
      };
    }
  }
}

export function interpretProgram(p: Program): Forms {
  const { live } = liveness(p.code, p.outputs);
  const regs = new Float64Array(p.code.length);
  const steps: Step[] = [];
  p.code.forEach((ins, id) => {
    if (live[id] === 0) return;
    if (ins.op === 'const') regs[id] = ins.value;
    const s = stepOf(id, ins);
    if (s !== undefined) steps.push(s);
  });
  const ids = p.inputIds;
  const outs = p.outputs;
  const run = (): void => {
    for (let k = 0; k < steps.length; k++) steps[k]!(regs);
  };
  const load = (args: ArrayLike<number>): void => {
    for (let k = 0; k < ids.length; k++) if (ids[k]! >= 0) regs[ids[k]!] = args[k]!;
  };
  return {
    scalar: (...args) => {
      load(args);
      run();
      return regs[outs[0]!]!;
    },
    into: (o, ...args) => {
      load(args);
      run();
      for (let k = 0; k < outs.length; k++) o[k] = regs[outs[k]!]!;
      return o;
    },
    array: (x, rest) => {
      load(x);
      run();
      for (let k = 1; k < outs.length; k++) rest[k - 1] = regs[outs[k]!]!;
      return regs[outs[0]!]!;
    },
    batch: (n: number, ins: readonly Column[], os: readonly Column[]) => {
      for (let row = 0; row < n; row++) {
        for (let k = 0; k < ids.length; k++) if (ids[k]! >= 0) regs[ids[k]!] = ins[k]![row]!;
        run();
        for (let k = 0; k < outs.length; k++) os[k]![row] = regs[outs[k]!]!;
      }
    },
  };
}
