/**
 * Rendering you can watch — the hook for Lousa's raytracer (src/raytrace), which does not exist yet. When it
 * does, a `render(scene…)` line answered in the worker posts `tile` replies (see protocol.ts); the page makes a
 * card with a canvas of the image's size and paints each tile the moment it arrives, so the picture fills in
 * progressively. Nothing else on the page needs to change.
 */
import type { Tile } from '../protocol.js';
import { h } from './dom.js';

export interface RenderView { paint(tile: Tile): void }

export function renderView(body: HTMLElement): RenderView {
  let canvas: HTMLCanvasElement | undefined;
  return {
    paint(tile) {
      if (canvas === undefined || canvas.width !== tile.width || canvas.height !== tile.height) {
        canvas = h('canvas', { class: 'render', width: String(tile.width), height: String(tile.height), role: 'img', 'aria-label': 'rendered image' });
        body.textContent = '';
        body.append(canvas);
      }
      const g = canvas.getContext('2d');
      if (g === null) return;
      const img = new ImageData(new Uint8ClampedArray(tile.rgba), tile.w, tile.h);
      g.putImageData(img, tile.x, tile.y);
    },
  };
}
