/**
 * prod(f, k, a, b): Π_{k=a}^{b} f in closed form for simple products: constants (c^(b−a+1)), powers
 * (Π g^c = (Π g)^c, Π c^e(k) = c^(Σ e(k)), Π exp(e) = exp(Σ e)), products factor by factor, and linear factors
 * Π (αk + β) = α^(b−a+1) Γ(b + s + 1)/Γ(a + s) with s = β/α (factorials when s is a whole number).
 */
import { type Expr, type Sym, ONE, ZERO, add, mul, pow, sub, call, int, isInteger } from '../ast/expr.js';
import { text } from '../render/text.js';
import { substitute } from '../ast/walk.js';
import { evaluateExact } from '../eval/exact.js';
import { simplify } from '../simplify/index.js';
import { dependsOn } from '../simplify/vars.js';
import { INF } from '../limit/points.js';
import { linearIn, termCount } from './terms.js';
import { symbolicSum, type SumStep } from './sum.js';
import { SumError } from './errors.js';

export interface ProdResult {
  readonly value: Expr;
  readonly steps: readonly SumStep[];
}

const WRITE_OUT_MAX = 200;

function product(f: Expr, k: Sym, a: Expr, b: Expr, steps: SumStep[]): Expr {
  const input = call('prod', [f, k, a, b]);
  const done = (rule: string, v: Expr): Expr => {
    const s = simplify(evaluateExact(v));
    steps.push({ rule, before: input, after: s });
    return s;
  };
  const count = termCount(a, b);
  if (count !== undefined && count <= 0) return done('prod/empty', ONE);
  if (!dependsOn(f, k)) return done('prod/constant', pow(f, add(sub(b, a), ONE)));
  if (f.kind === 'mul') return done('prod/factors', mul(...f.args.map((g) => product(g, k, a, b, steps))));
  if (f.kind === 'pow' && !dependsOn(f.exp, k)) return done('prod/power', pow(product(f.base, k, a, b, steps), f.exp));
  if (f.kind === 'pow' && !dependsOn(f.base, k)) return done('prod/exponent-sum', pow(f.base, symbolicSum(f.exp, k, a, b).value));
  if (f.kind === 'call' && f.fn === 'exp') return done('prod/exponent-sum', call('exp', [symbolicSum(f.args[0]!, k, a, b).value]));
  const lin = linearIn(f, k);
  if (lin !== undefined) {
    const [alpha, beta] = lin;
    const s = simplify(mul(beta, pow(alpha, int(-1))));
    const scale = alpha === ONE ? ONE : pow(alpha, add(sub(b, a), ONE));
    const lo = simplify(add(a, s));
    if (isInteger(lo)) {
      if (lo.value[0] <= 0n) throw new SumError(`the factor ${text(f)} is 0 at ${k.name} = ${text(simplify(mul(int(-1), s)))}, which may lie in the range`);
      return done('prod/factorial', mul(scale, call('factorial', [add(b, s)]), pow(call('factorial', [sub(lo, ONE)]), int(-1))));
    }
    return done('prod/pochhammer', mul(scale, call('gamma', [add(b, s, ONE)]), pow(call('gamma', [lo]), int(-1))));
  }
  throw new SumError(`no closed form was found for the product of ${text(f)} over ${k.name}`);
}

export function symbolicProd(f: Expr, k: Sym, a: Expr, b: Expr): ProdResult {
  if (b === INF) throw new SumError('infinite products are not evaluated');
  if (dependsOn(a, k) || dependsOn(b, k)) throw new SumError(`the bounds must not depend on ${k.name}`);
  const steps: SumStep[] = [];
  const count = termCount(a, b);
  if (count !== undefined && count > 0 && count <= WRITE_OUT_MAX) {
    const factors = Array.from({ length: count }, (_, j) => simplify(f === ZERO ? ZERO : substituteAt(f, k, add(a, int(j)))));
    const v = simplify(mul(...factors));
    steps.push({ rule: 'prod/write-out', before: call('prod', [f, k, a, b]), after: v });
    return { value: v, steps };
  }
  return { value: product(f, k, a, b, steps), steps };
}

const substituteAt = (f: Expr, k: Sym, v: Expr): Expr => substitute(f, new Map([[k, v]]));
