/** Rendering one work item (a band of rows, one pass) into a fresh buffer; used by every thread. */
import type { Camera } from './camera.js';
import type { RenderSettings } from './spec.js';
import type { WorkItem } from './tiles.js';
import type { Tracer } from './tracer.js';

export function renderItem(tracer: Tracer, cam: Camera, s: RenderSettings, item: WorkItem): Float64Array {
  const band = new Float64Array((item.y1 - item.y0) * s.width * 3);
  tracer.rng.reseed(s.seed, item.y0, item.pass);
  tracer.renderRows(cam, s.width, item.y0, item.y1, item.samples, s.maxDepth, band);
  return band;
}
