/**
 * fast-check generators of expressions over the whole operator table, shared by property tests of the parser,
 * printers, evaluator, differentiation and the compiler.
 */
import fc from 'fast-check';
import {
  type Expr, add, call, float, frac, int, list, mul, neg, pow, rel, sym, type RelOp,
} from '../src/ast/expr.js';
import { FUNCTIONS, type FunctionRow } from '../src/ast/ops.js';

export const SYMBOLS = ['x', 'y', 'z', 'alpha', 'x_1', 'W_q', 'theta'];
export const CONSTANT_SYMBOLS = ['pi', 'e'];

export const leaf: fc.Arbitrary<Expr> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -20, max: 20 }).map((n) => int(n)) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([n, d]) => frac(n, d)) },
  // Floats of ordinary size: products and powers of subnormal or huge doubles overflow or underflow differently
  // depending on association, which no printer can undo.
  { weight: 1, arbitrary: fc.oneof(fc.constant(0), fc.double({ noNaN: true, min: 1e-6, max: 1e6 }), fc.double({ noNaN: true, min: -1e6, max: -1e-6 })).map((x) => float(x)) },
  { weight: 5, arbitrary: fc.constantFrom(...SYMBOLS).map((s) => sym(s)) },
  { weight: 1, arbitrary: fc.constantFrom(...CONSTANT_SYMBOLS).map((s) => sym(s)) },
);

const FNS = [...FUNCTIONS.values()];

type Arb = fc.Arbitrary<Expr>;
const exp = (e: Expr): Expr => call('exp', [e]);
/** Shape parameters: mostly positive constants, sometimes a positive expression exp(e) + 1/4. */
const shape = (e: Arb): Arb => fc.oneof(
  { weight: 4, arbitrary: fc.oneof(fc.integer({ min: 1, max: 6 }).map(int), fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 2, max: 9 })).map(([n, d]) => frac(n, d)), fc.double({ min: 0.1, max: 10, noNaN: true }).map(float)) },
  { weight: 1, arbitrary: e.map((a) => add(exp(a), frac(1, 4))) },
);
/** Into (0, ∞), (0, 1), (−1, 1), (0, 2) and (−1, ∞) by smooth maps of any expression. */
const positive = (e: Arb): Arb => e.map(exp);
const unit = (e: Arb): Arb => e.map((a) => pow(add(int(1), exp(a)), int(-1)));
const signedUnit = (e: Arb): Arb => e.map((a) => call('tanh', [a]));
const twoUnit = (e: Arb): Arb => e.map((a) => add(int(1), call('tanh', [a])));
const aboveMinusOne = (e: Arb): Arb => e.map((a) => add(exp(a), int(-1)));

/**
 * Arguments for the special functions defined on part of the real line, or with shape parameters in which they
 * have no derivative: generated inside their domain, so that the laws that evaluate or differentiate have
 * something to compare. Every other function takes arbitrary expressions.
 */
const DOMAIN_ARGS: Readonly<Record<string, (e: Arb) => fc.Arbitrary<Expr[]>>> = {
  polygamma: (e) => fc.tuple(fc.integer({ min: 0, max: 3 }).map(int), e),
  beta: (e) => fc.tuple(shape(e), shape(e)),
  lbeta: (e) => fc.tuple(shape(e), shape(e)),
  gammainc: (e) => fc.tuple(shape(e), positive(e)),
  gammaincc: (e) => fc.tuple(shape(e), positive(e)),
  gammaincinv: (e) => fc.tuple(shape(e), unit(e)),
  gammainccinv: (e) => fc.tuple(shape(e), unit(e)),
  betainc: (e) => fc.tuple(shape(e), shape(e), unit(e)),
  betaincc: (e) => fc.tuple(shape(e), shape(e), unit(e)),
  betaincinv: (e) => fc.tuple(shape(e), shape(e), unit(e)),
  erfinv: (e) => fc.tuple(signedUnit(e)),
  erfcinv: (e) => fc.tuple(twoUnit(e)),
  log1p: (e) => fc.tuple(aboveMinusOne(e)),
};

/** A call of one of `fns`, its arguments from `e`. */
function callArb(fns: readonly FunctionRow[], e: Arb): Arb {
  const general = fns.filter((r) => DOMAIN_ARGS[r.name] === undefined);
  const special = fns.filter((r) => DOMAIN_ARGS[r.name] !== undefined);
  const plain = fc.tuple(fc.constantFrom(...general), fc.array(e, { minLength: 1, maxLength: 3 })).map(([row, xs]) => {
    const n = Math.max(row.arity[0], Math.min(row.arity[1], xs.length));
    while (xs.length < n) xs.push(xs[0]!);
    return call(row.name, xs.slice(0, n));
  });
  if (special.length === 0) return plain;
  const shaped = fc.constantFrom(...special).chain((row) => DOMAIN_ARGS[row.name]!(e).map((xs) => call(row.name, xs)));
  if (general.length === 0) return shaped;
  return fc.oneof({ weight: general.length, arbitrary: plain }, { weight: special.length, arbitrary: shaped });
}

/** Expressions of bounded depth built with the public constructors. */
export function exprArb(maxDepth = 4, fns = FNS): fc.Arbitrary<Expr> {
  const { e } = fc.letrec<{ e: Expr }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true, maxDepth } as fc.OneOfConstraints,
      leaf,
      fc.array(tie('e'), { minLength: 2, maxLength: 4 }).map((xs) => add(...xs)),
      fc.array(tie('e'), { minLength: 2, maxLength: 3 }).map((xs) => mul(...xs)),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => pow(a, b)),
      fc.tuple(tie('e'), fc.integer({ min: -3, max: 4 })).map(([a, n]) => pow(a, int(n))),
      tie('e').map((a) => neg(a)),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => mul(a, pow(b, int(-1)))),
      callArb(fns, tie('e')),
    ),
  }));
  return e;
}

/** Top-level forms too: lists, matrices, equations. */
export function statementArb(maxDepth = 3): fc.Arbitrary<Expr> {
  const e = exprArb(maxDepth);
  return fc.oneof(
    { weight: 6, arbitrary: e },
    { weight: 1, arbitrary: fc.array(e, { maxLength: 4 }).map((xs) => list(xs)) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.array(e, { minLength: 9, maxLength: 9 }))
      .map(([r, c, xs]) => list(Array.from({ length: r }, (_, i) => list(xs.slice(i * c, i * c + c))))) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom<RelOp>('=', '<', '>', '<=', '>=', '!='), e, e).map(([op, a, b]) => rel(op, a, b)) },
  );
}

/** Runs per property test. */
export const RUNS = 1000;
