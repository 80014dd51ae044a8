import { PlotError, requireIntAtLeast, requireRange } from './errors.js';
import { displayRange } from './scale.js';

export interface SamplePoint {
  x: number;
  y: number;
}

/** Where the curve had to be cut. */
export interface CurveBreak {
  /** Location (accurate to a few ulps of x). */
  x: number;
  /** 'pole': |f| grows without bound; 'jump': a finite jump; 'undefined': f stops being finite. */
  kind: 'pole' | 'jump' | 'undefined';
}

export interface SampleResult {
  /** Polylines to draw; consecutive segments must not be joined. */
  segments: SamplePoint[][];
  breaks: CurveBreak[];
  xRange: [number, number];
  /** Suggested vertical range for display (robust against poles). */
  yRange: [number, number];
  evaluations: number;
}

export interface SampleOptions {
  /** Points of the starting grid (default 96). */
  initialPoints?: number;
  /** Maximum bisections of a grid interval (default 12). */
  maxDepth?: number;
  /** Screen size in pixels used for the flatness test (default 144 × 80, a 72 × 20 braille plot). */
  width?: number;
  height?: number;
  /** Allowed midpoint deviation from the chord, in pixels (default 0.5). */
  tolerance?: number;
  /** Vertical range of the screen; default: a robust range of the grid values. */
  yRange?: [number, number];
}

/** Bisections spent deciding whether a steep interval hides a discontinuity. */
const PROBE_STEPS = 48;
/** A jump still larger than this many pixels after probing is a discontinuity. */
const JUMP_PIXELS = 1;
/** Fraction of a grid cell by which interior grid points are shifted, to avoid landing exactly on special points such as 0. */
const JITTER = 0.0137;

/**
 * Adaptive sampling of y = f(x) on [a, b] for plotting. It starts from a
 * slightly jittered uniform grid and bisects each interval while the
 * midpoint deviates from the chord by more than `tolerance` pixels in
 * screen space, or spans more than 4 pixels horizontally; parts lying
 * wholly above or below the screen are not refined further. Intervals
 * still steep at the maximum depth are probed by further bisection towards
 * the larger jump: a continuous function's jump halves with every step, so
 * a jump that stays above a pixel is a discontinuity, and the curve is cut
 * there, classified as a pole when the values run off far beyond the
 * screen. Where f is NaN or infinite the boundary of its domain is located
 * by bisection and the curve is cut.
 */
export function sampleFunction(f: (x: number) => number, a: number, b: number, opts?: SampleOptions): SampleResult {
  requireRange('[a, b]', [a, b]);
  const n = opts?.initialPoints ?? 96;
  const maxDepth = opts?.maxDepth ?? 12;
  const W = opts?.width ?? 144;
  const H = opts?.height ?? 80;
  const tol = opts?.tolerance ?? 0.5;
  requireIntAtLeast('initialPoints', n, 2);
  requireIntAtLeast('maxDepth', maxDepth, 0);
  if (!(W > 0) || !(H > 0)) throw new PlotError(`width and height must be positive, got ${W} and ${H}`);
  if (!(tol > 0)) throw new PlotError(`tolerance must be positive, got ${tol}`);
  if (opts?.yRange) requireRange('yRange', opts.yRange);

  let evaluations = 0;
  const F = (x: number): SamplePoint => {
    evaluations++;
    return { x, y: f(x) };
  };
  const grid: SamplePoint[] = [];
  for (let i = 0; i <= n; i++) {
    const x = i === 0 ? a : i === n ? b : a + ((b - a) * (i + JITTER)) / n;
    grid.push(F(x));
  }
  const [ylo, yhi] = opts?.yRange ?? displayRange(grid.map((p) => p.y), true);
  const sx = W / (b - a);
  const sy = H / (yhi - ylo);
  const fin = (p: SamplePoint) => Number.isFinite(p.y);

  const segments: SamplePoint[][] = [];
  const breaks: CurveBreak[] = [];
  let current: SamplePoint[] = [];
  const push = (p: SamplePoint): void => {
    const last = current[current.length - 1];
    if (!last || last.x !== p.x) current.push(p);
  };
  const cut = (x: number, kind: CurveBreak['kind']): void => {
    if (current.length > 0) segments.push(current);
    current = [];
    const prev = breaks[breaks.length - 1];
    if (!prev || Math.abs(prev.x - x) > 1e-9 * (b - a)) breaks.push({ x, kind });
  };

  /** Bisect between a finite and a non-finite point; returns the finite point nearest the boundary. */
  const domainEdge = (good: SamplePoint, bad: SamplePoint): { edge: SamplePoint; bad: SamplePoint } => {
    for (let k = 0; k < 60; k++) {
      const xm = good.x + (bad.x - good.x) / 2;
      if (xm === good.x || xm === bad.x) break;
      const m = F(xm);
      if (fin(m)) good = m;
      else bad = m;
    }
    return { edge: good, bad };
  };

  /** Decide whether [p, q] (both finite, steep) contains a discontinuity. */
  const probe = (p: SamplePoint, q: SamplePoint): CurveBreak | undefined => {
    const p0 = p;
    const q0 = q;
    const y0 = Math.max(Math.abs(p.y), Math.abs(q.y));
    for (let k = 0; k < PROBE_STEPS; k++) {
      const xm = p.x + (q.x - p.x) / 2;
      if (xm === p.x || xm === q.x) break;
      const m = F(xm);
      if (!fin(m)) return { x: xm, kind: Number.isNaN(m.y) ? 'undefined' : 'pole' };
      if (Math.abs(m.y - p.y) >= Math.abs(q.y - m.y)) q = m;
      else p = m;
    }
    if (Math.abs(q.y - p.y) * sy <= JUMP_PIXELS) return probeGrowth(p0, q0);
    const x = p.x + (q.x - p.x) / 2;
    const big = Math.max(Math.abs(p.y), Math.abs(q.y));
    const far = big > Math.max(Math.abs(ylo), Math.abs(yhi)) + 10 * (yhi - ylo);
    return { x, kind: far && big > 2 * y0 ? 'pole' : 'jump' };
  };

  /**
   * Second test, for poles where f runs to the same infinity on both sides
   * (1/x²): follow the largest |f| instead of the largest jump, and report a
   * pole when |f| keeps growing far beyond the screen.
   */
  const probeGrowth = (p: SamplePoint, q: SamplePoint): CurveBreak | undefined => {
    const start = Math.max(Math.abs(p.y), Math.abs(q.y));
    for (let k = 0; k < PROBE_STEPS; k++) {
      const xm = p.x + (q.x - p.x) / 2;
      if (xm === p.x || xm === q.x) break;
      const m = F(xm);
      if (!fin(m)) return { x: xm, kind: Number.isNaN(m.y) ? 'undefined' : 'pole' };
      const ap = Math.abs(p.y);
      const aq = Math.abs(q.y);
      const am = Math.abs(m.y);
      // Keep the half next to the largest value (ties broken by the larger neighbour).
      if (aq > am || (am >= ap && am >= aq && aq >= ap)) p = m;
      else q = m;
    }
    const end = Math.max(Math.abs(p.y), Math.abs(q.y));
    const far = end > Math.max(Math.abs(ylo), Math.abs(yhi)) + 10 * (yhi - ylo);
    return far && end > 1e3 * start ? { x: p.x + (q.x - p.x) / 2, kind: 'pole' } : undefined;
  };

  const refine = (p: SamplePoint, q: SamplePoint, depth: number): void => {
    const pf = fin(p);
    const qf = fin(q);
    if (!pf && !qf) {
      // Look for finite islands between two non-finite values, coarsely.
      if (depth >= Math.min(maxDepth, 4)) return;
      const m = F(p.x + (q.x - p.x) / 2);
      refine(p, m, depth + 1);
      refine(m, q, depth + 1);
      return;
    }
    if (!qf) {
      const { edge, bad } = domainEdge(p, q);
      if (edge !== p) refine(p, edge, depth);
      cut(bad.x, Number.isNaN(bad.y) ? 'undefined' : 'pole');
      return;
    }
    if (!pf) {
      const { edge, bad } = domainEdge(q, p);
      cut(bad.x, Number.isNaN(bad.y) ? 'undefined' : 'pole');
      push(edge);
      if (edge !== q) refine(edge, q, depth);
      return;
    }
    const m = F(p.x + (q.x - p.x) / 2);
    if (!fin(m)) {
      refine(p, m, depth + 1);
      refine(m, q, depth + 1);
      return;
    }
    // Vertical deviation of the midpoint from the chord, in pixels.
    const dev = Math.abs(m.y - (p.y + q.y) / 2) * sy;
    // Horizontal extent is also bounded so that wiggles are not skipped over.
    const wide = (q.x - p.x) * sx > 4;
    // Entirely above or below the screen and not violently bent: invisible, no need to refine.
    const above = p.y > yhi && m.y > yhi && q.y > yhi;
    const below = p.y < ylo && m.y < ylo && q.y < ylo;
    if ((dev <= tol && !wide) || ((above || below) && dev <= H)) {
      push(m);
      push(q);
      return;
    }
    if (depth >= maxDepth) {
      const br = probe(p, q);
      if (br) {
        cut(br.x, br.kind);
        push(q);
        return;
      }
      push(m);
      push(q);
      return;
    }
    refine(p, m, depth + 1);
    refine(m, q, depth + 1);
  };

  if (fin(grid[0])) push(grid[0]);
  for (let i = 0; i < n; i++) refine(grid[i], grid[i + 1], 0);
  if (current.length > 0) segments.push(current);

  const hasPoles = breaks.some((br) => br.kind === 'pole');
  const yRange: [number, number] = opts?.yRange
    ? [opts.yRange[0], opts.yRange[1]]
    : hasPoles
      ? displayRange(grid.map((p) => p.y), true)
      : displayRange(segments.flatMap((s) => s.map((p) => p.y)), false);
  return { segments, breaks, xRange: [a, b], yRange, evaluations };
}
