import { describe, it, expect } from 'vitest';
import { existsSync, rmSync } from 'node:fs';
import '../../src/lang/index.js';
import { Session } from '../../src/lang/session.js';
import { text } from '../../src/render/text.js';

const out = (s: Session, line: string): string => {
  const o = s.run(line);
  return o.kind === 'text' ? o.text : o.kind === 'expr' ? text(o.expr) : '';
};

describe('transformers in the language', () => {
  it('transformer, train with progress lines, sample, save and load (same samples after loading)', () => {
    const s = new Session();
    expect(out(s, 'gpt := transformer(layers = 1, heads = 2, embd = 16)')).toMatch(/^gpt := Transformer\(layers = 1, heads = 2, embd = 16, id = \d+\)$/);
    const t = out(s, 'train(gpt, names, steps = 40)');
    expect(t.split('\n').filter((l) => l.startsWith('step')).length).toBeGreaterThanOrEqual(5);
    const last = /train ([0-9.]+) {2}test ([0-9.]+)/.exec(t);
    expect(last).not.toBeNull();
    expect(Number(last![2])).toBeLessThan(Math.log(27));
    const a = out(s, 'sample(gpt, 4, 7)');
    expect(a.split('\n')).toHaveLength(4);
    const file = `lousatestgpt${process.pid}`;
    try {
      expect(out(s, `save(gpt, ${file})`)).toContain(`${file}.json`);
      out(s, `g2 := load(${file})`);
      expect(out(s, 'sample(g2, 4, 7)')).toBe(a);
    } finally {
      if (existsSync(`${file}.json`)) rmSync(`${file}.json`);
    }
    expect(out(s, 'sample(Normal(0, 1), 2)')).toMatch(/^\[/); // the statistics command is still there
  });

  it('clear errors', () => {
    const s = new Session();
    expect(() => s.run('train(3, names)')).toThrow(/made by transformer/);
    expect(() => s.run('transformer(heads = 3)')).toThrow(/not a multiple of heads/);
    expect(() => s.run('transformer(depth = 3)')).toThrow(/unknown option 'depth'/);
    s.run('gpt := transformer(layers = 1)');
    expect(() => s.run('sample(gpt, 3)')).toThrow(/train the model first/);
    expect(() => s.run('load(nosuchlousafile)')).toThrow(/cannot read nosuchlousafile.json/);
  });
});

describe('fit', () => {
  it('recovers the parameters of exact data (least squares by L-BFGS on the compiled gradient)', () => {
    const s = new Session();
    const pts = [0, 0.5, 1, 1.5, 2, 3, 4, 6].map((t) => `[${t}, ${3 * Math.exp(-0.7 * t) + 1.25}]`).join(', ');
    const r = out(s, `fit(a exp(-b t) + c, [a, b, c], [${pts}])`);
    const v = Object.fromEntries([...r.matchAll(/([abc]) = ([-0-9.e]+)/g)].map((m) => [m[1], Number(m[2])]));
    expect(v['a']).toBeCloseTo(3, 5);
    expect(v['b']).toBeCloseTo(0.7, 5);
    expect(v['c']).toBeCloseTo(1.25, 5);
    expect(r).toMatch(/mean squared error .*converged/);
  });
  it('a chosen loss, starting values, and errors that say why', () => {
    const s = new Session();
    const r = out(s, 'fit(a t + b, [a, b], [[0, 1], [1, 3], [2, 5], [3, 7], [4, 100]], loss = absolute, start = [1, 0])');
    expect(r).toMatch(/mean absolute error/);
    const a = Number(/a = ([-0-9.e]+)/.exec(r)![1]);
    expect(Math.abs(a - 2)).toBeLessThan(1e-4); // the outlier barely moves the L1 fit
    expect(() => s.run('fit(a t + b, [a], [[0, 1]])')).toThrow(/exactly one variable/);
    expect(() => s.run('fit(a t, [a], [[0, 1, 2]])')).toThrow(/not an \[x, y\] pair/);
    expect(() => s.run('fit(a t, [a], [[0, 1]], loss = cubic)')).toThrow(/squared, absolute or cauchy/);
  });
});
