/**
 * Rendering: a small known scene against a stored reference image (mean colour and per-pixel error),
 * determinism for a seed, the same image from worker threads, and no half-written PNG when a render
 * is interrupted.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderParallel, renderSync, renderToPng } from '../../src/raytrace/index.js';
import { decodePng, toRgba } from '../../src/raytrace/png.js';
import { bookFinalScene } from '../../src/raytrace/book.js';
import { KNOWN_SCENE, KNOWN_SETTINGS } from './known-scene.js';

const { width, height, spp } = KNOWN_SETTINGS;

describe('the known scene', () => {
  const image = toRgba(renderSync(KNOWN_SCENE, KNOWN_SETTINGS).acc, width, height, spp);

  it('matches the stored reference by mean colour and per-pixel error', () => {
    const ref = decodePng(readFileSync(new URL('./fixtures/known-scene.png', import.meta.url)));
    expect([ref.width, ref.height]).toEqual([width, height]);
    const mean = (px: Uint8Array) => [0, 1, 2].map((c) => {
      let s = 0;
      for (let i = 0; i < width * height; i++) s += px[i * 4 + c]!;
      return s / (width * height);
    });
    const m = mean(image);
    const mr = mean(ref.rgba);
    for (let c = 0; c < 3; c++) expect(Math.abs(m[c]! - mr[c]!)).toBeLessThan(1);
    // Every pixel within 8 levels for 98 % of pixels (room for a different libm's last bits).
    let far = 0;
    for (let i = 0; i < width * height; i++) {
      const e = Math.max(...[0, 1, 2].map((c) => Math.abs(image[i * 4 + c]! - ref.rgba[i * 4 + c]!)));
      if (e > 8) far++;
    }
    expect(far).toBeLessThanOrEqual(0.02 * width * height);
  });

  it('is the same image for the same seed and a different one for another seed', () => {
    const again = toRgba(renderSync(KNOWN_SCENE, KNOWN_SETTINGS).acc, width, height, spp);
    expect(again).toEqual(image);
    const other = toRgba(renderSync(KNOWN_SCENE, { ...KNOWN_SETTINGS, seed: 8 }).acc, width, height, spp);
    expect(other).not.toEqual(image);
  });
});

describe('worker threads', () => {
  it('render the book scene to the same image as one thread', async () => {
    const spec = bookFinalScene();
    const s = { width: 40, height: 24, spp: 3, maxDepth: 10, seed: 3 };
    const one = renderSync(spec, s);
    const two = await renderParallel(spec, s, 2);
    expect(two.rays).toBe(one.rays);
    expect(Array.from(two.acc)).toEqual(Array.from(one.acc));
  }, 60_000);
});

describe('writing the PNG', () => {
  it('leaves no file, whole or partial, when the render is interrupted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lousa-ray-'));
    const file = join(dir, 'out.png');
    let calls = 0;
    await expect(
      renderToPng(KNOWN_SCENE, file, KNOWN_SETTINGS, 1, () => {
        if (++calls === 3) throw new Error('interrupted');
      }),
    ).rejects.toThrow('interrupted');
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    await renderToPng(KNOWN_SCENE, file, { ...KNOWN_SETTINGS, width: 16, height: 9, spp: 1 });
    expect(readdirSync(dir)).toEqual(['out.png']);
    expect(decodePng(readFileSync(file)).width).toBe(16);
  });

  it('leaves no temp file when the target cannot be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lousa-ray-'));
    await expect(renderToPng(KNOWN_SCENE, join(dir, 'missing', 'out.png'), { ...KNOWN_SETTINGS, width: 8, height: 4, spp: 1 })).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });
});
