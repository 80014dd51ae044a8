/**
 * The series of expressions: each operator and function of the operator table applied to series (series.ts),
 * with the identities that carry them through infinity (atan s = ±π/2 − atan(1/s), tanh through exponentially
 * small corrections, erfc by its asymptotic series) and Taylor's formula for every other analytic function.
 */
import { type Expr, type Sym, ZERO, ONE, add, mul, pow, call, numOf, sym, int, PI, HALF, children } from '../ast/expr.js';
import { type Rational, rat, rcmp, ZERO as RZERO, ONE as RONE } from '../ast/rational.js';
import { diff } from '../diff/diff.js';
import { evaluate } from '../eval/evaluate.js';
import { evaluateExact } from '../eval/exact.js';
import { freeSymbols } from '../eval/n.js';
import { substitute } from '../ast/walk.js';
import { FUNCTIONS } from '../ast/ops.js';
import {
  type Ser, type Term, SeriesError, LOG_T, addS, mulS, negS, constant, monomial, compose, main, settle, signOf,
  powRational, expS, logS, minOrd, leading, isZeroCoef,
} from './series.js';

/** f(s) for an analytic unary function f at the constant term of s (s without poles): Taylor's formula. */
function analytic(fn: string, s0: Ser, prec: Rational): Ser {
  const s = main(s0);
  if (exponentiallySmall(s)) return ofSmall(fn, s);
  if (s.G.length > 0 || (s.terms[0] !== undefined && rcmp(s.terms[0][0], RZERO) < 0)) {
    throw new SeriesError(`${fn} of an unbounded argument`);
  }
  let c0: Expr = ZERO;
  const rest: Term[] = [];
  for (const [e, c] of s.terms) (rcmp(e, RZERO) === 0 ? (c0 = c) : rest.push([e, c]));
  if (freeSymbols(c0).includes(LOG_T.name)) throw new SeriesError(`${fn} of an argument that grows like log t`);
  const y = sym('y\u2080');
  let d: Expr = call(fn, [y]);
  let f = 1n;
  const coef = (k: number): Expr => {
    if (k > 0) {
      d = diff(d, y);
      f *= BigInt(k);
    }
    const v = evaluateExact(substitute(d, new Map([[y, c0]])));
    let num = 0;
    try {
      num = freeSymbols(v).length === 0 ? evaluate(v) : 0;
    } catch {
      num = NaN; // a pole or a point outside the domain
    }
    if (!Number.isFinite(num)) throw new SeriesError(`${fn} is singular where its argument tends`);
    return mul(v, numOf(rat(1n, f)));
  };
  const R: Ser = { G: [], terms: rest, ord: s.ord };
  const rel = R.ord === undefined ? prec : minOrd(R.ord, prec)!;
  return compose(coef, R, rel);
}

/** s = exp(G)·(…) with G → −∞: it tends to 0 faster than every power of t. */
export const exponentiallySmall = (s: Ser): boolean => s.G.length > 0 && signOf(s.G[0]![1]) < 0;

/** Tends to ±∞: a growing exponential factor, or a negative leading power without one. */
const unboundedSer = (s: Ser): boolean =>
  s.G.length > 0 ? signOf(s.G[0]![1]) > 0 : s.terms[0] !== undefined && rcmp(s.terms[0][0], RZERO) < 0;

/**
 * f(s) for s exponentially small: f(0) + f⁽ᵏ⁾(0)/k!·sᵏ with the first k ≥ 1 whose derivative is not 0; every later
 * term is exponentially smaller again, so the result is exact up to a part that is marked as dropped.
 */
function ofSmall(fn: string, s: Ser): Ser {
  const y = sym('y\u2080');
  let d: Expr = call(fn, [y]);
  const at0 = (g: Expr): Expr => {
    const v = evaluateExact(substitute(g, new Map([[y, ZERO]])));
    let num = NaN;
    try {
      num = evaluate(v);
    } catch {
      // singular at 0
    }
    if (!Number.isFinite(num)) throw new SeriesError(`${fn} is singular where its argument tends`);
    return v;
  };
  const f0 = constant(at0(d));
  let power: Ser = constant(ONE);
  let fact = 1n;
  for (let k = 1; k <= 4; k++) {
    d = diff(d, y);
    fact *= BigInt(k);
    power = mulS(power, s);
    const ck = at0(d);
    if (!isZeroCoef(ck)) {
      const term = mulS(constant(mul(ck, numOf(rat(1n, fact)))), power);
      return addS(f0, { ...term, lossy: true });
    }
  }
  throw new SeriesError(`${fn} of an exponentially small argument needs more terms`);
}

const recip = (s: Ser, prec: Rational): Ser => powRational(s, rat(-1n), prec);

/** Series of a function applied to a series, with the usual identities at infinity. */
function callS(fn: string, args: Ser[], prec: Rational): Ser {
  const s = settle(args[0]!);
  const unbounded = unboundedSer(s);
  const half = (k: Expr): Ser => constant(mul(k, PI, HALF));
  switch (fn) {
    case 'exp': return exponentiallySmall(main(s)) ? analytic(fn, s, prec) : expS(s, prec);
    case 'log': return logS(s, prec);
    case 'sqrt': return powRational(s, rat(1n, 2n), prec);
    case 'abs': {
      const { c } = leading(s);
      return signOf(c) >= 0 ? s : negS(s);
    }
    case 'sinh': case 'cosh': case 'tanh': {
      if (!unbounded) return analytic(fn, s, prec);
      const ep = expS(s, prec);
      const em = expS(negS(s), prec);
      if (fn === 'sinh') return mulS(constant(HALF), addS(ep, negS(em)));
      if (fn === 'cosh') return mulS(constant(HALF), addS(ep, em));
      // tanh s = ±(1 − 2w/(1 + w)) with w = exp(∓2s) exponentially small: the correction survives a later "tanh − 1".
      const sg = signOf(leadingCoefficient(s));
      const w = expS(mulS(constant(int(-2 * sg)), s), prec);
      const corr = mulS(mulS(constant(int(-2)), w), recip(addS(constant(ONE), w), prec));
      const th = addS(constant(ONE), corr);
      return sg > 0 ? th : negS(th);
    }
    case 'atan': {
      if (!unbounded) return analytic(fn, s, prec);
      const sg = signOf(leadingCoefficient(s));
      return addS(half(int(sg)), negS(callS('atan', [recip(s, prec)], prec)));
    }
    case 'tan': return mulS(callS('sin', [s], prec), recip(callS('cos', [s], prec), prec));
    case 'cot': return mulS(callS('cos', [s], prec), recip(callS('sin', [s], prec), prec));
    case 'sec': return recip(callS('cos', [s], prec), prec);
    case 'csc': return recip(callS('sin', [s], prec), prec);
    case 'asinh': {
      if (!unbounded) return analytic(fn, s, prec);
      // asinh s = log(s + sqrt(s² + 1))
      const sq = powRational(addS(mulS(s, s), constant(ONE)), rat(1n, 2n), prec);
      const sg = signOf(leadingCoefficient(s));
      return sg > 0 ? logS(addS(s, sq), prec) : negS(logS(addS(negS(s), sq), prec));
    }
    case 'acosh': {
      if (!unbounded) return analytic(fn, s, prec);
      const sq = powRational(addS(mulS(s, s), constant(int(-1))), rat(1n, 2n), prec);
      return logS(addS(s, sq), prec);
    }
    case 'erf': case 'erfc': {
      if (!unbounded) return analytic(fn, s, prec);
      // erfc(s) ~ exp(−s²)/(s√π)·Σ (−1)^k (2k−1)!!/(2s²)^k for s → +∞ (Abramowitz & Stegun 7.1.23).
      const sg = signOf(leadingCoefficient(s));
      const z = sg > 0 ? s : negS(s);
      const inv2 = recip(mulS(constant(int(2)), mulS(z, z)), prec);
      let sum = constant(ONE);
      let term = constant(ONE);
      for (let k = 1; k <= 12; k++) {
        term = mulS(term, mulS(constant(int(-(2 * k - 1))), inv2));
        sum = addS(sum, term);
      }
      const erfcz = mulS(mulS(expS(negS(mulS(z, z)), prec), recip(mulS(z, constant(pow(PI, HALF))), prec)), sum);
      const erfz = addS(constant(ONE), negS(erfcz));
      if (fn === 'erfc') return sg > 0 ? erfcz : addS(constant(int(2)), negS(erfcz));
      return sg > 0 ? erfz : negS(erfz);
    }
    default:
      if (args.length !== 1 || FUNCTIONS.get(fn) === undefined) throw new SeriesError(`no series for ${fn}`);
      return analytic(fn, s, prec);
  }
}

export function leadingCoefficient(s: Ser): Expr {
  if (s.G.length > 0) return s.G[0]![1];
  const first = s.terms[0];
  if (first === undefined) throw new SeriesError('every computed term cancelled; more terms are needed');
  return first[1];
}

/**
 * The series of `e` in `t` → 0⁺, with `prec` the relative number of powers of t each infinite expansion keeps.
 * `e` must be real for small t > 0 and free of other variables except constant symbols.
 */
export function seriesOf(e: Expr, t: Sym, prec: Rational): Ser {
  const memo = new Map<Expr, Ser>();
  const go = (x: Expr): Ser => {
    const hit = memo.get(x);
    if (hit !== undefined) return hit;
    let out: Ser;
    if (x === t) out = monomial(RONE);
    else if (!dependsOn(x, t)) out = constant(x);
    else {
      switch (x.kind) {
        case 'add': out = x.args.map(go).reduce(addS); break;
        case 'mul': out = x.args.map(go).reduce(mulS); break;
        case 'pow': {
          const b = go(x.base);
          if (x.exp.kind === 'num') out = powRational(b, x.exp.value, prec);
          else out = expS(mulS(go(x.exp), logS(b, prec)), prec);
          break;
        }
        case 'call': out = callS(x.fn, x.args.map(go), prec); break;
        default: throw new SeriesError(`no series for a ${x.kind}`);
      }
    }
    memo.set(x, out);
    return out;
  };
  return go(e);
}

function dependsOn(e: Expr, t: Sym): boolean {
  if (e === t) return true;
  return children(e).some((c) => dependsOn(c, t));
}

/** The terms as an expression in `t` (log t written back), without the order term. */
export function serToExpr(s: Ser, t: Expr): Expr {
  const back = new Map<Expr, Expr>([[LOG_T, call('log', [t])]]);
  const body = add(...s.terms.map(([e, c]) => mul(substitute(c, back), pow(t, numOf(e)))));
  if (s.G.length === 0) return body;
  return mul(call('exp', [add(...s.G.map(([e, c]) => mul(c, pow(t, numOf(e)))))]), body);
}

