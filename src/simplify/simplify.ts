/**
 * `simplify(e, {assumptions})`: search among equivalent forms for the cheapest (see cost.ts). Each round
 * rewrites with the named identities of rules.ts, then builds candidates from the result — cancelled
 * rational normal form, expanded, factored, numerator over factored denominator, Pythagorean reductions,
 * multiple angles expanded, tan/cot/sec/csc through sin and cos, logarithms split under assumptions — with
 * every kernel argument simplified recursively, and keeps one only if it is strictly cheaper. Rounds repeat
 * until nothing is cheaper, so `simplify(simplify(e)) = simplify(e)`. Every identity used holds wherever the
 * input is defined; domain-sensitive ones need assumptions (`x > 0`).
 */
import { type Expr, mul, pow, MINUS_ONE, ZERO } from '../ast/expr.js';
import { canonicalRadicalsIn } from './radicals.js';
import { gammaRatios } from './gamma-ratios.js';
import { zeroTest } from './zero.js';

/** Larger results are not sent to the numeric zero test (its cost grows with the size). */
const ZERO_TEST_MAX_SIZE = 2_000;
import { rewrite, type Rule, type Step } from '../rewrite/index.js';
import { Assumptions, type AssumptionOptions } from './assume.js';
import { cost, cheaper, size, type Cost } from './cost.js';
import { ALGEBRA_LIMITS, AlgebraError, LimitError } from './errors.js';
import { expand } from './expand.js';
import { factorPolyExpr } from './factor.js';
import { mapScalar } from './map.js';
import { Kernels, type RatFun } from './poly-bridge.js';
import { lowest } from './rational.js';
import { LOG_EXPAND_RULES, SIMPLIFY_RULES, TRIG_LINEARIZE, TRIG_TO_SINCOS, withAssumptions } from './rules.js';
import { expandMultipleAngles, hasTrig, pythagoreanVariants, trigPartners } from './trig.js';
import { PolyError } from '../poly/index.js';

export type SimplifyOptions = AssumptionOptions;

/** Assumptions every `simplify` call starts from (see `assume`, `forget`). */
let global = new Assumptions();

/** Add assumptions (`x > 0`, …) that later `simplify` calls use. */
export function assume(...rels: Expr[]): void {
  const next = Assumptions.from({}, global);
  rels.forEach((r) => next.add(r));
  global = next;
}

/** Drop all global assumptions. */
export function forget(): void {
  global = new Assumptions();
}

export function simplify(e: Expr, opts: SimplifyOptions = {}): Expr {
  return simplifyTraced(e, opts).result;
}

/** The result with the chosen rewrites, as steps (for `explain('simplify', e)`). */
export function simplifyTraced(e: Expr, opts: SimplifyOptions = {}, trace = false): { result: Expr; steps: Step[] } {
  const A = Assumptions.from(opts, global);
  const s = new Simplifier(A, trace);
  let result = withAssumptions(A, () => mapScalar(e, (x) => s.run(x)));
  // The last word is the zero test's: exact for radicals and rational functions, high precision otherwise.
  if (result !== ZERO && result.kind !== 'num' && result.kind !== 'list' && size(result) <= ZERO_TEST_MAX_SIZE) {
    const z = zeroTest(result, { assumptions: A });
    if (z.verdict === 'zero') {
      if (trace) s.steps.push({ rule: z.how === 'exact' ? 'simplify/zero-exact' : 'simplify/zero-numeric', at: [], before: result, after: ZERO, bindings: new Map(), substeps: [] });
      result = ZERO;
    }
  }
  return { result, steps: s.steps };
}

/** Errors that only mean "this candidate is not available". */
const declined = (err: unknown): boolean =>
  err instanceof AlgebraError || err instanceof LimitError || err instanceof PolyError || err instanceof RangeError;

class Simplifier {
  readonly steps: Step[] = [];
  private readonly memo = new Map<Expr, Expr>();
  private depth = 0;

  constructor(readonly A: Assumptions, readonly trace: boolean) {}

  run(e: Expr): Expr {
    if (e.kind === 'num' || e.kind === 'float' || e.kind === 'sym') return e;
    const hit = this.memo.get(e);
    if (hit !== undefined) return hit;
    if (this.depth > 200) throw new LimitError('simplify: expression nested more than 200 levels deep');
    this.depth++;
    let cur: Expr = e;
    let c = cost(cur);
    try {
      for (let round = 0; round < ALGEBRA_LIMITS.maxSimplifyRounds; round++) {
        let best: { e: Expr; c: Cost; how: string } | undefined;
        for (const [how, cand] of this.candidates(cur)) {
          if (cand === cur) continue;
          const cc = cost(cand);
          if (cheaper(cc, best?.c ?? c)) best = { e: cand, c: cc, how };
        }
        if (best === undefined) break;
        if (this.trace && this.depth === 1) {
          this.steps.push({ rule: `simplify/${best.how}`, at: [], before: cur, after: best.e, bindings: new Map(), substeps: [] });
        }
        cur = best.e;
        c = best.c;
      }
    } finally {
      this.depth--;
    }
    this.memo.set(e, cur);
    this.memo.set(cur, cur);
    return cur;
  }

  private rules(e: Expr, rules: readonly Rule[]): Expr {
    return rewrite(e, rules, { limits: { steps: 10_000, timeMs: 2_000 } }).expr;
  }

  /** Candidate forms of e, named by the strategy that made them. */
  private *candidates(e: Expr): Generator<[string, Expr]> {
    const R0 = this.tryOr(() => this.rules(e, SIMPLIFY_RULES), e);
    if (R0 !== e) yield ['identities', R0];
    const R = canonicalRadicalsIn(R0);
    if (R !== R0) yield ['radicals', R];
    const big = size(R) > ALGEBRA_LIMITS.maxSimplifyNodes;
    yield* this.rational(R, 'rational', big);
    const G = gammaRatios(R);
    if (G !== R) yield* this.rational(G, 'gamma-ratios', big);
    const ex = this.tryOr(() => expand(R), R);
    if (ex !== R) yield ['expand', ex];
    if (big) return;
    const M = expandMultipleAngles(R);
    if (M !== R) yield* this.rational(M, 'multiple-angle', big);
    if (hasTrig(R)) {
      const lin = this.tryOr(() => this.rules(R, TRIG_LINEARIZE), R);
      if (lin !== R) yield* this.rational(lin, 'linearize', big);
    }
    const T = this.tryOr(() => this.rules(R, TRIG_TO_SINCOS), R);
    if (T !== R) {
      for (const [how, c] of this.rational(T, 'sin-cos', big)) yield [how, this.tryOr(() => this.rules(c, SIMPLIFY_RULES), c)];
    }
    if (!this.A.empty) {
      const L = this.tryOr(() => this.rules(R, LOG_EXPAND_RULES), R);
      if (L !== R) {
        yield ['log-expand', L];
        yield* this.rational(L, 'log-expand', big);
      }
    }
  }

  /** Candidates through the rational-function picture of e over simplified kernels. */
  private *rational(e: Expr, name: string, big: boolean): Generator<[string, Expr]> {
    if (e.kind === 'num' || e.kind === 'float' || e.kind === 'sym') return;
    const normArg = (a: Expr): Expr => this.run(a);
    let K: Kernels;
    let r: RatFun;
    try {
      const K0 = Kernels.of([e], { normArg });
      K = Kernels.of([e], { normArg, first: trigPartners(K0) });
      r = lowest(K.toRatFun(e));
    } catch (err) {
      if (declined(err)) return;
      throw err;
    }
    const forms: [string, RatFun][] = [[name, r]];
    if (!big) for (const v of pythagoreanVariants(r, K)) forms.push([`${name}/pythagorean`, v]);
    for (const [how, f] of forms) {
      const g = this.tryOr(() => lowest(f), undefined);
      if (g === undefined) continue;
      yield [how, K.fromRatFun(g)];
      const laurent = K.fromLaurent(g);
      if (laurent !== undefined) yield [`${how}/expanded`, laurent];
      if (big) continue;
      const top = this.tryOr(() => factorPolyExpr(g.num, K), undefined);
      const bottom = this.tryOr(() => factorPolyExpr(g.den, K), undefined);
      if (top !== undefined && bottom !== undefined) yield [`${how}/factored`, mul(top, pow(bottom, MINUS_ONE))];
      if (bottom !== undefined && !g.den.isConstant()) yield [`${how}/together`, mul(K.fromPoly(g.num), pow(bottom, MINUS_ONE))];
    }
  }

  private tryOr<T, U>(f: () => T, fallback: U): T | U {
    try {
      return f();
    } catch (err) {
      if (declined(err)) return fallback;
      throw err;
    }
  }
}
