/**
 * Exact evaluation of exact input: functions whose value is exactly known are applied (`5! = 120`,
 * `abs(-3/4) = 3/4`, `floor(7/2) = 3`, `sin(0) = 0`, `log(1) = 0`), everything else stays symbolic.
 * Results too large to build are a `LimitError` that says so and suggests `N(…)`.
 */
import {
  type Expr, type Num, ONE, ZERO, HALF, PI, children, float, int, isNum, isNumber, mul, num, numOf, pow, withChildren,
} from '../ast/expr.js';
import { LIMITS, LimitError } from '../ast/limits.js';
import { type Rational, rat, rcmp, rdiv, rmul, rneg, rsub, bitLength } from '../ast/rational.js';
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
    case 'cos': case 'cosh': case 'exp': case 'erfc': return a0 === ZERO ? ONE : undefined;
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
    case 'log': return a0 === ONE ? ZERO : undefined;
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

/** Applies exactly known function values bottom-up and checks that exact powers stay within limits. */
export function evaluateExact(e: Expr): Expr {
  const memo = new Map<Expr, Expr>();
  const go = (x: Expr): Expr => {
    const hit = memo.get(x);
    if (hit !== undefined) return hit;
    const kids = children(x);
    let out = kids.length === 0 ? x : withChildren(x, kids.map(go));
    if (out.kind === 'call') out = exactCall(out.fn, out.args) ?? special(out) ?? trigAtPiMultiple(out.fn, out.args[0]!) ?? floatCall(out) ?? out;
    if (out.kind === 'pow' && out.base === ZERO && isNum(out.exp) && out.exp.value[0] < 0n) {
      throw new EvalError(`division by zero in ${text(out)}`);
    }
    memo.set(x, out);
    return out;
  };
  return go(e);
}
