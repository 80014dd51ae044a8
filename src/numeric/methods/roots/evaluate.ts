import { NonFiniteValueError } from '../errors.js';
import type { RealFunction } from './types.js';

/** Evaluate f at x, counting the call and rejecting NaN (±∞ is allowed: it still has a sign). */
export function counted(f: RealFunction): { call: (x: number) => number; count: () => number } {
  let n = 0;
  return {
    call(x: number): number {
      n++;
      const y = f(x);
      if (Number.isNaN(y) || typeof y !== 'number') throw new NonFiniteValueError('f', x, y);
      return y;
    },
    count: () => n,
  };
}
