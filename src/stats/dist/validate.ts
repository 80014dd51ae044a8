/** Parameter checks shared by the distributions; each throws a DomainError naming the law. */
import { DomainError } from '../special/errors.js';
import type { Rng } from '../rng.js';

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

/** `n` independent draws (n checked as a sample size). */
export function drawMany(draw: (rng: Rng) => number, rng: Rng, n: number): number[] {
  sampleCount(n);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = draw(rng);
  return out;
}
