/**
 * Assumptions about symbols and the sign reasoning built on them, which domain-sensitive identities consult:
 * `sqrt(x^2) = x` needs x ≥ 0, `log(x^y) = y log(x)` needs x > 0. What can be said: a bound on one symbol
 * (`x > 0`, `alpha > 1`, `y <= 3`), an excluded value (`p != -1`), an order between two symbols (`b > a`),
 * `integer(n)`, and an interval `interval(p, 0, 1)` (open: 0 < p < 1). Symbols are real unless `real: false`
 * is given (Lousa evaluates over the real numbers); `i` never is. `sampleAdmissible` (assume-sample.ts) draws
 * values for symbols that respect all of these.
 */
import { type Expr, isNumber, numberValue, I, rel } from '../ast/expr.js';
import { evaluate } from '../eval/evaluate.js';
import { text } from '../render/text.js';
import { AlgebraError } from './errors.js';
import { dependsOn } from './vars.js';

export type Fact = 'positive' | 'nonnegative' | 'negative' | 'nonpositive' | 'nonzero';

export interface AssumptionOptions {
  /** Relations such as `x > 0`, or a list of them. */
  readonly assumptions?: readonly Expr[] | Expr;
  /** Are symbols real? Default true. */
  readonly real?: boolean;
}

/** An end of the interval a symbol lies in: the number and whether the end itself is excluded. */
export interface Bound {
  readonly value: number;
  readonly strict: boolean;
}

/** `small < large` (or `<=` when not strict) between two symbols. */
export interface Order {
  readonly small: string;
  readonly large: string;
  readonly strict: boolean;
}

/** What is known about each symbol. */
export class Assumptions {
  private readonly facts = new Map<string, Set<Fact>>();
  private readonly integers = new Set<string>();
  private readonly lower = new Map<string, Bound>();
  private readonly upper = new Map<string, Bound>();
  private readonly excluded = new Map<string, number[]>();
  private readonly orders: Order[] = [];
  private readonly given: Expr[] = [];
  constructor(readonly real = true) {}

  /** The assumptions as they were given (relations and calls), for passing on to simplify. */
  get relations(): readonly Expr[] {
    return this.given;
  }

  static from(opts: AssumptionOptions = {}, base?: Assumptions): Assumptions {
    const a = new Assumptions(opts.real ?? base?.real ?? true);
    if (base) a.copyFrom(base);
    const given = opts.assumptions;
    const list = given === undefined ? [] : Array.isArray(given) ? given : [given as Expr];
    for (const r of list) a.add(r);
    return a;
  }

  private copyFrom(base: Assumptions): void {
    for (const [k, fs] of base.facts) this.facts.set(k, new Set(fs));
    for (const n of base.integers) this.integers.add(n);
    for (const [k, b] of base.lower) this.lower.set(k, b);
    for (const [k, b] of base.upper) this.upper.set(k, b);
    for (const [k, vs] of base.excluded) this.excluded.set(k, [...vs]);
    this.orders.push(...base.orders);
    this.given.push(...base.given);
  }

  /**
   * Record an assumption: a relation between a symbol and a number (`x > 0`, `alpha > 1`, `p != -1`, either
   * side) or between two symbols (`b > a`), `integer(n)`, `interval(p, lo, hi)` (open), or a list of them.
   */
  add(r: Expr): void {
    if (r.kind === 'list') {
      r.items.forEach((x) => this.add(x));
      return;
    }
    if (r.kind === 'call' && this.addCall(r.fn, r.args)) {
      this.given.push(r);
      return;
    }
    if (r.kind !== 'rel') {
      throw new AlgebraError(`an assumption must be a relation such as x > 0, integer(n) or interval(p, 0, 1), got ${text(r)}`);
    }
    let { op, lhs, rhs } = r;
    if (lhs.kind !== 'sym' && rhs.kind === 'sym') {
      [lhs, rhs] = [rhs, lhs];
      op = op === '<' ? '>' : op === '>' ? '<' : op === '<=' ? '>=' : op === '>=' ? '<=' : op;
    }
    this.given.push(r);
    if (lhs.kind === 'sym' && rhs.kind === 'sym' && op !== '=' && op !== '!=') {
      const strict = op === '<' || op === '>';
      const [small, large] = op === '<' || op === '<=' ? [lhs.name, rhs.name] : [rhs.name, lhs.name];
      this.orders.push({ small, large, strict });
      return;
    }
    const c = lhs.kind === 'sym' ? constantValue(rhs) : undefined;
    if (lhs.kind !== 'sym' || c === undefined) {
      throw new AlgebraError(`assumptions are about one symbol and a number (x > 0, y >= 1, n != -1) or two symbols (b > a), got ${text(r)}`);
    }
    if (op === '=') throw new AlgebraError(`${text(r)} is a value, not an assumption; assign it with ${lhs.name} := ${text(rhs)}`);
    this.addBound(lhs.name, op, c);
    const fs = this.facts.get(lhs.name) ?? new Set<Fact>();
    if ((op === '>' && c >= 0) || (op === '>=' && c > 0)) fs.add('positive');
    else if (op === '>=' && c === 0) fs.add('nonnegative');
    else if ((op === '<' && c <= 0) || (op === '<=' && c < 0)) fs.add('negative');
    else if (op === '<=' && c === 0) fs.add('nonpositive');
    else if (op === '!=' && c === 0) fs.add('nonzero');
    else return; // a bound the sign rules cannot use (x > -1); kept as a bound above
    this.facts.set(lhs.name, fs);
  }

  /** `integer(n)`, `interval(p, lo, hi)`; false when the call is not one of these. */
  private addCall(fn: string, args: readonly Expr[]): boolean {
    if (fn === 'integer' && args.length >= 1 && args.every((a) => a.kind === 'sym')) {
      for (const a of args) if (a.kind === 'sym') this.integers.add(a.name);
      return true;
    }
    if (fn === 'interval' && args.length === 3 && args[0]!.kind === 'sym') {
      const name = args[0]!.name;
      const lo = constantValue(args[1]!);
      const hi = constantValue(args[2]!);
      if (lo === undefined || hi === undefined || !(lo < hi)) {
        throw new AlgebraError(`interval(${name}, lo, hi) needs numbers lo < hi, got ${text(args[1]!)} and ${text(args[2]!)}`);
      }
      this.add(rel('>', args[0]!, args[1]!));
      this.add(rel('<', args[0]!, args[2]!));
      return true;
    }
    return false;
  }

  private addBound(name: string, op: string, c: number): void {
    if (op === '!=') {
      this.excluded.set(name, [...(this.excluded.get(name) ?? []), c]);
      return;
    }
    const strict = op === '<' || op === '>';
    if (op === '>' || op === '>=') {
      const old = this.lower.get(name);
      if (old === undefined || c > old.value || (c === old.value && strict)) this.lower.set(name, { value: c, strict });
    } else if (op === '<' || op === '<=') {
      const old = this.upper.get(name);
      if (old === undefined || c < old.value || (c === old.value && strict)) this.upper.set(name, { value: c, strict });
    }
  }

  /** Is `n` assumed to be an integer? */
  isInteger(name: string): boolean {
    return this.integers.has(name);
  }

  /** The lower and upper ends known for a symbol (from bounds and sign facts). */
  boundsOf(name: string): { lo?: Bound; hi?: Bound } {
    let lo = this.lower.get(name);
    let hi = this.upper.get(name);
    const tighterLo = (b: Bound): void => { if (lo === undefined || b.value > lo.value || (b.value === lo.value && b.strict)) lo = b; };
    const tighterHi = (b: Bound): void => { if (hi === undefined || b.value < hi.value || (b.value === hi.value && b.strict)) hi = b; };
    if (this.has(name, 'positive')) tighterLo({ value: 0, strict: true });
    if (this.has(name, 'nonnegative')) tighterLo({ value: 0, strict: false });
    if (this.has(name, 'negative')) tighterHi({ value: 0, strict: true });
    if (this.has(name, 'nonpositive')) tighterHi({ value: 0, strict: false });
    return { ...(lo ? { lo } : {}), ...(hi ? { hi } : {}) };
  }

  /** Values a symbol is assumed not to take (`p != -1`; `!= 0` also from the nonzero fact). */
  excludedValues(name: string): readonly number[] {
    const vs = this.excluded.get(name) ?? [];
    return this.has(name, 'nonzero') && !vs.includes(0) ? [...vs, 0] : vs;
  }

  /** The orders between symbols (`b > a`). */
  get orderings(): readonly Order[] {
    return this.orders;
  }

  /** Is `name` assumed different from `c`, by an exclusion or a bound? */
  excludes(name: string, c: number): boolean {
    if (this.excludedValues(name).includes(c)) return true;
    const { lo, hi } = this.boundsOf(name);
    if (lo !== undefined && (c < lo.value || (c === lo.value && lo.strict))) return true;
    if (hi !== undefined && (c > hi.value || (c === hi.value && hi.strict))) return true;
    return this.isInteger(name) && !Number.isInteger(c);
  }

  has(name: string, f: Fact): boolean {
    return this.facts.get(name)?.has(f) ?? false;
  }

  /** True when no symbol has a recorded fact. */
  get empty(): boolean {
    return this.facts.size === 0 && this.integers.size === 0 && this.lower.size === 0 && this.upper.size === 0
      && this.excluded.size === 0 && this.orders.length === 0;
  }

  /** Can `e` be assumed real wherever it is defined? */
  isReal(e: Expr): boolean {
    return this.real && !dependsOn(e, I);
  }

  isPositive(e: Expr): boolean {
    return sign(e, this) === 'pos';
  }

  isNonNegative(e: Expr): boolean {
    const s = sign(e, this);
    return s === 'pos' || s === 'nonneg' || s === 'zero';
  }

  isNegative(e: Expr): boolean {
    return sign(e, this) === 'neg';
  }
}

type Sign = 'pos' | 'nonneg' | 'neg' | 'nonpos' | 'zero' | 'unknown';

const negate: Record<Sign, Sign> = { pos: 'neg', nonneg: 'nonpos', neg: 'pos', nonpos: 'nonneg', zero: 'zero', unknown: 'unknown' };

function mulSign(a: Sign, b: Sign): Sign {
  if (a === 'zero' || b === 'zero') return 'zero';
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  const neg = (a === 'neg' || a === 'nonpos') !== (b === 'neg' || b === 'nonpos');
  const strict = (a === 'pos' || a === 'neg') && (b === 'pos' || b === 'neg');
  return neg ? (strict ? 'neg' : 'nonpos') : (strict ? 'pos' : 'nonneg');
}

function addSign(a: Sign, b: Sign): Sign {
  if (a === 'zero') return b;
  if (b === 'zero') return a;
  const up = (s: Sign): boolean => s === 'pos' || s === 'nonneg';
  const down = (s: Sign): boolean => s === 'neg' || s === 'nonpos';
  if (up(a) && up(b)) return a === 'pos' || b === 'pos' ? 'pos' : 'nonneg';
  if (down(a) && down(b)) return a === 'neg' || b === 'neg' ? 'neg' : 'nonpos';
  return 'unknown';
}

/** The sign of `e` wherever it is defined (real), as far as the assumptions tell. */
export function sign(e: Expr, A: Assumptions): Sign {
  switch (e.kind) {
    case 'num': case 'float': {
      const v = numberValue(e);
      return v > 0 ? 'pos' : v < 0 ? 'neg' : 'zero';
    }
    case 'sym':
      if (e.name === 'pi' || e.name === 'e' || e.name === 'inf') return 'pos';
      if (A.has(e.name, 'positive')) return 'pos';
      if (A.has(e.name, 'negative')) return 'neg';
      if (A.has(e.name, 'nonnegative')) return 'nonneg';
      if (A.has(e.name, 'nonpositive')) return 'nonpos';
      return 'unknown';
    case 'add': return e.args.map((a) => sign(a, A)).reduce(addSign);
    case 'mul': return e.args.map((a) => sign(a, A)).reduce(mulSign);
    case 'pow': {
      const b = sign(e.base, A);
      if (b === 'pos') return A.isReal(e.exp) ? 'pos' : 'unknown';
      if (e.exp.kind === 'num') {
        const [p, q] = e.exp.value;
        if (q % 2n === 0n) return b === 'zero' ? 'zero' : 'nonneg'; // an even root, where it is defined (real)
        // A fractional power of a base that may be negative is the principal power: complex, no sign (as SymPy).
        if (q !== 1n) return b === 'zero' ? 'zero' : b === 'nonneg' ? 'nonneg' : 'unknown';
        if (p % 2n === 0n && A.isReal(e.base)) return b === 'neg' ? 'pos' : 'nonneg';
        if (p < 0n) return b === 'neg' || b === 'nonpos' ? (p % 2n === 0n ? 'pos' : 'neg') : b === 'nonneg' ? 'pos' : b;
        if (p % 2n === 1n) return b === 'nonneg' ? 'nonneg' : b === 'nonpos' ? 'nonpos' : b;
      }
      return b === 'zero' ? 'zero' : b === 'nonneg' && A.isReal(e.exp) ? 'nonneg' : 'unknown';
    }
    case 'call': {
      const a = e.args[0];
      if (a === undefined) return 'unknown';
      switch (e.fn) {
        case 'exp': case 'cosh': return A.isReal(a) ? 'pos' : 'unknown';
        case 'abs': return A.isReal(a) ? (sign(a, A) === 'pos' || sign(a, A) === 'neg' ? 'pos' : 'nonneg') : 'unknown';
        case 'sqrt': case 'gamma': return 'unknown';
        case 'sinh': case 'tanh': case 'atan': case 'asinh': case 'erf': case 'atanh': return sign(a, A) === 'zero' ? 'zero' : oddSign(sign(a, A));
        case 'factorial': return 'unknown';
        default: return 'unknown';
      }
    }
    default: return 'unknown';
  }
}

/** The value of a closed numeric expression (`-1`, `1/2`, `pi`), or undefined. */
function constantValue(e: Expr): number | undefined {
  if (isNumber(e)) return numberValue(e);
  try {
    const v = evaluate(e);
    return Number.isFinite(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** An odd increasing function has the sign of its argument. */
function oddSign(s: Sign): Sign {
  return s;
}

export { negate as negateSign };
