/**
 * Truncated generalised power series in a variable t → 0⁺, the engine under `series` and `limit`.
 *
 * A series is exp(G(t)) · Σ c_k t^(e_k) + O(t^ord): the exponents e_k are rationals (Puiseux series), the
 * coefficients c_k are expressions free of t, except that they may contain the symbol LOG_T standing for log t
 * (which varies more slowly than any power, so a coefficient polynomial in log t still orders the terms
 * correctly). G is a "polar" polynomial Σ g_j t^(−f_j) with f_j > 0 and constant g_j; it carries essential
 * singularities such as exp(1/t), so that e^x·x^−5 at x → ∞ is exp(1/t)·t^5. Two series with different G are
 * compared by the sign of the leading term of G₁ − G₂: the larger one swamps the other beyond all powers of t.
 *
 * This is the comparability-class idea of D. Gruntz's limit algorithm ("On Computing Limits in a Symbolic
 * Manipulation System", ETH Zürich thesis, 1996) restricted to one exponential level above the powers, which
 * covers products and quotients of polynomials, exponentials of rational functions, logarithms and the
 * elementary functions composed with them. Deeper towers (exp(exp(x))/exp(x^2)) raise SeriesError and the caller
 * says the limit is undetermined.
 */
import { type Expr, ZERO, ONE, add, mul, pow, call, numOf, sym, isNumber, numberValue, int, neg } from '../ast/expr.js';
import { type Rational, rat, radd, rsub, rmul, rdiv, rcmp, ZERO as RZERO, ONE as RONE } from '../ast/rational.js';
import { seriesOf, leadingCoefficient } from './expand.js';
import { diff } from '../diff/diff.js';
import { evaluate } from '../eval/evaluate.js';
import { freeSymbols } from '../eval/n.js';
import { expand, simplify } from '../simplify/index.js';
import { substitute } from '../ast/walk.js';
import { isZeroCoef } from './zero.js';
import { type Assumptions, sign } from '../simplify/assume.js';
import { checkBudget } from './budget.js';

export class SeriesError extends Error {
  override name = 'SeriesError';
}

/** A decision needs the sign of a parameter that the assumptions do not give. */
export class SignUnknownError extends SeriesError {
  override name = 'SignUnknownError';
  constructor(readonly symbols: readonly string[]) {
    super(`the sign of a coefficient depends on ${symbols.join(', ')}, whose sign is unknown`);
  }
}

let assumed: Assumptions | undefined;

/** Run `f` with what is assumed about the parameters (their signs decide leading terms). */
export function withAssumptions<T>(A: Assumptions | undefined, f: () => T): T {
  const outer = assumed;
  assumed = A;
  try {
    return f();
  } finally {
    assumed = outer;
  }
}

export const currentAssumptions = (): Assumptions | undefined => assumed;

/** The symbol a coefficient uses for log t. */
export const LOG_T = sym('log_t\u2080');
const S_INNER = sym('s\u2080');

export type Term = readonly [Rational, Expr];

export interface Ser {
  /** Exponent of the exponential factor: polar terms [f, g] meaning g·t^f with f < 0 (empty: no factor). */
  readonly G: readonly Term[];
  /** Terms in increasing exponent, nonzero coefficients. */
  readonly terms: readonly Term[];
  /** Truncation order: terms at t^ord and beyond are unknown; undefined when the series is exact. */
  readonly ord: Rational | undefined;
  /** Terms swamped by a larger exponential factor, kept in case the main terms later cancel exactly. */
  readonly small?: Ser;
  /** Some swamped part was dropped: an exact cancellation of the main terms must not be read as zero. */
  readonly lossy?: boolean;
}

export const minOrd = (a: Rational | undefined, b: Rational | undefined): Rational | undefined =>
  a === undefined ? b : b === undefined ? a : rcmp(a, b) <= 0 ? a : b;

export { isZeroCoef };

// ------------------------------------------------------------------------------------------ construction

export const constant = (c: Expr): Ser => ({ G: [], terms: isZeroCoef(c) ? [] : [[RZERO, c]], ord: undefined });
export const monomial = (e: Rational, c: Expr = ONE): Ser => ({ G: [], terms: [[e, c]], ord: undefined });

function normalise(terms: Term[], ord: Rational | undefined): Term[] {
  terms.sort((a, b) => rcmp(a[0], b[0]));
  const out: Term[] = [];
  for (const [e, c] of terms) {
    if (ord !== undefined && rcmp(e, ord) >= 0) continue;
    const last = out[out.length - 1];
    if (last !== undefined && rcmp(last[0], e) === 0) out[out.length - 1] = [e, add(last[1], c)];
    else out.push([e, c]);
  }
  return out.filter(([, c]) => !isZeroCoef(c));
}

/** Lowest exponent (the valuation); undefined for a series with no known term. */
export const valuation = (s: Ser): Rational | undefined => s.terms[0]?.[0];

function sameG(a: readonly Term[], b: readonly Term[]): boolean {
  const d = normalise([...a, ...b.map(([e, c]) => [e, neg(c)] as Term)], undefined);
  return d.length === 0;
}

/** Sign of G₁ − G₂ as t → 0⁺: +1, −1, or 0 when they are equal. */
function compareG(a: readonly Term[], b: readonly Term[]): number {
  const d = normalise([...a, ...b.map(([e, c]) => [e, neg(c)] as Term)], undefined);
  if (d.length === 0) return 0;
  return signOf(d[0]![1]);
}

/** The sign of a constant coefficient (LOG_T read as log t → −∞). */
export function signOf(c: Expr): number {
  if (isNumber(c)) return Math.sign(numberValue(c));
  const params = freeSymbols(c).filter((s) => s !== LOG_T.name);
  if (params.length > 0) {
    if (assumed !== undefined && params.length === freeSymbols(c).length) {
      const sg = sign(c, assumed);
      if (sg === 'pos') return 1;
      if (sg === 'neg') return -1;
      if (sg === 'zero') return 0;
    }
    throw new SignUnknownError(params);
  }
  if (freeSymbols(c).includes(LOG_T.name)) {
    // A function of log t, which tends to −∞: the sign of its own leading term there (log t = −1/s, s → 0⁺).
    const inner = settle(seriesOf(substitute(c, new Map([[LOG_T, mul(int(-1), pow(S_INNER, int(-1)))]])), S_INNER, rat(6n)));
    return signOf(leadingCoefficient(inner));
  }
  let v = NaN;
  try {
    v = evaluate(c);
  } catch {
    // outside the real domain (log(−1)): not a finite real number
  }
  if (!Number.isFinite(v)) throw new SeriesError('a coefficient is not a finite real number');
  return Math.sign(v);
}

// ------------------------------------------------------------------------------------------ arithmetic

const isExactZero = (a: Ser): boolean => a.terms.length === 0 && a.ord === undefined && a.small === undefined && a.lossy !== true;

/** An exact cancellation of the main terms hands over to the swamped part (or is undecidable if it was lost). */
export function settle(s: Ser): Ser {
  if (s.terms.length > 0 || s.ord !== undefined) return s;
  if (s.small !== undefined) return settle(s.small);
  if (s.lossy === true) throw new SeriesError('every computed term cancelled; more terms are needed');
  return s;
}

const addSmall = (a: Ser | undefined, b: Ser | undefined): Ser | undefined => (a === undefined ? b : b === undefined ? a : addS(a, b));

export function addS(a: Ser, b: Ser): Ser {
  if (isExactZero(a)) return b;
  if (isExactZero(b)) return a;
  if (!sameG(a.G, b.G) && a.terms.length + b.terms.length > 0) {
    const c = compareG(a.G, b.G);
    // The larger exponential swamps the other beyond all powers of t; the other is kept aside.
    const [big, little] = c > 0 ? [a, b] : [b, a];
    if (big.terms.length > 0 || big.ord !== undefined) return { ...big, small: addSmall(big.small, little) };
  }
  const ord = minOrd(a.ord, b.ord);
  const out: Ser = { G: a.G, terms: normalise([...a.terms, ...b.terms], ord), ord, small: addSmall(a.small, b.small), lossy: a.lossy === true || b.lossy === true || undefined };
  return settle(out);
}

export const negS = (a: Ser): Ser => ({ ...a, terms: a.terms.map(([e, c]) => [e, neg(c)] as Term), small: a.small === undefined ? undefined : negS(a.small) });

/** Drop the swamped part before a nonlinear operation (which then only needs the main terms). */
export function main(s: Ser): Ser {
  const t = settle(s);
  if (t.small === undefined) return t;
  return { G: t.G, terms: t.terms, ord: t.ord, lossy: true };
}

export function mulS(a0: Ser, b0: Ser): Ser {
  checkBudget();
  const a = settle(a0);
  const b = settle(b0);
  if (a.small !== undefined || b.small !== undefined) {
    const core = mulS(main(a), main(b));
    const parts = [a.small === undefined ? undefined : mulS(a.small, main(b)), b.small === undefined ? undefined : mulS(main(a), b.small)];
    const small = parts.reduce(addSmall, undefined);
    return { ...core, lossy: a.small !== undefined && b.small !== undefined ? true : core.lossy, small: addSmall(core.small, small) };
  }
  const va = valuation(a);
  const vb = valuation(b);
  let ord: Rational | undefined;
  if (a.ord !== undefined) ord = vb === undefined ? a.ord : radd(a.ord, vb);
  if (b.ord !== undefined) ord = minOrd(ord, va === undefined ? b.ord : radd(b.ord, va));
  if (va === undefined && a.ord === undefined) return { G: [], terms: [], ord: undefined }; // exact zero
  if (vb === undefined && b.ord === undefined) return { G: [], terms: [], ord: undefined };
  const terms: Term[] = [];
  for (const [e1, c1] of a.terms) for (const [e2, c2] of b.terms) terms.push([radd(e1, e2), mul(c1, c2)]);
  const G = normalise([...a.G, ...b.G], undefined);
  return { G, terms: normalise(terms, ord), ord, lossy: a.lossy === true || b.lossy === true || undefined };
}

/** Σ coef_k · R^k for R of positive valuation, to absolute order `ord` (R's own order is respected). */
export function compose(coef: (k: number) => Expr, R: Ser, ord: Rational): Ser {
  const v = valuation(R);
  let out: Ser = constant(coef(0));
  if (v === undefined) {
    return R.ord === undefined ? out : { ...out, ord: minOrd(ord, R.ord) };
  }
  let power: Ser = constant(ONE);
  for (let k = 1; rcmp(rmul(rat(BigInt(k)), v), ord) < 0; k++) {
    checkBudget();
    if (k > 60) throw new SeriesError('the series needs too many terms');
    power = truncate(mulS(power, R), ord);
    const ck = coef(k);
    if (!isZeroCoef(ck)) out = addS(out, mulS(constant(ck), power));
  }
  return { ...out, ord: minOrd(out.ord, ord), terms: out.terms.filter(([e]) => rcmp(e, ord) < 0) };
}

function truncate(s: Ser, ord: Rational): Ser {
  const o = minOrd(s.ord, ord);
  return { ...s, terms: s.terms.filter(([e]) => o === undefined || rcmp(e, o) < 0), ord: o };
}

/** Split off the leading term: s = c·t^v·(1 + R). */
export function leading(s: Ser): { c: Expr; v: Rational; R: Ser } {
  const first = s.terms[0];
  if (first === undefined) throw new SeriesError('every computed term cancelled; more terms are needed');
  const [v, c] = first;
  const inv = pow(c, int(-1));
  const R: Ser = {
    G: [],
    terms: s.terms.slice(1).map(([e, k]) => [rsub(e, v), mul(k, inv)] as Term),
    ord: s.ord === undefined ? undefined : rsub(s.ord, v),
  };
  return { c, v, R };
}

const binom = (q: Rational, k: number): Rational => {
  let r: Rational = RONE;
  for (let j = 0; j < k; j++) r = rdiv(rmul(r, rsub(q, rat(BigInt(j)))), rat(BigInt(j + 1)));
  return r;
};

/** s^q for a rational q. */
export function powRational(s0: Ser, q: Rational, prec: Rational): Ser {
  if (q[1] === 1n && q[0] >= 0n && q[0] <= 12n && s0.small !== undefined) {
    let out = constant(ONE);
    for (let k = 0n; k < q[0]; k++) out = mulS(out, s0);
    return out;
  }
  const s = main(s0);
  if (q[1] === 1n && q[0] >= 0n && q[0] <= 12n) {
    let out = constant(ONE);
    for (let k = 0n; k < q[0]; k++) out = mulS(out, s);
    return out;
  }
  const { c, v, R } = leading(s);
  const rel = R.ord === undefined ? prec : minOrd(R.ord, prec)!;
  const body = compose((k) => numOf(binom(q, k)), R, rel);
  const G = s.G.map(([e, g]) => [e, mul(numOf(q), g)] as Term);
  const scaled = mulS(monomial(rmul(q, v), pow(c, numOf(q))), body);
  return { ...scaled, G: normalise(G, undefined) };
}

export function expS(s0: Ser, prec: Rational): Ser {
  const s = main(s0);
  if (s.G.length > 0) throw new SeriesError('an exponential of an exponential is beyond this method');
  const polar: Term[] = [];
  let c0: Expr = ZERO;
  const rest: Term[] = [];
  for (const [e, c] of s.terms) {
    const sg = rcmp(e, RZERO);
    if (sg < 0) polar.push([e, c]);
    else if (sg === 0) c0 = c;
    else rest.push([e, c]);
  }
  if (polar.some(([, c]) => freeSymbols(c).includes(LOG_T.name))) throw new SeriesError('exp of a logarithmic pole is beyond this method');
  if (s.ord !== undefined && rcmp(s.ord, RZERO) <= 0) throw new SeriesError('not enough terms to know the constant term');
  // A constant term a·log t + b gives t^a·e^b.
  let shift: Rational = RZERO;
  if (freeSymbols(c0).includes(LOG_T.name)) {
    const a = simplify(diff(expand(c0), LOG_T));
    if (a.kind !== 'num' || freeSymbols(a).length > 0) throw new SeriesError('a power of t with a symbolic exponent');
    shift = a.value;
    c0 = simplify(expand(add(c0, neg(mul(a, LOG_T)))));
  }
  const R: Ser = { G: [], terms: rest, ord: s.ord };
  const rel = R.ord === undefined ? prec : minOrd(R.ord, prec)!;
  let f = BigInt(1);
  const body = compose((k) => { if (k > 0) f *= BigInt(k); return numOf(rat(1n, k === 0 ? 1n : f)); }, R, rel);
  const out = mulS(monomial(shift, call('exp', [c0])), body);
  return { ...out, G: polar };
}

export function logS(s0: Ser, prec: Rational): Ser {
  const whole = settle(s0);
  if (whole.small !== undefined) {
    // log(B + S) = log B + S/B + …, with S exponentially smaller than B: the correction survives a later cancellation.
    const B = main(whole);
    const ratio = mulS(whole.small, powRational(B, rat(-1n), prec));
    return addS(logS(B, prec), { ...ratio, lossy: true });
  }
  const s = main(s0);
  const { c, v, R } = leading(s);
  const rel = R.ord === undefined ? prec : minOrd(R.ord, prec)!;
  const body = compose((k) => (k === 0 ? ZERO : numOf(rat(k % 2 === 1 ? 1n : -1n, BigInt(k)))), R, rel);
  let out = addS(constant(add(call('log', [c]), mul(numOf(v), LOG_T))), body);
  if (s.G.length > 0) out = addS(out, { G: [], terms: [...s.G], ord: undefined });
  return out;
}
