/**
 * Each distribution of src/stats/dist as formulas: its density or mass as an expression in x, its support,
 * and the textbook closed forms of its mean and variance (N. L. Johnson, S. Kotz and N. Balakrishnan,
 * "Continuous Univariate Distributions", 1994–95, and "Univariate Discrete Distributions", 2005).
 * Parameterisations match the numeric classes: Gamma(shape, rate), Exponential(rate), Geometric and
 * NegativeBinomial count failures before the first (r-th) success, Hypergeometric(N, K, n).
 * In the language, Gamma is spelled `GammaDist` because `Gamma` already names the gamma function.
 */
import {
  type Expr, HALF, ONE, PI, ZERO, add, call, div, int, mul, neg, pow, sub, sym,
} from '../../ast/expr.js';

export interface LawSpec {
  /** Name of the numeric factory in `distributions` (src/stats/dist/registry.ts). */
  readonly numeric: string;
  readonly params: readonly string[];
  /** Defaults for trailing parameters, as in the numeric constructors. */
  readonly defaults: readonly Expr[];
  readonly discrete: boolean;
  support(p: readonly Expr[]): readonly [Expr, Expr];
  density(p: readonly Expr[], x: Expr): Expr;
  /** Closed-form cdf where one is elementary (or uses erf), for x inside the support. */
  cdf?(p: readonly Expr[], x: Expr): Expr;
  /** Closed-form mean and variance; undefined where they do not exist (Cauchy). */
  mean?(p: readonly Expr[]): Expr;
  variance?(p: readonly Expr[]): Expr;
  /**
   * For numeric parameters outside the range where the moment is finite: `inf` when the integral diverges to
   * +∞, `undefined` when it has no value at all (e.g. the mean of Student's t with nu ≤ 1). Absent or
   * returning 'finite' otherwise.
   */
  momentRange?(p: readonly Expr[], which: 'mean' | 'variance'): 'finite' | 'infinite' | 'undefined';
  /** Conditions for the moments to exist, for the explanation (`nu > 1`). */
  readonly momentNote?: string;
}

const INF = sym('inf');
const NEG_INF = neg(INF);
const sq = (e: Expr): Expr => pow(e, int(2));
const sqrt = (e: Expr): Expr => pow(e, HALF);
const exp = (e: Expr): Expr => call('exp', [e]);
const log = (e: Expr): Expr => call('log', [e]);
const gamma = (e: Expr): Expr => call('gamma', [e]);
const fact = (e: Expr): Expr => call('factorial', [e]);
const choose = (n: Expr, k: Expr): Expr => div(fact(n), mul(fact(k), fact(sub(n, k))));
const betaFn = (a: Expr, b: Expr): Expr => div(mul(gamma(a), gamma(b)), gamma(add(a, b)));
const erf = (e: Expr): Expr => call('erf', [e]);
const real = (): readonly [Expr, Expr] => [NEG_INF, INF];
const positive = (): readonly [Expr, Expr] => [ZERO, INF];
const counts = (): readonly [Expr, Expr] => [ZERO, INF];

/**
 * The kind of a moment for a numeric parameter t: the first threshold [c, kind] with t ≤ c gives the kind,
 * 'finite' when t lies above every threshold or is symbolic.
 */
function byThreshold(t: Expr, thresholds: readonly (readonly [number, 'infinite' | 'undefined'])[]): 'finite' | 'infinite' | 'undefined' {
  if (t.kind !== 'num' && t.kind !== 'float') return 'finite';
  const v = t.kind === 'num' ? Number(t.value[0]) / Number(t.value[1]) : t.value;
  for (const [c, kind] of thresholds) if (v <= c) return kind;
  return 'finite';
}

const normalDensity = (mu: Expr, s: Expr, x: Expr): Expr =>
  div(exp(neg(div(sq(sub(x, mu)), mul(int(2), sq(s))))), mul(s, sqrt(mul(int(2), PI))));

export const LAWS: Readonly<Record<string, LawSpec>> = {
  Normal: {
    numeric: 'Normal', params: ['mu', 'sigma'], defaults: [ZERO, ONE], discrete: false, support: real,
    density: ([mu, s], x) => normalDensity(mu!, s!, x),
    cdf: ([mu, s], x) => mul(HALF, add(ONE, erf(div(sub(x, mu!), mul(s!, sqrt(int(2))))))),
    mean: ([mu]) => mu!, variance: ([, s]) => sq(s!),
  },
  LogNormal: {
    numeric: 'LogNormal', params: ['mu', 'sigma'], defaults: [ZERO, ONE], discrete: false, support: positive,
    density: ([mu, s], x) => div(normalDensity(mu!, s!, log(x)), x),
    cdf: ([mu, s], x) => mul(HALF, add(ONE, erf(div(sub(log(x), mu!), mul(s!, sqrt(int(2))))))),
    mean: ([mu, s]) => exp(add(mu!, div(sq(s!), int(2)))),
    variance: ([mu, s]) => mul(sub(exp(sq(s!)), ONE), exp(add(mul(int(2), mu!), sq(s!)))),
  },
  Uniform: {
    numeric: 'Uniform', params: ['a', 'b'], defaults: [ZERO, ONE], discrete: false, support: ([a, b]) => [a!, b!],
    density: ([a, b]) => div(ONE, sub(b!, a!)),
    cdf: ([a, b], x) => div(sub(x, a!), sub(b!, a!)),
    mean: ([a, b]) => div(add(a!, b!), int(2)), variance: ([a, b]) => div(sq(sub(b!, a!)), int(12)),
  },
  Exponential: {
    numeric: 'Exponential', params: ['lambda'], defaults: [ONE], discrete: false, support: positive,
    density: ([l], x) => mul(l!, exp(neg(mul(l!, x)))),
    cdf: ([l], x) => sub(ONE, exp(neg(mul(l!, x)))),
    mean: ([l]) => div(ONE, l!), variance: ([l]) => div(ONE, sq(l!)),
  },
  GammaDist: {
    numeric: 'Gamma', params: ['k', 'theta'], defaults: [ONE], discrete: false, support: positive,
    density: ([k, r], x) => div(mul(pow(r!, k!), pow(x, sub(k!, ONE)), exp(neg(mul(r!, x)))), gamma(k!)),
    mean: ([k, r]) => div(k!, r!), variance: ([k, r]) => div(k!, sq(r!)),
  },
  ChiSquare: {
    numeric: 'ChiSquare', params: ['nu'], defaults: [], discrete: false, support: positive,
    density: ([nu], x) => div(mul(pow(x, sub(div(nu!, int(2)), ONE)), exp(neg(div(x, int(2))))),
      mul(pow(int(2), div(nu!, int(2))), gamma(div(nu!, int(2))))),
    mean: ([nu]) => nu!, variance: ([nu]) => mul(int(2), nu!),
  },
  Beta: {
    numeric: 'Beta', params: ['alpha', 'beta'], defaults: [], discrete: false, support: () => [ZERO, ONE],
    density: ([a, b], x) => div(mul(pow(x, sub(a!, ONE)), pow(sub(ONE, x), sub(b!, ONE))), betaFn(a!, b!)),
    mean: ([a, b]) => div(a!, add(a!, b!)),
    variance: ([a, b]) => div(mul(a!, b!), mul(sq(add(a!, b!)), add(a!, b!, ONE))),
  },
  StudentT: {
    numeric: 'StudentT', params: ['nu'], defaults: [], discrete: false, support: real,
    density: ([nu], x) => mul(div(gamma(div(add(nu!, ONE), int(2))), mul(sqrt(mul(nu!, PI)), gamma(div(nu!, int(2))))),
      pow(add(ONE, div(sq(x), nu!)), neg(div(add(nu!, ONE), int(2))))),
    mean: () => ZERO, variance: ([nu]) => div(nu!, sub(nu!, int(2))),
    momentNote: 'the mean exists for nu > 1, the variance for nu > 2',
    // E|X| diverges for nu ≤ 1 (no mean); E[X²] = +∞ for 1 < nu ≤ 2, and has no value for nu ≤ 1 (no mean).
    momentRange: ([nu], which) => byThreshold(nu!, which === 'mean' ? [[1, 'undefined']] : [[1, 'undefined'], [2, 'infinite']]),
  },
  F: {
    numeric: 'F', params: ['d1', 'd2'], defaults: [], discrete: false, support: positive,
    density: ([d1, d2], x) => div(sqrt(div(mul(pow(mul(d1!, x), d1!), pow(d2!, d2!)), pow(add(mul(d1!, x), d2!), add(d1!, d2!)))),
      mul(x, betaFn(div(d1!, int(2)), div(d2!, int(2))))),
    mean: ([, d2]) => div(d2!, sub(d2!, int(2))),
    variance: ([d1, d2]) => div(mul(int(2), sq(d2!), add(d1!, d2!, int(-2))), mul(d1!, sq(sub(d2!, int(2))), sub(d2!, int(4)))),
    momentNote: 'the mean exists for d2 > 2, the variance for d2 > 4',
    // X ≥ 0, so the diverging moments are +∞ (SciPy: mean inf for d2 ≤ 2; variance inf for 2 < d2 ≤ 4, undefined below).
    momentRange: ([, d2], which) => byThreshold(d2!, which === 'mean' ? [[2, 'infinite']] : [[2, 'undefined'], [4, 'infinite']]),
  },
  Cauchy: {
    numeric: 'Cauchy', params: ['x0', 'gamma'], defaults: [ZERO, ONE], discrete: false, support: real,
    density: ([x0, g], x) => div(ONE, mul(PI, g!, add(ONE, sq(div(sub(x, x0!), g!))))),
    cdf: ([x0, g], x) => add(HALF, div(call('atan', [div(sub(x, x0!), g!)]), PI)),
    momentNote: 'the Cauchy distribution has no mean and no variance',
  },
  Laplace: {
    numeric: 'Laplace', params: ['mu', 'b'], defaults: [ZERO, ONE], discrete: false, support: real,
    density: ([mu, b], x) => div(exp(neg(div(call('abs', [sub(x, mu!)]), b!))), mul(int(2), b!)),
    mean: ([mu]) => mu!, variance: ([, b]) => mul(int(2), sq(b!)),
  },
  Logistic: {
    numeric: 'Logistic', params: ['mu', 's'], defaults: [ZERO, ONE], discrete: false, support: real,
    density: ([mu, s], x) => {
      const z = exp(neg(div(sub(x, mu!), s!)));
      return div(z, mul(s!, sq(add(ONE, z))));
    },
    cdf: ([mu, s], x) => div(ONE, add(ONE, exp(neg(div(sub(x, mu!), s!))))),
    mean: ([mu]) => mu!, variance: ([, s]) => div(mul(sq(s!), sq(PI)), int(3)),
  },
  Binomial: {
    numeric: 'Binomial', params: ['n', 'p'], defaults: [], discrete: true, support: ([n]) => [ZERO, n!],
    density: ([n, p], k) => mul(choose(n!, k), pow(p!, k), pow(sub(ONE, p!), sub(n!, k))),
    mean: ([n, p]) => mul(n!, p!), variance: ([n, p]) => mul(n!, p!, sub(ONE, p!)),
  },
  Bernoulli: {
    numeric: 'Bernoulli', params: ['p'], defaults: [], discrete: true, support: () => [ZERO, ONE],
    density: ([p], k) => mul(pow(p!, k), pow(sub(ONE, p!), sub(ONE, k))),
    mean: ([p]) => p!, variance: ([p]) => mul(p!, sub(ONE, p!)),
  },
  Poisson: {
    numeric: 'Poisson', params: ['lambda'], defaults: [], discrete: true, support: counts,
    density: ([l], k) => div(mul(pow(l!, k), exp(neg(l!))), fact(k)),
    mean: ([l]) => l!, variance: ([l]) => l!,
  },
  Geometric: {
    numeric: 'Geometric', params: ['p'], defaults: [], discrete: true, support: counts,
    density: ([p], k) => mul(p!, pow(sub(ONE, p!), k)),
    cdf: ([p], k) => sub(ONE, pow(sub(ONE, p!), add(k, ONE))),
    mean: ([p]) => div(sub(ONE, p!), p!), variance: ([p]) => div(sub(ONE, p!), sq(p!)),
  },
  NegativeBinomial: {
    numeric: 'NegativeBinomial', params: ['r', 'p'], defaults: [], discrete: true, support: counts,
    density: ([r, p], k) => mul(div(gamma(add(k, r!)), mul(fact(k), gamma(r!))), pow(p!, r!), pow(sub(ONE, p!), k)),
    mean: ([r, p]) => div(mul(r!, sub(ONE, p!)), p!), variance: ([r, p]) => div(mul(r!, sub(ONE, p!)), sq(p!)),
  },
  Hypergeometric: {
    numeric: 'Hypergeometric', params: ['N', 'K', 'n'], defaults: [], discrete: true,
    support: ([N, K, n]) => [call('max', [ZERO, add(n!, K!, neg(N!))]), call('min', [n!, K!])],
    density: ([N, K, n], k) => div(mul(choose(K!, k), choose(sub(N!, K!), sub(n!, k))), choose(N!, n!)),
    mean: ([N, K, n]) => div(mul(n!, K!), N!),
    variance: ([N, K, n]) => div(mul(n!, K!, sub(N!, K!), sub(N!, n!)), mul(sq(N!), sub(N!, ONE))),
  },
};

/** Language name of each law, including the spelling `Gamma` of the numeric registry. */
export const LAW_NAMES: readonly string[] = [...Object.keys(LAWS), 'Categorical'];
