/**
 * Plots as pictures: the curves of `plot(…, file = "f.svg")` laid out once (ranges, ticks, colours, legend) and drawn
 * either as SVG text or as an RGBA raster for PNG. Curves come from the adaptive sampler of src/numeric/plot, cut at
 * poles and jumps. Writing the file is the host's business (the CLI writes atomically), so this module stays usable
 * in a browser.
 */
import { sampleFunction, niceTicks, formatTick, type SamplePoint } from '../numeric/plot/index.js';

/** Colours that stay distinct for the colour-blind (Okabe–Ito). */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];

export interface Curve {
  readonly label: string;
  readonly color: string;
  readonly segments: readonly (readonly SamplePoint[])[];
}

export interface Figure {
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly xRange: readonly [number, number];
  readonly yRange: readonly [number, number];
  readonly curves: readonly Curve[];
  readonly xTicks: readonly number[];
  readonly yTicks: readonly number[];
  readonly xStep: number;
  readonly yStep: number;
  /** The plot area inside the margins, in pixels. */
  readonly area: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
}

/** Samples each function on [a, b] and lays the figure out. */
export function layoutFigure(fns: readonly ((x: number) => number)[], labels: readonly string[], a: number, b: number, title: string): Figure {
  const width = 720, height = 450;
  const area = { left: 70, top: 40, right: width - 20, bottom: height - 50 };
  const samples = fns.map((f) => sampleFunction(f, a, b, { width: area.right - area.left, height: area.bottom - area.top }));
  let lo = Infinity, hi = -Infinity;
  for (const s of samples) {
    if (Number.isFinite(s.yRange[0])) lo = Math.min(lo, s.yRange[0]);
    if (Number.isFinite(s.yRange[1])) hi = Math.max(hi, s.yRange[1]);
  }
  if (!(lo < hi)) [lo, hi] = Number.isFinite(lo) ? [lo - 1, lo + 1] : [-1, 1];
  const pad = (hi - lo) * 0.04;
  const yRange: [number, number] = [lo - pad, hi + pad];
  const xt = niceTicks(a, b, 8), yt = niceTicks(yRange[0], yRange[1], 6);
  return {
    width, height, title, xRange: [a, b], yRange,
    curves: samples.map((s, k) => ({ label: labels[k]!, color: PALETTE[k % PALETTE.length]!, segments: s.segments })),
    xTicks: xt.ticks.filter((t) => t >= a && t <= b), yTicks: yt.ticks.filter((t) => t >= yRange[0] && t <= yRange[1]),
    xStep: xt.step, yStep: yt.step, area,
  };
}

const toPx = (f: Figure) => ({
  x: (x: number): number => f.area.left + ((x - f.xRange[0]) / (f.xRange[1] - f.xRange[0])) * (f.area.right - f.area.left),
  y: (y: number): number => f.area.bottom - ((y - f.yRange[0]) / (f.yRange[1] - f.yRange[0])) * (f.area.bottom - f.area.top),
});

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fmt = (v: number): string => (Math.round(v * 100) / 100).toString();

/** The figure as a standalone SVG document. */
export function figureSvg(f: Figure): string {
  const p = toPx(f);
  const { left, top, right, bottom } = f.area;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${f.width}" height="${f.height}" viewBox="0 0 ${f.width} ${f.height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<defs><clipPath id="area"><rect x="${left}" y="${top}" width="${right - left}" height="${bottom - top}"/></clipPath></defs>`,
    `<text x="${f.width / 2}" y="22" text-anchor="middle" font-size="14">${escapeXml(f.title)}</text>`,
  ];
  for (const t of f.xTicks) {
    const x = fmt(p.x(t));
    out.push(`<line x1="${x}" y1="${top}" x2="${x}" y2="${bottom}" stroke="#e6e6e6"/>`);
    out.push(`<line x1="${x}" y1="${bottom}" x2="${x}" y2="${bottom + 5}" stroke="black"/>`);
    out.push(`<text x="${x}" y="${bottom + 18}" text-anchor="middle">${escapeXml(formatTick(t, f.xStep))}</text>`);
  }
  for (const t of f.yTicks) {
    const y = fmt(p.y(t));
    out.push(`<line x1="${left}" y1="${y}" x2="${right}" y2="${y}" stroke="#e6e6e6"/>`);
    out.push(`<line x1="${left - 5}" y1="${y}" x2="${left}" y2="${y}" stroke="black"/>`);
    out.push(`<text x="${left - 8}" y="${y}" text-anchor="end" dominant-baseline="middle">${escapeXml(formatTick(t, f.yStep))}</text>`);
  }
  out.push(`<rect x="${left}" y="${top}" width="${right - left}" height="${bottom - top}" fill="none" stroke="black"/>`);
  for (const c of f.curves) {
    for (const seg of c.segments) {
      if (seg.length < 2) continue;
      const pts = seg.map((q) => `${fmt(p.x(q.x))},${fmt(p.y(Math.max(-1e9, Math.min(1e9, q.y))))}`).join(' ');
      out.push(`<polyline clip-path="url(#area)" fill="none" stroke="${c.color}" stroke-width="2" points="${pts}"><title>${escapeXml(c.label)}</title></polyline>`);
    }
  }
  // Legend, top right inside the plot area.
  const lw = 30 + Math.max(...f.curves.map((c) => c.label.length)) * 7;
  const lx = right - lw - 10, ly = top + 10;
  out.push(`<rect x="${lx}" y="${ly}" width="${lw}" height="${f.curves.length * 18 + 8}" fill="white" fill-opacity="0.85" stroke="#999"/>`);
  f.curves.forEach((c, k) => {
    const y = ly + 14 + k * 18;
    out.push(`<line x1="${lx + 6}" y1="${y}" x2="${lx + 24}" y2="${y}" stroke="${c.color}" stroke-width="3"/>`);
    out.push(`<text x="${lx + 30}" y="${y}" dominant-baseline="middle">${escapeXml(c.label)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------------
// Raster

/** A 5×7 bitmap font for the characters of labels: each glyph is 7 rows of 5 bits. */
const FONT: Readonly<Record<string, readonly number[]>> = Object.assign(Object.create(null) as Record<string, readonly number[]>, {
  '0': [14, 17, 19, 21, 25, 17, 14], '1': [4, 12, 4, 4, 4, 4, 14], '2': [14, 17, 1, 2, 4, 8, 31], '3': [31, 2, 4, 2, 1, 17, 14],
  '4': [2, 6, 10, 18, 31, 2, 2], '5': [31, 16, 30, 1, 1, 17, 14], '6': [6, 8, 16, 30, 17, 17, 14], '7': [31, 1, 2, 4, 8, 8, 8],
  '8': [14, 17, 17, 14, 17, 17, 14], '9': [14, 17, 17, 15, 1, 2, 12], '-': [0, 0, 0, 31, 0, 0, 0], '.': [0, 0, 0, 0, 0, 12, 12],
  '+': [0, 4, 4, 31, 4, 4, 0], 'e': [0, 0, 14, 17, 31, 16, 14], ' ': [0, 0, 0, 0, 0, 0, 0],
});

export interface Raster {
  readonly width: number;
  readonly height: number;
  /** RGBA bytes, row by row. */
  readonly data: Uint8Array;
}

const rgb = (hex: string): [number, number, number] => [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];

/**
 * The figure as pixels: grid, frame, ticks with their numbers, the curves (2 px wide) and a legend of colour swatches
 * numbered in the order of the functions (the 5×7 font has digits only; the SVG carries the full labels).
 */
export function figureRaster(f: Figure): Raster {
  const { width, height } = f;
  const data = new Uint8Array(width * height * 4).fill(255);
  const set = (x: number, y: number, c: readonly number[]): void => {
    const xi = Math.round(x), yi = Math.round(y);
    if (xi < 0 || yi < 0 || xi >= width || yi >= height) return;
    const k = (yi * width + xi) * 4;
    data[k] = c[0]!; data[k + 1] = c[1]!; data[k + 2] = c[2]!; data[k + 3] = 255;
  };
  const line = (x0: number, y0: number, x1: number, y1: number, c: readonly number[], thick = 1, clip = false): void => {
    const n = Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0))) + 1;
    for (let i = 0; i <= n; i++) {
      const x = x0 + ((x1 - x0) * i) / n, y = y0 + ((y1 - y0) * i) / n;
      if (clip && (x < f.area.left || x > f.area.right || y < f.area.top || y > f.area.bottom)) continue;
      for (let d = 0; d < thick; d++) set(x, y + d, c);
    }
  };
  const text = (s: string, x: number, y: number, anchor: 'start' | 'middle' | 'end'): void => {
    const w = s.length * 6;
    const x0 = anchor === 'start' ? x : anchor === 'middle' ? x - w / 2 : x - w;
    [...s].forEach((ch, i) => {
      const g = FONT[ch];
      if (g === undefined) return;
      g.forEach((row, r) => {
        for (let b = 0; b < 5; b++) if (row & (16 >> b)) set(x0 + i * 6 + b, y - 3 + r, [0, 0, 0]);
      });
    });
  };
  const p = toPx(f);
  const { left, top, right, bottom } = f.area;
  const grey = [230, 230, 230], black = [0, 0, 0];
  for (const t of f.xTicks) {
    line(p.x(t), top, p.x(t), bottom, grey);
    line(p.x(t), bottom, p.x(t), bottom + 5, black);
    text(formatTick(t, f.xStep), p.x(t), bottom + 14, 'middle');
  }
  for (const t of f.yTicks) {
    line(left, p.y(t), right, p.y(t), grey);
    line(left - 5, p.y(t), left, p.y(t), black);
    text(formatTick(t, f.yStep), left - 8, p.y(t), 'end');
  }
  line(left, top, right, top, black); line(left, bottom, right, bottom, black);
  line(left, top, left, bottom, black); line(right, top, right, bottom, black);
  for (const c of f.curves) {
    const col = rgb(c.color);
    for (const seg of c.segments) {
      for (let i = 1; i < seg.length; i++) {
        const a = seg[i - 1]!, b = seg[i]!;
        const ya = p.y(a.y), yb = p.y(b.y);
        if (!Number.isFinite(ya) || !Number.isFinite(yb) || Math.abs(ya - yb) > 4 * height) continue;
        line(p.x(a.x), Math.max(-height, Math.min(2 * height, ya)), p.x(b.x), Math.max(-height, Math.min(2 * height, yb)), col, 2, true);
      }
    }
  }
  f.curves.forEach((c, k) => {
    const y = top + 16 + k * 16, x = right - 60;
    line(x, y, x + 24, y, rgb(c.color), 3);
    text(String(k + 1), x + 34, y + 1, 'start');
  });
  return { width, height, data };
}
