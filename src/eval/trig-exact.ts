/**
 * Exact sine, cosine and tangent at every rational multiple of π whose reduced angle is a multiple of π/6 or π/4:
 * sin(qπ) is brought to q ∈ [0, 1/2] by periodicity (period 2), sin((1 + q)π) = −sin(qπ) and sin((1 − q)π) =
 * sin(qπ); cos(qπ) = sin((q + 1/2)π); tan = sin/cos where cos ≠ 0. So cos(3π/2) is 0, sin(−7π/6) is 1/2.
 */
import { type Expr, type Num, HALF, PI, ZERO, div, int, isNum, neg, pow } from '../ast/expr.js';
import { type Rational, rat, radd, rsub, rcmp } from '../ast/rational.js';

/** q when `e` is q·π with q rational (π itself is 1·π), else undefined. */
function piMultiple(e: Expr): Rational | undefined {
  if (e === PI) return [1n, 1n];
  if (e === ZERO) return [0n, 1n];
  if (e.kind === 'mul' && e.args.length === 2 && isNum(e.args[0]!) && e.args[1] === PI) return (e.args[0] as Num).value;
  return undefined;
}

/** q mod 2, in [0, 2). */
function mod2(q: Rational): Rational {
  const [n, d] = q;
  const period = 2n * d;
  let r = n % period;
  if (r < 0n) r += period;
  return rat(r, d);
}

const SQRT = (k: number): Expr => pow(int(k), HALF);

/** sin(qπ) for q ∈ [0, 1/2] on the table, else undefined. */
function sinFirstQuadrant(q: Rational): Expr | undefined {
  const key = `${q[0]}/${q[1]}`;
  switch (key) {
    case '0/1': return ZERO;
    case '1/6': return HALF;
    case '1/4': return div(SQRT(2), int(2));
    case '1/3': return div(SQRT(3), int(2));
    case '1/2': return int(1);
    default: return undefined;
  }
}

function sinPi(q0: Rational): Expr | undefined {
  let q = mod2(q0);
  let sign = 1;
  if (rcmp(q, [1n, 1n]) >= 0) {
    q = rsub(q, [1n, 1n]);
    sign = -1;
  }
  if (rcmp(q, HALF.value) > 0) q = rsub([1n, 1n], q);
  const v = sinFirstQuadrant(q);
  return v === undefined ? undefined : sign < 0 ? neg(v) : v;
}

/** The exact value of sin, cos or tan at a rational multiple of π on the table, or undefined. */
export function trigAtPiMultiple(fn: string, arg: Expr): Expr | undefined {
  if (fn !== 'sin' && fn !== 'cos' && fn !== 'tan') return undefined;
  const q = piMultiple(arg);
  if (q === undefined) return undefined;
  if (fn === 'sin') return sinPi(q);
  const c = sinPi(radd(q, HALF.value));
  if (fn === 'cos') return c;
  // tan has period 1 and tan((1 − q)π) = −tan(qπ).
  let r = mod2(q);
  if (rcmp(r, [1n, 1n]) >= 0) r = rsub(r, [1n, 1n]);
  const flip = rcmp(r, HALF.value) > 0;
  if (flip) r = rsub([1n, 1n], r);
  const key = `${r[0]}/${r[1]}`;
  const t = key === '0/1' ? ZERO : key === '1/6' ? div(SQRT(3), int(3)) : key === '1/4' ? int(1) : key === '1/3' ? SQRT(3) : undefined;
  return t === undefined ? undefined : flip ? neg(t) : t;
}
