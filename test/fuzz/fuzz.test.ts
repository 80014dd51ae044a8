/**
 * The fuzz suite in `npm test`: 10,000 seeded cases — random strings of Lousa's tokens (and of JavaScript's
 * internal names), and random expressions through diff, expand, factor, simplify, N, integrate, limit, series
 * and solve, with values checked at high precision (BigFloat). No crash, no hang (5 s), no leaked internal,
 * no wrong value. The longer run is `node --import tsx test/fuzz/run.ts --count N --seed S`.
 */
import { describe, it, expect } from 'vitest';
import { campaignOf } from './campaign.js';
import type { Kind } from './check.js';

const SEED = 20_261_125;

const PARTS: readonly (readonly (readonly [Kind, number])[])[] = [
  [['string', 8000]],
  [['diff', 800]],
  [['expand', 300], ['factor', 200], ['simplify', 200]],
  [['N', 300], ['integrate', 80], ['limit', 60], ['series', 40], ['solve', 20]],
];

describe('fuzz', () => {
  it('runs at least 10,000 cases', () => {
    expect(PARTS.flat().reduce((s, [, n]) => s + n, 0)).toBeGreaterThanOrEqual(10_000);
  });
  it.each(PARTS.map((p, k) => [p.map(([kind, n]) => `${n} ${kind}`).join(', '), k] as const))('%s', (_name, k) => {
    const s = campaignOf(PARTS[k]!, SEED + k);
    const report = s.failures.map((v) => `${v.outcome} [${v.kind}] ${v.input}: ${v.detail}`).join('\n');
    expect(report).toBe('');
  }, 180_000);
});
