import { describe, it, expect } from 'vitest';
import { brailleplot, pixelMap } from './braille-plot.js';
import { BrailleCanvas } from './braille-canvas.js';
import { sampleFunction } from './sample.js';
import { PlotError } from './errors.js';

/**
 * Decode braille text into a pixel matrix using the Unicode braille
 * numbering: dot k ↔ bit k−1; dots 1–3 and 7 form the left column
 * (rows 0–3), dots 4–6 and 8 the right column.
 */
const DOT_OF: number[][] = [
  [1, 2, 3, 7],
  [4, 5, 6, 8],
];
function decode(text: string): boolean[][] {
  const lines = text.split('\n').map((l) => [...l]);
  const H = lines.length * 4;
  const W = lines[0].length * 2;
  const px: boolean[][] = Array.from({ length: H }, () => new Array<boolean>(W).fill(false));
  lines.forEach((chars, r) =>
    chars.forEach((ch, c) => {
      const bits = ch.codePointAt(0)! - 0x2800;
      expect(bits >= 0 && bits < 256).toBe(true);
      for (let dx = 0; dx < 2; dx++) for (let dy = 0; dy < 4; dy++) px[4 * r + dy][2 * c + dx] = (bits & (1 << (DOT_OF[dx][dy] - 1))) !== 0;
    }),
  );
  return px;
}

describe('BrailleCanvas', () => {
  it('each of the 8 dot positions maps to its Unicode braille bit', () => {
    for (let dx = 0; dx < 2; dx++) {
      for (let dy = 0; dy < 4; dy++) {
        const c = new BrailleCanvas(1, 1);
        c.set(dx, dy);
        expect(c.lines()[0].codePointAt(0)).toBe(0x2800 + (1 << (DOT_OF[dx][dy] - 1)));
      }
    }
  });
  it('lines are clipped to the canvas and keep their slope', () => {
    const c = new BrailleCanvas(10, 5);
    c.line(-100, -100, 1000, 1000); // y = x, far beyond both corners
    const px = decode(c.lines().join('\n'));
    for (let i = 0; i < 20; i++) for (let j = 0; j < 20; j++) expect(px[i][j]).toBe(i === j);
  });
});

describe('brailleplot', () => {
  it('a horizontal line lights exactly one pixel row (y = 0.5 on [0, 1] → row 10 of 20)', () => {
    const out = brailleplot([[{ x: 0, y: 0.5 }, { x: 1, y: 0.5 }]], { width: 10, height: 5, xRange: [0, 1], yRange: [0, 1], axes: false, zeroLines: false });
    const lines = out.split('\n');
    expect(lines.length).toBe(5);
    // Pixel row 10 = character row 2, dot row 2: dots 3 and 6 → U+2824.
    expect(lines[2]).toBe('⠤'.repeat(10));
    for (const r of [0, 1, 3, 4]) expect(lines[r]).toBe('⠀'.repeat(10));
  });

  it('sin x on [0, 2π]: every pixel column lights the pixel of the true curve, and nothing far from it', () => {
    const W = 60;
    const H = 15;
    const out = brailleplot(Math.sin, { width: W, height: H, xRange: [0, 2 * Math.PI], yRange: [-1.1, 1.1], axes: false, zeroLines: false });
    const px = decode(out);
    const map = pixelMap([0, 2 * Math.PI], [-1.1, 1.1], 2 * W, 4 * H);
    for (let c = 0; c < 2 * W; c++) {
      const x = (c / (2 * W - 1)) * 2 * Math.PI;
      const row = Math.round(map.py(Math.sin(x)));
      // The sampled polyline may sit up to half a pixel off the curve, so allow the neighbouring rows.
      expect(px[row][c] || px[row - 1]?.[c] || px[row + 1]?.[c]).toBe(true);
      // Neighbouring columns' curve values bound what may be lit in this column.
      const ys = [c - 1, c + 1].map((k) => map.py(Math.sin((Math.min(Math.max(k, 0), 2 * W - 1) / (2 * W - 1)) * 2 * Math.PI)));
      const lo = Math.min(row, ...ys) - 1;
      const hi = Math.max(row, ...ys) + 1;
      for (let r = 0; r < 4 * H; r++) if (px[r][c]) expect(r >= lo && r <= hi).toBe(true);
    }
  });

  it('tan on [−5, 5] has no vertical line across a pole; joining the segments would draw one', () => {
    const opts = { width: 72, height: 20, xRange: [-5, 5] as [number, number], yRange: [-6, 6] as [number, number], axes: false, zeroLines: false };
    const fullColumns = (text: string) => {
      const px = decode(text);
      let n = 0;
      for (let c = 0; c < px[0].length; c++) if (px.every((row) => row[c])) n++;
      return n;
    };
    const s = sampleFunction(Math.tan, -5, 5, { yRange: [-6, 6] });
    expect(fullColumns(brailleplot(s, opts))).toBe(0);
    expect(fullColumns(brailleplot([s.segments.flat()], opts))).toBeGreaterThanOrEqual(4);
  });

  it('frames the plot with tick labels at nice values', () => {
    const out = brailleplot((x) => Math.sin(x) / x, { xRange: [-20, 20], title: 'sin(x)/x' });
    const lines = out.split('\n');
    expect(lines[0].trim()).toBe('sin(x)/x');
    const labelled = lines.filter((l) => l.includes('┤')).map((l) => Number(l.split('┤')[0]));
    expect(labelled.length).toBeGreaterThanOrEqual(2);
    labelled.forEach((v, i) => {
      expect(Number.isFinite(v)).toBe(true);
      if (i > 0) expect(v).toBeLessThan(labelled[i - 1]);
    });
    expect(lines[lines.length - 2]).toMatch(/└[─┬]+$/);
    expect(lines[lines.length - 1].trim().split(/\s+/).map(Number)).toEqual([-20, -10, 0, 10, 20]);
    // 20 plot rows, each 72 cells wide after the gutter.
    const rows = lines.slice(1, -2);
    expect(rows.length).toBe(20);
    rows.forEach((r) => expect([...r.split(/[┤│]/)[1]].length).toBe(72));
  });

  it('draws several functions on shared axes: the union of their single plots', () => {
    const opts = { width: 40, height: 10, xRange: [-3, 3] as [number, number], yRange: [-1.5, 1.5] as [number, number], axes: false, zeroLines: false };
    const both = decode(brailleplot([Math.sin, Math.cos], opts));
    const s = decode(brailleplot(Math.sin, opts));
    const c = decode(brailleplot(Math.cos, opts));
    both.forEach((row, r) => row.forEach((lit, k) => expect(lit).toBe(s[r][k] || c[r][k])));
  });

  it('rejects bad sizes and ranges', () => {
    expect(() => brailleplot(Math.sin, { width: 0 })).toThrow(PlotError);
    expect(() => brailleplot(Math.sin, { xRange: [1, -1] })).toThrow(/xRange/);
    expect(() => brailleplot([])).toThrow(/nothing to plot/);
  });
});
