/**
 * Functions of the Lousa language that are not mathematical functions (`N`, `latex`, `diff`, `plot`, …).
 * The REPL, the CLI and the playground run the same registry, so they speak the same language; a module adds a
 * function by calling `defineCommand` once.
 */
import type { Expr } from '../ast/expr.js';
import type { Session } from './session.js';

/** What running a line produces: an expression to print, or text already formatted (a plot, a derivation). */
export type Output =
  | { readonly kind: 'expr'; readonly expr: Expr; readonly text?: string; readonly latex?: string; readonly note?: string }
  | { readonly kind: 'text'; readonly text: string; readonly latex?: string }
  | { readonly kind: 'none' };

export interface Command {
  readonly name: string;
  /** `diff(f, x, n?)` — how it is called. */
  readonly usage: string;
  readonly doc: string;
  readonly arity: readonly [number, number];
  /** Arguments arrive evaluated unless `hold` is set (then as written, e.g. for `steps(diff(…))`). */
  readonly hold?: boolean;
  run(args: readonly Expr[], session: Session): Expr | Output;
}

const COMMANDS = new Map<string, Command>();

export function defineCommand(c: Command): void {
  COMMANDS.set(c.name, c);
}

export function lookupCommand(name: string): Command | undefined {
  return COMMANDS.get(name);
}

export function allCommands(): Command[] {
  return [...COMMANDS.values()].sort((a, b) => a.name.localeCompare(b.name));
}
