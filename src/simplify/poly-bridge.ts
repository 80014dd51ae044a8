/**
 * Between expressions and exact polynomials over ℚ. Every subterm that is not built from numbers by
 * `+`, `*` and integer powers becomes a polynomial variable (a kernel): symbols, calls such as `sin(x)` or
 * `exp(x)`, and powers with symbolic exponents. Radicals share one kernel per base: if `x^(1/2)` and `x^(1/3)`
 * both occur, the kernel is `x^(1/6)` and `x = (x^(1/6))^6`, so products of radicals combine exactly.
 * Quotients become rational functions `num/den` (two polynomials over the same kernels).
 */
import {
  type Expr, add, call, mul, pow, num, numOf, float, frac, ZERO, MINUS_ONE, I,
} from '../ast/expr.js';
import { type Rational, rat, rfromNumber, rtoNumber, rmul } from '../ast/rational.js';
import { Poly, primitiveZ } from '../poly/index.js';
import { compare } from '../ast/order.js';
import { AlgebraError, ALGEBRA_LIMITS, LimitError, binomialBound } from './errors.js';

export interface RatFun {
  readonly num: Poly;
  readonly den: Poly;
}

type Shape =
  | { kind: 'num'; value: Rational }
  | { kind: 'sum'; args: readonly Expr[] }
  | { kind: 'prod'; args: readonly Expr[] }
  | { kind: 'intpow'; base: Expr; n: number }
  | { kind: 'radical'; base: Expr; p: number; q: number }
  | { kind: 'atom'; atom: Expr; k?: number };

const identity = (e: Expr): Expr => e;
const gcdInt = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcdInt(b, a % b));
const small = (r: Rational): boolean => r[0] >= -(2n ** 31n) && r[0] <= 2n ** 31n && r[1] <= 2n ** 31n;

/**
 * The kernels of a set of expressions, fixed once scanned, and the conversions. Create with `Kernels.of`,
 * listing every expression that will be converted, so that all polynomials share one variable list.
 */
export class Kernels {
  /** Kernel i is `bases[i]^(1/roots[i])`. */
  readonly bases: Expr[] = [];
  readonly roots: number[] = [];
  /** A float occurred: rebuilt coefficients are floats. */
  inexact = false;
  private readonly pos = new Map<Expr, number>();
  private readonly shapes = new Map<Expr, Shape>();
  private readonly normMemo = new Map<Expr, Expr>();
  private readonly ratMemo = new Map<Expr, RatFun>();
  private frozen = false;

  private constructor(
    private readonly normArg: (e: Expr) => Expr,
    private readonly sumDenominators: boolean,
  ) {}

  /**
   * Scan `exprs` (and put the optional `first` kernels at the front, in order). With `sumDenominators`, a
   * negative power of a sum stays a kernel `(a + b)^(-1)` instead of becoming a denominator (for `expand`).
   */
  static of(
    exprs: readonly Expr[],
    opts: { normArg?: (e: Expr) => Expr; first?: readonly Expr[]; sumDenominators?: boolean } = {},
  ): Kernels {
    const k = new Kernels(opts.normArg ?? identity, opts.sumDenominators ?? false);
    const first = opts.first ?? [];
    for (const f of first) k.note(f, 1);
    for (const e of exprs) k.scan(e);
    k.sortKernels(first.length);
    k.frozen = true;
    return k;
  }

  /** Canonical variable order (the structural order of expressions), so results do not depend on scan order. */
  private sortKernels(fixed: number): void {
    const idx = this.bases.map((_, i) => i);
    const rest = idx.slice(fixed).sort((a, b) => compare(this.bases[a]!, this.bases[b]!));
    const order = [...idx.slice(0, fixed), ...rest];
    const bases = order.map((i) => this.bases[i]!);
    const roots = order.map((i) => this.roots[i]!);
    this.bases.splice(0, bases.length, ...bases);
    this.roots.splice(0, roots.length, ...roots);
    this.pos.clear();
    this.bases.forEach((b, i) => this.pos.set(b, i));
  }

  get nvars(): number {
    return this.bases.length;
  }

  /** The expression of kernel i. */
  kernel(i: number): Expr {
    const r = this.roots[i]!;
    return r === 1 ? this.bases[i]! : pow(this.bases[i]!, frac(1, r));
  }

  /** Index of the kernel whose base is `e` (a symbol, call, …), if any. */
  indexOf(e: Expr): number | undefined {
    return this.pos.get(e);
  }

  private norm(e: Expr): Expr {
    let out = this.normMemo.get(e);
    if (out === undefined) {
      out = this.normArg(e);
      this.normMemo.set(e, out);
    }
    return out;
  }

  private note(base: Expr, root: number): void {
    const i = this.pos.get(base);
    if (i !== undefined) {
      const r = this.roots[i]!;
      this.roots[i] = (r / gcdInt(r, root)) * root;
      return;
    }
    if (this.frozen) throw new AlgebraError('internal: a kernel appeared after the variable list was fixed');
    if (this.bases.length >= ALGEBRA_LIMITS.maxKernels) {
      throw new LimitError(`more than ${ALGEBRA_LIMITS.maxKernels} distinct symbols and non-polynomial subterms`);
    }
    this.pos.set(base, this.bases.length);
    this.bases.push(base);
    this.roots.push(root);
  }

  private shape(e: Expr): Shape {
    let s = this.shapes.get(e);
    if (s === undefined) {
      s = this.classify(e);
      this.shapes.set(e, s);
    }
    return s;
  }

  private classify(e: Expr): Shape {
    switch (e.kind) {
      case 'num': return { kind: 'num', value: e.value };
      case 'float': this.inexact = true; return { kind: 'num', value: rfromNumber(e.value) };
      case 'sym': return { kind: 'atom', atom: e };
      case 'add': return { kind: 'sum', args: e.args };
      case 'mul': return { kind: 'prod', args: e.args };
      case 'call': return { kind: 'atom', atom: this.callAtom(e.fn, e.args) };
      case 'pow': {
        const x = e.exp;
        if (x.kind === 'num' && small(x.value)) {
          const [p, q] = [Number(x.value[0]), Number(x.value[1])];
          if (q === 1) {
            if (p < 0 && this.sumDenominators) {
              const b = this.norm(e.base);
              if (b.kind === 'add') return { kind: 'atom', atom: pow(b, MINUS_ONE), k: -p };
            }
            return { kind: 'intpow', base: e.base, n: p };
          }
          const b = e.base;
          const negNum = (b.kind === 'num' && b.value[0] < 0n) || b.kind === 'float';
          if (!negNum) return { kind: 'radical', base: b.kind === 'num' ? b : this.norm(b), p, q };
        }
        // x^(c·u + j) = (x^u)^c·x^j for whole c and j (principal branch), so x^(n + 4), x^(n + 2), x^(2n) and
        // x^-(n - 1) are polynomials in the one kernel x^n: gcd(2x^(n+4) − x^(n+2), 4x^(n+1) + 3x^n) = x^n.
        // (A number base keeps its power whole: 2^(n + 1) stays one kernel, as it reads.)
        const lin = e.base.kind === 'num' ? undefined : linearExponent(x);
        if (lin !== undefined) {
          const [u, c, j] = lin;
          if (j !== 0) return { kind: 'prod', args: [pow(e.base, mul(num(c), u)), pow(e.base, num(j))] };
          if (c !== 1) return { kind: 'intpow', base: pow(e.base, u), n: c };
        }
        return { kind: 'atom', atom: pow(this.norm(e.base), this.norm(e.exp)) };
      }
      default: throw new AlgebraError(`expected a scalar expression, got a ${e.kind === 'rel' ? 'relation' : e.kind}`);
    }
  }

  private callAtom(fn: string, args: readonly Expr[]): Expr {
    return call(fn, args.map((a) => this.norm(a)));
  }

  private scan(e: Expr): void {
    const seen = new Set<Expr>();
    const go = (x: Expr): void => {
      if (seen.has(x)) return;
      seen.add(x);
      const s = this.shape(x);
      switch (s.kind) {
        case 'num': return;
        case 'sum': case 'prod': s.args.forEach(go); return;
        case 'intpow': go(s.base); return;
        case 'radical': this.note(s.base, s.q); return;
        case 'atom': this.note(s.atom, 1); return;
      }
    };
    go(e);
  }

  /** `e` as a quotient of polynomials in the kernels. */
  toRatFun(e: Expr): RatFun {
    const hit = this.ratMemo.get(e);
    if (hit !== undefined) return hit;
    const out = this.convert(e);
    this.ratMemo.set(e, out);
    return out;
  }

  /** `e` as a polynomial in the kernels; an AlgebraError if it has a non-constant denominator. */
  toPoly(e: Expr, what = 'expression'): Poly {
    const r = this.toRatFun(e);
    if (!r.den.isConstant()) throw new AlgebraError(`the ${what} is not a polynomial (it has a denominator)`);
    return r.num.scale(inv(r.den.constantValue()));
  }

  private constant(c: Rational): RatFun {
    return { num: Poly.constant(this.nvars, c), den: Poly.one(this.nvars) };
  }

  private convert(e: Expr): RatFun {
    const s = this.shape(e);
    const n = this.nvars;
    switch (s.kind) {
      case 'num': return this.constant(s.value);
      case 'sum': return s.args.map((a) => this.toRatFun(a)).reduce(addRat);
      case 'prod': return s.args.map((a) => this.toRatFun(a)).reduce(mulRat);
      case 'intpow': return powRat(this.toRatFun(s.base), s.n);
      case 'radical': case 'atom': {
        const base = s.kind === 'atom' ? s.atom : s.base;
        const i = this.pos.get(base)!;
        const L = this.roots[i]!;
        const k = s.kind === 'atom' ? L * (s.k ?? 1) : (s.p * L) / s.q;
        const v = Poly.variable(n, i, Math.abs(k));
        return k >= 0 ? { num: v, den: Poly.one(n) } : { num: Poly.one(n), den: v };
      }
    }
  }

  /** The expression of a polynomial in the kernels. */
  fromPoly(p: Poly): Expr {
    return this.fromTerms(p.terms);
  }

  /** The expression of Σ coef·∏ kernel^exp, where exponents may be negative (Laurent monomials). */
  fromTerms(ts: readonly { exp: readonly number[]; coef: Rational }[]): Expr {
    const terms: Expr[] = [];
    for (const t of ts) {
      let c: Rational = t.coef;
      const fs: Expr[] = [];
      t.exp.forEach((e, i) => {
        if (e === 0) return;
        const base = this.bases[i]!;
        const L = this.roots[i]!;
        if (base.kind === 'num' && (e >= L || e < 0)) {
          const a = Math.floor(e / L);
          c = rmul(c, powRational(base.value, a));
          e -= a * L;
          if (e > 0) fs.push(pow(base, frac(e, L)));
        } else if (base === I && L === 1) {
          const m = ((e % 4) + 4) % 4;
          if (m >= 2) c = [-c[0], c[1]];
          if (m % 2 === 1) fs.push(I);
        } else fs.push(pow(this.kernel(i), num(e)));
      });
      terms.push(mul(this.coef(c), ...joinSymbolicPowers(fs)));
    }
    return terms.length === 0 ? (this.inexact ? float(0) : ZERO) : add(...terms);
  }

  coef(c: Rational): Expr {
    return this.inexact ? float(rtoNumber(c)) : numOf(c);
  }

  /** num/den with a monomial denominator as a sum of Laurent monomials; undefined for other denominators. */
  fromLaurent(r: RatFun): Expr | undefined {
    if (r.den.terms.length !== 1) return undefined;
    const d = r.den.terms[0]!;
    const c = inv(d.coef);
    return this.fromTerms(r.num.terms.map((t) => ({ exp: t.exp.map((e, i) => e - d.exp[i]!), coef: rmul(t.coef, c) })));
  }

  /** The expression of num/den, with the denominator primitive over ℤ and its numeric content moved up. */
  fromRatFun(r: RatFun): Expr {
    if (r.num.isZero()) return this.inexact ? float(0) : ZERO;
    if (r.den.isConstant()) return this.fromPoly(r.num.scale(inv(r.den.constantValue())));
    const { content, primitive } = primitiveZ(r.den);
    let den = primitive;
    let c = inv(content);
    if (den.lc()[0] < 0n) {
      den = den.neg();
      c = [-c[0], c[1]];
    }
    return mul(this.fromPoly(r.num.scale(c)), pow(this.fromPoly(den), MINUS_ONE));
  }
}

export const inv = (c: Rational): Rational => rat(c[1], c[0]);

/**
 * An exponent as c·u + j with whole c and j, u's first term with a positive unit coefficient; undefined when
 * the exponent has fractional coefficients or no symbolic part.
 */
function linearExponent(x: Expr): [Expr, number, number] | undefined {
  if (x.kind !== 'add' && x.kind !== 'mul') return undefined;
  const coefs = new Map<Expr, Rational>();
  const addTerm = (t: Expr, k: Rational): void => {
    if (t.kind === 'num') {
      const prev = coefs.get(ONE_KEY) ?? rat(0n);
      coefs.set(ONE_KEY, [prev[0] * t.value[1] * k[1] + t.value[0] * k[0] * prev[1], prev[1] * t.value[1] * k[1]]);
      return;
    }
    if (t.kind === 'mul' && t.args[0]!.kind === 'num') {
      const c = t.args[0]!.value;
      const rest = mul(...t.args.slice(1));
      const kk: Rational = [k[0] * c[0], k[1] * c[1]];
      if (rest.kind === 'add') rest.args.forEach((a) => addTerm(a, kk));
      else addTerm(rest, kk);
      return;
    }
    const prev = coefs.get(t) ?? rat(0n);
    coefs.set(t, [prev[0] * k[1] + k[0] * prev[1], prev[1] * k[1]]);
  };
  (x.kind === 'add' ? x.args : [x]).forEach((t) => addTerm(t, rat(1n)));
  const norm = (r: Rational): Rational => rat(r[0], r[1]);
  const constant = norm(coefs.get(ONE_KEY) ?? rat(0n));
  coefs.delete(ONE_KEY);
  const sym = [...coefs].map(([t, c]) => [t, norm(c)] as const).filter(([, c]) => c[0] !== 0n);
  if (sym.length === 0 || constant[1] !== 1n || sym.some(([, c]) => c[1] !== 1n)) return undefined;
  let g = sym.reduce((acc, [, c]) => gcdInt(acc, Number(c[0])), 0);
  if (sym[0]![1][0] < 0n) g = -g;
  if (!Number.isSafeInteger(g) || !Number.isSafeInteger(Number(constant[0]))) return undefined;
  const u = add(...sym.map(([t, c]) => mul(num(c[0] / BigInt(g)), t)));
  return [u, g, Number(constant[0])];
}
const ONE_KEY = num(1);

/** x^n·x^2 = x^(n + 2): powers of one base join when an exponent is symbolic (the inverse of the split in classify). */
export function joinSymbolicPowers(fs: readonly Expr[]): Expr[] {
  const parts = fs.map((f): [Expr, Expr] => (f.kind === 'pow' ? [f.base, f.exp] : [f, num(1)]));
  const symbolic = new Set(parts.filter(([, x]) => x.kind !== 'num').map(([b]) => b));
  if (symbolic.size === 0) return [...fs];
  const out: Expr[] = [];
  const joined = new Map<Expr, Expr[]>();
  for (const [b, x] of parts) {
    if (!symbolic.has(b)) out.push(x === num(1) ? b : pow(b, x));
    else joined.set(b, [...(joined.get(b) ?? []), x]);
  }
  for (const [b, xs] of joined) out.push(pow(b, sumCollected(xs)));
  return out;
}

/** A sum with like terms collected (c₁·t + c₂·t = (c₁ + c₂)·t), for exponents such as n − n + 2. */
function sumCollected(xs: readonly Expr[]): Expr {
  const coefs = new Map<Expr, Rational>();
  const flat = xs.flatMap((x) => (x.kind === 'add' ? x.args : [x]));
  for (const t of flat) {
    const [c, rest] = t.kind === 'num' ? [t.value, num(1)] : t.kind === 'mul' && t.args[0]!.kind === 'num'
      ? [t.args[0]!.value, mul(...t.args.slice(1))] : [rat(1n), t];
    const prev = coefs.get(rest);
    coefs.set(rest, prev === undefined ? c : [prev[0] * c[1] + c[0] * prev[1], prev[1] * c[1]]);
  }
  return add(...[...coefs].map(([t, c]) => mul(numOf(rat(c[0], c[1])), t)));
}

function powRational(b: Rational, k: number): Rational {
  const r = rat(b[0] ** BigInt(Math.abs(k)), b[1] ** BigInt(Math.abs(k)));
  return k >= 0 ? r : inv(r);
}

export function addRat(a: RatFun, b: RatFun): RatFun {
  if (a.den.equals(b.den)) return { num: a.num.add(b.num), den: a.den };
  if (b.den.isConstant() && a.den.isConstant()) {
    return { num: a.num.scale(inv(a.den.constantValue())).add(b.num.scale(inv(b.den.constantValue()))), den: Poly.one(a.num.nvars) };
  }
  return { num: a.num.mul(b.den).add(b.num.mul(a.den)), den: a.den.mul(b.den) };
}

export function mulRat(a: RatFun, b: RatFun): RatFun {
  return { num: a.num.mul(b.num), den: a.den.mul(b.den) };
}

export function powRat(a: RatFun, n: number): RatFun {
  if (n === 0) return { num: Poly.one(a.num.nvars), den: Poly.one(a.num.nvars) };
  const k = Math.abs(n);
  const r = n > 0 ? a : { num: a.den, den: a.num };
  if (r.den.isZero()) throw new AlgebraError('division by zero');
  return { num: powPoly(r.num, k), den: powPoly(r.den, k) };
}

/** p^k with a check that the result stays within the size limits. */
export function powPoly(p: Poly, k: number): Poly {
  const t = p.terms.length;
  if (t > 1) {
    const deg = p.degree() * k;
    const bound = binomialBound(k + t - 1, t - 1);
    if (deg > ALGEBRA_LIMITS.maxDegree || bound > ALGEBRA_LIMITS.maxTerms * 50) {
      throw new LimitError(`expanding a ${t}-term sum to the power ${k} would give up to ${bound.toExponential(1)} terms of degree ${deg}; the limits are ${ALGEBRA_LIMITS.maxTerms} terms and degree ${ALGEBRA_LIMITS.maxDegree}`);
    }
  }
  const out = p.pow(k);
  if (out.terms.length > ALGEBRA_LIMITS.maxTerms) {
    throw new LimitError(`the expanded result has ${out.terms.length} terms; the limit is ${ALGEBRA_LIMITS.maxTerms}`);
  }
  return out;
}
