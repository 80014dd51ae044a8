/**
 * Axis helpers: "nice" tick values (P. S. Heckbert, 1990, "Nice numbers for
 * graph labels", Graphics Gems I) and a robust vertical range that ignores
 * the huge values a plot meets near poles.
 */

/** A number of the form {1, 2, 5, 10}·10ᵏ close to x (rounded, or the next one up). */
export function niceNumber(x: number, round: boolean): number {
  const e = Math.floor(Math.log10(x));
  const f = x / 10 ** e;
  let nf: number;
  if (round) nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
  else nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
  return nf * 10 ** e;
}

/** Tick positions inside [lo, hi], about `target` of them, at a nice spacing. */
export function niceTicks(lo: number, hi: number, target: number): { ticks: number[]; step: number } {
  const range = niceNumber(hi - lo, false);
  const step = niceNumber(range / Math.max(1, target - 1), true);
  const ticks: number[] = [];
  const first = Math.ceil(lo / step - 1e-9);
  for (let k = first; k * step <= hi + 1e-9 * step; k++) ticks.push(k * step === 0 ? 0 : k * step);
  return { ticks, step };
}

/** Format a tick value with just enough decimals for the tick spacing. */
export function formatTick(v: number, step: number): string {
  if (v === 0) return '0';
  const mag = Math.max(Math.abs(v), step);
  if (mag >= 1e6 || step < 1e-4) {
    const digits = Math.max(1, Math.min(6, Math.ceil(Math.log10(mag / step)) + 1));
    return v.toExponential(digits - 1).replace(/\.?0+e/, 'e');
  }
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const s = v.toFixed(decimals);
  return s === '-0' ? '0' : s;
}

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const i = Math.floor(pos);
  const frac = pos - i;
  return i + 1 < sorted.length ? sorted[i] * (1 - frac) + sorted[i + 1] * frac : sorted[i];
}

/**
 * A y-range for displaying `values`: their full extent, unless a few values
 * dwarf the rest (as near a pole: the extent exceeds four times the 5%–95% spread), in which case the 5%–95% quantile range
 * widened by 10% on each side. Degenerate ranges are opened by ±10% (or ±1 around values near 0).
 */
export function displayRange(values: number[], robust: boolean): [number, number] {
  const v = values.filter(Number.isFinite).sort((p, q) => p - q);
  if (v.length === 0) return [-1, 1];
  let lo = v[0];
  let hi = v[v.length - 1];
  if (robust && v.length >= 8) {
    const qlo = quantile(v, 0.05);
    const qhi = quantile(v, 0.95);
    const spread = qhi - qlo;
    if (spread > 0 && hi - lo > 4 * spread) {
      lo = Math.max(lo, qlo - 0.1 * spread);
      hi = Math.min(hi, qhi + 0.1 * spread);
    }
  }
  if (hi - lo <= 1e-12 * Math.max(1, Math.abs(lo), Math.abs(hi))) {
    const pad = Math.abs(lo) > 1e-100 ? 0.1 * Math.abs(lo) : 1;
    return [lo - pad, hi + pad];
  }
  return [lo, hi];
}
