/**
 * Commands of the language for statistics and linear algebra. Distribution values are call nodes
 * (`Normal(0, 1)`, `Binomial(n, 1/2)`; the gamma law is `GammaDist` because `Gamma` names the gamma function).
 * `pdf` and `mean` give formulas (src/stats/symbolic), `cdf`, `quantile` and `sample` numbers
 * (src/stats/dist). Matrices are lists of rows: exact algorithms (src/linalg/exact) for exact entries, dense
 * double-precision ones (src/linalg/dense) for decimals, `lstsq` and `svd`.
 */
import {
  type Expr, type Sym, HALF, ONE, ZERO, float, int, isInteger, isNumber, list, numberValue, pow, sub, sym,
} from '../../ast/expr.js';
import { evaluate } from '../../eval/evaluate.js';
import { freeSymbols } from '../../eval/n.js';
import { EvalError } from '../../eval/errors.js';
import { text } from '../../render/text.js';
import { defineCommand } from '../registry.js';
import {
  LAW_NAMES, cdfExpr, conjugatePosterior, dataMean, dataMedian, dataValues, dataVariance, isNumericLaw, makeLaw, meanOf,
  numericLaw, pdfExpr, readData, readLaw, stdOf, varianceOf, type Moment,
} from '../../stats/symbolic/index.js';
import { quantile as dataQuantile } from '../../stats/describe/index.js';
import { tTestOneSample, tTestTwoSample, type TestResult } from '../../stats/inference/index.js';
import { Rng } from '../../stats/rng.js';
import {
  type ExprMatrix, detExact, eigenExact, fromDense, hasFloats, inverseExact, matmulExpr, matrixExpr, nullspaceExact,
  rankExact, rrefExact, solveExact, toDense, toExprMatrix, transposeExpr, vectorExpr, dotExpr, toExprVector, traceExpr,
  charpolyExact, EigenClosedFormError,
} from '../../linalg/exact/index.js';
import * as dense from '../../linalg/dense/index.js';
import { solve as solveSymbolic, SolveError } from '../../solve/solve.js';
import { formatSolutions, solveSystem, formatSystem } from '../../solve/index.js';
import { assumptionsIn } from './algebra.js';
import { Assumptions } from '../../simplify/index.js';
import type { Session } from '../session.js';

/** solve(eq, x): the solutions as printed by src/solve/format.ts, under the session's assumptions. */
function solveEquation(eq: Expr, x: Expr | undefined, session: Session) {
  const assume = Assumptions.from({ assumptions: assumptionsIn(session) });
  if (eq.kind === 'list') {
    const vars = x === undefined ? freeSymbols(eq).sort().map((s) => sym(s)) : x.kind === 'list' ? [...x.items] : [x];
    try {
      return formatSystem(solveSystem(eq.items, vars, { assume }), vars);
    } catch (err) {
      if (err instanceof SolveError) throw new EvalError(err.message);
      throw err;
    }
  }
  let v = x;
  if (v === undefined) {
    const free = freeSymbols(eq);
    if (free.length !== 1) throw new EvalError(`solve(eq, x): say which variable to solve for (${free.length === 0 ? 'the equation has none' : `it has ${free.sort().join(', ')}`})`);
    v = sym(free[0]!);
  }
  try {
    const out = formatSolutions(solveSymbolic(eq, v, { assume }));
    return out.kind === 'expr' ? out.expr : out;
  } catch (err) {
    if (err instanceof SolveError) throw new EvalError(err.message);
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Arguments

function numberArg(e: Expr, what: string): number {
  const free = freeSymbols(e);
  if (free.length > 0) throw new EvalError(`${what} must be a number, but '${free[0]}' has no value`);
  const v = evaluate(e);
  if (Number.isNaN(v)) throw new EvalError(`${what} must be a number, got ${text(e)}`);
  return v;
}

function countArg(e: Expr, what: string, min = 1): number {
  if (!isInteger(e) || Number(e.value[0]) < min) throw new EvalError(`${what} must be a whole number ≥ ${min}, got ${text(e)}`);
  return Number(e.value[0]);
}

const isLaw = (e: Expr): boolean => e.kind === 'call' && LAW_NAMES.includes(e.fn);
const momentOut = (m: Moment): Expr => m.value;

/** Apply f to a scalar or to each item of a list. */
const each = (e: Expr, f: (x: Expr) => Expr): Expr => (e.kind === 'list' ? list(e.items.map((x) => each(x, f))) : f(e));

// ---------------------------------------------------------------------------------------------------------
// Distributions

for (const name of LAW_NAMES) {
  defineCommand({
    name, usage: `${name}(…)`, arity: [0, 3],
    doc: `the ${name === 'GammaDist' ? 'gamma (shape, rate)' : name} distribution as a value for pdf, cdf, mean, sample, …`,
    run: (args) => {
      const law = makeLaw(name, args);
      const v = readLaw(law);
      if (isNumericLaw(v)) numericLaw(v); // checks the parameter domains now (sigma > 0, 0 ≤ p ≤ 1, …)
      return law;
    },
  });
}

defineCommand({
  name: 'pdf', usage: 'pdf(Normal(mu, sigma), x)', arity: [2, 2],
  doc: 'density (or probability mass) as a formula in x; a number when x is a decimal and the parameters are known',
  run: ([d, x]) => each(x!, (xi) => {
    const v = readLaw(d!);
    if (isNumericLaw(v) && isNumber(xi)) {
      const law = numericLaw(v);
      const value = law.pdf(numberValue(xi));
      if (value === 0) return ZERO;
      if (xi.kind === 'float') return float(value);
    }
    return pdfExpr(d!, xi);
  }),
});

defineCommand({
  name: 'pmf', usage: 'pmf(Binomial(n, p), k)', arity: [2, 2],
  doc: 'probability mass of a discrete distribution as a formula in k',
  run: ([d, k]) => each(k!, (ki) => pdfExpr(d!, ki)),
});

const tail = (which: 'cdf' | 'sf') => ([d, x]: readonly Expr[]): Expr => each(x!, (xi) => {
  const v = readLaw(d!);
  if (isNumericLaw(v) && freeSymbols(xi).length === 0) {
    const law = numericLaw(v);
    return float(which === 'cdf' ? law.cdf(numberArg(xi, 'x')) : law.sf(numberArg(xi, 'x')));
  }
  const f = cdfExpr(d!, xi);
  if (f === undefined) throw new EvalError(`${v.name} has no elementary closed-form cdf; give numeric parameters and x for a number`);
  return which === 'cdf' ? f : sub(ONE, f);
});

defineCommand({
  name: 'cdf', usage: 'cdf(Normal(0, 1), 1.96)', arity: [2, 2],
  doc: 'P(X ≤ x): a number for known parameters, otherwise the closed form (erf, atan, exp) where there is one',
  run: tail('cdf'),
});

defineCommand({
  name: 'sf', usage: 'sf(Normal(0, 1), 5)', arity: [2, 2],
  doc: 'P(X > x), computed directly so that tiny tail probabilities keep their digits',
  run: tail('sf'),
});

defineCommand({
  name: 'quantile', usage: 'quantile(Normal(0, 1), 0.975) or quantile([data], p)', arity: [2, 2],
  doc: 'inverse cdf of a distribution, or the p-quantile of data (linear interpolation, type 7)',
  run: ([d, p]) => each(p!, (pi) => {
    const prob = numberArg(pi, 'p');
    if (!(prob >= 0 && prob <= 1)) throw new EvalError(`quantile: p must lie in [0, 1], got ${prob}`);
    if (isLaw(d!)) {
      const q = numericLaw(readLaw(d!)).quantile(prob);
      return Number.isInteger(q) && readLaw(d!).spec?.discrete !== false ? int(q) : float(q);
    }
    return float(dataQuantile(dataValues(readData(d!)), prob));
  }),
});

defineCommand({
  name: 'mean', usage: 'mean([data]) or mean(Poisson(lambda))', arity: [1, 1],
  doc: 'mean of data (exact for exact numbers) or of a distribution (derived or from the closed-form table)',
  run: ([d]) => (isLaw(d!) ? momentOut(meanOf(d!)) : dataMean(readData(d!))),
});

defineCommand({
  name: 'median', usage: 'median([data])', arity: [1, 1],
  doc: 'median of data (exact for exact numbers), or of a distribution (its 1/2 quantile)',
  run: ([d]) => (isLaw(d!) ? float(numericLaw(readLaw(d!)).quantile(0.5)) : dataMedian(readData(d!))),
});

defineCommand({
  name: 'variance', usage: 'variance([data]) or variance(Normal(mu, sigma))', arity: [1, 1],
  doc: 'sample variance of data (denominator n - 1), or the variance of a distribution',
  run: ([d]) => (isLaw(d!) ? momentOut(varianceOf(d!)) : dataVariance(readData(d!))),
});

defineCommand({
  name: 'std', usage: 'std([data]) or std(Exponential(lambda))', arity: [1, 1],
  doc: 'sample standard deviation of data, or the standard deviation of a distribution',
  run: ([d]) => (isLaw(d!) ? momentOut(stdOf(d!)) : sqrtOf(dataVariance(readData(d!)))),
});
const sqrtOf = (e: Expr): Expr => (e.kind === 'float' ? float(Math.sqrt(e.value)) : pow(e, HALF));

defineCommand({
  name: 'moments', usage: 'moments(Binomial(n, p))', arity: [1, 1],
  doc: 'mean and variance of a distribution, saying how each was obtained',
  run: ([d]) => {
    const m = meanOf(d!);
    const v = varianceOf(d!);
    return { kind: 'text', text: `mean = ${text(m.value)}  (${m.explanation})\nvariance = ${text(v.value)}  (${v.explanation})` };
  },
});

defineCommand({
  name: 'sample', usage: 'sample(Normal(0, 1), n, seed?)', arity: [2, 3],
  doc: 'n pseudo-random draws (xoshiro128** seeded by seed, default 1): the same seed gives the same list',
  run: ([d, n, seed]) => {
    const count = countArg(n!, 'n');
    if (count > 1_000_000) throw new EvalError(`sample: at most 1000000 draws, asked for ${count}`);
    const law = numericLaw(readLaw(d!));
    const xs = law.sample(new Rng(seed === undefined ? 1 : numberArg(seed, 'seed')), count);
    return list(xs.map((x) => (law.discrete ? int(x) : float(x))));
  },
});

const fmt = (x: number): string => (Number.isFinite(x) ? Number(x.toPrecision(6)).toString() : x > 0 ? 'inf' : '-inf');
function testText(r: TestResult): string {
  const lines = [r.method, `  t = ${fmt(r.statistic)}`];
  if (r.df !== undefined) lines.push(`  df = ${fmt(r.df)}`);
  lines.push(`  p-value = ${r.pValue.toPrecision(4)} (${r.alternative})`);
  if (r.estimate !== undefined) lines.push(`  estimate = ${fmt(r.estimate)}`);
  if (r.confidenceInterval !== undefined) lines.push(`  95% confidence interval: [${fmt(r.confidenceInterval[0])}, ${fmt(r.confidenceInterval[1])}]`);
  return lines.join('\n');
}

defineCommand({
  name: 'ttest', usage: 'ttest([x…], [y…]) or ttest([x…], mu0)', arity: [2, 2],
  doc: "Welch's two-sample t test, or the one-sample t test of mean = mu0: statistic, df, p-value, 95% interval",
  run: ([x, y]) => {
    const xs = dataValues(readData(x!, 'the first sample'));
    const r = y!.kind === 'list'
      ? tTestTwoSample(xs, dataValues(readData(y!, 'the second sample')))
      : tTestOneSample(xs, { mu: numberArg(y!, 'mu0') });
    return { kind: 'text', text: testText(r) };
  },
});

defineCommand({
  name: 'posterior', usage: 'posterior(Beta(a, b), Binomial(n, p), k)', arity: [3, 3],
  doc: 'conjugate Bayesian update: the posterior distribution after observing data (a value or a list)',
  run: ([prior, lik, data]) => conjugatePosterior(prior!, lik!, data!.kind === 'list' ? data!.items : [data!]).posterior,
});

// ---------------------------------------------------------------------------------------------------------
// Linear algebra

const mat = (e: Expr, what = 'matrix', vectorAsColumn = false): ExprMatrix => toExprMatrix(e, what, vectorAsColumn);
const numericPath = (m: ExprMatrix): boolean => hasFloats(m);

defineCommand({
  name: 'det', usage: 'det([[a, b], [c, d]])', arity: [1, 1],
  doc: 'determinant: exact (Bareiss, cofactors) for exact entries, by LU for decimals',
  run: ([a]) => {
    const m = mat(a!);
    return numericPath(m) ? float(dense.det(toDense(m))) : detExact(m);
  },
});

defineCommand({
  name: 'inv', usage: 'inv(A)', arity: [1, 1],
  doc: 'inverse matrix: exact by Gauss–Jordan, or by LU for decimals; an error for singular matrices',
  run: ([a]) => {
    const m = mat(a!);
    return matrixExpr(numericPath(m) ? fromDense(dense.inverse(toDense(m))) : inverseExact(m));
  },
});

defineCommand({
  name: 'rank', usage: 'rank(A)', arity: [1, 1],
  doc: 'rank: exact by elimination, or numerically (singular values above a tolerance) for decimals',
  run: ([a]) => {
    const m = mat(a!);
    return int(numericPath(m) ? dense.rank(toDense(m)) : rankExact(m));
  },
});

defineCommand({ name: 'rref', usage: 'rref(A)', arity: [1, 1], doc: 'reduced row echelon form', run: ([a]) => matrixExpr(rrefExact(mat(a!)).matrix) });
defineCommand({ name: 'nullspace', usage: 'nullspace(A)', arity: [1, 1], doc: 'a basis of {x : A x = 0}, one vector per free column', run: ([a]) => list(nullspaceExact(mat(a!)).map(vectorExpr)) });
defineCommand({ name: 'transpose', usage: 'transpose(A)', arity: [1, 1], doc: 'the transposed matrix', run: ([a]) => matrixExpr(transposeExpr(mat(a!, 'matrix', true))) });
defineCommand({ name: 'trace', usage: 'trace(A)', arity: [1, 1], doc: 'sum of the diagonal entries', run: ([a]) => traceExpr(mat(a!)) });

defineCommand({
  name: 'charpoly', usage: 'charpoly(A, lambda?)', arity: [1, 2],
  doc: 'characteristic polynomial det(lambda I - A)',
  run: ([a, t]) => {
    if (t !== undefined && t.kind !== 'sym') throw new EvalError(`charpoly: the variable must be a name, got ${text(t)}`);
    return charpolyExact(mat(a!), (t as Sym | undefined) ?? sym('lambda'));
  },
});

defineCommand({
  name: 'matmul', usage: 'matmul(A, B)', arity: [2, 2],
  doc: 'matrix product (a flat list on the right is a column vector, on the left a row vector; the result is then a vector)',
  run: ([a, b]) => {
    const flat = (e: Expr): boolean => e.kind === 'list' && e.items.every((x) => x.kind !== 'list');
    const right = mat(b!, 'the right factor', true);
    const left = flat(a!) ? [mat(a!, 'the left factor', true).map((r) => r[0]!)] : mat(a!, 'the left factor');
    const p = matmulExpr(left, right);
    if (flat(a!)) return vectorExpr(p[0]!);
    return flat(b!) ? vectorExpr(p.map((r) => r[0]!)) : matrixExpr(p);
  },
});

defineCommand({
  name: 'dot', usage: 'dot(u, v)', arity: [2, 2], doc: 'dot product of two vectors',
  run: ([u, v]) => dotExpr(toExprVector(u!, 'u'), toExprVector(v!, 'v')),
});

defineCommand({
  name: 'solve', usage: 'solve(x^2 = 2, x), solve([x + y = 3, x - y = 1], [x, y]) or solve(A, b)', arity: [1, 2],
  doc: 'every solution of an equation for x, each checked by substitution (periodic ones in one period with the general form in k, conditions on parameters stated, numeric ones labelled), of a system by elimination, or of A x = b: exact for exact entries, by LU with partial pivoting for decimals',
  run: ([a, b], session) => {
    if (!(a!.kind === 'list' && a!.items.length > 0 && a!.items.every((r) => r.kind === 'list'))) return solveEquation(a!, b, session);
    if (b === undefined) throw new EvalError('solve(A, b) needs the right-hand side b');
    const m = mat(a!, 'A');
    const isVector = b!.kind === 'list' && b!.items.every((x) => x.kind !== 'list');
    const rhs = mat(b!, 'b', true);
    const x = numericPath(m) || hasFloats(rhs) ? fromDense(dense.solveMatrix(toDense(m, 'A'), toDense(rhs, 'b'))) : solveExact(m, rhs);
    return isVector ? vectorExpr(x.map((r) => r[0]!)) : matrixExpr(x);
  },
});

defineCommand({
  name: 'lstsq', usage: 'lstsq(A, b)', arity: [2, 2],
  doc: 'least-squares solution of A x ≈ b (Householder QR; A needs full column rank)',
  run: ([a, b]) => {
    const r = dense.leastSquares(toDense(mat(a!, 'A'), 'A'), dataValues(readData(b!, 'b')));
    return vectorExpr(Array.from(r.x, (x) => float(x)));
  },
});

defineCommand({
  name: 'svd', usage: 'svd(A)', arity: [1, 1],
  doc: 'singular value decomposition A = U diag(s) Vᵀ, numerically: the list [U, s, V]',
  run: ([a]) => {
    const f = dense.svd(toDense(mat(a!)));
    return list([matrixExpr(fromDense(f.U)), vectorExpr(Array.from(f.S, (x) => float(x))), matrixExpr(fromDense(f.V))]);
  },
});

function numericEigen(m: ExprMatrix, why: string): string {
  const d = toDense(m);
  const t = dense.transpose(d);
  if (d.data.some((x, k) => Math.abs(x - t.data[k]!) > 1e-12 * (1 + Math.abs(x)))) {
    throw new EvalError(`${why}, and numeric eigenvalues are available only for symmetric matrices`);
  }
  const e = dense.symmetricEigen(d);
  const vecs = dense.toArrays(e.vectors);
  return [`${why}; numeric (symmetric QR algorithm):`, ...Array.from(e.values, (v, j) =>
    `  lambda = ${fmt(v)}: v = [${vecs.map((r) => fmt(r[j]!)).join(', ')}]`)].join('\n');
}

defineCommand({
  name: 'eig', usage: 'eig([[2, 1], [1, 2]])', arity: [1, 1],
  doc: 'eigenvalues with multiplicities and eigenvectors; exact where the characteristic polynomial factors',
  run: ([a]) => {
    const m = mat(a!);
    if (numericPath(m)) return { kind: 'text', text: numericEigen(m, 'decimal entries') };
    try {
      const pairs = eigenExact(m);
      return {
        kind: 'text',
        text: pairs.map((p) => `lambda = ${text(p.value)}${p.multiplicity > 1 ? ` (multiplicity ${p.multiplicity})` : ''}: `
          + p.vectors.map((v) => `v = ${text(vectorExpr(v))}`).join(', ')).join('\n'),
      };
    } catch (err) {
      if (err instanceof EigenClosedFormError) return { kind: 'text', text: numericEigen(m, err.message.split(';')[0]!) };
      throw err;
    }
  },
});

defineCommand({
  name: 'eigenvals', usage: 'eigenvals(A)', arity: [1, 1],
  doc: 'the list of exact eigenvalues, each repeated by its multiplicity',
  run: ([a]) => list(eigenExact(mat(a!), false).flatMap((p) => Array<Expr>(p.multiplicity).fill(p.value))),
});
