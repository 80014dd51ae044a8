/**
 * The small classic datasets scikit-learn ships as CSV files — iris (150 flowers, 4 measurements, 3 species) and
 * digits (1,797 8×8 images of handwritten digits, 16 grey levels) — read from where Debian's python3-sklearn
 * package installs them, or from a folder given by the caller.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { NnError } from '../errors.js';

/** Where Debian's python3-sklearn puts the data files. */
export const SKLEARN_DATA_DIR = '/usr/lib/python3/dist-packages/sklearn/datasets/data';

export interface Table {
  /** Row-major features, `rows × features`. */
  readonly x: Float64Array;
  readonly y: Int32Array;
  readonly rows: number;
  readonly features: number;
  readonly classes: readonly string[];
  readonly source: string;
}

function locate(file: string, dir?: string): string {
  const path = join(dir ?? SKLEARN_DATA_DIR, file);
  if (!existsSync(path)) {
    throw new NnError(`${file} not found at ${path}: it ships with scikit-learn (Debian: apt-get install python3-sklearn), or pass the folder that holds it`);
  }
  return path;
}

function parseRows(textData: string, skipHeader: boolean, source: string): number[][] {
  const lines = textData.split('\n').filter((l) => l.trim() !== '');
  const rows = (skipHeader ? lines.slice(1) : lines).map((l) => l.split(',').map(Number));
  rows.forEach((r, k) => {
    if (r.some((v) => !Number.isFinite(v))) throw new NnError(`${source}: row ${k + 1} is not numeric`);
  });
  return rows;
}

function table(rows: number[][], classes: readonly string[], source: string): Table {
  const features = rows[0]!.length - 1;
  const x = new Float64Array(rows.length * features);
  const y = new Int32Array(rows.length);
  rows.forEach((r, i) => {
    if (r.length !== features + 1) throw new NnError(`${source}: row ${i + 1} has ${r.length} fields, expected ${features + 1}`);
    for (let j = 0; j < features; j++) x[i * features + j] = r[j]!;
    y[i] = r[features]!;
  });
  return { x, y, rows: rows.length, features, classes, source };
}

/** Fisher's iris data. The first line of iris.csv is `150,4,setosa,versicolor,virginica`. */
export function loadIris(dir?: string): Table {
  const path = locate('iris.csv', dir);
  const textData = readFileSync(path, 'utf8');
  const header = textData.slice(0, textData.indexOf('\n')).split(',');
  const rows = parseRows(textData, true, path);
  if (rows.length !== Number(header[0])) throw new NnError(`${path}: header says ${header[0]} rows, found ${rows.length}`);
  return table(rows, header.slice(2), path);
}

/** The UCI optical digits as packaged by scikit-learn: 64 grey levels (0–16) then the digit, no header. */
export function loadDigits(dir?: string): Table {
  const path = locate('digits.csv.gz', dir);
  const rows = parseRows(gunzipSync(readFileSync(path)).toString('utf8'), false, path);
  return table(rows, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], path);
}
