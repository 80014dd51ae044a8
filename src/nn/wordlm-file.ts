/**
 * A word model on disk: its configuration, alphabet and parameters as JSON (entries as base64 of little-endian
 * doubles, exact for float32 and float64 models), written to a temporary file beside the target and renamed
 * over it, so a crash never leaves half a file.
 */
import { readFileSync } from 'node:fs';
import { decode, encode, writeAtomic } from './checkpoint.js';
import { showShape } from '../ast/shapes.js';
import { NnError } from './errors.js';
import { WordModel, type WordModelOptions } from './wordlm.js';
import { exportOnnx } from './onnx/export.js';

const FORMAT = 'lousa-gpt-words-1';

interface FileShape {
  readonly format: string;
  readonly options: WordModelOptions;
  readonly chars: string[];
  readonly block: number;
  readonly steps: number;
  readonly params: Record<string, { shape: number[]; data: string }>;
}

export function saveWordModel(wm: WordModel, path: string): void {
  const file: FileShape = {
    format: FORMAT,
    options: { ...wm.opts, block: wm.config.block },
    chars: [...wm.alphabet.chars],
    block: wm.alphabet.block,
    steps: wm.steps,
    params: Object.fromEntries([...wm.model.params.values()].map((p) => [p.name, { shape: [...p.shape], data: encode(p.data) }])),
  };
  try {
    writeAtomic(path, JSON.stringify(file));
  } catch (err) {
    throw new NnError(`cannot write ${path}: ${(err as Error).message}`);
  }
}

export function loadWordModel(path: string): WordModel {
  let file: FileShape;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as FileShape;
  } catch (err) {
    throw new NnError(`cannot read ${path}: ${(err as Error).message}`);
  }
  if (file.format !== FORMAT) throw new NnError(`${path} is not a saved Lousa transformer (format ${String(file.format)})`);
  const wm = new WordModel({ chars: file.chars, block: file.block }, file.options);
  for (const p of wm.model.params.values()) {
    const e = file.params[p.name];
    if (e === undefined) throw new NnError(`${path} has no parameter '${p.name}'`);
    if (showShape(e.shape) !== showShape(p.shape)) throw new NnError(`${path}: '${p.name}' has shape ${showShape(e.shape)}, the model ${showShape(p.shape)}`);
    p.data.set(decode(e.data));
  }
  wm.steps = file.steps;
  return wm;
}

/**
 * The model's logits for `n` sequences as an ONNX file (input X: int64 [n, block], output logits: float
 * [n, block, vocab]), written atomically. Returns the number of bytes.
 */
export function saveWordModelOnnx(wm: WordModel, path: string, n = 1): number {
  const bytes = exportOnnx(wm.logitsExpr(n), {
    params: new Map([...wm.model.params.values()].map((p) => [p.name, p.data])),
    outputName: 'logits',
    docString: `GPT over the letters ${wm.alphabet.chars.join('')} (index 0 marks start and end), block ${wm.config.block}`,
  });
  try {
    writeAtomic(path, bytes);
  } catch (err) {
    throw new NnError(`cannot write ${path}: ${(err as Error).message}`);
  }
  return bytes.length;
}
