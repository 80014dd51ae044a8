/**
 * Rendering a scene: on this thread, or in bands of rows spread over `worker_threads` (all cores), in
 * progressive passes. Both give the same image for a seed.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { makeCamera } from './camera.js';
import { sceneWorld } from './build.js';
import { Rng } from './rng.js';
import type { RenderSettings, SceneSpec } from './spec.js';
import { passSamples, workItems } from './tiles.js';
import { renderItem } from './band.js';
import { Tracer } from './tracer.js';

export interface RenderResult {
  /** Linear RGB sums over `settings.spp` samples per pixel, row-major. */
  readonly acc: Float64Array;
  readonly rays: number;
  /** Wall-clock seconds. */
  readonly seconds: number;
  /** CPU seconds of the whole process over the render (all threads). */
  readonly cpuSeconds: number;
  readonly threads: number;
}

export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly rays: number;
  readonly seconds: number;
}

export type ProgressFn = (p: Progress) => void;


const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

export function renderSync(spec: SceneSpec, s: RenderSettings, progress?: ProgressFn): RenderResult {
  const t0 = performance.now();
  const c0 = cpuNow();
  const tracer = new Tracer(sceneWorld(spec), new Rng(s.seed));
  const cam = makeCamera(spec.camera, s.width, s.height);
  const passes = passBuffers(s);
  const items = workItems(s);
  items.forEach((item, k) => {
    const band = renderItem(tracer, cam, s, item);
    addBand(passes[item.pass]!, band, item.y0 * s.width * 3);
    progress?.({ done: k + 1, total: items.length, rays: tracer.rays, seconds: (performance.now() - t0) / 1000 });
  });
  return { acc: sumPasses(passes), rays: tracer.rays, seconds: (performance.now() - t0) / 1000, cpuSeconds: cpuNow() - c0, threads: 1 };
}

function addBand(acc: Float64Array, band: Float64Array, at: number): void {
  for (let i = 0; i < band.length; i++) acc[at + i] += band[i]!;
}

/**
 * One accumulation buffer per pass, summed in pass order at the end: floating-point sums then do not
 * depend on which thread finished first, and every thread count gives the same bits.
 */
function passBuffers(s: RenderSettings): Float64Array[] {
  return passSamples(s.spp).map(() => new Float64Array(s.width * s.height * 3));
}

function sumPasses(passes: readonly Float64Array[]): Float64Array {
  const acc = passes[0]!;
  for (let p = 1; p < passes.length; p++) addBand(acc, passes[p]!, 0);
  return acc;
}

/** The worker module beside this one (.ts when run from sources, .js when built). */
function workerUrl(): URL {
  const ext = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  return new URL(`./render-worker.${ext}`, import.meta.url);
}

/**
 * A render thread. Built code loads the worker module directly; from TypeScript sources the thread
 * first registers the same TypeScript loader this thread runs under.
 */
function startWorker(workerData: unknown): Worker {
  const url = workerUrl();
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData });
  const api = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

/**
 * Renders on `threads` worker threads. The clocks start once every thread has built the scene, so the
 * figures measure rendering; `startSeconds` says how long starting the threads took.
 */
export async function renderParallel(spec: SceneSpec, s: RenderSettings, threads = availableParallelism(), progress?: ProgressFn): Promise<RenderResult & { startSeconds: number }> {
  const ts = performance.now();
  const passes = passBuffers(s);
  const items = workItems(s);
  let next = 0;
  let done = 0;
  let rays = 0;
  const workers = Array.from({ length: Math.max(1, threads) }, () => startWorker({ spec, settings: s }));
  let t0 = 0;
  let c0 = 0;
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            w.once('message', () => resolve());
            w.once('error', reject);
          }),
      ),
    );
    t0 = performance.now();
    c0 = cpuNow();
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const give = () => {
              if (next < items.length) w.postMessage(next++);
              else resolve();
            };
            w.on('message', (m: { item: number; band: Float64Array; rays: number }) => {
              const item = items[m.item]!;
              addBand(passes[item.pass]!, m.band, item.y0 * s.width * 3);
              rays += m.rays;
              done++;
              progress?.({ done, total: items.length, rays, seconds: (performance.now() - t0) / 1000 });
              give();
            });
            w.on('error', reject);
            w.on('exit', (code) => {
              if (code !== 0) reject(new Error(`a render thread stopped (exit code ${code})`));
            });
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { acc: sumPasses(passes), rays, seconds: (performance.now() - t0) / 1000, cpuSeconds: cpuNow() - c0, threads: workers.length, startSeconds: (t0 - ts) / 1000 };
}
