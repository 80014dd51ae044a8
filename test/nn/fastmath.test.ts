import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { tanh32 } from '../../src/nn/compile/fastmath.js';

describe('float32 elementary functions', () => {
  it('tanh32 is within float32 rounding of tanh: 1e-7 absolute, 2.5e-7 relative', () => {
    fc.assert(fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (x) => {
      const e = Math.abs(tanh32(x) - Math.tanh(x));
      expect(e).toBeLessThanOrEqual(1e-7);
      expect(e).toBeLessThanOrEqual(2.5e-7 * Math.abs(Math.tanh(x)) + 1e-300);
    }), { numRuns: 2000 });
  });
  it('tanh32 is odd, saturates at ±1 and keeps NaN and tiny arguments', () => {
    for (const x of [0.1, 1, 3, 8.99]) expect(tanh32(-x)).toBe(-tanh32(x));
    expect(tanh32(Infinity)).toBe(1);
    expect(tanh32(-1e300)).toBe(-1);
    expect(tanh32(NaN)).toBeNaN();
    expect(Math.abs(tanh32(1e-30) - 1e-30)).toBeLessThan(1e-36);
  });
});
