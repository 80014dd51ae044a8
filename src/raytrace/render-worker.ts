/** A render thread: builds the scene once, then renders the work items it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { makeCamera } from './camera.js';
import { sceneWorld } from './build.js';
import { Rng } from './rng.js';
import type { RenderSettings, SceneSpec } from './spec.js';
import { workItems } from './tiles.js';
import { Tracer } from './tracer.js';
import { renderItem } from './render.js';

const { spec, settings } = workerData as { spec: SceneSpec; settings: RenderSettings };
const tracer = new Tracer(sceneWorld(spec), new Rng(settings.seed));
const cam = makeCamera(spec.camera, settings.width, settings.height);
const items = workItems(settings);

parentPort!.on('message', (k: number) => {
  const before = tracer.rays;
  const band = renderItem(tracer, cam, settings, items[k]!);
  parentPort!.postMessage({ item: k, band, rays: tracer.rays - before }, [band.buffer as ArrayBuffer]);
});
