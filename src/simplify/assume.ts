/**
 * Assumptions about symbols (`x > 0`, `y >= 0`, `n != 0`) and the sign reasoning built on them, which
 * domain-sensitive identities consult: `sqrt(x^2) = x` needs x ≥ 0, `log(x^y) = y log(x)` needs x > 0.
 * Symbols are real unless `real: false` is given (Lousa evaluates over the real numbers); `i` never is.
 */
import { type Expr, isNumber, numberValue, I } from '../ast/expr.js';
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

/** What is known about each symbol. */
export class Assumptions {
  private readonly facts = new Map<string, Set<Fact>>();
  constructor(readonly real = true) {}

  static from(opts: AssumptionOptions = {}, base?: Assumptions): Assumptions {
    const a = new Assumptions(opts.real ?? base?.real ?? true);
    if (base) for (const [k, fs] of base.facts) a.facts.set(k, new Set(fs));
    const given = opts.assumptions;
    const list = given === undefined ? [] : Array.isArray(given) ? given : [given as Expr];
    for (const r of list) a.add(r);
    return a;
  }

  /** Record a relation `x > 0`, `x >= 0`, `x < 0`, `x <= 0`, `x != 0` (either side), or a list of them. */
  add(r: Expr): void {
    if (r.kind === 'list') {
      r.items.forEach((x) => this.add(x));
      return;
    }
    if (r.kind !== 'rel') throw new AlgebraError(`an assumption must be a relation such as x > 0, got ${text(r)}`);
    let { op, lhs, rhs } = r;
    if (lhs.kind !== 'sym' && rhs.kind === 'sym') {
      [lhs, rhs] = [rhs, lhs];
      op = op === '<' ? '>' : op === '>' ? '<' : op === '<=' ? '>=' : op === '>=' ? '<=' : op;
    }
    if (lhs.kind !== 'sym' || !isNumber(rhs)) {
      throw new AlgebraError(`assumptions are about one symbol and a number (x > 0, y >= 1, n != 0), got ${text(r)}`);
    }
    const c = numberValue(rhs);
    const fs = this.facts.get(lhs.name) ?? new Set<Fact>();
    if ((op === '>' && c >= 0) || (op === '>=' && c > 0)) fs.add('positive');
    else if (op === '>=' && c === 0) fs.add('nonnegative');
    else if ((op === '<' && c <= 0) || (op === '<=' && c < 0)) fs.add('negative');
    else if (op === '<=' && c === 0) fs.add('nonpositive');
    else if (op === '!=' && c === 0) fs.add('nonzero');
    else if (op === '=') throw new AlgebraError(`${text(r)} is a value, not an assumption; assign it with ${lhs.name} := ${text(rhs)}`);
    else return; // a true but unused bound (x > -1): nothing the rules can use
    this.facts.set(lhs.name, fs);
  }

  has(name: string, f: Fact): boolean {
    return this.facts.get(name)?.has(f) ?? false;
  }

  /** True when no symbol has a recorded fact. */
  get empty(): boolean {
    return this.facts.size === 0;
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

/** An odd increasing function has the sign of its argument. */
function oddSign(s: Sign): Sign {
  return s;
}

export { negate as negateSign };
