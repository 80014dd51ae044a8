/**
 * The identities `simplify` uses, as named rules of the rewrite engine. Each holds wherever its left side is
 * defined (over the reals, Lousa's setting), so rewriting never changes a value; rules that need a sign or
 * realness say so in `when`, and the guards consult the assumptions of the running `simplify` call.
 * Rules that only move an expression between equivalent spellings in both directions (splitting and joining
 * logarithms) live in separate lists so no list can loop.
 */
import { type Expr, call, isInteger, mul, num, pow, isNum } from '../ast/expr.js';
import { rule, registerGuard, bottomUp, type Rule } from '../rewrite/index.js';
import { parse } from '../parse/parse.js';
import { freeSymbols } from '../eval/n.js';
import { Assumptions } from './assume.js';
import { shiftedTrig, specialTrigValue } from './trig-values.js';

let current = new Assumptions();

/** Run `f` with `A` as the assumptions the guards of these rules see. */
export function withAssumptions<T>(A: Assumptions, f: () => T): T {
  const saved = current;
  current = A;
  try {
    return f();
  } finally {
    current = saved;
  }
}

registerGuard('assumedPositive', (a) => current.isPositive(a!));
registerGuard('assumedNonNegative', (a) => current.isNonNegative(a!));
registerGuard('isRealValued', (a) => current.isReal(a!));

const ODD = ['sin', 'tan', 'sinh', 'tanh', 'asin', 'atan', 'asinh', 'atanh', 'erf'];
const EVEN = ['cos', 'cosh'];

/** f(c·x) with c < 0 becomes ∓f(−c·x). */
const symmetry: Rule[] = [
  ...ODD.map((f) => rule(`simplify/${f}-odd`, `${f}(c*x)`, `-${f}(-c*x)`, { when: 'isNegative(c)' })),
  ...EVEN.map((f) => rule(`simplify/${f}-even`, `${f}(c*x)`, `${f}(-c*x)`, { when: 'isNegative(c)' })),
];

const values: Rule[] = [
  ...['sin', 'cos', 'tan'].map((f) => rule(`simplify/${f}-value`, `${f}(x)`, (b) => specialTrigValue(f, b.get('x')!))),
  ...['sin', 'cos', 'tan'].map((f) => rule(`simplify/${f}-shift`, `${f}(x)`, (b) => shiftedTrig(f, b.get('x')!))),
];

/** exp and log. */
const expLog: Rule[] = [
  rule('simplify/exp-zero', 'exp(0)', '1'),
  rule('simplify/log-one', 'log(1)', '0'),
  rule('simplify/exp-log', 'exp(log(x))', 'x'),
  rule('simplify/exp-n-log', 'exp(n*log(x))', 'x^n'),
  rule('simplify/exp-log-sum', 'exp(log(x) + a)', 'x*exp(a)'),
  rule('simplify/log-exp', 'log(exp(x))', 'x', { when: 'isRealValued(x)' }),
  rule('simplify/log-e', 'log(e)', '1'),
  rule('simplify/exp-product', 'exp(a)*exp(b)', 'exp(a + b)'),
  rule('simplify/exp-product', 'exp(a)*exp(b)*r', 'exp(a + b)*r'),
  rule('simplify/exp-power', 'exp(a)^n', 'exp(n*a)', { when: (b) => isInteger(b.get('n')!) || (current.isReal(b.get('a')!) && current.isReal(b.get('n')!)) }),
  rule('simplify/log-sum', 'log(a) + log(b)', 'log(a*b)'),
  rule('simplify/log-sum', 'log(a) + log(b) + r', 'log(a*b) + r'),
  rule('simplify/log-difference', 'log(a) - log(b)', 'log(a/b)'),
  rule('simplify/log-difference', 'log(a) - log(b) + r', 'log(a/b) + r'),
];

/** Powers and absolute values. */
const powers: Rule[] = [
  rule('simplify/power-product', 'x^a*x^b', 'x^(a + b)', { when: 'not(isNumber(x))' }),
  rule('simplify/power-product', 'x^a*x^b*r', 'x^(a + b)*r', { when: 'not(isNumber(x))' }),
  rule('simplify/power-times-base', 'x*x^a', 'x^(a + 1)', { when: 'not(isNumber(x))' }),
  rule('simplify/power-times-base', 'x*x^a*r', 'x^(a + 1)*r', { when: 'not(isNumber(x))' }),
  rule('simplify/power-power-nonneg', '(x^a)^b', 'x^(a*b)', { when: 'assumedNonNegative(x)' }),
  rule('simplify/power-power-even', '(x^a)^b', (b) => {
    const a = b.get('a')!;
    const x = b.get('x')!;
    if (!isNum(a) || a.value[1] !== 1n || a.value[0] % 2n !== 0n || !current.isReal(x)) return undefined;
    return pow(call('abs', [x]), mul(a, b.get('b')!));
  }),
  // √(2π) = √2·√π: a root of a product of positive constants splits, so that such roots can cancel.
  rule('simplify/root-of-positive-product', 'x^a', (b) => {
    const x = b.get('x')!;
    const a = b.get('a')!;
    if (x.kind !== 'mul' || !isNum(a) || a.value[1] === 1n) return undefined;
    if (!x.args.every((f) => freeSymbols(f).length === 0 && current.isPositive(f))) return undefined;
    return mul(...x.args.map((f) => pow(f, a)));
  }),
  // √5·√20 = √100 = 10: roots of positive rationals with the same exponent join.
  rule('simplify/root-product', 'x^a*y^a', '(x*y)^a', { when: ['isNumber(x)', 'isNumber(y)', 'assumedPositive(x)', 'assumedPositive(y)'] }),
  rule('simplify/root-product', 'x^a*y^a*r', '(x*y)^a*r', { when: ['isNumber(x)', 'isNumber(y)', 'assumedPositive(x)', 'assumedPositive(y)'] }),
  rule('simplify/abs-nonneg', 'abs(x)', 'x', { when: 'assumedNonNegative(x)' }),
  rule('simplify/abs-negative', 'abs(x)', (b) => (current.isNegative(b.get('x')!) ? mul(num(-1), b.get('x')!) : undefined)),
  rule('simplify/abs-even-power', 'abs(x)^n', 'x^n', {
    when: (b) => isEvenInteger(b.get('n')!) && current.isReal(b.get('x')!),
  }),
  rule('simplify/abs-abs', 'abs(abs(x))', 'abs(x)'),
  rule('simplify/abs-multiple', 'abs(c*x)', (b) => {
    const c = b.get('c')!;
    return isNum(c) ? mul(num(c.value[0] < 0n ? -c.value[0] : c.value[0], c.value[1]), call('abs', [b.get('x')!])) : undefined;
  }),
];

/** Trigonometric and hyperbolic identities (Pythagorean, quotient, double angle). */
const trig: Rule[] = [
  rule('simplify/pythagorean', 'sin(x)^2 + cos(x)^2', '1'),
  rule('simplify/pythagorean-multiple', 'a*sin(x)^2 + a*cos(x)^2', 'a'),
  rule('simplify/hyperbolic-pythagorean', 'cosh(x)^2 - sinh(x)^2', '1'),
  rule('simplify/tan-quotient', 'sin(x)/cos(x)', 'tan(x)'),
  rule('simplify/tanh-quotient', 'sinh(x)/cosh(x)', 'tanh(x)'),
  rule('simplify/pythagorean', 'sin(x)^2 + cos(x)^2 + r', '1 + r'),
  rule('simplify/double-angle-sin', '2*sin(x)*cos(x)', 'sin(2*x)'),
  rule('simplify/double-angle-cos', 'cos(x)^2 - sin(x)^2', 'cos(2*x)'),
  rule('simplify/double-angle-cos', 'cos(x)^2 - sin(x)^2 + r', 'cos(2*x) + r'),
  rule('simplify/double-angle-sinh', '2*sinh(x)*cosh(x)', 'sinh(2*x)'),
];

const isEvenInteger = (e: Expr): boolean => isInteger(e) && e.value[0] % 2n === 0n;

/** The identities `simplify` applies in every round. */
export const SIMPLIFY_RULES: readonly Rule[] = [...symmetry, ...values, ...expLog, ...powers, ...trig];

/** Splitting logarithms of products and powers: only with assumptions, as a separate candidate. */
export const LOG_EXPAND_RULES: readonly Rule[] = [
  rule('simplify/log-product', 'log(a*b)', 'log(a) + log(b)', { when: ['assumedPositive(a)', 'assumedPositive(b)'] }),
  rule('simplify/log-power', 'log(x^y)', 'y*log(x)', { when: ['assumedPositive(x)', 'isRealValued(y)'] }),
];

/** Writing tan, cot, sec, csc (and tanh) through sin and cos, for the trigonometric candidates. */
export const TRIG_TO_SINCOS: readonly Rule[] = [
  rule('simplify/tan-sincos', 'tan(x)', 'sin(x)/cos(x)'),
  rule('simplify/cot-sincos', 'cot(x)', 'cos(x)/sin(x)'),
  rule('simplify/sec-cos', 'sec(x)', '1/cos(x)'),
  rule('simplify/csc-sin', 'csc(x)', '1/sin(x)'),
  rule('simplify/tanh-sinhcosh', 'tanh(x)', 'sinh(x)/cosh(x)'),
];

const powerReduce = (f: string, sgn: string): Rule =>
  rule(`simplify/${f}-power-reduction`, `${f}(x)^n`, (b) => {
    const n = b.get('n')!;
    if (!isInteger(n) || n.value[0] < 2n || n.value[0] > 64n) return undefined;
    const x = b.get('x')!;
    const half = parse(`(1 ${sgn} cos(2*u))/2`);
    return mul(pow(call(f, [x]), num(n.value[0] - 2n)), substituteU(half, x));
  });

/** Power reduction to multiple angles (sin² u = (1 − cos 2u)/2, …): writes trigonometric polynomials linearly. */
export const TRIG_LINEARIZE: readonly Rule[] = [
  powerReduce('sin', '-'),
  powerReduce('cos', '+'),
  rule('simplify/sin-cos-product', 'sin(x)*cos(x)', 'sin(2*x)/2'),
  rule('simplify/sin-cos-product', 'sin(x)*cos(x)*r', 'sin(2*x)*r/2'),
];

function substituteU(template: Expr, x: Expr): Expr {
  return bottomUp(template, (node) => (node.kind === 'sym' && node.name === 'u' ? x : node));
}
