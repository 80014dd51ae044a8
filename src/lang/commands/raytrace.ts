/**
 * The ray tracer in the language: `render(scene, out, width = 400, spp = 10)` renders the book's final
 * scene (`book`), the implicit-surface scene (`surfaces`) or any surface f(x, y, z) = 0 typed as an
 * expression, to `out.png`; `raysurface(f)` shows how a ray meets a polynomial surface.
 */
import { type Expr } from '../../ast/expr.js';
import { text } from '../../render/text.js';
import { EvalError } from '../../eval/errors.js';
import { evaluate } from '../../eval/evaluate.js';
import { defineCommand } from '../registry.js';
import {
  BOOK_SETTINGS, bookFinalScene, implicitShowcase, progressLine, renderSync, SceneError, type SceneSpec,
} from '../../raytrace/index.js';
import { encodePng, toRgba, writeFileAtomic } from '../../raytrace/png.js';
import { surfaceScene } from '../../raytrace/surface-scene.js';
import { explainSurface } from '../../raytrace/explain.js';

const OPTIONS = ['width', 'height', 'spp', 'depth', 'seed'] as const;
type Option = (typeof OPTIONS)[number];

function positiveInt(e: Expr, what: string, max: number): number {
  let v: number;
  try {
    v = evaluate(e);
  } catch {
    throw new EvalError(`${what} must be a whole number, got ${text(e)}`);
  }
  if (!Number.isInteger(v) || v < 1 || v > max) throw new EvalError(`${what} must be a whole number from 1 to ${max}, got ${text(e)}`);
  return v;
}

defineCommand({
  name: 'render',
  usage: 'render(scene, out, width = 400, spp = 10, height?, depth?, seed?)',
  doc: 'ray-trace a scene to out.png: scene is book (the final scene of "Ray Tracing in One Weekend"), surfaces, or a surface f(x, y, z) = 0',
  arity: [2, 7],
  hold: true,
  run: (args, session) => {
    const [sceneArg, outArg, ...rest] = args;
    if (outArg!.kind !== 'sym') throw new EvalError(`render: the output must be a name (it writes name.png), got ${text(outArg!)}`);
    const file = `${outArg!.name}.png`;
    const opts = new Map<Option, number>();
    const positional: Option[] = ['width', 'spp', 'height', 'depth', 'seed'];
    rest.forEach((a, k) => {
      if (a.kind === 'rel' && a.op === '=' && a.lhs.kind === 'sym') {
        const name = a.lhs.name as Option;
        if (!OPTIONS.includes(name)) throw new EvalError(`render: unknown option '${a.lhs.name}'; expected ${OPTIONS.join(', ')}`);
        opts.set(name, positiveInt(session.evaluate(a.rhs), `render: ${name}`, name === 'seed' ? 2 ** 31 : name === 'spp' ? 100000 : 8192));
      } else {
        const name = positional[k]!;
        opts.set(name, positiveInt(session.evaluate(a), `render: ${name}`, name === 'seed' ? 2 ** 31 : name === 'spp' ? 100000 : 8192));
      }
    });
    let spec: SceneSpec;
    let aspect = 16 / 9;
    if (sceneArg!.kind === 'sym' && sceneArg!.name === 'book') spec = bookFinalScene();
    else if (sceneArg!.kind === 'sym' && sceneArg!.name === 'surfaces') {
      spec = implicitShowcase();
      aspect = 5 / 3;
    } else spec = surfaceScene(text(session.evaluate(sceneArg!)));
    const width = opts.get('width') ?? BOOK_SETTINGS.width;
    const height = opts.get('height') ?? Math.max(1, Math.round(width / aspect));
    const settings = { width, height, spp: opts.get('spp') ?? BOOK_SETTINGS.spp, maxDepth: opts.get('depth') ?? BOOK_SETTINGS.maxDepth, seed: opts.get('seed') ?? 1 };
    const tty = process.stderr.isTTY === true;
    let r;
    try {
      r = renderSync(spec, settings, (p) => {
        if (tty) process.stderr.write(`\r${progressLine(p)}`);
      });
      writeFileAtomic(file, encodePng(toRgba(r.acc, width, height, settings.spp), width, height));
    } catch (e) {
      if (e instanceof SceneError) throw new EvalError(`render: ${e.message}`);
      if (e instanceof Error && 'code' in e) throw new EvalError(`render: cannot write ${file} (${String((e as NodeJS.ErrnoException).code)})`);
      throw e;
    } finally {
      if (tty) process.stderr.write('\r\x1b[K');
    }
    return {
      kind: 'text',
      text: `wrote ${file}: ${width}×${height}, ${settings.spp} samples per pixel, depth ${settings.maxDepth}; ` +
        `${(r.rays / 1e6).toFixed(2)} M rays in ${r.seconds.toFixed(2)} s (${(r.rays / r.seconds / 1e6).toFixed(2)} M rays/s)`,
    };
  },
});

defineCommand({
  name: 'raysurface',
  usage: 'raysurface(f, lang?)',
  doc: 'how a ray o + t d meets the surface f(x, y, z) = 0: the polynomial in t and the normal ∇f (lang: en or pt); :latex shows it typeset',
  arity: [1, 2],
  hold: true,
  run: (args, session) => {
    const lang = args[1]?.kind === 'sym' && args[1].name === 'pt' ? 'pt' : 'en';
    if (args[1] !== undefined && !(args[1].kind === 'sym' && (args[1].name === 'pt' || args[1].name === 'en'))) {
      throw new EvalError(`raysurface: the language must be en or pt, got ${text(args[1])}`);
    }
    try {
      return { kind: 'text', ...explainSurface(text(session.evaluate(args[0]!)), lang) };
    } catch (e) {
      if (e instanceof SceneError) throw new EvalError(`raysurface: ${e.message}`);
      throw e;
    }
  },
});
