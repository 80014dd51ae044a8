/**
 * The functions a kernel may call, looked up by operator-table name in tables whose prototype is null (so
 * `constructor`, `__proto__` or `toString` find nothing). Each entry pairs the JavaScript spelling from the
 * operator table's `js` column with the implementation the interpreter uses; the spelling is checked against
 * a strict pattern before it can reach generated source.
 */
import { FUNCTIONS } from '../../ast/ops.js';
import { rt } from './runtime.js';

type Fn = (...args: number[]) => number;

export interface CallEntry {
  /** Operator-table name (the key of the derivative table). */
  readonly name: string;
  /** `Math.sin`, `rt.gamma`, …: never a user string. */
  readonly js: string;
  readonly impl: Fn;
  readonly arity: readonly [number, number];
}

const SPELLING = /^(Math|rt)\.[a-z][a-z0-9]*$/;

function entry(name: string, js: string, arity: readonly [number, number]): CallEntry {
  if (!SPELLING.test(js)) throw new Error(`operator table spelling '${js}' is not a Math or rt member`);
  const [owner, member] = js.split('.') as [string, string];
  const impl: unknown = owner === 'Math'
    ? (Math as unknown as Record<string, unknown>)[member]
    : Object.prototype.hasOwnProperty.call(rt, member) ? rt[member] : undefined;
  if (typeof impl !== 'function') throw new Error(`operator table spelling '${js}' names no function`);
  return Object.freeze({ name, js, impl: impl as Fn, arity });
}

function build(): Readonly<Record<string, CallEntry>> {
  const t = Object.create(null) as Record<string, CallEntry>;
  for (const row of FUNCTIONS.values()) t[row.name] = entry(row.name, row.js, row.arity);
  // One-argument log is Math.log itself (the row's helper computes the same value); two-argument log keeps rt.log.
  t['log/1'] = entry('log', 'Math.log', [1, 1]);
  return Object.freeze(t);
}

/** Operator-table functions by name (plus `log/1`, the one-argument logarithm). */
export const CALLS = build();

/** Functions only gradients use; user expressions cannot reach them. */
export const INTERNAL_CALLS: Readonly<Record<string, CallEntry>> = (() => {
  const t = Object.create(null) as Record<string, CallEntry>;
  t.xlogy = entry('xlogy', 'rt.xlogy', [2, 2]);
  return Object.freeze(t);
})();

/** The entry for a call of `name` with `n` arguments, or undefined. */
export function lookupCall(name: string, n: number, internal: boolean): CallEntry | undefined {
  if (name === 'log' && n === 1) return CALLS['log/1'];
  if (name.includes('/')) return undefined;
  return CALLS[name] ?? (internal ? INTERNAL_CALLS[name] : undefined);
}
