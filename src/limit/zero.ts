/**
 * Is a series coefficient zero? A coefficient is an expression in constants, parameters and log t. A wrong
 * "zero" drops a term (exp(−30) is tiny, not zero), so the test never uses an absolute tolerance: a value is
 * compared with the size of the terms it is made of, and a closed constant that looks like a cancellation in
 * double precision is settled by the arbitrary-precision evaluator.
 */
import { type Expr, ZERO, isNumber, numberValue } from '../ast/expr.js';
import { evaluate } from '../eval/evaluate.js';
import { bigDigits } from '../eval/n-big.js';
import { freeSymbols } from '../eval/n.js';
import { expand, simplify } from '../simplify/index.js';
import { checkBudget } from './budget.js';

const PROBES = [0.7123, -1.3817, 2.4391, 0.3167];

/** Values for the free symbols of `c` (parameters and log t), different for each probe index. */
function envFor(c: Expr, probe: number): Record<string, number> {
  const env: Record<string, number> = {};
  freeSymbols(c).forEach((s, i) => {
    env[s] = PROBES[(i + probe) % PROBES.length]! * (1 + 0.37 * probe);
  });
  return env;
}

/** The size of the terms an expression adds up: |a| + |b| for a + b, products of sizes for a product. */
function scale(c: Expr, env: Record<string, number>): number {
  if (c.kind === 'add') return c.args.reduce((s, a) => s + scale(a, env), 0);
  if (c.kind === 'mul') return c.args.reduce((s, a) => s * scale(a, env), 1);
  return Math.abs(evaluate(c, env));
}

/** Relative size |value| / |terms| at one probe; NaN where the coefficient cannot be evaluated there. */
function relativeSize(c: Expr, probe: number): number {
  try {
    const env = envFor(c, probe);
    const v = Math.abs(evaluate(c, env));
    if (v === 0) return 0;
    const s = scale(c, env);
    return Number.isFinite(s) && s > 0 ? v / s : NaN;
  } catch {
    return NaN;
  }
}

/** log10 |value| of a closed constant at high precision, −Infinity for an exact 0, undefined when unknown. */
function log10Big(c: Expr, digits: number): number | undefined {
  let s: string;
  try {
    s = bigDigits(c, digits);
  } catch {
    return undefined;
  }
  const m = /^-?(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/.exec(s.trim());
  if (m === null) return undefined;
  const mant = `${m[1]}${m[2] ?? ''}`;
  const firstNonZero = mant.search(/[1-9]/);
  if (firstNonZero < 0) return -Infinity;
  const intLen = m[1]!.length;
  return Number(m[3] ?? 0) + intLen - 1 - firstNonZero;
}

/** log10 of the size of the terms of a closed constant, computed at high precision (no underflow). */
function log10Scale(c: Expr, digits: number): number | undefined {
  if (c.kind === 'add') {
    const parts = c.args.map((a) => log10Scale(a, digits));
    if (parts.some((p) => p === undefined)) return undefined;
    return Math.max(...(parts as number[]));
  }
  if (c.kind === 'mul') {
    let s = 0;
    for (const a of c.args) {
      const p = log10Scale(a, digits);
      if (p === undefined) return undefined;
      s += p;
    }
    return s;
  }
  return log10Big(c, digits);
}

/** Is a coefficient zero? Exact when it folds or simplifies to 0; otherwise judged relative to its terms. */
export function isZeroCoef(c: Expr): boolean {
  checkBudget();
  if (isNumber(c)) return numberValue(c) === 0;
  const closed = freeSymbols(c).length === 0;
  const r0 = relativeSize(c, 0);
  if (r0 > 1e-9) return false;
  try {
    if (simplify(expand(c)) === ZERO) return true;
  } catch {
    // fall through to the numeric verdict
  }
  if (closed) {
    // A constant that cancels (or underflows) in double precision: decide at 60 digits relative to its terms.
    const v = log10Big(c, 60);
    const s = log10Scale(c, 60);
    if (v === undefined || s === undefined) return false;
    return v === -Infinity || v < s - 50;
  }
  const probes = [r0, relativeSize(c, 1), relativeSize(c, 2)];
  return probes.every((r) => Number.isFinite(r) && r < 1e-12);
}
