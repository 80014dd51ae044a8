/** A fuzz campaign: a seeded mix of random strings and random expressions through every operation. */
import { type Kind, type Verdict, runCase } from './check.js';
import { Rng, randomExpr, randomPolynomial, randomString } from './generate.js';

/** How many cases of each kind (a fraction of `count`). */
const MIX: readonly (readonly [Kind, number])[] = [
  ['string', 0.55], ['diff', 0.16], ['expand', 0.07], ['factor', 0.05], ['simplify', 0.04], ['N', 0.07],
  ['integrate', 0.02], ['limit', 0.015], ['series', 0.015], ['solve', 0.01],
];

export interface Summary {
  readonly cases: number;
  readonly byOutcome: Record<string, number>;
  readonly failures: Verdict[];
  readonly ms: number;
}

export const FAILURES = new Set(['crash', 'leak', 'wrong', 'hang']);

/** `count` cases in the default mix of kinds, from `seed`. */
export function campaign(count: number, seed: number, onFailure?: (v: Verdict) => void): Summary {
  return campaignOf(MIX.map(([kind, share]) => [kind, Math.max(1, Math.round(count * share))] as const), seed, onFailure);
}

/** Exactly `n` cases of each listed kind, from `seed`. */
export function campaignOf(counts: readonly (readonly [Kind, number])[], seed: number, onFailure?: (v: Verdict) => void): Summary {
  const t0 = Date.now();
  const r = new Rng(seed);
  const byOutcome: Record<string, number> = {};
  const failures: Verdict[] = [];
  let cases = 0;
  for (const [kind, n] of counts) {
    for (let k = 0; k < n; k++) {
      const input = kind === 'string' ? randomString(r)
        : kind === 'expand' || kind === 'factor' ? randomPolynomial(r)
          : randomExpr(r, kind === 'diff' || kind === 'N' ? 3 : 2);
      const v = runCase(kind, input);
      cases++;
      byOutcome[v.outcome] = (byOutcome[v.outcome] ?? 0) + 1;
      if (FAILURES.has(v.outcome)) {
        failures.push(v);
        onFailure?.(v);
      }
    }
  }
  return { cases, byOutcome, failures, ms: Date.now() - t0 };
}
