/**
 * Commands of the language for hypothesis tests, regression and descriptive statistics of data beyond the
 * mean/median/variance in stats.ts: ztest, pairedttest, chisqtest, kstest, mannwhitney, ols, cor, spearman,
 * cov, skewness, kurtosis, mode, iqr, histogram. The numbers come from src/stats (no library at run time).
 */
import { type Expr, float, int, list } from '../../ast/expr.js';
import { evaluate } from '../../eval/evaluate.js';
import { freeSymbols } from '../../eval/n.js';
import { EvalError } from '../../eval/errors.js';
import { text } from '../../render/text.js';
import { defineCommand } from '../registry.js';
import { LAW_NAMES, dataValues, numericLaw, readData, readLaw } from '../../stats/symbolic/index.js';
import {
  chiSquareGoodnessOfFit, chiSquareIndependence, ksTestOneSample, ksTestTwoSample, mannWhitneyU, ols, tTestPaired, zTest,
  type TestResult,
} from '../../stats/inference/index.js';
import { covariance, histogram, iqr, kurtosis, mode, pearson, skewness, spearman } from '../../stats/describe/index.js';

const values = (e: Expr, what: string): Float64Array => dataValues(readData(e, what));

function numberArg(e: Expr, what: string): number {
  const free = freeSymbols(e);
  if (free.length > 0) throw new EvalError(`${what} must be a number, but '${free[0]}' has no value`);
  const v = evaluate(e);
  if (Number.isNaN(v)) throw new EvalError(`${what} must be a number, got ${text(e)}`);
  return v;
}

const fmt = (x: number): string => (Number.isFinite(x) ? Number(x.toPrecision(6)).toString() : Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf');

/** A test result as a few aligned lines: method, statistic, df, p-value, estimate, interval. */
export function testReport(r: TestResult, statistic: string): string {
  const lines = [r.method, `  ${statistic} = ${fmt(r.statistic)}`];
  if (r.df !== undefined) lines.push(`  df = ${fmt(r.df)}`);
  lines.push(`  p-value = ${r.pValue.toPrecision(4)} (${r.alternative})`);
  if (r.estimate !== undefined) lines.push(`  estimate = ${fmt(r.estimate)}`);
  if (r.confidenceInterval !== undefined) lines.push(`  95% confidence interval: [${fmt(r.confidenceInterval[0])}, ${fmt(r.confidenceInterval[1])}]`);
  return lines.join('\n');
}

const report = (r: TestResult, statistic: string) => ({ kind: 'text' as const, text: testReport(r, statistic) });

defineCommand({
  name: 'ztest', usage: 'ztest([x…], mu0, sigma)', arity: [3, 3],
  doc: 'z test of mean = mu0 with known standard deviation sigma: statistic, p-value, 95% interval',
  run: ([x, mu, sigma]) => report(zTest(values(x!, 'the sample'), { mu: numberArg(mu!, 'mu0'), sigma: numberArg(sigma!, 'sigma') }), 'z'),
});

defineCommand({
  name: 'pairedttest', usage: 'pairedttest([x…], [y…])', arity: [2, 2],
  doc: 'paired t test of mean(x − y) = 0 for two samples of equal length',
  run: ([x, y]) => report(tTestPaired(values(x!, 'the first sample'), values(y!, 'the second sample')), 't'),
});

function matrixRows(e: Expr, what: string): number[][] {
  if (e.kind !== 'list' || e.items.length === 0) throw new EvalError(`${what} must be a list of rows, got ${text(e)}`);
  return e.items.map((row, i) => {
    if (row.kind !== 'list') throw new EvalError(`${what}: row ${i + 1} is not a list`);
    return row.items.map((c, j) => numberArg(c, `${what}[${i + 1}][${j + 1}]`));
  });
}

defineCommand({
  name: 'chisqtest', usage: 'chisqtest([observed…], [p…]?) or chisqtest([[table]])', arity: [1, 2],
  doc: "Pearson's chi-square test: goodness of fit of counts to probabilities p (default uniform), or independence in a contingency table",
  run: ([obs, p]) => {
    if (obs!.kind === 'list' && obs!.items.length > 0 && obs!.items.every((r) => r.kind === 'list')) {
      if (p !== undefined) throw new EvalError('chisqtest of a contingency table takes no probabilities');
      return report(chiSquareIndependence(matrixRows(obs!, 'the table')), 'X-squared');
    }
    const counts = Array.from(values(obs!, 'the observed counts'));
    const probs = p === undefined ? undefined : Array.from(values(p, 'the probabilities'));
    return report(chiSquareGoodnessOfFit(counts, probs), 'X-squared');
  },
});

const isLaw = (e: Expr): boolean => e.kind === 'call' && LAW_NAMES.includes(e.fn);

defineCommand({
  name: 'kstest', usage: 'kstest([x…], Normal(0, 1)) or kstest([x…], [y…])', arity: [2, 2],
  doc: 'Kolmogorov–Smirnov test: a sample against a distribution with known parameters, or two samples',
  run: ([x, y]) => {
    const xs = values(x!, 'the sample');
    if (isLaw(y!)) {
      const law = numericLaw(readLaw(y!));
      return report(ksTestOneSample(xs, (v) => law.cdf(v)), 'D');
    }
    return report(ksTestTwoSample(xs, values(y!, 'the second sample')), 'D');
  },
});

defineCommand({
  name: 'mannwhitney', usage: 'mannwhitney([x…], [y…])', arity: [2, 2],
  doc: 'Mann–Whitney U (Wilcoxon rank-sum) test: exact p-value for small samples without ties, else normal with tie correction',
  run: ([x, y]) => report(mannWhitneyU(values(x!, 'the first sample'), values(y!, 'the second sample')), 'U'),
});

defineCommand({
  name: 'ols', usage: 'ols([x…], [y…]) or ols([[x1, x2, …], …], [y…])', arity: [2, 2],
  doc: 'ordinary least squares with an intercept: coefficients, standard errors, t, p, R², F (by QR, not the normal equations)',
  run: ([x, y]) => {
    const ys = values(y!, 'y');
    const rows = x!.kind === 'list' && x!.items.every((r) => r.kind === 'list')
      ? matrixRows(x!, 'X')
      : Array.from(values(x!, 'x'), (v) => [v]);
    if (rows.length !== ys.length) throw new EvalError(`ols: X has ${rows.length} rows but y has ${ys.length} values`);
    const r = ols(rows, ys);
    const names = ['(intercept)', ...rows[0]!.map((_, j) => (rows[0]!.length === 1 ? 'x' : `x${j + 1}`))];
    const w = Math.max(...names.map((n) => n.length));
    const col = (s: string): string => s.padStart(13);
    const lines = ['Ordinary least squares', `  ${''.padEnd(w)}${col('estimate')}${col('std. error')}${col('t')}${col('p')}`];
    r.coefficients.forEach((c, j) => {
      lines.push(`  ${names[j]!.padEnd(w)}${col(fmt(c))}${col(fmt(r.standardErrors[j]!))}${col(fmt(r.tValues[j]!))}${col(r.pValues[j]!.toPrecision(4))}`);
    });
    lines.push(`  R² = ${fmt(r.rSquared)}, adjusted R² = ${fmt(r.adjustedRSquared)}, residual standard error ${fmt(r.residualStandardError)} on ${r.df} df`);
    if (r.fStatistic !== undefined) lines.push(`  F = ${fmt(r.fStatistic.value)} on ${r.fStatistic.df1} and ${r.fStatistic.df2} df, p-value = ${r.fStatistic.pValue.toPrecision(4)}`);
    if (r.warning !== undefined) lines.push(`  warning: ${r.warning}`);
    return { kind: 'text', text: lines.join('\n') };
  },
});

const pair = (f: (x: Float64Array, y: Float64Array) => number) => ([x, y]: readonly Expr[]): Expr =>
  float(f(values(x!, 'the first sample'), values(y!, 'the second sample')));

defineCommand({ name: 'cor', usage: 'cor([x…], [y…])', arity: [2, 2], doc: "Pearson's correlation coefficient", run: pair(pearson) });
defineCommand({ name: 'spearman', usage: 'spearman([x…], [y…])', arity: [2, 2], doc: "Spearman's rank correlation (ties get average ranks)", run: pair(spearman) });
defineCommand({ name: 'cov', usage: 'cov([x…], [y…])', arity: [2, 2], doc: 'sample covariance (denominator n − 1)', run: pair((x, y) => covariance(x, y)) });

defineCommand({
  name: 'skewness', usage: 'skewness([x…])', arity: [1, 1],
  doc: 'adjusted sample skewness G₁ (as SAS, Excel and pandas give it; needs 3 values)',
  run: ([x]) => float(skewness(values(x!, 'the sample'))),
});

defineCommand({
  name: 'kurtosis', usage: 'kurtosis([x…])', arity: [1, 1],
  doc: 'adjusted sample excess kurtosis G₂ (0 for a normal law; needs 4 values)',
  run: ([x]) => float(kurtosis(values(x!, 'the sample'))),
});

defineCommand({
  name: 'mode', usage: 'mode([x…])', arity: [1, 1],
  doc: 'the most frequent values, in increasing order',
  run: ([x]) => {
    const d = readData(x!, 'the sample');
    return list(mode(dataValues(d)).map((v) => ('exact' in d && Number.isInteger(v) ? int(v) : float(v))));
  },
});

defineCommand({
  name: 'iqr', usage: 'iqr([x…])', arity: [1, 1],
  doc: 'interquartile range Q3 − Q1 (quantile type 7)',
  run: ([x]) => float(iqr(values(x!, 'the sample'))),
});

defineCommand({
  name: 'histogram', usage: 'histogram([x…], bins?)', arity: [1, 2],
  doc: 'counts in equal-width bins (Sturges\' rule by default), drawn as bars',
  run: ([x, bins]) => {
    const xs = values(x!, 'the sample');
    const h = histogram(xs, bins === undefined ? 'sturges' : numberArg(bins, 'bins'));
    const most = Math.max(1, ...h.counts);
    const labels = h.counts.map((_, i) => `[${fmt(h.edges[i]!)}, ${fmt(h.edges[i + 1]!)}${i === h.counts.length - 1 ? ']' : ')'}`);
    const w = Math.max(...labels.map((l) => l.length));
    const lines = h.counts.map((c, i) => `${labels[i]!.padEnd(w)} ${'█'.repeat(Math.round((40 * c) / most)).padEnd(40)} ${c}`);
    return { kind: 'text', text: lines.join('\n') };
  },
});
