/**
 * `npm run bench raytrace`: rays per CPU-second on the final scene of "Ray Tracing in One Weekend"
 * (400×225, 10 samples per pixel, depth 50), on one thread and on all cores, and on a scene of
 * implicit surfaces (median of three runs). The book's own C++ (g++ -O3, its linear list of spheres) was measured on this
 * machine at 570,000–600,000 rays per CPU-second per core; that figure is quoted, not re-run here.
 */
import { availableParallelism, loadavg } from 'node:os';
import { bookFinalScene, BOOK_SETTINGS } from '../src/raytrace/book.js';
import { implicitShowcase } from '../src/raytrace/showcase.js';
import { renderParallel, renderSync, type RenderResult } from '../src/raytrace/render.js';

const BOOK_CPP = 585_000;
const RUNS = 3;

function medianRun<T extends RenderResult>(runs: T[]): T {
  return [...runs].sort((a, b) => a.seconds - b.seconds)[runs.length >> 1]!;
}

function line(name: string, r: RenderResult): string {
  const perCpu = r.rays / r.cpuSeconds;
  return `${name.padEnd(34)} ${(r.rays / 1e6).toFixed(2)} M rays  ${r.seconds.toFixed(2)} s wall  ${r.cpuSeconds.toFixed(2)} CPU-s  ` +
    `${(perCpu / 1e6).toFixed(2)} M rays/CPU-s (${(perCpu / BOOK_CPP).toFixed(2)}× book C++)  ${(r.rays / r.seconds / 1e6).toFixed(2)} M rays/s wall`;
}

export async function runRaytraceBench(): Promise<string> {
  const spec = bookFinalScene();
  const cores = availableParallelism();
  const out: string[] = [`raytrace: book final scene, ${spec.objects.length} spheres, 400×225, 10 spp, depth 50; ${cores} cores; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`];
  renderSync(spec, { ...BOOK_SETTINGS, width: 100, height: 56, spp: 2 });
  // Each configuration three times, interleaved; the median run (by wall time) is reported.
  const ones: RenderResult[] = [];
  const alls: (RenderResult & { startSeconds: number })[] = [];
  for (let k = 0; k < RUNS; k++) {
    ones.push(renderSync(spec, BOOK_SETTINGS));
    alls.push(await renderParallel(spec, BOOK_SETTINGS, cores));
  }
  const one = medianRun(ones);
  const all = medianRun(alls);
  out.push(line('book scene, 1 thread', one));
  out.push(`${line(`book scene, ${cores} threads`, all)}  (threads started in ${all.startSeconds.toFixed(2)} s)`);
  out.push(`  ${cores} threads vs 1: ${(one.seconds / all.seconds).toFixed(2)}× wall-clock, ${((all.rays / all.cpuSeconds) / (one.rays / one.cpuSeconds)).toFixed(2)}× rays per CPU-second`);
  const imp = implicitShowcase();
  const settings = { width: 200, height: 150, spp: 4, maxDepth: 10, seed: 1 };
  renderSync(imp, { ...settings, width: 40, height: 30, spp: 1 });
  out.push(line('implicit surfaces (torus, quartic), 1 thread', renderSync(imp, settings)));
  out.push(`  load average after: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  return out.join('\n');
}
