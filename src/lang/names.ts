/**
 * Unknown names: a call of a function Lousa does not know (`sinn(x)`) is kept as an unknown function, with a
 * warning that names the nearest known functions. One-letter names (and Greek letters), with or without primes,
 * are the usual names of abstract functions (`f(g(x))`) and pass silently.
 */
import { ALIASES, FUNCTIONS, GREEK, SPELLING_FUNCTIONS } from '../ast/ops.js';
import { shapeRule } from '../ast/shapes.js';
import { allCommands, lookupCommand } from './registry.js';

/** Edit distance (insertions, deletions, substitutions, and swaps of neighbours). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** Every function name the language knows: the operator table, its other spellings, and the commands. */
export function knownFunctionNames(): string[] {
  return [...new Set([...FUNCTIONS.keys(), ...SPELLING_FUNCTIONS.keys(), ...ALIASES.keys(), ...allCommands().map((c) => c.name)])];
}

/** Known names within a small edit distance of `name`, nearest first (at most three). */
export function nearestNames(name: string): string[] {
  const limit = name.length <= 4 ? 1 : 2;
  const lower = name.toLowerCase();
  return knownFunctionNames()
    .map((n) => ({ n, d: n.toLowerCase() === lower ? 0 : editDistance(lower, n.toLowerCase()) }))
    .filter(({ n, d }) => d <= limit && n !== name)
    .sort((a, b) => a.d - b.d || a.n.localeCompare(b.n))
    .slice(0, 3)
    .map(({ n }) => n);
}

/** Is `name` the name of an abstract function by convention (f, g, φ, f', u_1)? */
const isAbstractName = (name: string): boolean => {
  const stem = name.replace(/'+$/, '').replace(/_[A-Za-z0-9]+$/, '').replace(/[0-9]+$/, '');
  return stem.length === 1 || GREEK.has(stem);
};

/** The warning for a call of `name` when the language does not know it, or undefined when it does (or is abstract). */
export function unknownCallWarning(name: string): string | undefined {
  if (FUNCTIONS.has(name) || SPELLING_FUNCTIONS.has(name) || lookupCommand(name) !== undefined) return undefined;
  if (shapeRule(name) !== undefined || name === 'D') return undefined;
  if (isAbstractName(name)) return undefined;
  const near = nearestNames(name);
  const hint = near.length === 0 ? '' : ` (did you mean ${near.length === 1 ? near[0] : `${near.slice(0, -1).join(', ')} or ${near[near.length - 1]}`}?)`;
  return `warning: '${name}' is not a known function${hint}; it is kept as an unknown function ${name}(…)`;
}
