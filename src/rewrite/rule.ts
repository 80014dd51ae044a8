/**
 * Rules as data. A rule is a stable id, a left-hand pattern and a right-hand side, both written in Lousa's own
 * syntax and read with `parse`:
 *
 *     rule('d/product', 'D(a*b, x)', 'a*D(b, x) + b*D(a, x)')
 *     rule('d/const-multiple', 'D(c*u, x)', 'c*D(u, x)', { when: 'isConstant(c, x)' })
 *     rule('d/sum', 'D(a + b, x)', (b, ctx) => …)          // a TypeScript right-hand side where it must compute
 *
 * Writing rules:
 * - Every symbol in a pattern is a pattern variable except the constants (`pi`, `e`, `i`, `inf`, `nan`), so
 *   `e` cannot name a variable. A variable used twice must match the same subexpression both times.
 * - Numbers match themselves. `+` and `*` match commutatively and associatively: `a*b` against `2 x y` can
 *   bind `a = 2 x`, `b = y` or any other split into non-empty parts; the matcher backtracks over splits until the
 *   guards and the right-hand side accept one.
 * - Patterns are built by the ordinary constructors, so they are normalised like any expression: write them in
 *   the form the constructors produce (`a/b` is `a*b^-1`, `sqrt(a)` is `a^(1/2)`, `(a b)^2` is `a^2 b^2`).
 * - `when` takes named guards (see guards.ts: isConstant, dependsOn, isNumber, isInteger, isNegative,
 *   isPositive, isSymbol, same, differ, and `not(…)` of any of them), all of which must hold.
 * - A TypeScript right-hand side receives the bindings and the matched subject; returning `undefined` (or the
 *   subject itself) declines, and matching goes on. It may attach finer steps with `ctx.substep(step)`.
 * - The rule id is the key of the rule's label in src/render/labels.ts.
 */
import { type Expr, children, withChildren } from '../ast/expr.js';
import { CONSTANTS } from '../ast/ops.js';
import { parse } from '../parse/parse.js';
import { lookupGuard, type GuardFn } from './guards.js';
import type { Bindings, Step } from './types.js';

export interface RhsContext {
  /** The subterm the pattern matched. */
  readonly subject: Expr;
  /** Attach a finer step to the step being recorded. */
  substep(step: Step): void;
}

export type RhsFn = (bindings: Bindings, ctx: RhsContext) => Expr | undefined;

interface CompiledGuard {
  readonly fn: GuardFn;
  readonly args: readonly Expr[];
  readonly negate: boolean;
}

export interface Rule {
  readonly name: string;
  readonly lhs: Expr;
  readonly rhs: Expr | RhsFn;
  readonly guards: readonly CompiledGuard[];
  readonly test?: (b: Bindings) => boolean;
}

export interface RuleOptions {
  /** Named guards in Lousa syntax, all of which must hold; or a TypeScript predicate. */
  readonly when?: string | readonly string[] | ((b: Bindings) => boolean);
}

export class RuleError extends Error {
  override name = 'RuleError';
}

export const isPatternVar = (e: Expr): boolean => e.kind === 'sym' && !CONSTANTS.has(e.name);

function compileGuard(ruleName: string, source: string): CompiledGuard {
  let g = parse(source);
  let negate = false;
  if (g.kind === 'call' && g.fn === 'not' && g.args.length === 1) {
    negate = true;
    g = g.args[0]!;
  }
  if (g.kind !== 'call') throw new RuleError(`rule ${ruleName}: a guard must be a call such as isConstant(a, x), got '${source}'`);
  const fn = lookupGuard(g.fn);
  if (fn === undefined) throw new RuleError(`rule ${ruleName}: unknown guard '${g.fn}'`);
  return { fn, args: g.args, negate };
}

function variablesOf(e: Expr, out: Set<string>): Set<string> {
  if (isPatternVar(e)) out.add((e as { name: string }).name);
  for (const c of children(e)) variablesOf(c, out);
  return out;
}

/** Define a rule; patterns and guards are parsed once, here. */
export function rule(name: string, lhs: string, rhs: string | RhsFn, options: RuleOptions = {}): Rule {
  const left = parse(lhs);
  const right = typeof rhs === 'string' ? parse(rhs) : rhs;
  const vars = variablesOf(left, new Set());
  const check = (e: Expr, where: string): void => {
    for (const v of variablesOf(e, new Set())) {
      if (!vars.has(v)) throw new RuleError(`rule ${name}: '${v}' in the ${where} does not occur in the pattern ${lhs}`);
    }
  };
  if (typeof right !== 'function') check(right, 'right-hand side');
  const when = options.when;
  const sources = typeof when === 'string' ? [when] : Array.isArray(when) ? (when as readonly string[]) : [];
  const guards = sources.map((s) => compileGuard(name, s));
  for (const g of guards) for (const a of g.args) check(a, 'guard');
  const test = typeof when === 'function' ? (when as (b: Bindings) => boolean) : undefined;
  return test === undefined ? { name, lhs: left, rhs: right, guards } : { name, lhs: left, rhs: right, guards, test };
}

/** Replace pattern variables by their bindings, rebuilding with the ordinary constructors. */
export function instantiate(template: Expr, b: Bindings): Expr {
  if (template.kind === 'sym') return b.get(template.name) ?? template;
  const kids = children(template);
  if (kids.length === 0) return template;
  return withChildren(template, kids.map((k) => instantiate(k, b)));
}

/** Do the rule's guards accept these bindings? */
export function guardsHold(r: Rule, b: Bindings): boolean {
  for (const g of r.guards) {
    const ok = g.fn(...g.args.map((a) => instantiate(a, b)));
    if (ok === g.negate) return false;
  }
  return r.test === undefined || r.test(b);
}
