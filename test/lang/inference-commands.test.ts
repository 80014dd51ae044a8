import { describe, it, expect } from 'vitest';
import { Session } from '../../src/lang/index.js';
import { text } from '../../src/render/text.js';
import { evaluate } from '../../src/eval/evaluate.js';

const run = (line: string): string => {
  const o = new Session().run(line);
  return o.kind === 'expr' ? text(o.expr) : o.kind === 'text' ? o.text : '';
};
const field = (out: string, name: string): number => {
  const m = new RegExp(`${name} = (-?[0-9.e+-]+|inf)`).exec(out);
  if (m === null) throw new Error(`no ${name} in\n${out}`);
  return Number(m[1]);
};
const value = (line: string): number => {
  const o = new Session().run(line);
  if (o.kind !== 'expr') throw new Error('not an expression');
  return evaluate(o.expr);
};

describe('hypothesis tests in the language', () => {
  it('chisqtest: goodness of fit, where the chi-square(2) tail is exp(-x/2)', () => {
    // X² = Σ (o − e)²/e with e = 20: (100 + 0 + 100)/20 = 10, df 2, p = e^(−5).
    const out = run('chisqtest([10, 20, 30])');
    expect(field(out, 'X-squared')).toBeCloseTo(10, 10);
    expect(field(out, 'df')).toBe(2);
    expect(field(out, 'p-value')).toBeCloseTo(Math.exp(-5), 6);
  });

  it('ztest: z = (mean − mu)/(sigma/√n)', () => {
    const out = run('ztest([1, 2, 3, 4, 5], 2, 1)');
    expect(field(out, 'z')).toBeCloseTo(Math.sqrt(5), 5);
    // two-sided p = erfc(z/√2); for z = √5 this is 0.025347318… (published normal tables: P(|Z| > 2.236) ≈ 0.02535)
    expect(field(out, 'p-value')).toBeCloseTo(0.02535, 4);
    expect(() => run('ztest([1, 2], 2, -1)')).toThrow(/sigma must be positive/);
  });

  it('mannwhitney: the exact p-value equals a count over all rank assignments', () => {
    const x = [1, 2, 3, 4];
    const y = [2.5, 3.5, 5, 6, 7];
    const out = run(`mannwhitney([${x}], [${y}])`);
    const U = field(out, 'U');
    // Reference: enumerate the C(9, 4) ways the first sample's ranks can fall.
    const all = [...x, ...y];
    let count = 0;
    let total = 0;
    const n = all.length;
    for (let mask = 0; mask < 1 << n; mask++) {
      let bits = 0;
      for (let k = 0; k < n; k++) if (mask & (1 << k)) bits++;
      if (bits !== x.length) continue;
      total++;
      let u = 0;
      for (let i = 0; i < n; i++) if (mask & (1 << i)) for (let j = 0; j < n; j++) if (!(mask & (1 << j)) && all[i]! > all[j]!) u++;
      const lo = Math.min(u, x.length * y.length - u);
      if (lo <= Math.min(U, x.length * y.length - U)) count++;
    }
    expect(field(out, 'p-value')).toBeCloseTo(count / total, 4);
  });

  it('kstest takes a distribution or a second sample; pairedttest needs equal lengths', () => {
    expect(run('kstest([0.1, -0.5, 1.2, 0.3, -1.1, 0.8], Normal(0, 1))')).toMatch(/D = /);
    expect(run('kstest([1, 2, 3, 4], [2.5, 3.5, 5, 6, 7])')).toMatch(/p-value/);
    expect(() => run('pairedttest([1, 2, 3], [1, 2])')).toThrow();
  });
});

describe('regression and descriptive statistics in the language', () => {
  it('ols on one regressor matches the closed-form slope and intercept', () => {
    const x = [1, 2, 3, 4, 5];
    const y = [2.1, 3.9, 6.2, 7.8, 10.1];
    const mx = x.reduce((a, b) => a + b) / x.length;
    const my = y.reduce((a, b) => a + b) / y.length;
    let sxy = 0;
    let sxx = 0;
    x.forEach((v, i) => { sxy += (v - mx) * (y[i]! - my); sxx += (v - mx) ** 2; });
    const slope = sxy / sxx;
    const out = run(`ols([${x}], [${y}])`);
    const rows = out.split('\n');
    const coef = (name: string): number => Number(rows.find((r) => r.trim().startsWith(name))!.trim().split(/\s+/)[1]);
    expect(coef('x')).toBeCloseTo(slope, 5);
    expect(coef('(intercept)')).toBeCloseTo(my - slope * mx, 5);
    expect(out).toMatch(/R² = 0\.99/);
  });

  it('cor, spearman, cov, skewness, kurtosis, mode, iqr', () => {
    const x = [1, 2, 3, 4];
    const y = [2, 4.1, 5.9, 8.5];
    const m = (a: number[]): number => a.reduce((s, v) => s + v) / a.length;
    const c = x.reduce((s, v, i) => s + (v - m(x)) * (y[i]! - m(y)), 0);
    const r = c / Math.sqrt(x.reduce((s, v) => s + (v - m(x)) ** 2, 0) * y.reduce((s, v) => s + (v - m(y)) ** 2, 0));
    expect(value(`cor([${x}], [${y}])`)).toBeCloseTo(r, 14);
    expect(value(`spearman([${x}], [${y}])`)).toBe(1);
    expect(value(`cov([${x}], [${y}])`)).toBeCloseTo(c / 3, 14);
    // G1 of [1, 2, 3, 10]: deviations −3, −2, −1, 6, m2 = 12.5, m3 = 45, g1 = 45/12.5^1.5, G1 = g1·√(4·3)/2.
    expect(value('skewness([1, 2, 3, 10])')).toBeCloseTo((45 / 12.5 ** 1.5) * Math.sqrt(12) / 2, 12);
    expect(run('mode([1, 2, 2, 3, 3])')).toBe('[2, 3]');
    expect(value('iqr([1, 2, 3, 4, 5, 6])')).toBeCloseTo(2.5, 14);
    expect(run('histogram([1, 2, 2, 3, 3, 3], 3)').split('\n')).toHaveLength(3);
  });
});
