/**
 * The worker's side of the page, without a browser: plots with their parameters, f′ and the running integral;
 * steps in both languages; the forms of a result; errors in words.
 */
import { describe, expect, it } from 'vitest';
import '../../src/lang/index.js';
import { Session } from '../../src/lang/session.js';
import { runLine } from '../../playground/src/worker/run-line.js';
import { samplePlot } from '../../playground/src/worker/plot.js';
import { describe as describeError } from '../../playground/src/worker/errors.js';
import type { Curve, Result } from '../../playground/src/protocol.js';

const run = (line: string, s = new Session()): Result => runLine(s, line, () => {});
const plotOf = (line: string, s = new Session()) => {
  const r = run(line, s);
  if (r.kind !== 'plot') throw new Error(`not a plot: ${r.kind}`);
  return r;
};
const points = (c: Curve | undefined) => (c?.segments ?? []).flat();
/** The value of a sampled curve nearest x. */
const at = (c: Curve | undefined, x: number): number => points(c).reduce((best, p) => (Math.abs(p.x - x) < Math.abs(best.x - x) ? p : best)).y;

describe('plots', () => {
  it('makes a slider of every free symbol but the variable, and the slider changes the curve', () => {
    const p = plotOf('plot(sin(k x) + c, x, 0, 10)');
    expect(p.params.map((q) => q.name)).toEqual(['c', 'k']);
    const one = samplePlot(p.plotId, [0, 10], { k: 1, c: 0 }, { df: false, int: false });
    const two = samplePlot(p.plotId, [0, 10], { k: 2, c: 0 }, { df: false, int: false });
    expect(at(one.curves[0], 1)).toBeCloseTo(Math.sin(1), 2);
    expect(at(two.curves[0], 1)).toBeCloseTo(Math.sin(2), 2);
  });

  it.each([
    ['x^2', 0, 3, (x: number) => 2 * x, (x: number) => x ** 3 / 3],
    ['cos(x)', -2, 4, (x: number) => -Math.sin(x), (x: number) => Math.sin(x) - Math.sin(-2)],
    ['exp(-x^2)', -1, 2, (x: number) => -2 * x * Math.exp(-x * x), undefined],
  ] as const)('draws f′ and ∫f of %s from a', (f, a, b, df, F) => {
    const p = plotOf(`plot(${f}, x, ${a}, ${b})`);
    const d = samplePlot(p.plotId, [a, b], {}, { df: true, int: true });
    const byRole = (role: Curve['role']) => d.curves.find((c) => c.role === role);
    for (const x of [a + 0.3, (a + b) / 2, b - 0.2]) {
      expect(at(byRole('df'), x)).toBeCloseTo(df(x), 2);
      if (F !== undefined) expect(at(byRole('int'), x)).toBeCloseTo(F(x), 2);
    }
    expect(at(byRole('int'), a)).toBe(0);
  });

  it('stops the running integral at a pole instead of integrating across it', () => {
    const p = plotOf('plot(1/x, x, -1, 1)');
    const d = samplePlot(p.plotId, [-1, 1], {}, { df: false, int: true });
    expect(d.curves[0]!.breaks.some((b) => b.kind === 'pole')).toBe(true);
    const int = d.curves.find((c) => c.role === 'int')!;
    expect(Math.max(...points(int).map((q) => q.x))).toBeLessThan(0);
  });

  it('binds the variable even when the session gives it a value', () => {
    const s = new Session();
    run('x := 5', s);
    const p = plotOf('plot(x^2, x, 0, 2)', s);
    expect(p.params).toEqual([]);
    expect(at(p.data.curves[0], 1)).toBeCloseTo(1, 3);
  });
});

describe('lines', () => {
  it('shows steps in English and Portuguese, one label per step', () => {
    const r = run('steps(diff(sin(x^2), x))');
    if (r.kind !== 'steps') throw new Error(r.kind);
    expect(r.result.text).toBe('2x cos(x^2)');
    expect(r.en.labels.length).toBe(r.en.rows.length);
    expect(r.pt.labels.length).toBe(r.en.labels.length);
    expect(r.en.labels.at(-1)).toBe('power rule');
    expect(r.pt.labels.at(-1)).toBe('regra da potência');
  });

  it.each([
    ['diff(sin(x^2), x)', '2x cos(x^2)', undefined],
    ['pi/4', 'pi/4', '0.7853981633974483'],
    ['2 + 3', '5', undefined],
  ])('gives the forms of %s', (line, exact, numeric) => {
    const r = run(line);
    if (r.kind !== 'expr') throw new Error(r.kind);
    expect(r.exact.text).toBe(exact);
    expect(r.numeric?.text).toBe(numeric);
  });

  it('reports errors in words, with the column of a parse error', () => {
    const e = (() => { try { run('sin(x))'); } catch (err) { return describeError(err); } })();
    expect(e).toEqual({ message: "unexpected ')' with no '(' to close", column: 7 });
    expect(describeError(new TypeError('x is undefined')).message).not.toMatch(/undefined|TypeError/);
    expect(describeError(new RangeError('HP division by zero')).message).not.toMatch(/HP/);
    class DomainError extends RangeError {}
    expect(describeError(new DomainError('the argument must be positive')).message).toBe('the argument must be positive');
  });
});
