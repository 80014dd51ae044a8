import { describe, it, expect } from 'vitest';
import { generatedNames } from '../../src/nn/data/names.js';
import { WordModel, alphabetOf, encodeWord, splitTest } from '../../src/nn/wordlm.js';
import { Rng } from '../../src/stats/rng.js';

describe('a small GPT learns words (CI-sized reproduction)', () => {
  it('150 AdamW steps bring the held-out loss well under the uniform and unigram losses', () => {
    const words = generatedNames(3000, 7);
    const { train, test } = splitTest(words, 1);
    expect(test.length).toBe(300);
    const wm = new WordModel(alphabetOf(words), { layers: 1, heads: 2, embd: 32, batch: 32, seed: 5, lr: 3e-3 });
    const rng = new Rng(2);
    const before = wm.evaluate(test, new Rng(3), 3, 100);
    expect(before).toBeGreaterThan(Math.log(wm.config.vocab) - 0.2);
    wm.train(train, 150, { rng, lr: () => 3e-3 });
    const after = wm.evaluate(test, new Rng(3), 3, 100);
    expect(after).toBeLessThan(2.2); // 1.94 measured; uniform ln 20 ≈ 3.0
    const samples = wm.sample(20, new Rng(4));
    expect(samples).toHaveLength(20);
    for (const s of samples) expect(s).toMatch(/^[a-z]*$/);
  });

  it('encodes a word as makemore does: start mark, letters, end mark, ignored rest', () => {
    const a = alphabetOf(['ab', 'cab']);
    expect(a.block).toBe(4);
    const X = new Array<number>(4).fill(-1), Y = X.slice(), W = X.slice();
    encodeWord(a, 'ab', 0, X, Y, W);
    expect(X).toEqual([0, 1, 2, 0]);
    expect(Y).toEqual([1, 2, 0, 0]);
    expect(W).toEqual([1, 1, 1, 0]);
    expect(() => encodeWord(a, 'abz', 0, X, Y, W)).toThrow(/alphabet/);
  });
});
