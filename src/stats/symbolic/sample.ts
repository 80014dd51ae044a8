/**
 * Descriptive statistics of a list in the language: exact when every value is a rational number (mean,
 * median and variance of [1, 2, 4] are 7/3, 2 and 7/3), numeric (src/stats/describe) otherwise.
 */
import { type Expr, type Num, add, div, float, int, isNum, mul, pow, sub } from '../../ast/expr.js';
import { evaluate } from '../../eval/evaluate.js';
import { freeSymbols } from '../../eval/n.js';
import { text } from '../../render/text.js';
import { rcmp } from '../../ast/rational.js';
import { mean, median, variance } from '../describe/index.js';
import { DistributionSpecError } from './errors.js';

export type Data = { readonly exact: readonly Num[] } | { readonly values: Float64Array };

/** Read a non-empty list of numbers. */
export function readData(e: Expr, what = 'data'): Data {
  if (e.kind !== 'list' || e.items.length === 0) throw new DistributionSpecError(`${what} must be a non-empty list of numbers, got ${text(e)}`);
  if (e.items.every(isNum)) return { exact: e.items as Num[] };
  return {
    values: Float64Array.from(e.items, (x) => {
      const free = freeSymbols(x);
      if (x.kind === 'list' || free.length > 0) throw new DistributionSpecError(`${what} must hold numbers, got ${text(x)}`);
      return evaluate(x);
    }),
  };
}

export const dataValues = (d: Data): Float64Array =>
  'values' in d ? d.values : Float64Array.from(d.exact, (x) => Number(x.value[0]) / Number(x.value[1]));

export function dataMean(d: Data): Expr {
  if ('values' in d) return float(mean(d.values));
  return div(add(...d.exact), int(d.exact.length));
}

export function dataMedian(d: Data): Expr {
  if ('values' in d) return float(median(d.values));
  const s = [...d.exact].sort((a, b) => rcmp(a.value, b.value));
  const n = s.length;
  return n % 2 === 1 ? s[(n - 1) / 2]! : div(add(s[n / 2 - 1]!, s[n / 2]!), int(2));
}

/** Sample variance (denominator n - 1), or population variance (denominator n) with `population`. */
export function dataVariance(d: Data, population = false): Expr {
  const n = 'values' in d ? d.values.length : d.exact.length;
  if (n < 2 && !population) throw new DistributionSpecError('the sample variance needs at least 2 values');
  if ('values' in d) return float(variance(d.values, population ? 'population' : 'sample'));
  const m = dataMean(d);
  const ss = add(...d.exact.map((x) => pow(sub(x, m), int(2))));
  return mul(ss, pow(int(population ? n : n - 1), int(-1)));
}
