/**
 * Drawing a sampled plot on a canvas: axes with round ticks (the REPL plot's tick rules), the curves as
 * polylines that are never joined across a cut, and a dashed line at each pole.
 */
import { formatTick, niceTicks } from '../../../src/numeric/plot/scale.js';
import type { PlotData } from '../protocol.js';

export const COLORS: Readonly<Record<string, readonly string[]>> = {
  f: ['#1d4ed8', '#7c3aed', '#0f766e', '#be185d'],
  df: ['#c2410c', '#b45309', '#a16207', '#9a3412'],
  int: ['#15803d', '#166534', '#4d7c0f', '#365314'],
};

const MARGIN = { left: 48, right: 12, top: 12, bottom: 28 };

export interface Frame { readonly x: readonly [number, number]; readonly y: readonly [number, number] }

/** Canvas pixels of the plotting area (CSS pixels). */
export function area(canvas: HTMLCanvasElement): { x0: number; y0: number; w: number; h: number } {
  const w = canvas.clientWidth, hh = canvas.clientHeight;
  return { x0: MARGIN.left, y0: MARGIN.top, w: Math.max(10, w - MARGIN.left - MARGIN.right), h: Math.max(10, hh - MARGIN.top - MARGIN.bottom) };
}

export function drawPlot(canvas: HTMLCanvasElement, data: PlotData, frame: Frame): void {
  const dpr = globalThis.devicePixelRatio || 1;
  const cw = canvas.clientWidth, ch = canvas.clientHeight;
  if (canvas.width !== Math.round(cw * dpr) || canvas.height !== Math.round(ch * dpr)) {
    canvas.width = Math.round(cw * dpr);
    canvas.height = Math.round(ch * dpr);
  }
  const g = canvas.getContext('2d');
  if (g === null) return;
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.clearRect(0, 0, cw, ch);
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, cw, ch);
  const a = area(canvas);
  const [xlo, xhi] = frame.x, [ylo, yhi] = frame.y;
  const X = (x: number): number => a.x0 + ((x - xlo) / (xhi - xlo)) * a.w;
  const Y = (y: number): number => a.y0 + a.h - ((y - ylo) / (yhi - ylo)) * a.h;

  g.font = '11px system-ui, sans-serif';
  g.lineWidth = 1;
  const xt = niceTicks(xlo, xhi, Math.max(3, Math.floor(a.w / 80)));
  const yt = niceTicks(ylo, yhi, Math.max(6, Math.floor(a.h / 40)));
  g.strokeStyle = '#e5e7eb';
  g.fillStyle = '#4b5563';
  g.textAlign = 'center';
  g.textBaseline = 'top';
  for (const t of xt.ticks) {
    const px = Math.round(X(t)) + 0.5;
    g.beginPath(); g.moveTo(px, a.y0); g.lineTo(px, a.y0 + a.h); g.stroke();
    g.fillText(formatTick(t, xt.step), px, a.y0 + a.h + 6);
  }
  g.textAlign = 'right';
  g.textBaseline = 'middle';
  for (const t of yt.ticks) {
    const py = Math.round(Y(t)) + 0.5;
    g.beginPath(); g.moveTo(a.x0, py); g.lineTo(a.x0 + a.w, py); g.stroke();
    g.fillText(formatTick(t, yt.step), a.x0 - 6, py);
  }
  // The axes themselves, where they are in view.
  g.strokeStyle = '#9ca3af';
  if (xlo < 0 && xhi > 0) { const px = Math.round(X(0)) + 0.5; g.beginPath(); g.moveTo(px, a.y0); g.lineTo(px, a.y0 + a.h); g.stroke(); }
  if (ylo < 0 && yhi > 0) { const py = Math.round(Y(0)) + 0.5; g.beginPath(); g.moveTo(a.x0, py); g.lineTo(a.x0 + a.w, py); g.stroke(); }

  g.save();
  g.beginPath();
  g.rect(a.x0, a.y0, a.w, a.h);
  g.clip();
  const used: Record<string, number> = { f: 0, df: 0, int: 0 };
  const legend: [string, string][] = [];
  for (const c of data.curves) {
    const palette = COLORS[c.role]!;
    const color = palette[used[c.role]!++ % palette.length]!;
    legend.push([c.name, color]);
    g.setLineDash([4, 4]);
    g.strokeStyle = '#d1d5db';
    for (const b of c.breaks) {
      if (b.kind !== 'pole') continue;
      const px = X(b.x);
      g.beginPath(); g.moveTo(px, a.y0); g.lineTo(px, a.y0 + a.h); g.stroke();
    }
    g.setLineDash([]);
    g.strokeStyle = color;
    g.lineWidth = 2;
    // Clamp far-off values so that a curve running to a pole still leaves the screen in the right direction.
    const clampY = (y: number): number => Math.max(a.y0 - 4 * a.h, Math.min(a.y0 + 5 * a.h, Y(y)));
    for (const seg of c.segments) {
      g.beginPath();
      seg.forEach((p, i) => (i === 0 ? g.moveTo(X(p.x), clampY(p.y)) : g.lineTo(X(p.x), clampY(p.y))));
      g.stroke();
    }
    g.lineWidth = 1;
  }
  g.restore();
  g.strokeStyle = '#9ca3af';
  g.strokeRect(a.x0 + 0.5, a.y0 + 0.5, a.w, a.h);
  g.textAlign = 'left';
  g.textBaseline = 'middle';
  legend.forEach(([name, color], k) => {
    const y = a.y0 + 12 + 16 * k;
    g.fillStyle = 'rgba(255,255,255,0.85)';
    g.fillRect(a.x0 + 6, y - 7, g.measureText(name).width + 30, 14);
    g.fillStyle = color;
    g.fillRect(a.x0 + 10, y - 1, 14, 3);
    g.fillStyle = '#111827';
    g.fillText(name, a.x0 + 30, y);
  });
}
