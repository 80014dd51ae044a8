/** Numeric references for derivative tests: central differences with Richardson extrapolation. */
import type { Expr } from '../../src/ast/expr.js';
import { evaluate } from '../../src/eval/evaluate.js';

export type Env = Record<string, number>;

/**
 * f'(x0) by central differences D(h) = (f(x0 + h) - f(x0 - h)) / 2h at h, h/2, h/4, extrapolated twice
 * (Richardson, 1911): error O(h^6) for smooth f. Returns undefined where f cannot be evaluated, is huge, or the
 * two extrapolations disagree (a kink or jump nearby: abs, floor, sign, min, max).
 */
export function numericDerivative(f: Expr, x: string, env: Env, h0 = 1e-2): number | undefined {
  const x0 = env[x]!;
  const h = h0 * Math.max(1, Math.abs(x0));
  const at = (t: number): number => evaluate(f, { ...env, [x]: t });
  try {
    const f0 = at(x0);
    if (!Number.isFinite(f0) || Math.abs(f0) > 1e6) return undefined;
    const d = (s: number): number => (at(x0 + s) - at(x0 - s)) / (2 * s);
    const [d1, d2, d3] = [d(h), d(h / 2), d(h / 4)];
    const r1 = (4 * d2 - d1) / 3;
    const r2 = (4 * d3 - d2) / 3;
    const r = (16 * r2 - r1) / 15;
    if (![d1, d2, d3, r].every(Number.isFinite) || Math.abs(r) > 1e6) return undefined;
    const scale = Math.max(1, Math.abs(r), Math.abs(f0));
    if (Math.abs(r1 - r2) > 1e-5 * scale || Math.abs(d1 - d3) > 0.5 * scale) return undefined;
    // One-sided differences disagree at a kink even where the central ones are symmetric (abs at 0).
    const s = h / 4;
    if (Math.abs((at(x0 + s) - f0) / s - (f0 - at(x0 - s)) / s) > 0.05 * scale) return undefined;
    return r;
  } catch {
    return undefined;
  }
}

/** evaluate, or undefined where it throws. */
export function tryEvaluate(e: Expr, env: Env): number | undefined {
  try {
    const v = evaluate(e, env);
    // An undefined value (the constant nan, from 0/0 or inf - inf) is no value to compare.
    return Number.isNaN(v) ? undefined : v;
  } catch {
    return undefined;
  }
}
