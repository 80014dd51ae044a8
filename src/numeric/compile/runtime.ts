/**
 * The runtime object `rt` that generated kernels receive: the helpers the operator table spells `rt.…`
 * (functions that `Math` lacks), plus `xlogy`, which gradients need. Its prototype is null and it is frozen, so a
 * kernel can reach nothing else through it.
 *
 * Each helper *is* the operator table's `eval` function for its row (not a second implementation), so kernels,
 * the closure interpreter and `evaluate` compute the same bits by construction. A second implementation of the
 * same function would make compiled kernels disagree with `evaluate` in the last bits, which the property tests
 * of the compiler catch.
 */
import { FUNCTIONS, SPELLING_FUNCTIONS } from '../../ast/ops.js';

type Fn = (...args: number[]) => number;

function makeRuntime(): Readonly<Record<string, Fn>> {
  const rt = Object.create(null) as Record<string, Fn>;
  for (const row of [...FUNCTIONS.values(), ...SPELLING_FUNCTIONS.values()]) {
    if (!row.js.startsWith('rt.')) continue;
    const member = row.js.slice(3);
    const had = rt[member];
    if (had !== undefined && had !== row.eval) throw new Error(`two operator-table rows spell different functions as ${row.js}`);
    rt[member] = row.eval;
  }
  // x·ln y with 0·ln 0 = 0 (the convention of scipy.special.xlogy): ∂(a^p)/∂p = a^p ln a vanishes where a^p = 0.
  rt.xlogy = (x, y) => (x === 0 && !Number.isNaN(y) ? 0 : x * Math.log(y));
  return Object.freeze(rt);
}

export const rt = makeRuntime();
