/**
 * The expression DAG. Every node is immutable and interned: building a node that is structurally equal to a
 * live one returns that same object, so `===` is structural equality and shared subexpressions are shared
 * objects. Constructors do only cheap normalisation that a reader would not call a step: flattening n-ary
 * `+` and `*`, folding numeric literals, a canonical argument order, and a few identities that keep one
 * spelling per value (`x^1 = x`, `(x^a)^n = x^(a n)` and `(x y)^n = x^n y^n` for integer n, `e^x = exp(x)`,
 * `sqrt(x) = x^(1/2)`).
 */
import { LIMITS } from './limits.js';
import {
  type Rational, rat, radd, rmul, rtoNumber, risInt, bitLength, iroot, babs, rfromNumber,
} from './rational.js';
import { compare } from './order.js';
import { broadcast, shapeRule } from './shapes.js';
import { FUNCTIONS } from './ops.js';
import { doubleLost, foldWide } from './float-fold.js';

export type RelOp = '=' | '<' | '>' | '<=' | '>=' | '!=';
export type Shape = readonly number[];

interface Node {
  /** Small integer, unique among live nodes; creation order, so never use it for ordering. */
  readonly id: number;
  /** `[]` for scalars, `[n]` for vectors, `[m, n]` for matrices. */
  readonly shape: Shape;
  /** 1 for leaves, 1 + the tallest child otherwise. */
  readonly height: number;
}
export interface Num extends Node { readonly kind: 'num'; readonly value: Rational }
/**
 * A decimal number. `value` is the nearest double; `decimal`, when present, is the literal as written (or as `N`
 * computed it) because it carries more significant digits than a double holds.
 */
export interface Float extends Node { readonly kind: 'float'; readonly value: number; readonly decimal?: string }
export interface Sym extends Node { readonly kind: 'sym'; readonly name: string }
export interface Add extends Node { readonly kind: 'add'; readonly args: readonly Expr[] }
export interface Mul extends Node { readonly kind: 'mul'; readonly args: readonly Expr[] }
export interface Pow extends Node { readonly kind: 'pow'; readonly base: Expr; readonly exp: Expr }
export interface Call extends Node { readonly kind: 'call'; readonly fn: string; readonly args: readonly Expr[] }
export interface List extends Node { readonly kind: 'list'; readonly items: readonly Expr[] }
export interface Rel extends Node { readonly kind: 'rel'; readonly op: RelOp; readonly lhs: Expr; readonly rhs: Expr }
/** `a := 3` or `f(x) := x^2 + 1`: a REPL definition. */
export interface Define extends Node { readonly kind: 'define'; readonly target: Expr; readonly value: Expr }

export type Expr = Num | Float | Sym | Add | Mul | Pow | Call | List | Rel | Define;
export type ExprKind = Expr['kind'];

// ---------------------------------------------------------------------------------------------------------
// Interning

const table = new Map<string, WeakRef<Expr>>();
const registry = new FinalizationRegistry<string>((key) => {
  const ref = table.get(key);
  if (ref !== undefined && ref.deref() === undefined) table.delete(key);
});
let nextId = 1;

type Body = Omit<Expr, 'id'>;

function intern(key: string, make: () => Body): Expr {
  const hit = table.get(key)?.deref();
  if (hit !== undefined) return hit;
  const node = make() as Expr & { id: number };
  node.id = nextId++;
  table.set(key, new WeakRef(node));
  registry.register(node, key);
  return node;
}

/** How many distinct nodes are alive in the intern table (for tests and diagnostics). */
export function internedCount(): number {
  return table.size;
}

const keyOf = (args: readonly Expr[]): string => args.map((a) => a.id).join(',');
const heightOf = (args: readonly Expr[]): number => {
  let h = 0;
  for (const a of args) if (a.height > h) h = a.height;
  return h + 1;
};
const SCALAR: Shape = Object.freeze([]) as Shape;

// ---------------------------------------------------------------------------------------------------------
// Leaves

export function num(n: bigint | number, d: bigint | number = 1n): Num {
  if (typeof n === 'number' && !Number.isInteger(n)) throw new TypeError(`num() takes integers, got ${n}`);
  const value = rat(BigInt(n), BigInt(d));
  return numOf(value);
}

export function numOf(value: Rational): Num {
  return intern(`n${value[0]}/${value[1]}`, () => ({ kind: 'num', value, shape: SCALAR, height: 1 })) as Num;
}

/** Significant digits a double can always tell apart. */
export const DOUBLE_DIGITS = 17;

/** Digits of a decimal literal that carry information: `-0.000123450e-7` has 5 (leading and trailing zeros aside). */
export function significantDigits(decimal: string): number {
  const mantissa = decimal.replace(/^[-+]/, '').replace(/[eE].*$/, '').replace('.', '');
  return mantissa.replace(/^0+/, '').replace(/0+$/, '').length;
}

/**
 * A floating-point literal. Non-finite values become the constants `inf`, `-inf` and `nan`. With `decimal` (the
 * same number written out), a literal with more significant digits than a double keeps them.
 */
export function float(x: number, decimal?: string): Expr {
  if (decimal !== undefined && (significantDigits(decimal) > DOUBLE_DIGITS || outsideDoubles(x, decimal))) {
    return intern(`f${decimal}`, () => ({ kind: 'float', value: x, decimal, shape: SCALAR, height: 1 }));
  }
  if (Number.isNaN(x)) return sym('nan');
  if (x === Infinity) return sym('inf');
  if (x === -Infinity) return mul(MINUS_ONE, sym('inf'));
  if (x === 0) x = 0; // -0 and 0 are one literal
  return intern(`f${x}`, () => ({ kind: 'float', value: x, shape: SCALAR, height: 1 }));
}

/**
 * True when the double `x` does not hold the magnitude of the decimal text: it overflowed to ±Infinity or
 * underflowed to 0 or to a subnormal (which keeps fewer digits). Such a literal keeps its text.
 */
function outsideDoubles(x: number, decimal: string): boolean {
  if (Number.isNaN(x)) return false;
  if (!Number.isFinite(x)) return /^[-+]?(\d|\.\d)/.test(decimal);
  if (Math.abs(x) >= 2.2250738585072014e-308) return false;
  return significantDigits(decimal) > 0;
}

export function sym(name: string): Sym {
  return intern(`s${name}`, () => ({ kind: 'sym', name, shape: SCALAR, height: 1 })) as Sym;
}

export const ZERO = num(0n);
export const ONE = num(1n);
export const TWO = num(2n);
export const MINUS_ONE = num(-1n);
export const HALF = num(1n, 2n);
export const PI = sym('pi');
export const E = sym('e');
export const I = sym('i');
export const INF = sym('inf');
export const NAN = sym('nan');
// Keep the constants alive for the life of the module so `===` comparisons against them stay cheap.
const pinned: Expr[] = [ZERO, ONE, TWO, MINUS_ONE, HALF, PI, E, I, INF, NAN];
void pinned;

export const isNum = (e: Expr): e is Num => e.kind === 'num';
export const isNumber = (e: Expr): e is Num | Float => e.kind === 'num' || e.kind === 'float';
export const isInteger = (e: Expr): e is Num => e.kind === 'num' && e.value[1] === 1n;
export const numberValue = (e: Num | Float): number => (e.kind === 'num' ? rtoNumber(e.value) : e.value);
/** True for a number literal that is negative (so printers show a minus sign). */
export const isNegativeNumber = (e: Expr): boolean =>
  (e.kind === 'num' && e.value[0] < 0n) || (e.kind === 'float' && e.value < 0);

// ---------------------------------------------------------------------------------------------------------
// Numeric folding helpers

type Numeric = { exact: Rational } | { float: number };

function addNumeric(a: Numeric, b: Num | Float): Numeric {
  if ('exact' in a && b.kind === 'num') return { exact: radd(a.exact, b.value) };
  return { float: toF(a) + numberValue(b) };
}
function mulNumeric(a: Numeric, b: Num | Float): Numeric {
  if ('exact' in a && b.kind === 'num') return { exact: rmul(a.exact, b.value) };
  return { float: toF(a) * numberValue(b) };
}
const toF = (a: Numeric): number => ('exact' in a ? rtoNumber(a.exact) : a.float);
const fromNumeric = (a: Numeric): Expr => ('exact' in a ? numOf(a.exact) : float(a.float));
const isZeroNumeric = (a: Numeric): boolean => ('exact' in a ? a.exact[0] === 0n : a.float === 0);
const isOneNumeric = (a: Numeric): boolean => 'exact' in a && a.exact[0] === 1n && a.exact[1] === 1n;

/** Would `num^k` (integer k) stay within the exact size limit? */
function powFits(value: Rational, k: bigint): boolean {
  const bits = Math.max(bitLength(value[0]), bitLength(value[1]));
  return bits * Number(babs(k)) <= LIMITS.maxExactBits;
}

// ---------------------------------------------------------------------------------------------------------
// Shapes

function broadcastShapes(shapes: Shape[]): Shape {
  for (const x of shapes) if (x.length > 0) return broadcast(shapes);
  return SCALAR;
}

function callShape(fn: string, args: readonly Expr[]): Shape {
  const rule = shapeRule(fn);
  // A call without arguments is reported by the arity check of whoever runs it; shape rules read their arguments.
  if (args.length === 0) return SCALAR;
  if (rule !== undefined) return rule(args);
  // Functions of the operator table apply elementwise; user functions and commands give scalars.
  return FUNCTIONS.has(fn) ? broadcastShapes(args.map((a) => a.shape)) : SCALAR;
}

// ---------------------------------------------------------------------------------------------------------
// Operators

export function add(...terms: Expr[]): Expr {
  const flat: Expr[] = [];
  let c: Numeric = { exact: [0n, 1n] };
  const numbers: (Num | Float)[] = [];
  let posInf = false;
  let negInf = false;
  let undefinedTerm = false;
  const visit = (t: Expr): void => {
    if (t.kind === 'add') for (const u of t.args) visit(u);
    else if (t.kind === 'num' || t.kind === 'float') {
      c = addNumeric(c, t);
      numbers.push(t);
    } else if (t === NAN) undefinedTerm = true;
    else if (t === INF) posInf = true;
    else if (isNegInf(t)) negInf = true;
    else flat.push(t);
  };
  for (const t of terms) visit(t);
  // Infinity and NaN are values: inf − inf is undefined, and inf absorbs every finite number.
  if (undefinedTerm || (posInf && negInf)) return NAN;
  if (posInf || negInf) {
    const kept = flat.filter((t) => t !== PI && t !== E);
    kept.push(posInf ? INF : mul(MINUS_ONE, INF));
    if (kept.length === 1) return kept[0]!;
    kept.sort(compare);
    return internAdd(kept);
  }
  let folded: Expr | undefined;
  if (numbers.length === 1) folded = numbers[0]!; // a single number term is kept as it is (a long decimal keeps its digits)
  else if (numbers.length > 1) {
    const cv = toF(c);
    if (numbers.some(isWide) || ('float' in c && doubleLost(cv, numbers.some((n) => numberValue(n) === 0)))) {
      const w = foldWide('add', numbers);
      folded = float(w.value, w.decimal);
    } else folded = fromNumeric(c);
  }
  if (folded !== undefined && !isZeroLiteral(folded)) flat.push(folded);
  else if (folded !== undefined && flat.length === 0) return folded;
  if (flat.length === 0) return ZERO;
  if (flat.length === 1) return flat[0]!;
  flat.sort(compare);
  return internAdd(flat);
}

function internAdd(flat: Expr[]): Expr {
  return intern(`+${keyOf(flat)}`, () => ({
    kind: 'add', args: Object.freeze(flat), shape: broadcastShapes(flat.map((a) => a.shape)), height: heightOf(flat),
  }));
}

/** A literal zero (exact 0 or 0.0 held exactly by a double). */
const isZeroLiteral = (e: Expr): boolean =>
  (e.kind === 'num' && e.value[0] === 0n) || (e.kind === 'float' && e.value === 0 && e.decimal === undefined);

/** A float literal whose value lies outside what a double holds (it keeps its decimal text). */
const isWide = (e: Expr): boolean =>
  e.kind === 'float' && e.decimal !== undefined && (!Number.isFinite(e.value) || Math.abs(e.value) < 2.2250738585072014e-308);

/** `-inf`, spelled −1 · inf. */
const isNegInf = (e: Expr): boolean => e.kind === 'mul' && e.args.length === 2 && e.args[0] === MINUS_ONE && e.args[1] === INF;

/** 0^(−k): a division by zero, whose product with 0 is undefined (0/0). */
const isZeroToNegative = (e: Expr): boolean =>
  e.kind === 'pow' && isZeroLiteral(e.base) && isNumber(e.exp) && numberValue(e.exp) < 0;

export function mul(...factors: Expr[]): Expr {
  const flat: Expr[] = [];
  let c: Numeric = { exact: [1n, 1n] };
  const numbers: (Num | Float)[] = [];
  let decimal: Float | undefined;
  let signOnly = true;
  let signFlips = 0;
  let infinite = false;
  let undefinedFactor = false;
  let poleAtZero = false;
  const visit = (t: Expr): void => {
    if (t.kind === 'mul') for (const u of t.args) visit(u);
    else if (t.kind === 'num' || t.kind === 'float') {
      c = mulNumeric(c, t);
      numbers.push(t);
      if (t.kind === 'float' && t.decimal !== undefined && decimal === undefined) decimal = t;
      else if (t.kind === 'num' && t.value[0] === -1n && t.value[1] === 1n) signFlips++;
      else if (!(t.kind === 'num' && t.value[1] === 1n && (t.value[0] === 1n || t.value[0] === -1n))) signOnly = false;
    } else if (t === NAN) undefinedFactor = true;
    else if (t === INF) infinite = true;
    else {
      if (isZeroToNegative(t)) poleAtZero = true;
      flat.push(t);
    }
  };
  for (const t of factors) visit(t);
  if (undefinedFactor) return NAN;
  const sawNumber = numbers.length > 0;
  const zeroFactor = numbers.some(isZeroLiteral);
  // 0 · inf and 0 · (1/0) are undefined.
  if (zeroFactor && (infinite || poleAtZero)) return NAN;
  if (numbers.length > 1 && !(signOnly && decimal !== undefined) && (numbers.some(isWide) || ('float' in c && doubleLost(toF(c), zeroFactor)))) {
    const w = foldWide('mul', numbers);
    return mul(float(w.value, w.decimal), ...flat, ...(infinite ? [INF] : []));
  }
  if (infinite) {
    // inf times a nonzero number is ±inf; positive constants (pi, e) are absorbed too.
    const kept = flat.filter((t) => t !== PI && t !== E);
    const negatives = numbers.filter((n) => (n.kind === 'float' && n.decimal !== undefined ? n.decimal.startsWith('-') : numberValue(n) < 0)).length;
    const signed = negatives % 2 === 1 ? MINUS_ONE : ONE;
    kept.push(INF);
    if (signed === MINUS_ONE) kept.push(MINUS_ONE);
    if (kept.length === 1) return kept[0]!;
    kept.sort(compare);
    return internMul(kept);
  }
  const folded = c as Numeric; // reassigned inside visit(), which the compiler's narrowing cannot see
  if (decimal !== undefined && signOnly && 'float' in folded) {
    // -1 times a long decimal keeps its digits.
    const d = decimal.decimal!;
    // The sign is counted from the ±1 factors, since the double may be 0 or infinite.
    const negative = signFlips % 2 === 1;
    const text = negative ? (d.startsWith('-') ? d.slice(1) : `-${d}`) : d;
    const lit = float(folded.float, text);
    if (flat.length === 0) return lit;
    flat.push(lit);
    flat.sort(compare);
    return internMul(flat);
  }
  const cn = c as Numeric; // reassigned inside visit(), which the compiler's narrowing cannot see
  const cf = 'float' in cn ? cn.float : 0;
  if (Number.isNaN(cf)) return NAN;
  if (sawNumber && isZeroNumeric(c) && flat.every((f) => f.shape.length === 0)) return fromNumeric(c);
  if (flat.length === 0) return fromNumeric(c);
  if (!isOneNumeric(c)) flat.push(fromNumeric(c));
  if (flat.length === 1) return flat[0]!;
  flat.sort(compare);
  return internMul(flat);
}

function internMul(flat: Expr[]): Expr {
  return intern(`*${keyOf(flat)}`, () => ({
    kind: 'mul', args: Object.freeze(flat), shape: broadcastShapes(flat.map((a) => a.shape)), height: heightOf(flat),
  }));
}

export function pow(base: Expr, exp: Expr): Expr {
  if (exp === ONE) return base;
  if (exp === ZERO) return ONE;
  const infinite = infinitePower(base, exp);
  if (infinite !== undefined) return infinite;
  if (base === ONE) return ONE;
  if (base === E) return call('exp', [exp]);
  if (base.kind === 'num' && exp.kind === 'num') {
    const folded = foldRationalPower(base.value, exp.value);
    if (folded !== undefined) return folded;
  } else if (isNumber(base) && isNumber(exp) && (base.kind === 'float' || exp.kind === 'float')) {
    const b = numberValue(base);
    const x = numberValue(exp);
    // 0^t = 0 for every t > 0, also when t is too small for a double (10^-400 would read as 0 and give 1).
    if (b === 0 && (base.kind === 'num' || base.decimal === undefined) && (exp.kind === 'num' ? exp.value[0] > 0n : x > 0)) return float(0);
    const v = Math.pow(b, x);
    // Overflow, underflow and NaN stay unevaluated so that nothing is lost.
    if (Number.isFinite(v) && (v !== 0 || b === 0)) return float(v);
  }
  // (x^a)^n = x^(a n) and (x y)^n = x^n y^n for integer n hold for every complex x, y (principal branch),
  // so they are spellings, not steps; they give each product and power one canonical form.
  if (base.kind === 'pow' && isInteger(exp)) return pow(base.base, mul(base.exp, exp));
  if (base.kind === 'mul' && isInteger(exp)) return mul(...base.args.map((a) => pow(a, exp)));
  return intern(`^${base.id},${exp.id}`, () => ({
    kind: 'pow', base, exp, shape: base.shape, height: Math.max(base.height, exp.height) + 1,
  }));
}

/**
 * Powers with an infinite or undefined base or exponent: inf^t is inf for t > 0 and 0 for t < 0; b^inf is inf
 * for b > 1 and 0 for |b| < 1; 1^inf, and b^inf for b ≤ −1, are undefined. Anything else is left as it is.
 */
function infinitePower(base: Expr, exp: Expr): Expr | undefined {
  if (base === NAN || exp === NAN) return NAN;
  if (base === INF && isNumber(exp)) return numberValue(exp) > 0 || (exp.kind === 'num' && exp.value[0] > 0n) ? INF : ZERO;
  const sign = exp === INF ? 1 : isNegInf(exp) ? -1 : 0;
  if (sign === 0 || !isNumber(base)) return undefined;
  const b = base.kind === 'num' ? base.value : undefined;
  const v = numberValue(base);
  const big = b !== undefined ? babs(b[0]) > b[1] : Math.abs(v) > 1;
  const one = b !== undefined ? babs(b[0]) === b[1] : Math.abs(v) === 1;
  if (one || (big && v < 0)) return NAN;
  if (v === 0 && base.kind === 'num') return sign > 0 ? ZERO : undefined;
  return big === sign > 0 ? INF : ZERO;
}

/** Exact value of `b^e` for rationals where it is rational and small enough to build; otherwise undefined. */
function foldRationalPower(b: Rational, e: Rational): Expr | undefined {
  const [p, q] = e;
  if (b[0] === 0n) return p > 0n ? ZERO : undefined; // 0^negative stays unevaluated: evaluation reports it
  if (q === 1n) {
    // (-1)^k by the parity of k, whatever its size.
    if (b[0] === -1n && b[1] === 1n) return (p & 1n) === 0n ? ONE : MINUS_ONE;
    if (!powFits(b, p)) return undefined;
    const k = babs(p);
    const r: Rational = rat(b[0] ** k, b[1] ** k);
    return numOf(p < 0n ? rat(r[1], r[0]) : r);
  }
  if (b[0] < 0n || q > 64n) return undefined;
  const n = iroot(b[0], q);
  const d = iroot(b[1], q);
  if (n === undefined || d === undefined) return undefined;
  return foldRationalPower(rat(n, d), [p, 1n]);
}

export function call(fn: string, args: readonly Expr[]): Expr {
  if (fn === 'sqrt' && args.length === 1) return pow(args[0]!, HALF);
  if (fn === 'root' && args.length === 2) return pow(args[0]!, pow(args[1]!, MINUS_ONE));
  const frozen = Object.freeze([...args]);
  return intern(`${fn}(${keyOf(frozen)})`, () => ({
    kind: 'call', fn, args: frozen, shape: callShape(fn, frozen), height: heightOf(frozen),
  }));
}

export function list(items: readonly Expr[]): List {
  const frozen = Object.freeze([...items]);
  const first = frozen[0]?.shape ?? SCALAR;
  const uniform = frozen.every((x) => x.shape.length === first.length && x.shape.every((d, k) => d === first[k]));
  const shape = uniform ? [frozen.length, ...first] : [frozen.length];
  return intern(`[${keyOf(frozen)}]`, () => ({
    kind: 'list', items: frozen, shape, height: heightOf(frozen),
  })) as List;
}

export function rel(op: RelOp, lhs: Expr, rhs: Expr): Rel {
  return intern(`${op}${lhs.id},${rhs.id}`, () => ({
    kind: 'rel', op, lhs, rhs, shape: SCALAR, height: Math.max(lhs.height, rhs.height) + 1,
  })) as Rel;
}

export function define(target: Expr, value: Expr): Define {
  return intern(`:=${target.id},${value.id}`, () => ({
    kind: 'define', target, value, shape: SCALAR, height: Math.max(target.height, value.height) + 1,
  })) as Define;
}

// Derived spellings: subtraction and division are addition and multiplication (micrograd's habit), so
// nothing downstream needs rules of their own for them.
export const neg = (a: Expr): Expr => mul(MINUS_ONE, a);
export const sub = (a: Expr, b: Expr): Expr => add(a, neg(b));
export const div = (a: Expr, b: Expr): Expr => mul(a, pow(b, MINUS_ONE));
export const int = (n: number | bigint): Num => num(BigInt(n));
export const frac = (n: number | bigint, d: number | bigint): Num => num(BigInt(n), BigInt(d));
export const exactFromNumber = (x: number): Num => numOf(rfromNumber(x));
export { risInt };

/** The children of a node, in order. */
export function children(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'add': case 'mul': case 'call': return e.args;
    case 'pow': return [e.base, e.exp];
    case 'list': return e.items;
    case 'rel': return [e.lhs, e.rhs];
    case 'define': return [e.target, e.value];
    default: return [];
  }
}

/** Rebuild `e` with new children (same kind); returns `e` itself when nothing changed. */
export function withChildren(e: Expr, kids: readonly Expr[]): Expr {
  const old = children(e);
  if (old.length === kids.length && old.every((k, i) => k === kids[i])) return e;
  switch (e.kind) {
    case 'add': return add(...kids);
    case 'mul': return mul(...kids);
    case 'pow': return pow(kids[0]!, kids[1]!);
    case 'call': return call(e.fn, kids);
    case 'list': return list(kids);
    case 'rel': return rel(e.op, kids[0]!, kids[1]!);
    case 'define': return define(kids[0]!, kids[1]!);
    default: return e;
  }
}
