/**
 * Exact evaluation of exact input: functions whose value is exactly known are applied (`5! = 120`,
 * `abs(-3/4) = 3/4`, `floor(7/2) = 3`, `sin(0) = 0`, `log(1) = 0`), everything else stays symbolic.
 * Results too large to build are a `LimitError` that says so and suggests `N(…)`.
 */
import {
  type Expr, type Num, ONE, ZERO, HALF, PI, I, MINUS_ONE, add, call, children, float, int, isNum, isNumber, mul, num, numOf, pow, withChildren,
} from '../ast/expr.js';
import { LIMITS, LimitError } from '../ast/limits.js';
import { type Rational, rat, rcmp, rdiv, rmul, rneg, rsub, bitLength, iroot } from '../ast/rational.js';
import { EvalError } from './errors.js';
import { evaluate } from './evaluate.js';
import { FUNCTIONS } from '../ast/ops.js';
import { text } from '../render/text.js';
import { parse } from '../parse/parse.js';
import { nodes } from '../ast/walk.js';
import { trigAtPiMultiple } from './trig-exact.js';

const digitsOf = (bits: number): string => Math.ceil(bits * 0.30102999566398120).toLocaleString('en');

function exactFactorial(n: bigint): bigint {
  // Product of a range by halving, so the big multiplications are balanced.
  const range = (lo: bigint, hi: bigint): bigint => {
    if (hi - lo < 8n) {
      let p = 1n;
      for (let k = lo; k <= hi; k++) p *= k;
      return p;
    }
    const mid = (lo + hi) / 2n;
    return range(lo, mid) * range(mid + 1n, hi);
  };
  return n < 2n ? 1n : range(2n, n);
}

/** Bernoulli number B_n (B₁ = −1/2) by the Akiyama–Tanigawa algorithm over exact rationals. */
function bernoulli(n: number): Rational {
  const a: Rational[] = [];
  for (let m = 0; m <= n; m++) {
    a[m] = rat(1n, BigInt(m + 1));
    for (let j = m; j >= 1; j--) a[j - 1] = rmul(rat(BigInt(j)), rsub(a[j - 1]!, a[j]!));
  }
  return n === 1 ? rat(-1n, 2n) : a[0]!;
}

const floorDiv = (a: bigint, b: bigint): bigint => {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
};

/**
 * Exact values of trigonometric functions at rational multiples of π with small denominators, and of their inverses
 * at the matching values: the special values a person expects to see (`atan(1) = pi/4`, `cos(pi) = -1`).
 */
const SPECIAL: ReadonlyMap<string, string> = new Map([
  ['sin(pi)', '0'], ['cos(pi)', '-1'], ['tan(pi)', '0'], ['sin(pi/2)', '1'], ['cos(pi/2)', '0'],
  ['sin(pi/6)', '1/2'], ['cos(pi/3)', '1/2'], ['sin(pi/4)', 'sqrt(2)/2'], ['cos(pi/4)', 'sqrt(2)/2'],
  ['sin(pi/3)', 'sqrt(3)/2'], ['cos(pi/6)', 'sqrt(3)/2'], ['tan(pi/4)', '1'], ['tan(pi/6)', 'sqrt(3)/3'],
  ['tan(pi/3)', 'sqrt(3)'], ['cos(2pi)', '1'], ['sin(2pi)', '0'],
  ['atan(1)', 'pi/4'], ['atan(-1)', '-pi/4'], ['atan(sqrt(3))', 'pi/3'], ['atan(sqrt(3)/3)', 'pi/6'],
  ['asin(1)', 'pi/2'], ['asin(-1)', '-pi/2'], ['asin(1/2)', 'pi/6'], ['asin(-1/2)', '-pi/6'],
  ['acos(0)', 'pi/2'], ['acos(-1)', 'pi'], ['acos(1/2)', 'pi/3'], ['acos(-1/2)', '2pi/3'],
  ['log(e)', '1'],
]);
let specialTable: Map<Expr, Expr> | undefined;
function special(e: Expr): Expr | undefined {
  // Parsed on first use, once.
  if (specialTable === undefined) specialTable = new Map([...SPECIAL].map(([k, v]) => [parse(k), parse(v)]));
  return specialTable.get(e);
}

/**
 * log(a, b) for positive rationals that are powers of one base: log(32768, 8) = 5, log(1/9, 27) = −2/3.
 * a = c^m and b = c^n with c the smallest such base, so the value is m/n.
 */
function logOfPowers(a: Rational, b: Rational): Expr | undefined {
  if (a[0] <= 0n || b[0] <= 0n || (b[0] === 1n && b[1] === 1n)) return undefined;
  const root = (r: Rational): [Rational, bigint] => {
    const up = r[0] < r[1] ? rat(r[1], r[0]) : r;
    const sign = r[0] < r[1] ? -1n : 1n;
    if (up[0] === 1n && up[1] === 1n) return [up, 0n];
    const bits = Math.max(bitLength(up[0]), 2);
    for (let k = bits; k >= 2; k--) {
      const n = iroot(up[0], BigInt(k));
      const d = iroot(up[1], BigInt(k));
      if (n !== undefined && d !== undefined) {
        const [c, j] = root(rat(n, d));
        return [c, sign * j * BigInt(k)];
      }
    }
    return [up, sign];
  };
  const [ca, ma] = root(a);
  const [cb, mb] = root(b);
  if (ma === 0n) return ZERO;
  if (ca[0] !== cb[0] || ca[1] !== cb[1]) return undefined;
  return numOf(rat(ma, mb));
}

/** exp(q·π·i) for rational q = cos(qπ) + i·sin(qπ) where those are known exactly (Euler): exp(i π) = −1. */
function expOfImaginaryPi(x: Expr): Expr | undefined {
  if (x.kind !== 'mul') return undefined;
  const rest = x.args.filter((f) => f !== I && f !== PI && !isNum(f));
  if (rest.length > 0 || !x.args.includes(I) || !x.args.includes(PI) || x.args.length > 3) return undefined;
  const q = x.args.find(isNum)?.value ?? rat(1n);
  if (![1n, 2n, 3n, 4n, 6n].includes(q[1])) return undefined;
  // Reduce q to (−1, 1] so the special-value table applies; the angle is qπ.
  const two = 2n * q[1];
  const m = ((q[0] % two) + two) % two;
  const r = rat(m > q[1] ? m - two : m, q[1]);
  const angle = mul(numOf(r), PI);
  const c = special(call('cos', [angle])) ?? exactCall('cos', [angle]) ?? trigBy(r, 'cos');
  const s = special(call('sin', [angle])) ?? exactCall('sin', [angle]) ?? trigBy(r, 'sin');
  if (c === undefined || s === undefined) return undefined;
  return add(c, mul(s, I));
}

/** cos and sin of rπ for r in (−1, 1] through the table's first-quadrant values and symmetry. */
function trigBy(r: Rational, f: 'cos' | 'sin'): Expr | undefined {
  const neg = r[0] < 0n;
  const a = neg ? rat(-r[0], r[1]) : r; // in [0, 1]
  const over = a[0] * 2n > a[1]; // past π/2
  const b = over ? rat(a[1] - a[0], a[1]) : a; // π − angle for the second quadrant
  const v = special(call(f, [mul(numOf(b), PI)])) ?? (b[0] === 0n ? (f === 'cos' ? ONE : ZERO) : undefined);
  if (v === undefined) return undefined;
  const sgn = (f === 'cos' && over ? -1 : 1) * (f === 'sin' && neg ? -1 : 1);
  return sgn < 0 ? mul(MINUS_ONE, v) : v;
}

/** Exact values a function takes on exact arguments, or undefined when none is known. */
function exactCall(fn: string, args: readonly Expr[]): Expr | undefined {
  const nums = args.every(isNum) ? (args as Num[]).map((a) => a.value) : undefined;
  const a0 = args[0];
  if (fn === 'cbrt' && nums !== undefined) {
    // The real cube root of a rational, when it is rational: cbrt(-27/8) = -3/2.
    const [n, d] = nums[0]!;
    const r = pow(numOf([n < 0n ? -n : n, d]), numOf([1n, 3n]));
    return r.kind === 'num' ? (n < 0n ? mul(num(-1), r) : r) : undefined;
  }
  switch (fn) {
    case 'factorial': {
      if (nums === undefined || nums[0]![1] !== 1n) return undefined;
      const n = nums[0]![0];
      if (n < 0n) return undefined;
      if (n > BigInt(LIMITS.maxExactFactorial)) {
        throw new LimitError(`${n}! is too large to compute exactly (the limit is ${LIMITS.maxExactFactorial.toLocaleString('en')}!)`);
      }
      return num(exactFactorial(n));
    }
    case 'abs': return nums ? numOf([nums[0]![0] < 0n ? -nums[0]![0] : nums[0]![0], nums[0]![1]]) : undefined;
    case 'sign': return nums ? int(nums[0]![0] > 0n ? 1 : nums[0]![0] < 0n ? -1 : 0) : undefined;
    case 'floor': return nums ? num(floorDiv(nums[0]![0], nums[0]![1])) : undefined;
    case 'ceil': return nums ? num(-floorDiv(-nums[0]![0], nums[0]![1])) : undefined;
    case 'min': case 'max': {
      if (nums === undefined) return undefined;
      let best = 0;
      for (let k = 1; k < nums.length; k++) {
        const c = rcmp(nums[k]!, nums[best]!);
        if (fn === 'min' ? c < 0 : c > 0) best = k;
      }
      return args[best];
    }
    case 'gamma':
      if (nums && nums[0]![1] === 1n && nums[0]![0] > 0n) return exactCall('factorial', [num(nums[0]![0] - 1n)]);
      if (nums && nums[0]![1] === 2n && nums[0]![0] > -200n && nums[0]![0] < 200n) {
        // Γ(n + 1/2) = (2n)! √π / (4ⁿ n!) for n ≥ 0, and Γ(1/2 − n) = (−4)ⁿ n! √π / (2n)! below.
        const twice = nums[0]![0];
        const n = (twice - 1n) / 2n; // n + 1/2 = twice/2
        const fact = (k: bigint): bigint => exactFactorial(k);
        const root = pow(PI, HALF);
        if (n >= 0n) return mul(numOf(rat(fact(2n * n), 4n ** n * fact(n))), root);
        const m = -n;
        return mul(numOf(rat((-4n) ** m * fact(m), fact(2n * m))), root);
      }
      return undefined;
    case 'sin': case 'tan': case 'asin': case 'atan': case 'sinh': case 'tanh': case 'asinh': case 'atanh': case 'erf':
      return a0 === ZERO ? ZERO : undefined;
    case 'exp': return a0 === ZERO ? ONE : expOfImaginaryPi(a0!);
    case 'cos': case 'cosh': case 'erfc': return a0 === ZERO ? ONE : undefined;
    case 'log1p': case 'expm1': case 'erfinv': return a0 === ZERO ? ZERO : undefined;
    case 'erfcinv': return a0 === ONE ? ZERO : undefined;
    case 'lgamma': return a0 === ONE || a0 === int(2) ? ZERO : undefined;
    case 'beta': {
      // B(a, b) = (a − 1)!(b − 1)!/(a + b − 1)! for whole a, b ≥ 1.
      if (!nums || nums.some((v) => v[1] !== 1n || v[0] < 1n || v[0] > 2000n)) return undefined;
      const [a, b] = [nums[0]![0], nums[1]![0]];
      return numOf(rat(exactFactorial(a - 1n) * exactFactorial(b - 1n), exactFactorial(a + b - 1n)));
    }
    case 'zeta': {
      if (!nums || nums[0]![1] !== 1n) return undefined;
      const n = nums[0]![0];
      if (n === 0n) return numOf(rat(-1n, 2n));
      // ζ(−n) = −B_{n+1}/(n + 1); ζ(2k) = (−1)^(k+1) B_{2k} (2π)^(2k) / (2 (2k)!)   (Euler)
      if (n < 0n && n >= -200n) return numOf(rneg(rdiv(bernoulli(Number(1n - n)), rat(1n - n))));
      if (n > 0n && n % 2n === 0n && n <= 200n) {
        const k = n / 2n;
        const c = rdiv(rmul(bernoulli(Number(n)), rat((k % 2n === 1n ? 1n : -1n) * 2n ** n)), rat(2n * exactFactorial(n)));
        return mul(numOf(c), pow(PI, num(n)));
      }
      return undefined;
    }
    case 'log': return a0 === ONE ? ZERO : nums?.length === 2 ? logOfPowers(nums[0]!, nums[1]!) : undefined;
    case 'relu': return nums ? (nums[0]![0] > 0n ? a0 : ZERO) : undefined;
    case 'sigmoid': return a0 === ZERO ? HALF : undefined;
    case 'gelu': return a0 === ZERO ? ZERO : undefined;
    case 'softplus': return a0 === ZERO ? call('log', [int(2)]) : undefined;
    case 'acos': return a0 === ONE ? ZERO : undefined;
    default: return undefined;
  }
}

/**
 * Throws a `LimitError` when `e` holds an exact power the constructors left unevaluated because its value is
 * too large to build (`2^(10^10)`): shown to a person, it would look like an answer that is not one.
 */
export function checkExactSize(e: Expr): void {
  for (const x of nodes(e)) {
    if (x.kind === 'pow' && isNum(x.base) && isNum(x.exp) && x.exp.value[1] === 1n && x.base.value[0] !== 0n) {
      const k = x.exp.value[0] < 0n ? -x.exp.value[0] : x.exp.value[0];
      const b = x.base.value;
      const log2 = Math.log2(Math.abs(Number(b[0]))) - Math.log2(Number(b[1]));
      const bits = Math.max(bitLength(b[0]), bitLength(b[1])) > 1000 ? Math.max(bitLength(b[0]), bitLength(b[1])) * Number(k) : Math.abs(log2) * Number(k);
      throw new LimitError(`${text(x)} is too large to compute exactly (about ${digitsOf(bits)} digits; the limit is ${digitsOf(LIMITS.maxExactBits)}); N(…) gives a floating-point value`);
    }
  }
}

/**
 * A function of numbers at least one of which is a decimal is inexact already: it is evaluated in floating point
 * (`sin(0.5)` is 0.479425538604203, as in SymPy and math.js) while `sin(1/2)` stays exact. Outside the domain the
 * call is left as it is.
 */
function floatCall(e: Expr): Expr | undefined {
  if (e.kind !== 'call' || !FUNCTIONS.has(e.fn) || !e.args.every(isNumber) || !e.args.some((a) => a.kind === 'float')) return undefined;
  try {
    const v = evaluate(e);
    return Number.isFinite(v) ? float(v) : undefined;
  } catch {
    return undefined;
  }
}

/** Division by zero, naming the division as it was written (`x/0`, not the `1/0` inside it). */
export class DivisionByZeroError extends EvalError {
  constructor(readonly where: Expr) {
    super(`division by zero in ${text(where)}`);
  }
}

/** Applies exactly known function values bottom-up and checks that exact powers stay within limits. */
export function evaluateExact(e: Expr): Expr {
  const memo = new Map<Expr, Expr>();
  const go = (x: Expr): Expr => {
    const hit = memo.get(x);
    if (hit !== undefined) return hit;
    const kids = children(x);
    let out: Expr;
    try {
      out = kids.length === 0 ? x : withChildren(x, kids.map(go));
    } catch (err) {
      // The zero divisor was found in a factor: the division the user wrote is this product.
      if (err instanceof DivisionByZeroError && err.where.kind === 'pow' && x.kind === 'mul') throw new DivisionByZeroError(x);
      throw err;
    }
    if (out.kind === 'call') out = exactCall(out.fn, out.args) ?? special(out) ?? trigAtPiMultiple(out.fn, out.args[0]!) ?? floatCall(out) ?? out;
    if (out.kind === 'pow' && out.base === ZERO && isNum(out.exp) && out.exp.value[0] < 0n) {
      throw new DivisionByZeroError(x.kind === 'pow' ? x : out);
    }
    memo.set(x, out);
    return out;
  };
  return go(e);
}
