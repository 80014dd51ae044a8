/**
 * A render thread: builds the scene once (loading the expression compiler only when the scene has
 * implicit surfaces), says it is ready, then renders the work items it is sent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { makeCamera } from './camera.js';
import { buildWorld } from './world.js';
import { Rng } from './rng.js';
import type { RenderSettings, SceneSpec } from './spec.js';
import { workItems } from './tiles.js';
import { Tracer } from './tracer.js';
import { renderItem } from './band.js';

const { spec, settings } = workerData as { spec: SceneSpec; settings: RenderSettings };
const implicit = spec.objects.some((o) => o.type === 'implicit') ? (await import('./implicit.js')).makeImplicitSurface : undefined;
const tracer = new Tracer(buildWorld(spec, implicit), new Rng(settings.seed));
const cam = makeCamera(spec.camera, settings.width, settings.height);
const items = workItems(settings);

// Warm the compiled code on a thumbnail of the scene (discarded) before taking work.
{
  const w = 96, h = Math.max(1, Math.round((96 * settings.height) / settings.width));
  renderItem(tracer, makeCamera(spec.camera, w, h), { ...settings, width: w, height: h, maxDepth: Math.min(settings.maxDepth, 16) }, { y0: 0, y1: h, pass: 0, samples: 2 });
  tracer.rays = 0;
}

parentPort!.on('message', (k: number) => {
  const before = tracer.rays;
  const band = renderItem(tracer, cam, settings, items[k]!);
  parentPort!.postMessage({ item: k, band, rays: tracer.rays - before }, [band.buffer as ArrayBuffer]);
});
parentPort!.postMessage('ready');
