/** The ray tracer: scenes of analytic and implicit surfaces, rendered to PNG. */
import { renderParallel, renderSync, type ProgressFn, type RenderResult } from './render.js';
import { encodePng, toRgba, writeFileAtomic } from './png.js';
import type { RenderSettings, SceneSpec } from './spec.js';

export { bookFinalScene, BOOK_SETTINGS } from './book.js';
export { implicitShowcase } from './showcase.js';
export { parseSceneText, readSceneFile, sceneFromJson } from './scene-file.js';
export { SceneError } from './world.js';
export { surfaceAlgebra, makeImplicitSurface } from './implicit.js';
export { renderSync, renderParallel, type RenderResult, type ProgressFn } from './render.js';
export type { SceneSpec, RenderSettings } from './spec.js';

/** Renders and writes a PNG (whole or not at all); threads > 1 renders on worker threads. */
export async function renderToPng(spec: SceneSpec, file: string, s: RenderSettings, threads = 1, progress?: ProgressFn): Promise<RenderResult> {
  const r = threads > 1 ? await renderParallel(spec, s, threads, progress) : renderSync(spec, s, progress);
  writeFileAtomic(file, encodePng(toRgba(r.acc, s.width, s.height, s.spp), s.width, s.height));
  return r;
}

/** "12.3 % · 1.52 M rays/s" — the progress line of a long render. */
export function progressLine(p: { done: number; total: number; rays: number; seconds: number }): string {
  const pct = ((100 * p.done) / p.total).toFixed(0).padStart(3);
  const bar = '█'.repeat(Math.round((20 * p.done) / p.total)).padEnd(20, '·');
  return `${bar} ${pct} %  ${(p.rays / Math.max(1e-9, p.seconds) / 1e6).toFixed(2)} M rays/s`;
}
