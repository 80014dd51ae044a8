/** Exact values of sin, cos and tan at rational multiples of π with denominator 1, 2, 3, 4, 6 or 12; shifts by π/2. */
import { type Expr, PI, add, call, frac, int, isNum, mul, pow, num, ZERO } from '../ast/expr.js';

/** q with x = q·π for a rational q, or undefined. */
function piMultiple(x: Expr): readonly [bigint, bigint] | undefined {
  if (x === PI) return [1n, 1n];
  if (x.kind === 'mul' && x.args.length === 2 && isNum(x.args[0]!) && x.args[1] === PI) return x.args[0].value;
  if (x === ZERO) return [0n, 1n];
  return undefined;
}

const sqrt = (n: number): Expr => pow(int(n), frac(1, 2));

/** sin(kπ/12) for k = 0..6: sin(π/12) = (√6 − √2)/4 and sin(5π/12) = (√6 + √2)/4 by the difference formulas. */
function sinOfTwelfths(k: number): Expr | undefined {
  switch (k) {
    case 0: return int(0);
    case 1: return mul(frac(1, 4), add(sqrt(6), mul(int(-1), sqrt(2))));
    case 5: return mul(frac(1, 4), add(sqrt(6), sqrt(2)));
    case 2: return frac(1, 2);
    case 3: return mul(frac(1, 2), sqrt(2));
    case 4: return mul(frac(1, 2), sqrt(3));
    case 6: return int(1);
    default: return undefined;
  }
}

export function specialTrigValue(fn: string, x: Expr): Expr | undefined {
  const q = piMultiple(x);
  if (q === undefined || 12n % q[1] !== 0n) return undefined;
  // Angle in twelfths of π, reduced to [0, 24).
  const k = Number(((q[0] * (12n / q[1])) % 24n + 24n) % 24n);
  const sinAt = (t: number): Expr | undefined => {
    t = ((t % 24) + 24) % 24;
    const sgn = t >= 12 ? -1 : 1;
    if (t >= 12) t -= 12;
    const s = sinOfTwelfths(t <= 6 ? t : 12 - t);
    return s === undefined ? undefined : mul(num(sgn), s);
  };
  if (fn === 'sin') return sinAt(k);
  if (fn === 'cos') return sinAt(k + 6);
  const s = sinAt(k);
  const c = sinAt(k + 6);
  if (s === undefined || c === undefined || c === ZERO) return undefined;
  return mul(s, pow(c, int(-1)));
}

/**
 * sin, cos and tan of u + qπ with q a multiple of 1/2, through the shift identities:
 * sin(u + π/2) = cos(u), cos(u + π/2) = −sin(u), tan(u + π/2) = −cot(u), and period π for tan (2π for sin, cos).
 */
export function shiftedTrig(fn: string, x: Expr): Expr | undefined {
  if (x.kind !== 'add') return undefined;
  const shift = x.args.find((t) => piMultiple(t) !== undefined);
  if (shift === undefined) return undefined;
  const q = piMultiple(shift)!;
  if (2n % q[1] !== 0n) return undefined;
  const u = add(...x.args.filter((t) => t !== shift));
  const halves = Number((((q[0] * (2n / q[1])) % 4n) + 4n) % 4n); // the shift in quarter turns, 0..3
  if (fn === 'tan') return halves % 2 === 0 ? call('tan', [u]) : mul(int(-1), call('cot', [u]));
  const sinU = call('sin', [u]);
  const cosU = call('cos', [u]);
  // (cos, sin) of u + k·π/2 rotate by a quarter turn for each k.
  const table: [Expr, Expr][] = [[cosU, sinU], [mul(int(-1), sinU), cosU], [mul(int(-1), cosU), mul(int(-1), sinU)], [sinU, mul(int(-1), cosU)]];
  const [c, s] = table[halves]!;
  return fn === 'cos' ? c : fn === 'sin' ? s : undefined;
}
