import { InvalidArgumentError, NumericError, requireFinite, requireInteger, requirePositive } from '../errors.js';
import { oppositeSigns, type RealFunction } from './types.js';

/** A sign-change interval: f(a) and f(b) have opposite signs (or one of them is 0). */
export interface Bracket {
  a: number;
  b: number;
  fa: number;
  fb: number;
}

export interface FindBracketOptions {
  /** Initial half-width around x0 (default max(1e-2, 0.1·|x0|)). */
  step?: number;
  /** Growth factor of the interval at each expansion (default 1.6, the golden ratio rounded). */
  factor?: number;
  /** Maximum number of expansions before giving up (default 60). */
  maxExpansions?: number;
}

/**
 * Find an interval with a sign change by geometric expansion outward from x0:
 * start with [x0 − step, x0 + step] and push the endpoint whose |f| is
 * smaller outward by `factor` times the current width (the downhill
 * expansion of Press et al., 1992, "Numerical Recipes", §9.1, zbrac).
 * Throws NumericError when no sign change appears within maxExpansions.
 */
export function findBracket(f: RealFunction, x0: number, opts?: FindBracketOptions): Bracket {
  requireFinite('x0', x0);
  const step = opts?.step ?? Math.max(1e-2, 0.1 * Math.abs(x0));
  const factor = opts?.factor ?? 1.6;
  const maxExpansions = opts?.maxExpansions ?? 60;
  requirePositive('step', step);
  if (!(factor > 1) || !Number.isFinite(factor)) throw new InvalidArgumentError(`factor must be > 1, got ${factor}`);
  requireInteger('maxExpansions', maxExpansions, 1);
  let a = x0 - step;
  let b = x0 + step;
  let fa = f(a);
  let fb = f(b);
  for (let k = 0; k <= maxExpansions; k++) {
    if (Number.isNaN(fa) || Number.isNaN(fb)) {
      throw new NumericError(`findBracket: f is NaN at ${Number.isNaN(fa) ? a : b} while expanding from ${x0}`);
    }
    if (fa === 0 || fb === 0 || oppositeSigns(fa, fb)) return { a, b, fa, fb };
    if (k === maxExpansions) break;
    if (Math.abs(fa) < Math.abs(fb)) {
      a -= factor * (b - a);
      fa = f(a);
    } else {
      b += factor * (b - a);
      fb = f(b);
    }
    if (!Number.isFinite(a) || !Number.isFinite(b)) break;
  }
  throw new NumericError(
    `findBracket: no sign change found expanding from x0 = ${x0} out to [${a}, ${b}] ` +
      `(f = ${fa} and ${fb}); f may have no real root, or only roots of even multiplicity`,
  );
}

/**
 * Scan [a, b] on n equal subintervals and return every subinterval where f
 * changes sign (zeros at grid points are returned as degenerate brackets
 * a = b). Roots closer together than (b − a)/n may be missed, and so are
 * roots of even multiplicity: the scan only sees sign changes.
 */
export function scanBrackets(f: RealFunction, a: number, b: number, n = 100): Bracket[] {
  requireFinite('a', a);
  requireFinite('b', b);
  if (!(b > a)) throw new InvalidArgumentError(`scanBrackets needs a < b, got [${a}, ${b}]`);
  requireInteger('n', n, 1);
  const out: Bracket[] = [];
  let x0 = a;
  let f0 = f(a);
  if (f0 === 0) out.push({ a, b: a, fa: 0, fb: 0 });
  for (let i = 1; i <= n; i++) {
    const x1 = i === n ? b : a + ((b - a) * i) / n;
    const f1 = f(x1);
    if (f1 === 0) out.push({ a: x1, b: x1, fa: 0, fb: 0 });
    else if (oppositeSigns(f0, f1)) out.push({ a: x0, b: x1, fa: f0, fb: f1 });
    x0 = x1;
    f0 = f1;
  }
  return out;
}
