/**
 * Reverse-mode differentiation on kernel IR (Linnainmaa, 1970; see Griewank and Walther, 2008, "Evaluating
 * Derivatives", ch. 3): one backward sweep over the instructions in reverse topological order, accumulating
 * each instruction's adjoint from its users' local partials. The adjoint instructions are appended to the same
 * builder, so they share every forward value; the cost is a small constant times the forward cost, whatever
 * the number of inputs. Instructions that do not depend on an input get no adjoint.
 */
import { lookupCall } from './calls.js';
import { CompileError } from './errors.js';
import { type Builder, activity } from './ir.js';
import { lower } from './lower.js';
import { localPartial, placeholder } from './partials.js';

/** Adjoint ids ∂out/∂input for each input id (a constant 0 where out does not depend on it). */
export function reverse(b: Builder, out: number, inputs: readonly number[]): number[] {
  const active = activity(b.code);
  const adj: (number | undefined)[] = new Array<number | undefined>(out + 1);
  adj[out] = b.const(1);
  const contribute = (target: number, v: number): void => {
    if (active[target] !== 1) return;
    const old = adj[target];
    adj[target] = old === undefined ? v : b.add(old, v);
  };

  for (let id = out; id >= 0; id--) {
    const g = adj[id];
    if (g === undefined || active[id] !== 1) continue;
    const ins = b.code[id]!;
    switch (ins.op) {
      case 'const': case 'input': break;
      case 'add':
        contribute(ins.a, g);
        contribute(ins.b, g);
        break;
      case 'sub':
        contribute(ins.a, g);
        if (active[ins.b] === 1) contribute(ins.b, b.neg(g));
        break;
      case 'neg':
        contribute(ins.a, b.neg(g));
        break;
      case 'mul':
        if (active[ins.a] === 1) contribute(ins.a, b.mul(g, ins.b));
        if (active[ins.b] === 1) contribute(ins.b, b.mul(g, ins.a));
        break;
      case 'div':
        // w = a / b: ∂a = 1/b, ∂b = −w/b
        if (active[ins.a] === 1) contribute(ins.a, b.div(g, ins.b));
        if (active[ins.b] === 1) contribute(ins.b, b.neg(b.mul(g, b.div(id, ins.b))));
        break;
      case 'sqrt':
        // w = √a: ∂a = 1 / (2w)
        contribute(ins.a, b.div(g, b.mul(b.const(2), id)));
        break;
      case 'pow':
        // w = a^p: ∂a = p·a^(p−1), ∂p = w·ln a (0 where w = 0)
        if (active[ins.a] === 1) contribute(ins.a, b.mul(g, b.mul(ins.b, b.pow(ins.a, b.sub(ins.b, b.const(1))))));
        if (active[ins.b] === 1) contribute(ins.b, b.mul(g, b.call(XLOGY, [id, ins.a])));
        break;
      case 'call': {
        const fname = ins.fn.name;
        for (let i = 0; i < ins.args.length; i++) {
          const a = ins.args[i]!;
          if (active[a] !== 1) continue;
          const p = localPartial(fname, ins.args.length, i);
          if (p === undefined) throw new CompileError(`no derivative is known for ${fname}`);
          const env = new Map<string, number>();
          ins.args.forEach((arg, k) => env.set(placeholderName(k), arg));
          contribute(a, b.mul(g, lower(b, p, { env, internal: true })));
        }
        break;
      }
    }
  }
  return inputs.map((i) => adj[i] ?? b.const(0));
}

const XLOGY = lookupCall('xlogy', 2, true)!;

const placeholderName = (k: number): string => {
  const p = placeholder(k);
  return p.kind === 'sym' ? p.name : '';
};
