/**
 * `N(e, digits)` beyond double precision: closed subexpressions are evaluated in arbitrary-precision binary
 * floating point (src/numeric/bigfloat) with guard bits, and again with more guard bits until the requested
 * digits agree (Ziv's strategy applied to the whole expression), so every printed digit is correct.
 */
import { type Expr } from '../ast/expr.js';
import { LimitError } from '../ast/limits.js';
import * as B from '../numeric/bigfloat/index.js';
import { erf, erfc } from '../numeric/bigfloat/erf.js';
import { gamma } from '../numeric/bigfloat/gamma.js';
import { text } from '../render/text.js';
import { EvalError } from './errors.js';

type BF = B.BigFloat;

export const MAX_DIGITS = 10_000;

const unaryRows: Record<string, (x: BF, p: number) => BF> = {
  sin: B.sin, cos: B.cos, tan: B.tan, asin: B.asin, acos: B.acos, atan: B.atan,
  sinh: B.sinh, cosh: B.cosh, tanh: B.tanh, asinh: B.asinh, acosh: B.acosh, atanh: B.atanh,
  exp: B.exp, erf, gamma,
  cot: (x, p) => B.BigFloat.ONE.div(B.tan(x, p + 8), p),
  sec: (x, p) => B.BigFloat.ONE.div(B.cos(x, p + 8), p),
  csc: (x, p) => B.BigFloat.ONE.div(B.sin(x, p + 8), p),
  abs: (x) => x.abs(),
  cbrt: (x, p) => (x.sign() < 0 ? B.cbrt(x.neg(), p).neg() : B.cbrt(x, p)),
  factorial: (x, p) => gamma(x.add(B.BigFloat.ONE), p),
};
// Without a prototype: a function a user named `constructor` finds no row.
const unary: Record<string, (x: BF, p: number) => BF> = Object.assign(Object.create(null) as Record<string, (x: BF, p: number) => BF>, unaryRows);
void erfc;

/** The value of a closed expression at p bits of working precision (no retry; see bigDigits for correct digits). */
export function bigValue(e: Expr, p: number, memo: Map<Expr, BF>): BF {
  const hit = memo.get(e);
  if (hit !== undefined) return hit;
  const go = (x: Expr): BF => bigValue(x, p, memo);
  let v: BF;
  switch (e.kind) {
    case 'num': v = B.BigFloat.fromRational(e.value[0], e.value[1], p); break;
    // A double stands for the decimal it prints as (36288000.8 is 36288000.8, not its binary neighbour), as typed.
    case 'float': v = B.BigFloat.fromString(e.decimal ?? String(e.value), p); break;
    case 'sym':
      if (e.name === 'pi') v = B.pi(p);
      else if (e.name === 'e') v = B.e(p);
      else throw new EvalError(`'${e.name}' has no numeric value`);
      break;
    case 'add': v = e.args.map(go).reduce((a, b) => a.add(b, p)); break;
    case 'mul': v = e.args.map(go).reduce((a, b) => a.mul(b, p)); break;
    case 'pow': {
      const b = go(e.base);
      const x = e.exp;
      if (x.kind === 'num' && x.value[1] === 1n) {
        const k = x.value[0] < 0n ? -x.value[0] : x.value[0];
        let r = B.BigFloat.ONE;
        let sq = b;
        for (let m = k; m > 0n; m >>= 1n) {
          if (m & 1n) r = r.mul(sq, p);
          if (m > 1n) sq = sq.mul(sq, p);
        }
        if (x.value[0] < 0n) {
          if (r.isZero()) throw new EvalError(`division by zero in ${text(e)}`);
          r = B.BigFloat.ONE.div(r, p);
        }
        v = r;
      } else if (b.sign() < 0) {
        // One convention everywhere: b^(p/q) is the principal power, complex for b < 0 (as SymPy); cbrt is the real root.
        throw new EvalError(`${text(e)}: a negative number to a fractional power is not a real number (the principal root is complex; cbrt(x) gives the real cube root)`);
      } else if (x.kind === 'num' && x.value[0] === 1n && x.value[1] <= 1000n) {
        v = x.value[1] === 2n ? b.sqrt(p) : B.root(b, Number(x.value[1]), p);
      } else v = B.pow(b, go(x), p);
      break;
    }
    case 'call': {
      const args = e.args.map(go);
      const f = unary[e.fn];
      if (f !== undefined && args.length === 1) v = f(args[0]!, p);
      else if (e.fn === 'log') v = args.length === 1 ? B.log(args[0]!, p) : B.log(args[0]!, p + 16).div(B.log(args[1]!, p + 16), p);
      else if (e.fn === 'atan2') v = B.atan2(args[0]!, args[1]!, p);
      else if (e.fn === 'min' || e.fn === 'max') v = args.reduce((a, b) => ((a.cmp(b) < 0) === (e.fn === 'min') ? a : b));
      else if (e.fn === 'sign') v = B.BigFloat.fromBigInt(BigInt(args[0]!.sign()));
      else throw new EvalError(`N with more than 17 digits does not know ${e.fn} yet`);
      break;
    }
    default: throw new EvalError(`${text(e)} has no numeric value`);
  }
  memo.set(e, v);
  return v;
}

/**
 * `digits` correct significant digits of a closed expression, as decimal text. When the digits never settle
 * (the value is 0, or too close to 0 for the precision tried) `N` says so (`strict`); callers that only compare
 * a value with zero get the last, tiny approximation instead.
 */
export function bigDigits(e: Expr, digits: number, strict = false): string {
  if (digits > MAX_DIGITS) throw new LimitError(`N(…, ${digits}): at most ${MAX_DIGITS.toLocaleString('en')} digits`);
  const bits = Math.ceil(digits * 3.3219280948873626);
  let guard = 32;
  let previous: string | undefined;
  for (let attempt = 0; attempt < 8; attempt++) {
    let s: string;
    try {
      s = bigValue(e, bits + guard, new Map()).toString(digits);
    } catch (err) {
      if (err instanceof B.BigFloatError) throw new EvalError(`${err.message}, in ${text(e)}`);
      throw err;
    }
    // A zero from cancellation is only believed once it survives a wide margin of guard bits.
    if (s === previous && (!/^-?0(\.0*)?$/.test(s) || guard >= 512)) return s;
    previous = s;
    guard *= 2;
  }
  // The digits never settled: the value is 0 or too close to 0 for the precision tried; no digit is claimed.
  if (!strict) return previous!;
  throw new EvalError(`N(…, ${digits}): the digits of ${text(e)} did not settle (is the value 0?)`);
}

/** The value of a closed expression in `bits`-bit arithmetic, without the digit-by-digit guarantee of bigDigits. */
export function bigApprox(e: Expr, bits: number): BF {
  try {
    return bigValue(e, bits, new Map());
  } catch (err) {
    if (err instanceof B.BigFloatError) throw new EvalError(`${err.message}, in ${text(e)}`);
    throw err;
  }
}
