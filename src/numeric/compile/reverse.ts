/**
 * Reverse-mode differentiation on kernel IR (Linnainmaa, 1970; see Griewank and Walther, 2008, "Evaluating
 * Derivatives", ch. 3): the backward sweep of sweep.ts (the one tensor programs use too) over the instructions
 * in reverse topological order, with the local partials of each instruction below. The adjoint instructions are appended to the same
 * builder, so they share every forward value; the cost is a small constant times the forward cost, whatever
 * the number of inputs. Instructions that do not depend on an input get no adjoint.
 */
import { lookupCall } from './calls.js';
import { CompileError } from './errors.js';
import { type Builder, activity, operands } from './ir.js';
import { lower } from './lower.js';
import { localPartial, placeholder } from './partials.js';
import { sweep } from './sweep.js';

/** Adjoint ids ∂out/∂input for each input id (a constant 0 where out does not depend on it). */
export function reverse(b: Builder, out: number, inputs: readonly number[]): number[] {
  const active = activity(b.code);
  const order = Array.from({ length: out + 1 }, (_, id) => id);
  const adj = sweep(order, out, b.const(1), {
    active: (id) => active[id] === 1,
    operands: (id) => operands(b.code[id]!),
    sum: (parts) => parts.reduce((s, v) => b.add(s, v)),
    local: (id, g) => localAdjoints(b, active, id, g),
  });
  return inputs.map((i) => adj.get(i) ?? b.const(0));
}

/** Contributions of instruction `id` (adjoint g) to its operands, in the order of `operands`. */
function localAdjoints(b: Builder, active: Uint8Array, id: number, g: number): (number | undefined)[] {
  const ins = b.code[id]!;
  const on = (x: number): boolean => active[x] === 1;
  switch (ins.op) {
    case 'const': case 'input': return [];
    case 'add': return [g, g];
    case 'sub': return [g, on(ins.b) ? b.neg(g) : undefined];
    case 'neg': return [b.neg(g)];
    case 'mul': return [on(ins.a) ? b.mul(g, ins.b) : undefined, on(ins.b) ? b.mul(g, ins.a) : undefined];
    // w = a / b: ∂a = 1/b, ∂b = −w/b
    case 'div': return [on(ins.a) ? b.div(g, ins.b) : undefined, on(ins.b) ? b.neg(b.mul(g, b.div(id, ins.b))) : undefined];
    // w = √a: ∂a = 1 / (2w)
    case 'sqrt': return [b.div(g, b.mul(b.const(2), id))];
    // w = a^p: ∂a = p·a^(p−1), ∂p = w·ln a (0 where w = 0)
    case 'pow': return [
      on(ins.a) ? b.mul(g, b.mul(ins.b, b.pow(ins.a, b.sub(ins.b, b.const(1))))) : undefined,
      on(ins.b) ? b.mul(g, b.call(XLOGY, [id, ins.a])) : undefined,
    ];
    case 'call': {
      const fname = ins.fn.name;
      return ins.args.map((a, i) => {
        if (!on(a)) return undefined;
        const p = localPartial(fname, ins.args.length, i);
        if (p === undefined) throw new CompileError(`no derivative is known for ${fname}`);
        const env = new Map<string, number>();
        ins.args.forEach((arg, k) => env.set(placeholderName(k), arg));
        return b.mul(g, lower(b, p, { env, internal: true }));
      });
    }
  }
}

const XLOGY = lookupCall('xlogy', 2, true)!;

const placeholderName = (k: number): string => {
  const p = placeholder(k);
  return p.kind === 'sym' ? p.name : '';
};
