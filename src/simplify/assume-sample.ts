/**
 * Admissible values for the free symbols of an expression: each draw gives every symbol a number that satisfies
 * all the assumptions about it (bounds, excluded values, integer, orders such as b > a). Draws are seeded, so a
 * check that uses them is repeatable. Values avoid small rationals such as 0, ±1, 1/2 where the assumptions allow,
 * so that a formula valid only at special values is not mistaken for a general one.
 */
import type { Expr } from '../ast/expr.js';
import { freeSymbols } from '../eval/n.js';
import { Assumptions } from './assume.js';

export type Draw = Readonly<Record<string, number>>;

export interface SampleOptions {
  /** Number of draws (default 3). */
  readonly count?: number;
  /** Seed of the generator (default 1). */
  readonly seed?: number;
  /** Symbols not to sample (the variable of integration, say). */
  readonly exclude?: readonly string[];
}

/** A small deterministic generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Symbols in an order where every `small` of an ordering comes before its `large`. */
function ordered(names: readonly string[], A: Assumptions): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (n: string, depth: number): void => {
    if (seen.has(n) || depth > names.length) return;
    seen.add(n);
    for (const o of A.orderings) if (o.large === n && names.includes(o.small)) visit(o.small, depth + 1);
    out.push(n);
  };
  for (const n of names) visit(n, 0);
  return out;
}

/** One value in the interval (lo, hi), either end possibly infinite, away from the ends and from special values. */
function pick(lo: number, hi: number, integer: boolean, avoid: readonly number[], rnd: () => number): number | undefined {
  for (let attempt = 0; attempt < 40; attempt++) {
    const u = 0.15 + 0.7 * rnd();
    let v: number;
    if (Number.isFinite(lo) && Number.isFinite(hi)) v = lo + (hi - lo) * u;
    else if (Number.isFinite(lo)) v = lo + 0.35 + 2.4 * u * (1 + Math.abs(lo) / 4);
    else if (Number.isFinite(hi)) v = hi - 0.35 - 2.4 * u * (1 + Math.abs(hi) / 4);
    else v = (rnd() < 0.5 ? -1 : 1) * (0.35 + 2.4 * u);
    if (integer) {
      const span = Number.isFinite(lo) && Number.isFinite(hi) ? 0 : Math.floor(5 * rnd());
      v = Math.round(v + (Number.isFinite(lo) ? span : Number.isFinite(hi) ? -span : span - 2));
      if (v <= lo && Number.isFinite(lo)) v = Math.floor(lo) + 1;
      if (v >= hi && Number.isFinite(hi)) v = Math.ceil(hi) - 1;
      if (!(v > lo && v < hi)) return undefined;
    } else {
      v = Math.round(v * 10_000) / 10_000;
      if (!(v > lo && v < hi)) continue;
      if ([0, 1, -1, 0.5, -0.5, 2, -2].includes(v) && attempt < 30) continue;
    }
    if (avoid.some((a) => Math.abs(a - v) < 1e-9)) continue;
    return v;
  }
  return undefined;
}

/**
 * `count` draws of values for the symbols named (or the free symbols of an expression), each satisfying the
 * assumptions; fewer draws when the assumptions cannot be met (contradictory bounds: then none).
 */
export function sampleAdmissible(what: Expr | readonly string[], A: Assumptions = new Assumptions(), opts: SampleOptions = {}): Draw[] {
  const names = (Array.isArray(what) ? [...(what as readonly string[])] : freeSymbols(what as Expr))
    .filter((n) => !(opts.exclude ?? []).includes(n)).sort();
  const rnd = seededRandom(opts.seed ?? 1);
  const draws: Draw[] = [];
  const count = opts.count ?? 3;
  for (let d = 0; d < count; d++) {
    const draw: Record<string, number> = {};
    let ok = true;
    for (const n of ordered(names, A)) {
      const { lo, hi } = A.boundsOf(n);
      // strict and closed ends are both kept away from: a sampled value sits inside the interval
      let l = lo?.value ?? -Infinity;
      let h = hi?.value ?? Infinity;
      if (lo !== undefined && !lo.strict && A.isInteger(n)) l -= 0.5;
      if (hi !== undefined && !hi.strict && A.isInteger(n)) h += 0.5;
      for (const o of A.orderings) {
        if (o.large === n && draw[o.small] !== undefined) l = Math.max(l, draw[o.small]! - (o.strict ? 0 : 1e-12));
        if (o.small === n && draw[o.large] !== undefined) h = Math.min(h, draw[o.large]! + (o.strict ? 0 : 1e-12));
      }
      const v = pick(l, h, A.isInteger(n), A.excludedValues(n), rnd);
      if (v === undefined) {
        ok = false;
        break;
      }
      draw[n] = v;
    }
    if (ok) draws.push(draw);
  }
  return draws;
}
