/**
 * A session of the Lousa language: variables (`a := 3`), functions (`f(x) := x^2 + 1`) and commands, evaluated
 * exactly where the input is exact. Used by the REPL, `lousa -e` and the playground alike.
 */
import { type Expr, type Shape, type Sym, children, define, int, sym, withChildren } from '../ast/expr.js';
import { LimitError } from '../ast/limits.js';
import { CONSTANTS, FUNCTIONS } from '../ast/ops.js';
import { parse } from '../parse/parse.js';
import { evaluateExact, checkExactSize } from '../eval/exact.js';
import { EvalError } from '../eval/errors.js';
import { lookupCommand, type Output } from './registry.js';
import type { Raster } from './figure.js';

/** What a command asks the host to write: text, or pixels to encode as PNG. */
export type FileContent = { readonly kind: 'svg'; readonly text: string } | { readonly kind: 'png'; readonly raster: Raster };
import { substitute } from '../ast/walk.js';
import { BudgetExceeded, OPERATION_BUDGET, SESSION_BUDGET, withBudget } from '../ast/budget.js';
import { call } from '../ast/expr.js';

/**
 * Symbolic operations that run under their own budget (time, steps, size): when it runs out they return their
 * input unevaluated, with a note saying which limit stopped them, instead of hanging the line.
 */
const BUDGETED = new Set([
  'simplify', 'expand', 'factor', 'cancel', 'together', 'apart', 'collect', 'gcd', 'lcm', 'quo', 'rem',
  'diff', 'grad', 'jacobian', 'hessian', 'integrate', 'limit', 'series', 'solve', 'N', 'sum', 'prod',
]);
import { tidy } from './arith.js';
import { unknownCallWarning } from './names.js';
import { text } from '../render/text.js';

interface UserFunction {
  readonly params: readonly Sym[];
  readonly body: Expr;
}

const MAX_CALL_DEPTH = 200;

const isExpr = (r: Expr | Output): r is Expr => 'id' in r;

export class Session {
  readonly vars = new Map<string, Expr>();
  readonly funcs = new Map<string, UserFunction>();
  /** Print results as LaTeX instead of text. */
  latexMode = false;
  /** Where long commands (training) send their progress lines as they go; without it they are part of the result. */
  onProgress?: (line: string) => void;
  /**
   * How files are written (plots as pictures); the CLI and the REPL write them atomically. Without a host that
   * can write files (a browser), commands that write say so.
   */
  writeFile: (path: string, content: FileContent) => void = () => {
    throw new EvalError('writing files is not available here');
  };
  /** Warnings of the last line run (an unknown function, with the nearest known names). */
  warnings: string[] = [];
  private depth = 0;

  /** Why operations of the last line stopped early (each returned its input unevaluated). */
  notes: string[] = [];

  /** Parse and run one line. */
  run(line: string): Output {
    this.warnings = [];
    return this.runExpr(parse(line, { shapeOf: (e) => this.shapeOf(e) }));
  }

  /** The shape `e` has once the variables that hold lists are put in (so `A B` of two matrices keeps its order). */
  private shapeOf(e: Expr): Shape {
    const lists = new Map<Expr, Expr>();
    for (const [name, v] of this.vars) if (v.kind === 'list') lists.set(sym(name), v);
    try {
      return lists.size === 0 ? e.shape : substitute(e, lists).shape;
    } catch {
      return e.shape;
    }
  }

  /** A progress line of a long command: shown now when someone listens, else returned with the result. */
  progress(line: string, collected: string[]): void {
    if (this.onProgress !== undefined) this.onProgress(line);
    else collected.push(line);
  }

  /** The definitions of this session as lines of the language that rebuild it (`a := 3`, `f(x) := x^2`). */
  snapshot(): string[] {
    const out: string[] = [];
    for (const [name, v] of this.vars) out.push(`${name} := ${text(v)}`);
    for (const [name, f] of this.funcs) out.push(`${name}(${f.params.map((p) => p.name).join(', ')}) := ${text(f.body)}`);
    return out;
  }

  /** Rebuilds the definitions of `snapshot()`. */
  restore(lines: readonly string[]): void {
    for (const l of lines) this.run(l);
  }

  /** Forgets a name's value or definition (all of them without a name); says which names were cleared. */
  clear(names?: readonly string[]): string[] {
    const all = names ?? [...this.vars.keys(), ...this.funcs.keys()];
    const done = all.filter((n) => this.vars.has(n) || this.funcs.has(n));
    for (const n of all) {
      this.vars.delete(n);
      this.funcs.delete(n);
    }
    return done;
  }

  runExpr(e: Expr): Output {
    this.notes = [];
    const out = withBudget('evaluation', SESSION_BUDGET, () => this.runLine(e));
    if (this.notes.length > 0 && out.kind === 'expr') return { ...out, note: this.notes.join('; ') };
    return out;
  }

  private runLine(e: Expr): Output {
    if (e.kind === 'define') {
      if (e.target.kind === 'sym') {
        const name = e.target.name;
        if (CONSTANTS.has(name)) throw new EvalError(`'${name}' is a constant and cannot be redefined`);
        const value = tidy(this.evaluate(e.value));
        this.vars.set(name, value);
        this.funcs.delete(name);
        return { kind: 'expr', expr: define(e.target, value) };
      }
      if (e.target.kind === 'call') {
        if (FUNCTIONS.has(e.target.fn) || lookupCommand(e.target.fn) !== undefined) {
          throw new EvalError(`'${e.target.fn}' is a built-in function and cannot be redefined`);
        }
        this.funcs.set(e.target.fn, { params: e.target.args as Sym[], body: e.value });
        this.vars.delete(e.target.fn);
        return { kind: 'expr', expr: e };
      }
    }
    const raw = this.evaluateToOutput(e);
    // A command's own text and LaTeX (a stated condition, a divergence) stay with its value when tidying keeps it.
    const tidied = raw.kind === 'expr' ? tidy(raw.expr) : undefined;
    const out: Output = raw.kind !== 'expr' ? raw : tidied === raw.expr ? raw : { kind: 'expr', expr: tidied! };
    if (out.kind === 'expr') checkExactSize(out.expr);
    return out;
  }

  private evaluateToOutput(e: Expr): Output {
    // A command at the top level may return formatted text (plots, derivations).
    if (e.kind === 'call') {
      if (lookupCommand(e.fn) !== undefined) {
        const r = this.runCommand(e.fn, e.args);
        return isExpr(r) ? { kind: 'expr', expr: evaluateExact(r) } : r;
      }
    }
    return { kind: 'expr', expr: this.evaluate(e) };
  }

  private runCommand(name: string, rawArgs: readonly Expr[]): Expr | Output {
    const cmd = lookupCommand(name)!;
    const [lo, hi] = cmd.arity;
    if (rawArgs.length < lo || rawArgs.length > hi) {
      const count = lo === hi ? `${lo}` : hi === Infinity ? `at least ${lo}` : `${lo} to ${hi}`;
      throw new EvalError(`${cmd.name} takes ${count} argument${hi === 1 ? '' : 's'}: ${cmd.usage}`);
    }
    const args = cmd.hold === true ? rawArgs : rawArgs.map((a) => this.evaluate(a));
    if (!BUDGETED.has(name)) return cmd.run(args, this);
    try {
      return withBudget(name, OPERATION_BUDGET, () => cmd.run(args, this));
    } catch (err) {
      if (!(err instanceof BudgetExceeded) || err.operation !== name) throw err;
      // The operation ran out of budget: its input, unevaluated, and the reason.
      this.notes.push(`${err.message}; returned unevaluated`);
      return call(name, args);
    }
  }

  /** Substitute variables, expand user functions, run commands, fold exactly known values, then (when `light`) the light algebra of src/lang/arith.ts. */
  evaluate(e: Expr, light = true): Expr {
    const memo = new Map<Expr, Expr>();
    const go = (x: Expr): Expr => {
      const hit = memo.get(x);
      if (hit !== undefined) return hit;
      const out = step(x);
      memo.set(x, out);
      return out;
    };
    const step = (x: Expr): Expr => {
      if (x.kind === 'sym') return this.vars.get(x.name) ?? x;
      if (x.kind === 'call') {
        if (lookupCommand(x.fn) !== undefined) {
          const r = this.runCommand(x.fn, x.args);
          if (isExpr(r)) return r;
          if (r.kind === 'expr') return r.expr;
          throw new EvalError(`${x.fn}(…) produces text, not a value; use it on a line of its own`);
        }
        const f = this.funcs.get(x.fn);
        if (f !== undefined) return this.apply(x.fn, f, x.args.map(go));
        const derived = this.derivativeOf(x.fn);
        if (derived !== undefined) return this.apply(x.fn, derived, x.args.map(go));
        const warning = unknownCallWarning(x.fn);
        if (warning !== undefined && !this.warnings.includes(warning)) this.warnings.push(warning);
      }
      if (x.kind === 'define') throw new EvalError('a definition (:=) can only stand at the start of a line');
      const kids = children(x);
      return kids.length === 0 ? x : withChildren(x, kids.map(go));
    };
    const exact = evaluateExact(go(e));
    return light ? tidy(exact) : exact;
  }

  /** `f'` (or `f''`, …) of a function defined in the session with one parameter: its derivative, as a function. */
  private derivativeOf(name: string): UserFunction | undefined {
    const m = /^(.*?)('+)$/.exec(name);
    if (m === null) return undefined;
    const f = this.funcs.get(m[1]!);
    if (f === undefined || f.params.length !== 1) return undefined;
    const body = this.runCommand('diff', [f.body, f.params[0]!, int(m[2]!.length)]);
    return isExpr(body) ? { params: f.params, body } : undefined;
  }

  private apply(name: string, f: UserFunction, args: readonly Expr[]): Expr {
    if (args.length !== f.params.length) {
      throw new EvalError(`${name} takes ${f.params.length} argument${f.params.length === 1 ? '' : 's'}, got ${args.length}`);
    }
    if (this.depth >= MAX_CALL_DEPTH) throw new LimitError(`${name}: more than ${MAX_CALL_DEPTH} nested function calls (is the definition recursive?)`);
    this.depth++;
    try {
      const inner = new Map(f.params.map((p, k) => [p as Expr, args[k]!]));
      return this.evaluate(substitute(f.body, inner));
    } finally {
      this.depth--;
    }
  }

  /** Names defined in this session, for completion. */
  names(): string[] {
    return [...this.vars.keys(), ...this.funcs.keys()];
  }
}

export { substitute };
