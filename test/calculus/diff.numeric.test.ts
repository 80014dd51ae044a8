import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { exprArb, SYMBOLS, RUNS } from '../arbitrary.js';
import { type Expr, children, sym } from '../../src/ast/expr.js';
import { diff } from '../../src/diff/index.js';
import { text } from '../../src/render/text.js';
import { numericDerivative, tryEvaluate, type Env } from './numeric.js';

const hasD = (e: Expr): boolean => (e.kind === 'call' && e.fn === 'D') || children(e).some(hasD);

/** Coordinates of magnitude 0.1 to 3: far enough from 0 that a pole or kink at 0 stays outside the difference stencil. */
export const coordinate = fc.tuple(fc.boolean(), fc.double({ min: 0.1, max: 3, noNaN: true })).map(([neg, v]) => (neg ? -v : v));
const pointArb = fc.record(Object.fromEntries(SYMBOLS.map((s) => [s, coordinate])) as Record<string, fc.Arbitrary<number>>);

describe('diff agrees with Richardson-extrapolated central differences', () => {
  it(`on generated expressions over the whole operator table (${RUNS} runs)`, () => {
    const tally = { checked: 0, skipped: 0, unevaluated: 0, derivativeUndefined: 0 };
    fc.assert(fc.property(exprArb(3), fc.constantFrom(...SYMBOLS), pointArb, (f, x, env: Env) => {
      const d = diff(f, sym(x));
      if (hasD(d)) {
        tally.unevaluated++;
        return;
      }
      const ref = numericDerivative(f, x, env);
      if (ref === undefined) {
        tally.skipped++;
        return;
      }
      const got = tryEvaluate(d, env);
      if (got === undefined) {
        // Possible only through rounding: (negative)^tanh(-56) evaluates because tanh(-56) rounds to -1, while
        // the derivative's log(negative) does not. Kept rare by the check below.
        tally.derivativeUndefined++;
        return;
      }
      const scale = Math.max(1, Math.abs(ref), Math.abs(tryEvaluate(f, env) ?? 0));
      expect(Math.abs(got! - ref), `d/d${x} ${text(f)} = ${text(d)} at ${JSON.stringify(env)}: ${got} vs ${ref}`).toBeLessThan(1e-6 * scale);
      tally.checked++;
    }), { numRuns: RUNS });
    // The comparison must actually have happened on most inputs.
    expect(tally.checked).toBeGreaterThan(RUNS * 0.4);
    expect(tally.derivativeUndefined).toBeLessThan(RUNS * 0.01);
    console.log('diff vs finite differences:', tally);
  });
});
