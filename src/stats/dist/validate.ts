/** Parameter checks shared by the distributions; each throws a DomainError naming the law. */
import { DomainError } from '../special/errors.js';

export function finite(law: string, name: string, v: number): void {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new DomainError(`${law}: parameter ${name} must be a finite number, got ${v}`);
}
export function positive(law: string, name: string, v: number): void {
  finite(law, name, v);
  if (!(v > 0)) throw new DomainError(`${law}: parameter ${name} must be > 0, got ${v}`);
}
export function probability(law: string, name: string, v: number, open = false): void {
  finite(law, name, v);
  const ok = open ? v > 0 && v <= 1 : v >= 0 && v <= 1;
  if (!ok) throw new DomainError(`${law}: parameter ${name} must be in ${open ? '(0, 1]' : '[0, 1]'}, got ${v}`);
}
export function count(law: string, name: string, v: number): void {
  finite(law, name, v);
  if (!Number.isInteger(v) || v < 0) throw new DomainError(`${law}: parameter ${name} must be a non-negative integer, got ${v}`);
}
export function sampleCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new DomainError(`sample size must be a non-negative integer, got ${n}`);
}
