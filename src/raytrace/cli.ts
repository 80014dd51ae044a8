/**
 * `lousa render SCENE OUT.png [--width N] [--height N] [--spp N] [--depth N] [--seed N] [--threads N]`:
 * SCENE is a JSON scene file, `book` (the final scene of "Ray Tracing in One Weekend") or `surfaces`.
 * Renders on all cores by default, with a progress bar on a terminal.
 */
import { availableParallelism } from 'node:os';
import { BOOK_SETTINGS, bookFinalScene, implicitShowcase, progressLine, readSceneFile, renderToPng, SceneError, type SceneSpec } from './index.js';

const FLAGS = ['width', 'height', 'spp', 'depth', 'seed', 'threads'] as const;

export async function renderCli(args: readonly string[], out: NodeJS.WriteStream = process.stdout, err: NodeJS.WriteStream = process.stderr): Promise<number> {
  const usage = 'usage: lousa render SCENE.json|book|surfaces OUT.png [--width N] [--height N] [--spp N] [--depth N] [--seed N] [--threads N]';
  const pos: string[] = [];
  const opt = new Map<string, number>();
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a.startsWith('--')) {
      const name = a.slice(2);
      const v = Number(args[++k]);
      if (!(FLAGS as readonly string[]).includes(name)) {
        err.write(`lousa render: unknown option ${a}\n${usage}\n`);
        return 2;
      }
      if (!Number.isInteger(v) || v < (name === 'seed' ? 0 : 1) || v > 100000) {
        err.write(`lousa render: ${a} needs a whole number, got ${args[k] ?? 'nothing'}\n`);
        return 2;
      }
      opt.set(name, v);
    } else pos.push(a);
  }
  if (pos.length !== 2 || !pos[1]!.toLowerCase().endsWith('.png')) {
    err.write(`${usage}\n`);
    return 2;
  }
  const [source, file] = pos as [string, string];
  try {
    const spec: SceneSpec = source === 'book' ? bookFinalScene() : source === 'surfaces' ? implicitShowcase() : readSceneFile(source);
    const width = opt.get('width') ?? BOOK_SETTINGS.width;
    const aspect = source === 'surfaces' ? 5 / 3 : 16 / 9;
    const s = {
      width, height: opt.get('height') ?? Math.max(1, Math.round(width / aspect)),
      spp: opt.get('spp') ?? BOOK_SETTINGS.spp, maxDepth: opt.get('depth') ?? BOOK_SETTINGS.maxDepth, seed: opt.get('seed') ?? 1,
    };
    const tty = err.isTTY === true;
    const r = await renderToPng(spec, file, s, opt.get('threads') ?? availableParallelism(), (p) => {
      if (tty) err.write(`\r${progressLine(p)}`);
    });
    if (tty) err.write('\r\x1b[K');
    out.write(`wrote ${file}: ${s.width}×${s.height}, ${s.spp} spp, depth ${s.maxDepth}, ${r.threads} thread(s); ` +
      `${(r.rays / 1e6).toFixed(2)} M rays in ${r.seconds.toFixed(2)} s = ${(r.rays / r.seconds / 1e6).toFixed(2)} M rays/s\n`);
    return 0;
  } catch (e) {
    if (e instanceof SceneError) err.write(`lousa render: ${e.message}\n`);
    else err.write(`lousa render: ${e instanceof Error && 'code' in e ? `cannot write ${file} (${String((e as NodeJS.ErrnoException).code)})` : (e as Error).message}\n`);
    return 1;
  }
}
