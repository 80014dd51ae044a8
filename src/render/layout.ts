/**
 * What the text and LaTeX printers share: how a product splits into sign, numerator and denominator, the
 * order sums are shown in, and each node's binding strength (PREC in src/ast/ops.ts).
 */
import { type Expr, type Mul, isNegativeNumber, num, numOf, float, pow, HALF } from '../ast/expr.js';
import { PREC } from '../ast/ops.js';
import { compare } from '../ast/order.js';

export interface Product {
  readonly negative: boolean;
  /** Factors above the line; a coefficient other than 1 comes first. */
  readonly num: readonly Expr[];
  /** Factors below the line (each a positive power). */
  readonly den: readonly Expr[];
}

const isZeroNumber = (e: Expr): boolean => (e.kind === 'num' && e.value[0] === 0n) || (e.kind === 'float' && e.value === 0);

/**
 * A power shown below a fraction line: a negative numeric exponent, except on zero (`0^-2` stays as written,
 * since `1/0^2` would read back as `1/0`).
 */
export const isDenominatorPower = (e: Expr): boolean =>
  e.kind === 'pow' && isNegativeNumber(e.exp)
  && (!isZeroNumber(e.base) || (e.exp.kind === 'num' && e.exp.value[0] === -1n && e.exp.value[1] === 1n));
const isNegativeNumericExp = isDenominatorPower;

/** Does `e` print as a quotient or with a leading minus sign? */
export function isQuotientLike(e: Expr): boolean {
  return e.kind === 'mul' || isNegativeNumericExp(e) || (e.kind === 'num' && e.value[1] !== 1n) || isNegativeNumber(e);
}

/** Split a product (or a lone negative power or number) into sign, numerator and denominator. */
export function productParts(e: Expr): Product {
  const factors: readonly Expr[] = e.kind === 'mul' ? (e as Mul).args : [e];
  let negative = false;
  const top: Expr[] = [];
  const bottom: Expr[] = [];
  for (const f of factors) {
    if (f.kind === 'num') {
      let [p, q] = f.value;
      if (p < 0n) {
        negative = !negative;
        p = -p;
      }
      if (p !== 1n) top.push(num(p));
      if (q !== 1n) bottom.push(num(q));
    } else if (f.kind === 'float') {
      if (f.value < 0) negative = !negative;
      top.push(f.value >= 0 ? f : float(-f.value, f.decimal?.slice(1)));
    } else if (f.kind === 'pow' && isDenominatorPower(f)) {
      const e2 = f.exp.kind === 'num' ? numOf([-f.exp.value[0], f.exp.value[1]]) : float(-(f.exp as { value: number }).value);
      bottom.push(pow(f.base, e2));
    } else top.push(f);
  }
  return { negative, num: top, den: bottom };
}

/** The numeric exponent's "degree" contribution of a term, used to show sums highest degree first. */
function degree(e: Expr): number {
  switch (e.kind) {
    case 'sym': return ['pi', 'e', 'i', 'inf', 'nan'].includes(e.name) ? 0 : 1;
    case 'pow': {
      const d = degree(e.base);
      if (e.exp.kind === 'num') return d * (Number(e.exp.value[0]) / Number(e.exp.value[1]));
      if (e.exp.kind === 'float') return d * e.exp.value;
      return d;
    }
    case 'mul': return e.args.reduce((s, a) => s + degree(a), 0);
    case 'add': return Math.max(...e.args.map(degree));
    default: return 0;
  }
}

/** True when a term of a sum shows with a minus sign. */
export function isNegativeTerm(e: Expr): boolean {
  if (isNegativeNumber(e)) return true;
  if (e.kind === 'mul') return productParts(e).negative;
  return false;
}

/** Exponent of each symbol in a term (its polynomial part), for ordering terms as in `a^3 + 3a^2 b + 3a b^2 + b^3`. */
function exponents(e: Expr, out: Map<string, number>, k = 1): Map<string, number> {
  if (e.kind === 'sym' && degree(e) === 1) out.set(e.name, (out.get(e.name) ?? 0) + k);
  else if (e.kind === 'pow' && e.base.kind === 'sym' && e.exp.kind === 'num') {
    exponents(e.base, out, k * (Number(e.exp.value[0]) / Number(e.exp.value[1])));
  } else if (e.kind === 'mul') for (const a of e.args) exponents(a, out, k);
  return out;
}

/** Terms of a sum in the order people write them: highest degree first, then lexicographic in the variables, numbers last, a positive lead. */
export function sumOrder(terms: readonly Expr[]): Expr[] {
  const keyed = terms.map((t) => ({ t, d: degree(t), n: t.kind === 'num' || t.kind === 'float', x: exponents(t, new Map()) }));
  const names = [...new Set(keyed.flatMap((k) => [...k.x.keys()]))].sort();
  const lex = (a: Map<string, number>, b: Map<string, number>): number => {
    for (const n of names) {
      const d = (b.get(n) ?? 0) - (a.get(n) ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  };
  keyed.sort((a, b) => (b.d - a.d) || (Number(a.n) - Number(b.n)) || lex(a.x, b.x) || compare(a.t, b.t));
  const out = keyed.map((k) => k.t);
  if (isNegativeTerm(out[0]!)) {
    const k = out.findIndex((t) => !isNegativeTerm(t));
    if (k > 0) out.unshift(...out.splice(k, 1));
  }
  return out;
}

/** Binding strength of a node as printed (text and LaTeX agree except where noted by the printer). */
export function precOf(e: Expr): number {
  switch (e.kind) {
    case 'num':
      if (e.value[1] !== 1n) return PREC.mul;
      return e.value[0] < 0n ? PREC.neg : PREC.atom;
    case 'float': return e.value < 0 ? PREC.neg : PREC.atom;
    case 'sym': case 'list': return PREC.atom;
    case 'add': return PREC.add;
    case 'mul': {
      const p = productParts(e);
      if (p.den.length > 0 || p.num.length > 1) return PREC.mul;
      return p.negative ? PREC.neg : precOf(p.num[0] ?? e);
    }
    case 'pow':
      if (isDenominatorPower(e)) return PREC.mul;
      return e.exp === HALF ? PREC.atom : PREC.pow;
    case 'call': return e.fn === 'factorial' ? PREC.postfix : PREC.atom;
    case 'rel': return PREC.rel;
    case 'define': return PREC.define;
  }
}
