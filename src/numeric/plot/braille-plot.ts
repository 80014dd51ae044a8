import { BrailleCanvas } from './braille-canvas.js';
import { PlotError, requireIntAtLeast, requireRange } from './errors.js';
import { sampleFunction, type SamplePoint, type SampleResult } from './sample.js';
import { displayRange, formatTick, niceTicks } from './scale.js';

export interface BraillePlotOptions {
  /** Plot area width in character cells (default 72). */
  width?: number;
  /** Plot area height in character cells (default 20). */
  height?: number;
  /** Horizontal range; required when plotting a function (default [-10, 10]), else the data's extent. */
  xRange?: [number, number];
  /** Vertical range; default: the sampler's robust suggestion, or the data's extent. */
  yRange?: [number, number];
  /** Draw the frame with tick labels (default true). */
  axes?: boolean;
  /** Draw dotted lines at x = 0 and y = 0 when they are in range (default true). */
  zeroLines?: boolean;
  /** A title line above the plot. */
  title?: string;
}

type Fn = (x: number) => number;
type PlotInput = Fn | Fn[] | SampleResult | SamplePoint[][];

/** Map data coordinates to continuous pixel coordinates (row 0 at the top). */
export interface PixelMap {
  px: (x: number) => number;
  py: (y: number) => number;
}

export function pixelMap(xr: [number, number], yr: [number, number], pixelWidth: number, pixelHeight: number): PixelMap {
  return {
    px: (x) => ((x - xr[0]) / (xr[1] - xr[0])) * (pixelWidth - 1),
    py: (y) => ((yr[1] - y) / (yr[1] - yr[0])) * (pixelHeight - 1),
  };
}

/**
 * Plot curves in the terminal with braille characters (2 × 4 dots per cell)
 * and return the picture as a string. The input is a function or a list
 * of functions (each sampled adaptively with sampleFunction over xRange),
 * a SampleResult, or polylines. Segments are never joined, so poles found by the sampler show
 * as gaps rather than vertical lines.
 */
export function brailleplot(input: PlotInput, opts?: BraillePlotOptions): string {
  const cols = opts?.width ?? 72;
  const rows = opts?.height ?? 20;
  requireIntAtLeast('width', cols, 2);
  requireIntAtLeast('height', rows, 2);
  if (opts?.xRange) requireRange('xRange', opts.xRange);
  if (opts?.yRange) requireRange('yRange', opts.yRange);
  const canvas = new BrailleCanvas(cols, rows);

  let segments: SamplePoint[][];
  let xr: [number, number];
  let yr: [number, number];
  const fns = typeof input === 'function' ? [input] : Array.isArray(input) && input.length > 0 && typeof input[0] === 'function' ? (input as Fn[]) : undefined;
  if (fns) {
    const range: [number, number] = opts?.xRange ?? [-10, 10];
    xr = range;
    const samples = fns.map((f) => sampleFunction(f, range[0], range[1], { width: canvas.pixelWidth, height: canvas.pixelHeight, yRange: opts?.yRange }));
    segments = samples.flatMap((s) => s.segments);
    yr = opts?.yRange ?? [Math.min(...samples.map((s) => s.yRange[0])), Math.max(...samples.map((s) => s.yRange[1]))];
  } else if (Array.isArray(input)) {
    segments = input as SamplePoint[][];
    const all = segments.flat();
    if (all.length === 0 && (!opts?.xRange || !opts?.yRange)) throw new PlotError('nothing to plot: no points, and no xRange/yRange given');
    xr = opts?.xRange ?? displayRange(all.map((p) => p.x), false);
    yr = opts?.yRange ?? displayRange(all.map((p) => p.y), false);
  } else {
    const r = input as SampleResult; // the only remaining shape
    segments = r.segments;
    xr = opts?.xRange ?? r.xRange;
    yr = opts?.yRange ?? r.yRange;
  }

  const map = pixelMap(xr, yr, canvas.pixelWidth, canvas.pixelHeight);
  if (opts?.zeroLines ?? true) drawZeroLines(canvas, map, xr, yr);
  for (const seg of segments) {
    const pts = seg.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
    if (pts.length === 1) canvas.line(map.px(pts[0].x), map.py(pts[0].y), map.px(pts[0].x), map.py(pts[0].y));
    for (let i = 1; i < pts.length; i++) {
      canvas.line(map.px(pts[i - 1].x), map.py(pts[i - 1].y), map.px(pts[i].x), map.py(pts[i].y));
    }
  }
  const body = canvas.lines();
  const lines = opts?.axes ?? true ? frame(body, map, xr, yr, cols, rows) : body;
  if (opts?.title) {
    const w = Math.max(...lines.map((l) => [...l].length));
    const pad = Math.max(0, Math.floor((w - [...opts.title].length) / 2));
    lines.unshift(' '.repeat(pad) + opts.title);
  }
  return lines.join('\n');
}

function drawZeroLines(canvas: BrailleCanvas, map: PixelMap, xr: [number, number], yr: [number, number]): void {
  if (yr[0] <= 0 && yr[1] >= 0) {
    const py = Math.round(map.py(0));
    for (let px = 0; px < canvas.pixelWidth; px += 2) canvas.set(px, py);
  }
  if (xr[0] <= 0 && xr[1] >= 0) {
    const px = Math.round(map.px(0));
    for (let py = 0; py < canvas.pixelHeight; py += 2) canvas.set(px, py);
  }
}

/** Add the left axis with y labels, the bottom axis with ticks, and the x labels. */
function frame(body: string[], map: PixelMap, xr: [number, number], yr: [number, number], cols: number, rows: number): string[] {
  const yt = niceTicks(yr[0], yr[1], Math.max(2, Math.round(rows / 4) + 1));
  const rowLabel = new Map<number, string>();
  for (const t of yt.ticks) {
    const r = Math.floor(Math.round(map.py(t)) / 4);
    if (r >= 0 && r < rows && !rowLabel.has(r)) rowLabel.set(r, formatTick(t, yt.step));
  }
  const gutter = Math.max(1, ...[...rowLabel.values()].map((s) => s.length));
  const out = body.map((line, r) => {
    const label = rowLabel.get(r);
    return label === undefined ? `${' '.repeat(gutter)} │${line}` : `${label.padStart(gutter)} ┤${line}`;
  });

  const xt = niceTicks(xr[0], xr[1], Math.max(2, Math.round(cols / 12) + 1));
  const axis = Array.from({ length: cols }, () => '─');
  const labels = Array.from({ length: gutter + 2 + cols + 12 }, () => ' ');
  let lastEnd = -1;
  for (const t of xt.ticks) {
    const c = Math.floor(Math.round(map.px(t)) / 2);
    if (c < 0 || c >= cols) continue;
    axis[c] = '┬';
    const text = formatTick(t, xt.step);
    const centre = gutter + 2 + c;
    let start = Math.max(0, centre - Math.floor(text.length / 2));
    if (start <= lastEnd) continue; // would overlap the previous label
    for (let i = 0; i < text.length; i++) labels[start++] = text[i];
    lastEnd = start;
  }
  out.push(`${' '.repeat(gutter)} └${axis.join('')}`);
  out.push(labels.join('').trimEnd());
  return out;
}
