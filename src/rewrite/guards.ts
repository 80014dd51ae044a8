/**
 * Named guards for rules: `when: 'isConstant(a, x)'`. A guard is written in Lousa's own syntax; its arguments
 * are instantiated with the match's bindings and handed to the guard function as expressions. `not(g(…))`
 * negates a guard. Other areas add guards with `registerGuard`.
 */
import { type Expr, isNegativeNumber, isNumber, isInteger } from '../ast/expr.js';
import { isFreeOf } from './free.js';

export type GuardFn = (...args: Expr[]) => boolean;

const GUARDS = new Map<string, GuardFn>();

export function registerGuard(name: string, fn: GuardFn): void {
  GUARDS.set(name, fn);
}

export function lookupGuard(name: string): GuardFn | undefined {
  return GUARDS.get(name);
}

const isPositiveNumber = (e: Expr): boolean =>
  (e.kind === 'num' && e.value[0] > 0n) || (e.kind === 'float' && e.value > 0);

registerGuard('isConstant', (a, x) => isFreeOf(a!, x!));
registerGuard('dependsOn', (a, x) => !isFreeOf(a!, x!));
registerGuard('isNumber', (a) => isNumber(a!));
registerGuard('isInteger', (a) => isInteger(a!));
registerGuard('isNegative', (a) => isNegativeNumber(a!));
registerGuard('isPositive', (a) => isPositiveNumber(a!));
registerGuard('isSymbol', (a) => a!.kind === 'sym');
registerGuard('same', (a, b) => a === b);
registerGuard('differ', (a, b) => a !== b);
