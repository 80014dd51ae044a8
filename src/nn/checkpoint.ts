/**
 * Checkpoints: a model's parameters and running statistics as JSON (entries as base64 of little-endian
 * doubles, so values round-trip exactly), written atomically: to a temporary file beside the target, then
 * renamed over it, so a crash never leaves a half-written checkpoint.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { showShape } from '../ast/shapes.js';
import { NnError } from './errors.js';
import type { Model } from './model.js';

const FORMAT = 'lousa-nn-checkpoint-1';

interface Entry { readonly shape: number[]; readonly data: string }
interface File { readonly format: string; readonly params: Record<string, Entry>; readonly stats: Record<string, Entry> }

/** Entries as base64 of little-endian doubles, so values round-trip exactly. */
export const encode = (a: ArrayLike<number>): string => Buffer.from(Float64Array.from(a).buffer).toString('base64');
export function decode(s: string): Float64Array {
  const b = Buffer.from(s, 'base64');
  const out = new Float64Array(b.length / 8);
  for (let i = 0; i < out.length; i++) out[i] = b.readDoubleLE(8 * i);
  return out;
}

export function saveCheckpoint(model: Model, path: string): void {
  const file: File = {
    format: FORMAT,
    params: Object.fromEntries([...model.params.values()].map((p) => [p.name, { shape: [...p.shape], data: encode(p.data) }])),
    stats: Object.fromEntries([...model.stats.values()].map((s) => [s.name, { shape: [s.data.length], data: encode(s.data) }])),
  };
  writeAtomic(path, JSON.stringify(file));
}

/** Writes to a temporary file beside the target, then renames it over the target (atomic on one file system). */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/** Load entries into a model whose parameters are already declared with the same names and shapes. */
export function loadCheckpoint(model: Model, path: string): void {
  let file: File;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as File;
  } catch (err) {
    throw new NnError(`cannot read checkpoint ${path}: ${(err as Error).message}`);
  }
  if (file.format !== FORMAT) throw new NnError(`${path} is not a Lousa checkpoint (format ${String(file.format)})`);
  for (const p of model.params.values()) {
    const e = file.params[p.name];
    if (e === undefined) throw new NnError(`checkpoint ${path} has no parameter '${p.name}'`);
    if (showShape(e.shape) !== showShape(p.shape)) throw new NnError(`checkpoint '${p.name}' has shape ${showShape(e.shape)}, the model ${showShape(p.shape)}`);
    p.data.set(decode(e.data));
  }
  for (const s of model.stats.values()) {
    const e = file.stats[s.name];
    if (e !== undefined) s.data.set(decode(e.data));
  }
}
