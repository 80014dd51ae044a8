import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadDigits, loadIris, SKLEARN_DATA_DIR } from '../../src/nn/data/sklearn.js';

const present = existsSync(join(SKLEARN_DATA_DIR, 'iris.csv'));
if (!present) {
  process.stderr.write(`test/nn/sklearn.test.ts: skipped, scikit-learn's data files are not at ${SKLEARN_DATA_DIR} (apt-get install python3-sklearn)\n`);
}

describe.skipIf(!present)('scikit-learn datasets from python3-sklearn', () => {
  it('iris: 150 rows, 4 features, 50 of each species; per-species means as published by Fisher (1936)', () => {
    const t = loadIris();
    expect([t.rows, t.features]).toEqual([150, 4]);
    expect(t.classes).toEqual(['setosa', 'versicolor', 'virginica']);
    const counts = [0, 0, 0];
    const sepal = [0, 0, 0];
    for (let i = 0; i < t.rows; i++) {
      counts[t.y[i]!]!++;
      sepal[t.y[i]!]! += t.x[i * 4]!;
    }
    expect(counts).toEqual([50, 50, 50]);
    // Mean sepal lengths 5.006, 5.936, 6.588 cm.
    expect(sepal.map((s) => s / 50)).toEqual([5.006, 5.936, 6.588].map((v) => expect.closeTo(v, 10)));
  });

  it('digits: 1,797 images of 64 grey levels in 0–16, labels 0–9', () => {
    const t = loadDigits();
    expect([t.rows, t.features]).toEqual([1797, 64]);
    expect(Math.max(...t.x)).toBe(16);
    expect(Math.min(...t.x)).toBe(0);
    expect(new Set(t.y).size).toBe(10);
  });

  it('says where to get the files when a folder lacks them', () => {
    expect(() => loadIris('/nonexistent')).toThrow(/apt-get install python3-sklearn/);
  });
});
