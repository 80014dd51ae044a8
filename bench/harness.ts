/**
 * A small benchmark harness: each contender runs the same work several times, interleaved so that machine noise
 * hits all of them alike, and the median wall time of the runs is reported. Ratios are always taken between
 * contenders measured in the same process and the same run.
 */
export interface Contender {
  readonly name: string;
  /** Does the whole batch of work once; returns something so the work cannot be optimised away. */
  readonly run: () => unknown;
  /** Items of work in one run, when it differs from the others' (a slow peer may get a smaller share). */
  readonly count?: number;
}

export interface Timing {
  readonly name: string;
  readonly count?: number;
  readonly medianMs: number;
  readonly runsMs: readonly number[];
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

let sink: unknown;

/** Runs every contender `runs` times (after one warm-up each), round-robin, and returns median times. */
export function race(contenders: readonly Contender[], runs = 7): Timing[] {
  for (const c of contenders) sink = c.run();
  const times = contenders.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) {
    contenders.forEach((c, k) => {
      const t0 = performance.now();
      sink = c.run();
      times[k]!.push(performance.now() - t0);
    });
  }
  void sink;
  return contenders.map((c, k) => ({ name: c.name, count: c.count, medianMs: median(times[k]!), runsMs: times[k]! }));
}

/** A table of timings with each contender's speed relative to the first (Lousa). */
export function report(title: string, timings: readonly Timing[], unit: { count: number; what: string }): string {
  const perItem = (t: Timing): number => (t.medianMs * 1000) / (t.count ?? unit.count);
  const base = perItem(timings[0]!);
  const lines = [`${title}`];
  timings.forEach((t, k) => {
    const ratio = k === 0 ? '' : `   Lousa is ${(perItem(t) / base).toFixed(2)}× as fast`;
    const share = t.count !== undefined ? ` (${t.count} items)` : '';
    lines.push(`  ${(t.name + share).padEnd(44)} ${t.medianMs.toFixed(1).padStart(9)} ms  ${perItem(t).toFixed(2).padStart(9)} µs/${unit.what}${ratio}`);
  });
  return lines.join('\n');
}

/** A seeded generator (mulberry32) so every run benchmarks the same corpus. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
