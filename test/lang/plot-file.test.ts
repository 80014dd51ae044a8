/** Plots as pictures: plot(…, file = "f.svg" | "f.png") writes an image with axes, ticks, legend and colours. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pngjs from 'pngjs';
import '../../src/lang/index.js';
import { Session } from '../../src/lang/session.js';
import { runLine } from '../../src/repl/repl.js';
import { writeFileAtomic } from '../../src/repl/files.js';
import { PALETTE } from '../../src/lang/figure.js';

function session(): Session {
  const s = new Session();
  s.writeFile = writeFileAtomic;
  return s;
}

describe('plot to a file', () => {
  it('writes an SVG with axes, tick labels, a legend and one colour per curve, atomically', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lousa-plot-'));
    const file = join(dir, 'f.svg');
    const r = runLine(session(), `plot([sin(x), cos(x), x/3], x, -5, 5, file = "${file}")`);
    expect(r.err).toBeUndefined();
    expect(r.out).toContain('3 curves');
    const svg = readFileSync(file, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    for (const label of ['sin(x)', 'cos(x)', 'x/3', '-4', '0', '4']) expect(svg).toContain(`>${label}<`);
    for (const c of PALETTE.slice(0, 3)) expect(svg).toContain(`stroke="${c}"`);
    // No temporary file is left beside it.
    expect(readdirSync(dir)).toEqual(['f.svg']);
  });

  it('writes a PNG whose pixels hold each curve colour', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lousa-plot-'));
    const file = join(dir, 'f.png');
    expect(runLine(session(), `plot([sin(x), tan(x)], x, -5, 5, file = "${file}")`).err).toBeUndefined();
    const png = pngjs.PNG.sync.read(readFileSync(file));
    expect(png.width).toBeGreaterThan(300);
    const colours = new Set<string>();
    for (let k = 0; k < png.data.length; k += 4) colours.add(`${png.data[k]},${png.data[k + 1]},${png.data[k + 2]}`);
    for (const hex of PALETTE.slice(0, 2)) {
      const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(',');
      expect(colours.has(rgb)).toBe(true);
    }
    expect(colours.has('0,0,0')).toBe(true); // axes and tick numbers
  });

  it('says why it cannot write, and what files it writes', () => {
    expect(runLine(session(), 'plot(x, x, 0, 1, file = "/nonexistent-dir/f.svg")').err).toContain('no such folder');
    expect(runLine(session(), 'plot(x, x, 0, 1, file = "f.txt")').err).toContain('.svg or .png');
    expect(runLine(new Session(), 'plot(x, x, 0, 1, file = "f.svg")').err).toContain('not available');
  });

  it('the terminal plot numbers its curves and names them', () => {
    const out = runLine(new Session(), 'plot([sin(x), cos(x)], x, -5, 5)').out!;
    expect(out).toContain('1: sin(x)   2: cos(x)');
    expect(out).toMatch(/ 1\n/);
    expect(out).toMatch(/ 2\n/);
  });
});
