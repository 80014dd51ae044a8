import { InvalidArgumentError, requireInteger, requirePositive } from '../errors.js';

/** A real function of one real variable. */
export type RealFunction = (x: number) => number;

/** Outcome of a one-dimensional root search. */
export interface RootResult {
  /** Best approximation of the root found. */
  root: number;
  /** Number of iterations performed. */
  iterations: number;
  /** True when the tolerance was met (or f(root) is exactly zero). */
  converged: boolean;
  /** f(root). */
  fx: number;
  /** Number of calls to f (and to f′ for Newton). */
  evaluations: number;
}

/** Options shared by the root finders. */
export interface RootOptions {
  /** Absolute tolerance on the root's position (default 1e-14). */
  xTol?: number;
  /** Relative tolerance on the root's position (default 4·ε ≈ 8.9e-16). */
  rTol?: number;
  /** Stop as soon as |f(x)| ≤ fTol (default 0: only an exact zero stops early). */
  fTol?: number;
  /** Iteration cap (default 200). */
  maxIterations?: number;
}

export interface ResolvedRootOptions {
  xTol: number;
  rTol: number;
  fTol: number;
  maxIterations: number;
}

export function resolveRootOptions(opts: RootOptions | undefined): ResolvedRootOptions {
  const xTol = opts?.xTol ?? 1e-14;
  const rTol = opts?.rTol ?? 4 * Number.EPSILON;
  const fTol = opts?.fTol ?? 0;
  const maxIterations = opts?.maxIterations ?? 200;
  requirePositive('xTol', xTol);
  requirePositive('rTol', rTol);
  if (!(fTol >= 0) || !Number.isFinite(fTol)) {
    throw new InvalidArgumentError(`fTol must be a finite number ≥ 0, got ${String(fTol)}`);
  }
  requireInteger('maxIterations', maxIterations, 1);
  return { xTol, rTol, fTol, maxIterations };
}

/** Tolerance for a root near x: xTol + rTol·|x|. */
export function tolAt(o: ResolvedRootOptions, x: number): number {
  return o.xTol + o.rTol * Math.abs(x);
}

/** True when a and b are strictly of opposite sign. */
export function oppositeSigns(a: number, b: number): boolean {
  return (a < 0 && b > 0) || (a > 0 && b < 0);
}
